using Tansiq.Core.Text;

namespace Tansiq.Core.Tests.Text;

public class NearDuplicateComponentsTests
{
    [Theory]
    [InlineData(0.8)]
    [InlineData(0.5)]
    public void MayBeSimilar_RandomSetPairs_NeverFalseWhereTheExactTestIsTrue(double threshold)
    {
        var random = new Random(7);
        var sets = Enumerable.Range(0, 400)
            .Select(_ => Enumerable.Range(0, random.Next(1, 13)).Select(_ => Word(random.Next(40))).Distinct().Order().ToArray())
            .ToList();
        int similar = 0, ruledOut = 0;
        for (var i = 0; i < sets.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                var exact = TokenSets.IsSimilar(sets[i], sets[j], threshold);
                var maybe = NearDuplicateIndex.MayBeSimilar(Sketch(sets[i]), sets[i].Length, Sketch(sets[j]), sets[j].Length, threshold);
                Assert.True(maybe || !exact, $"sets {i} and {j} are similar but were ruled out");
                similar += exact ? 1 : 0;
                ruledOut += maybe ? 0 : 1;
            }
        }
        Assert.True(similar > 0 && ruledOut > 0, $"{similar} similar, {ruledOut} ruled out: the fixture should have both");
    }

    [Fact]
    public void SortByKey_RandomKeysWithRepeats_AscendingAndStable()
    {
        var random = new Random(11);
        var keys = Enumerable.Range(0, 50_000).Select(_ => random.Next(4) == 0 ? (ulong)random.Next(100) : (ulong)random.NextInt64() * 3).ToArray();
        var ids = Enumerable.Range(0, keys.Length).ToArray();
        var expected = keys.Select((k, i) => (k, i)).OrderBy(p => p.k).ThenBy(p => p.i).ToList();
        NearDuplicateIndex.SortByKey(keys, ids);
        Assert.Equal(expected.Select(p => p.k), keys);
        Assert.Equal(expected.Select(p => p.i), ids);
    }

    [Theory]
    [InlineData(512, 1 << 16)]
    [InlineData(3, 1 << 16)]
    [InlineData(512, 7)]
    public void Components_GeneratedCampaigns_SameAsAPlainPairByPairPass(int bucketLimit, int bucketsPerBatch)
    {
        var generated = new CampaignTextGenerator(seed: 5).Generate(3000, campaigns: 40, campaignShare: 0.5);
        var options = new NearDuplicateOptions { ExactBucketLimit = bucketLimit, Bands = 40, RowsPerBand = 2 };
        var index = NearDuplicateIndex.Build(TokenSets.Build(generated.Select(g => g.Text).ToList(), 1), options);
        index.BucketsPerBatch = bucketsPerBatch;

        var (component, stats) = index.Components();

        var (expectedComponent, candidates, similar, largeBuckets) = PairByPair(index, options);
        Assert.Equal(expectedComponent, component);
        Assert.Equal(candidates, stats.CandidatePairs);
        Assert.Equal(similar, stats.VerifiedSimilar);
        Assert.Equal(largeBuckets, stats.LargeBuckets);
        Assert.True(similar > 100, $"the fixture should join many sets, joined {similar}");
    }

    /// <summary>The grouping as it was written before it was made fast: every pair of a bucket, one after another.</summary>
    private static (int[] Component, long Candidates, long Similar, int LargeBuckets) PairByPair(NearDuplicateIndex index, NearDuplicateOptions options)
    {
        var uf = new UnionFind(index.DistinctCount);
        long candidates = 0, similar = 0;
        var largeBuckets = 0;
        var reps = new List<int>();
        index.ForEachBucket(bucket =>
        {
            if (bucket.Length <= options.ExactBucketLimit)
            {
                for (var i = 1; i < bucket.Length; i++)
                {
                    for (var j = 0; j < i; j++)
                    {
                        if (uf.Find(bucket[i]) == uf.Find(bucket[j]))
                        {
                            continue;
                        }
                        candidates++;
                        if (TokenSets.IsSimilar(index.DistinctSet(bucket[i]), index.DistinctSet(bucket[j]), options.Threshold))
                        {
                            similar++;
                            uf.Union(bucket[i], bucket[j]);
                        }
                    }
                }
                return;
            }
            largeBuckets++;
            reps.Clear();
            foreach (var x in bucket)
            {
                var linked = false;
                foreach (var rep in reps)
                {
                    if (uf.Find(x) == uf.Find(rep))
                    {
                        linked = true;
                        break;
                    }
                    candidates++;
                    if (TokenSets.IsSimilar(index.DistinctSet(x), index.DistinctSet(rep), options.Threshold))
                    {
                        similar++;
                        uf.Union(x, rep);
                        linked = true;
                        break;
                    }
                }
                if (!linked && reps.Count < options.ExactBucketLimit)
                {
                    reps.Add(x);
                }
            }
        });
        return (Enumerable.Range(0, index.DistinctCount).Select(uf.Find).ToArray(), candidates, similar, largeBuckets);
    }

    private static ulong Word(int i) => TextNormaliser.HashWord($"w{i}");

    private static ulong Sketch(ulong[] set) => set.Aggregate(0UL, (s, w) => s | (1UL << (int)(w & 63)));

    [Fact]
    public void TextStore_TextsOfAnyLength_ReadBackExactly()
    {
        var texts = new List<string> { "", "مرحبا", "a\uD800b", new('x', (1 << 20) + 5), "after the long one" };
        texts.AddRange(Enumerable.Range(0, 5000).Select(i => $"post {i} " + new string('y', i % 300)));
        var store = new TextStore();
        var indices = texts.Select(t => store.Add(t)).ToList();
        Assert.Equal(Enumerable.Range(0, texts.Count), indices);
        Assert.Equal(texts, Enumerable.Range(0, texts.Count).Select(store.GetString));
    }

    [Theory]
    [InlineData("1352043303662518272")]
    [InlineData("0")]
    [InlineData("9223372036854775807")]
    [InlineData("9223372036854775808")]
    [InlineData("99999999999999999999")]
    [InlineData("007")]
    [InlineData("-5")]
    [InlineData("+5")]
    [InlineData("12a")]
    [InlineData("at://did:plc:abc/app.bsky.feed.post/3k")]
    [InlineData("١٢٣")]
    public void TextPostTable_AnyId_ReadsBackExactly(string id)
    {
        var table = new TextPostTable();
        table.Add(0, 0, 0, "first", "x");
        table.Add(1, 0, 0, "second", id);
        table.Add(2, 0, 0, "third", "17");

        Assert.Equal(["x", id, "17"], new[] { table.Id(0), table.Id(1), table.Id(2) });
    }

    [Theory]
    [InlineData("1352043303662518272", 1352043303662518272L)]
    [InlineData("0", 0L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("9223372036854775808", null)]
    [InlineData("007", null)]
    [InlineData("-5", null)]
    [InlineData("", null)]
    [InlineData("١٢٣", null)]
    public void NumericId_CanonicalDigitsOnly_IsTheNumber(string id, long? expected) =>
        Assert.Equal(expected, TextPostTable.NumericId(id));

    [Fact]
    public void Cluster_PostsInATable_SameClustersAsTheSamePostsInAList()
    {
        var generated = new CampaignTextGenerator(seed: 9).Generate(1500, campaigns: 20, campaignShare: 0.5);
        var list = generated.Select((g, i) => new TextPost(i * 2, g.Account, g.Time, g.Text)).ToList();
        var table = new TextPostTable();
        foreach (var p in list)
        {
            table.Add(p.MessageIndex, p.AccountIndex, p.Time, p.Text, $"id{p.MessageIndex}");
        }

        var fromList = TextClusterer.Cluster(list, new NearDuplicateOptions());
        var fromTable = TextClusterer.Cluster(table, new NearDuplicateOptions());

        Assert.True(fromList.Clusters.Count > 5);
        Assert.Equal(fromList.ClusterOfPost, fromTable.ClusterOfPost);
        Assert.Equal(fromList.Clusters.Select(c => (c.Size, c.Accounts, c.FirstTime, c.LastTime, c.RepresentativeMessageIndex, c.RepresentativeText)),
            fromTable.Clusters.Select(c => (c.Size, c.Accounts, c.FirstTime, c.LastTime, c.RepresentativeMessageIndex, c.RepresentativeText)));
        Assert.Equal(fromList.Clusters.Select(c => c.Posts), fromTable.Clusters.Select(c => c.Posts));
        Assert.Equal($"id{list[7].MessageIndex}", table.Id(7));
    }
}
