using System.Diagnostics;
using System.Globalization;
using nietras.SeparatedValues;
using Tansiq.Core.Text;

namespace Tansiq.Benchmarks.Text;

/// <summary>
/// Measurements for near-duplicate text (issue 4), run outside BenchmarkDotNet because they are one-shot:
///   text-scale [posts] [parallelism]        generate posts, time normalise + MinHash/LSH + verify + group
///   text-quality [real-dir] [sample] [bands rows]  pair recall / precision against exact all-pairs (simulated and real text)
///   text-ira [tweets_arabic.csv] [top]      the worked example: copy-paste campaigns in the IRA's Arabic tweets
/// </summary>
internal static class TextBench
{
    public static int Run(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "text-scale":
                Scale(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000,
                    args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2);
                return 0;
            case "text-quality":
                Quality(args.Length > 1 ? args[1] : "../shared/data/real", args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20_000,
                    args.Length > 4 ? new NearDuplicateOptions { Bands = int.Parse(args[3], CultureInfo.InvariantCulture), RowsPerBand = int.Parse(args[4], CultureInfo.InvariantCulture) } : new NearDuplicateOptions());
                return 0;
            case "text-ira":
                Ira(args.Length > 1 ? args[1] : "../shared/data/real/ira-troll-tweets/tweets_arabic.csv", args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 25);
                return 0;
            default:
                Console.Error.WriteLine("usage: text-scale [posts] [parallelism] | text-quality [real-dir] [sample] [bands rows] | text-ira [tweets_arabic.csv] [top]");
                return 2;
        }
    }

    private static void Scale(int count, int parallelism)
    {
        var clock = Stopwatch.StartNew();
        var generated = new CampaignTextGenerator(seed: 1, vocabulary: 50_000).Generate(count, campaigns: Math.Max(1, count / 500), campaignShare: 0.3);
        var texts = generated.Select(g => g.Text).ToArray();
        var posts = generated.Select((g, i) => new TextPost(i, g.Account, g.Time, g.Text)).ToList();
        generated.Clear();
        Console.WriteLine($"generated {count:N0} posts ({texts.Sum(t => (long)t.Length) / count} chars on average) in {clock.Elapsed.TotalSeconds:F1} s");
        GC.Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var options = new NearDuplicateOptions { Parallelism = parallelism };

        var total = Stopwatch.StartNew();
        var stage = Stopwatch.StartNew();
        var sets = TokenSets.Build(texts, parallelism);
        var normalise = stage.Elapsed.TotalSeconds;
        stage.Restart();
        var index = NearDuplicateIndex.Build(sets, options);
        var lsh = stage.Elapsed.TotalSeconds;
        stage.Restart();
        var (component, stats) = index.Components();
        var verify = stage.Elapsed.TotalSeconds;
        var pipeline = total.Elapsed.TotalSeconds;
        var afterIndex = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(component);
        GC.KeepAlive(index);

        // The public API end to end (it repeats the stages above and adds grouping into clusters).
        stage.Restart();
        var clustering = TextClusterer.Cluster(posts, options);
        var api = stage.Elapsed.TotalSeconds;
        var clustered = clustering.Clusters.Sum(c => (long)c.Size);
        Console.WriteLine($"posts={count:N0} parallelism={parallelism} threshold={options.Threshold} bands={options.Bands}x{options.RowsPerBand}");
        Console.WriteLine($"  normalise+hash  {normalise,7:F2} s");
        Console.WriteLine($"  minhash+lsh     {lsh,7:F2} s");
        Console.WriteLine($"  verify+union    {verify,7:F2} s");
        Console.WriteLine($"  pipeline total  {pipeline,7:F2} s");
        Console.WriteLine($"  TextClusterer.Cluster (all stages + grouping) {api:F2} s");
        Console.WriteLine($"  eligible={stats.Eligible:N0} distinct sets={stats.DistinctSets:N0} bucket members={stats.BucketMembers:N0} "
            + $"verified candidates={stats.CandidatePairs:N0} similar={stats.VerifiedSimilar:N0} large buckets={stats.LargeBuckets}");
        Console.WriteLine($"  clusters={clustering.Clusters.Count:N0} posts in clusters={clustered:N0} largest={clustering.Clusters.FirstOrDefault()?.Size ?? 0:N0}");
        Console.WriteLine($"  managed heap: input {baseline / 1e6:F0} MB, +{(afterIndex - baseline) / 1e6:F0} MB live after index (word sets, index, components); peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
    }

    private static void Quality(string realDir, int sample, NearDuplicateOptions options)
    {
        Console.WriteLine($"bands={options.Bands} rows={options.RowsPerBand} threshold={options.Threshold} min words={options.MinWords}");
        var simulated = new CampaignTextGenerator(seed: 2024).Generate(sample, campaigns: sample / 40, campaignShare: 0.4)
            .Select(g => g.Text).ToList();
        Evaluate("simulated campaign variants", simulated, options);

        var real = ReadReal(realDir);
        Console.WriteLine($"real Arabic texts: {real.Count:N0} (ArSarcasm-v2 + IRA Arabic)");
        Evaluate("real (ArSarcasm-v2 + IRA Arabic)", real.Take(sample).ToList(), options);

        // Real text as a substrate for campaigns: 2% of the real tweets become campaign bases, copied with the
        // simulator's variants (spelling, emoji, links, one changed word in a fifth of the copies).
        var random = new Random(7);
        var mixed = real.Take(sample * 3 / 4).ToList();
        var bases = mixed.Where(t => TextNormaliser.Normalise(t).Split(' ').Length >= 8).Take(sample / 50).ToList();
        var variants = new CampaignTextGenerator(seed: 11);
        while (mixed.Count < sample)
        {
            mixed.Add(variants.Respelled(bases[(int)(bases.Count * Math.Pow(random.NextDouble(), 2))], random.NextDouble() < 0.2));
        }
        Evaluate("real + injected variants of real tweets", mixed, options);
    }

    /// <summary>
    /// The worked example (docs/worked-example-ira-arabic.md): clusters among original posts, then among all posts
    /// (retweets and quotes carry the text they share), as markdown tables. For each cluster, how many different
    /// texts it holds after the toolkit's exact co-text normalisation: more than one means exact matching splits it.
    /// </summary>
    private static void Ira(string path, int top)
    {
        var rows = ReadIra(path);
        var times = rows.Select(r => DateTime.ParseExact(r.PublishDate, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)).ToList();
        var authors = rows.Select(r => r.Author).Distinct().ToList();
        var authorIndex = authors.Select((a, i) => (a, i)).ToDictionary(x => x.a, x => x.i);
        Console.WriteLine($"{rows.Count:N0} tweets from {authors.Count} accounts; {rows.Count(r => r.PostType.Length == 0):N0} original");
        foreach (var includeShares in new[] { false, true })
        {
            var chosen = Enumerable.Range(0, rows.Count).Where(i => includeShares || rows[i].PostType.Length == 0).ToList();
            var posts = chosen.Select(i => new TextPost(i, authorIndex[rows[i].Author], (times[i] - DateTime.UnixEpoch).TotalSeconds, rows[i].Content)).ToList();
            var clock = Stopwatch.StartNew();
            var result = TextClusterer.Cluster(posts, new NearDuplicateOptions());
            var seconds = clock.Elapsed.TotalSeconds;
            var multi = result.Clusters.Count(c => c.Accounts > 1);
            var split = result.Clusters.Count(c => c.Posts.Select(p => Tansiq.Core.Signals.ToolkitText.Normalise(posts[p].Text)).Distinct().Count() > 1);
            Console.WriteLine();
            Console.WriteLine($"### {(includeShares ? "All posts (originals, retweets and quotes)" : "Original posts only")}: {posts.Count:N0} posts, {result.Clusters.Count} clusters "
                + $"({result.Clusters.Sum(c => c.Size)} posts), {multi} with more than one account, {split} that exact co-text matching would split; {seconds:F2} s");
            Console.WriteLine();
            Console.WriteLine("| # | posts | accounts | first (UTC) | last (UTC) | exact texts | accounts (posts) | text of the first post |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|");
            foreach (var c in result.Clusters.OrderByDescending(c => c.Accounts).ThenByDescending(c => c.Size).ThenBy(c => c.Id).Take(top))
            {
                var who = c.Posts.GroupBy(p => rows[posts[p].MessageIndex].Author).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => g.Count() > 1 ? $"{g.Key} ({g.Count()})" : g.Key);
                var exact = c.Posts.Select(p => Tansiq.Core.Signals.ToolkitText.Normalise(posts[p].Text)).Distinct().Count();
                var text = c.RepresentativeText.ReplaceLineEndings(" ").Replace("|", "\\|", StringComparison.Ordinal);
                text = text.Length > 140 ? text[..140] + "…" : text;
                Console.WriteLine($"| {c.Id} | {c.Size} | {c.Accounts} | {Utc(c.FirstTime)} | {Utc(c.LastTime)} | {exact} | {string.Join(", ", who.Take(6))}{(c.Accounts > 6 ? ", …" : "")} | {text} |");
            }
        }
    }

    private static string Utc(double seconds) => DateTime.UnixEpoch.AddSeconds(seconds).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static List<string> ReadReal(string dir)
    {
        var texts = new List<string>();
        foreach (var file in new[] { "arsarcasm-v2/training_data.csv", "arsarcasm-v2/testing_data.csv" })
        {
            using var reader = Sep.New(',').Reader(o => o with { Unescape = true }).FromFile(Path.Combine(dir, file));
            foreach (var row in reader)
            {
                texts.Add(row["tweet"].ToString());
            }
        }
        var ira = ReadIra(Path.Combine(dir, "ira-troll-tweets/tweets_arabic.csv"));
        texts.AddRange(ira.Select(r => r.Content));
        // Interleave deterministically so that a prefix sample holds both corpora.
        var random = new Random(5);
        for (var i = texts.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (texts[i], texts[j]) = (texts[j], texts[i]);
        }
        return texts;
    }

    internal static List<(string Author, string Content, string PublishDate, string PostType)> ReadIra(string path)
    {
        var rows = new List<(string, string, string, string)>();
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true }).FromFile(path);
        foreach (var row in reader)
        {
            rows.Add((row["author_id"].ToString(), row["content"].ToString(), row["publish_date"].ToString(), row["post_type"].ToString()));
        }
        return rows;
    }

    private static void Evaluate(string name, List<string> texts, NearDuplicateOptions options)
    {
        var clock = Stopwatch.StartNew();
        var sets = TokenSets.Build(texts, options.Parallelism);
        var index = NearDuplicateIndex.Build(sets, options);
        var found = new HashSet<long>();
        var byDistinct = new Dictionary<int, List<int>>();
        for (var i = 0; i < texts.Count; i++)
        {
            var d = index.DistinctOf[i];
            if (d >= 0)
            {
                (byDistinct.TryGetValue(d, out var list) ? list : byDistinct[d] = []).Add(i);
            }
        }
        foreach (var members in byDistinct.Values)
        {
            for (var a = 0; a < members.Count; a++)
            {
                for (var b = a + 1; b < members.Count; b++)
                {
                    found.Add(Key(members[a], members[b]));
                }
            }
        }
        foreach (var (da, db) in index.SimilarDistinctPairs())
        {
            foreach (var x in byDistinct[da])
            {
                foreach (var y in byDistinct[db])
                {
                    found.Add(Key(x, y));
                }
            }
        }
        var lshSeconds = clock.Elapsed.TotalSeconds;
        var (component, stats) = index.Components();
        clock.Restart();
        var truth = AllPairs(sets, options.Threshold, options.MinWords);
        var bruteSeconds = clock.Elapsed.TotalSeconds;
        var hits = found.Count(truth.Contains);
        var together = 0L;
        foreach (var p in truth)
        {
            var (a, b) = ((int)(p >> 32), (int)(p & 0xFFFFFFFF));
            if (component[index.DistinctOf[a]] == component[index.DistinctOf[b]])
            {
                together++;
            }
        }
        // Co-clustered pairs (single linkage may chain a~b~c with J(a,c) below the threshold).
        var sizes = new Dictionary<int, long>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (index.DistinctOf[i] >= 0)
            {
                var root = component[index.DistinctOf[i]];
                sizes[root] = sizes.GetValueOrDefault(root) + 1;
            }
        }
        var coClustered = sizes.Values.Sum(s => s * (s - 1) / 2);
        var exactDuplicatePairs = byDistinct.Values.Sum(m => (long)m.Count * (m.Count - 1) / 2);
        Console.WriteLine($"== {name}: {texts.Count:N0} posts, {stats.Eligible:N0} with >= {options.MinWords} words, {stats.DistinctSets:N0} distinct word sets");
        Console.WriteLine($"  true pairs (J >= {options.Threshold}): {truth.Count:N0}, of which identical word sets {exactDuplicatePairs:N0}, near (J < 1) {truth.Count - exactDuplicatePairs:N0}");
        Console.WriteLine($"  reported pairs: {found.Count:N0}; recall {Ratio(hits, truth.Count)}, precision {Ratio(hits, found.Count)}");
        Console.WriteLine($"  near pairs only (excluding identical sets): recall {Ratio(hits - exactDuplicatePairs, truth.Count - exactDuplicatePairs)}");
        Console.WriteLine($"  clusters: true pairs in one cluster {Ratio(together, truth.Count)}; co-clustered pairs {coClustered:N0} ({Ratio(truth.Count, coClustered)} of them at J >= threshold)");
        Console.WriteLine($"  verified candidates {stats.CandidatePairs:N0}; LSH + pairs {lshSeconds:F2} s, exact all-pairs {bruteSeconds:F2} s");
    }

    private static string Ratio(long a, long b) => b == 0 ? "n/a (no pairs)" : ((double)a / b).ToString("F4", CultureInfo.InvariantCulture);

    private static long Key(int a, int b) => a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;

    /// <summary>Exact all-pairs Jaccard, with the size filter (J &lt;= small / large) as the only shortcut.</summary>
    private static HashSet<long> AllPairs(TokenSets sets, double threshold, int minWords)
    {
        var order = Enumerable.Range(0, sets.Count).Where(i => sets[i].Length >= minWords).OrderBy(i => sets[i].Length).ToArray();
        var partial = new List<long>[2];
        Parallel.For(0, 2, part =>
        {
            var local = new List<long>();
            for (var x = part; x < order.Length; x += 2)
            {
                var a = order[x];
                var la = sets[a].Length;
                for (var y = x + 1; y < order.Length; y++)
                {
                    var b = order[y];
                    if (la < threshold * sets[b].Length)
                    {
                        break;
                    }
                    if (TokenSets.Jaccard(sets[a], sets[b]) >= threshold)
                    {
                        local.Add(Key(a, b));
                    }
                }
            }
            partial[part] = local;
        });
        return [.. partial[0], .. partial[1]];
    }
}
