using Tansiq.Core.CoAction;
using Tansiq.Core.Graphs;
using Tansiq.Core.Model;

namespace Tansiq.Core.Detection;

/// <summary>
/// From co-action events to judged clusters:
/// sweep each signal (toolkit counts + synchronous-object evidence + control counts) → keep pairs whose synchrony beats
/// the timing null model → fuse signals into one account graph → Louvain communities → judge each community by the
/// objects it acts on together that are exclusive to it → score accounts and clusters, and explain.
/// </summary>
public sealed partial class Detector
{
    private readonly DetectOptions _options;
    private readonly TimeProvider _time;
    private readonly List<KeyValuePair<string, double>> _stages = [];
    /// <summary>The clock of the data being judged (see <see cref="TimeResolution"/>).</summary>
    private double _tick;

    public Detector(DetectOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
    }

    /// <summary>Stage timings in seconds, in order (the caller may add its own stages, such as parsing, before these).</summary>
    public IReadOnlyList<KeyValuePair<string, double>> Stages => _stages;

    /// <summary>Extra per-object display text, e.g. the representative original text of a co-similar text cluster.</summary>
    public Func<SignalKind, int, string?>? ObjectText { get; init; }

    public DetectionResult Run(Corpus corpus, Func<DetectionSummary, DetectionSummary>? completeSummary = null)
    {
        var o = _options;
        var tick = _tick = TimeResolution(corpus);
        var weighing = new Weighing(corpus, o, tick);
        foreach (var (kind, events) in corpus.Signals.OrderBy(s => s.Key))
        {
            // The window the toolkit uses: the raw network (edges.csv) and, on a fine clock, the fastest scale's test.
            var table = Stage($"sweep {kind.Name()}", () => CoActionSweep.Run(events, corpus.AccountCount, new SweepOptions
            {
                Window = o.Window,
                ObjectWeight = EvidenceWeight,
                ControlFactor = tick <= 1 ? o.ControlFactor : 0,
                Parallelism = o.Parallelism,
            }));
            Stage($"weigh {kind.Name()}", () => weighing.AddRaw(kind, table, tick <= 1 ? o.Window : null));
            // The tables live outside the GC's heap: each is given back as soon as it is weighed.
            table.Dispose();
            foreach (var scale in weighing.Scales)
            {
                if ((tick <= 1 && scale == o.Window) || (IsPost(kind) && scale > o.MaxPostScale * o.Window))
                {
                    continue;
                }
                // Bands equal in clock ticks: with a clock of T seconds, synchronous gaps are 0 .. s-T and control gaps
                // s .. 2s-T, each s/T ticks wide (on a fine clock the toolkit's inclusive window is kept).
                var shift = tick > 1 ? tick : 0;
                var scaled = Stage($"sweep {kind.Name()} at {scale:0.#} s", () => CoActionSweep.Run(events, corpus.AccountCount, new SweepOptions
                {
                    Window = scale - shift,
                    ObjectWeight = EvidenceWeight,
                    ControlFactor = o.ControlFactor,
                    ControlHorizon = o.ControlFactor * scale - shift,
                    MaxParticipants = scale <= o.Window ? int.MaxValue : o.SlowScaleMaxParticipants,
                    Parallelism = o.Parallelism,
                }));
                Stage($"weigh {kind.Name()} at {scale:0.#} s", () => weighing.AddScale(kind, scaled, scale));
                scaled.Dispose();
            }
        }

        var (edges, significant, counts) = Stage("weigh evidence", weighing.Finish);
        var (nodes, membership, graph) = Stage("cluster", () => Cluster(significant));
        var judged = Stage("judge clusters", () => JudgeAndRefine(corpus, nodes, membership, graph, significant));
        var result = Stage("explain", () => Explain(corpus, significant, judged, edges, counts, tick));
        if (completeSummary is not null)
        {
            result = result with { Summary = completeSummary(result.Summary) };
        }
        return result;
    }

    /// <summary>Signals whose objects are posts (their reactions come within hours; see <see cref="DetectOptions.MaxPostScale"/>).</summary>
    internal static bool IsPost(SignalKind kind) => kind is SignalKind.CoRepost or SignalKind.CoReply;

    /// <summary>A text, near-duplicate or link: material whose first poster is an action on it, unlike a re-shared post's author.</summary>
    internal static bool IsCopy(SignalKind kind) => kind is SignalKind.CoText or SignalKind.CoSimilar or SignalKind.CoLink;

    /// <summary>
    /// The clock of the data: 60 when every time is a whole minute (most research exports), 1 for whole seconds, 0 for
    /// finer clocks. The null model's bands are then made equal in ticks.
    /// </summary>
    internal static double TimeResolution(Corpus corpus)
    {
        var minute = true;
        var second = true;
        long seen = 0;
        foreach (var events in corpus.Signals.Values)
        {
            foreach (var e in events.Events)
            {
                seen++;
                if (e.Time != Math.Floor(e.Time))
                {
                    return 0;
                }
                if (minute && e.Time % 60 != 0)
                {
                    minute = false;
                }
            }
        }
        // A handful of events on whole minutes may be chance; a clock is called coarse only when many are.
        return minute && seen >= 20 ? 60 : second ? 1 : 0;
    }

    /// <summary>
    /// The weight of one synchronous object for a pair: a co-action shared by the m accounts in the object's busiest
    /// window is split among them (Newman's collaboration weighting), so a thousand fans reposting their leader in the
    /// same minute tie each pair of them only weakly, while a squad of ten on an obscure post ties each pair strongly.
    /// </summary>
    internal static double EvidenceWeight(ObjectStats stats) => 1.0 / Math.Max(1, stats.PeakParticipants - 1);

    private T Stage<T>(string name, Func<T> body)
    {
        var start = _time.GetTimestamp();
        var result = body();
        _stages.Add(new(name, _time.GetElapsedTime(start).TotalSeconds));
        return result;
    }

    private void Stage(string name, Action body) => Stage(name, () =>
    {
        body();
        return 0;
    });

    /// <summary>A raw edge: its ordinal pair key, toolkit weight, signal (an index into the list's signals) and significance (16 bytes).</summary>
    private readonly record struct RawEdge(long Pair, int Weight, ushort Signal, bool Significant);

    /// <summary>
    /// The raw edges as a list whose items are made on access: millions of edge objects would otherwise outweigh
    /// everything else detect keeps; the writers stream through them once.
    /// </summary>
    private sealed class RawEdgeList(RawEdge[] edges, SignalKind[] kinds, OrdinalPairs pairs) : IReadOnlyList<EdgeResult>
    {
        public int Count => edges.Length;

        public EdgeResult this[int index]
        {
            get
            {
                var e = edges[index];
                return new EdgeResult(pairs.Source(e.Pair), pairs.Target(e.Pair), kinds[e.Signal], e.Weight, e.Significant);
            }
        }

        public IEnumerator<EdgeResult> GetEnumerator()
        {
            for (var i = 0; i < edges.Length; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        /// <summary>
        /// Each account's raw signals, as <see cref="Explain"/> gathers them from the edges, without making an edge
        /// object or a string look-up per edge: one bit per signal and account rank first.
        /// </summary>
        public void AddSignals(Dictionary<string, HashSet<SignalKind>> rawSignals)
        {
            var masks = new ulong[pairs.Count];
            foreach (var e in edges)
            {
                var bit = 1UL << e.Signal;
                masks[(int)(e.Pair >> 32)] |= bit;
                masks[(int)(uint)e.Pair] |= bit;
            }
            for (var rank = 0; rank < masks.Length; rank++)
            {
                if (masks[rank] == 0)
                {
                    continue;
                }
                var set = new HashSet<SignalKind>();
                for (var m = masks[rank]; m != 0; m &= m - 1)
                {
                    set.Add(kinds[System.Numerics.BitOperations.TrailingZeroCount(m)]);
                }
                rawSignals.Add(pairs.ByRank(rank), set);
            }
        }

        /// <summary>Whether <see cref="AddSignals"/> can hold every signal in one bit.</summary>
        public bool FewSignals => kinds.Length <= 64;
    }

    private (int[] Nodes, int[] Membership, WeightedGraph Graph) Cluster(List<SignificantEdge> significant)
    {
        var index = new Dictionary<int, int>();
        var nodes = new List<int>();
        int Node(int account)
        {
            if (!index.TryGetValue(account, out var i))
            {
                i = nodes.Count;
                index[account] = i;
                nodes.Add(account);
            }
            return i;
        }
        var list = new List<(int, int, double)>(significant.Count);
        foreach (var e in significant.OrderBy(e => e.A).ThenBy(e => e.B))
        {
            list.Add((Node(e.A), Node(e.B), e.Evidence));
        }
        var graph = WeightedGraph.FromEdges(nodes.Count, list);
        var membership = Louvain.Communities(graph, _options.Resolution, _options.Seed);
        return ([.. nodes], membership, graph);
    }

    /// <summary>Names the authors (outside the cluster) of the cluster's own post objects of one signal, most frequent first.</summary>
    private static void AddAuthors(List<EvidenceItem> evidence, Corpus corpus, IEnumerable<SharedAction> objects, HashSet<int> kept,
        SignalKind kind, string name, Func<int, string, string> sentence)
    {
        var counts = new Dictionary<int, int>();
        foreach (var o in objects)
        {
            if (o.Signal == kind && corpus.AuthorOf(kind, o.Object) is var author and >= 0 && !kept.Contains(author))
            {
                counts[author] = counts.GetValueOrDefault(author) + 1;
            }
        }
        if (counts.Count == 0)
        {
            return;
        }
        var top = counts.OrderByDescending(c => c.Value).ThenBy(c => corpus.Accounts[c.Key], StringComparer.Ordinal).Take(3)
            .Select(c => $"{corpus.Usernames[c.Key] ?? corpus.Accounts[c.Key]} ({c.Value} post{(c.Value == 1 ? "" : "s")})");
        evidence.Add(new EvidenceItem(name, counts.Count, sentence(counts.Count, string.Join(", ", top))));
    }

    /// <summary>
    /// The busiest window of length <paramref name="window"/> over actions in time order: the first span of actions
    /// (indices <c>Start</c> to <c>End</c>) that holds the most distinct accounts, and how many (0 when there are no
    /// actions). <paramref name="counts"/> is scratch for the accounts' actions in the window, indexed by account, zero on
    /// entry and handed back zero (an array, not a dictionary: clearing a dictionary costs its whole capacity, which the
    /// largest object acted on sets); without it the caller vouches that no account acts twice (first actions only), and
    /// the accounts in a span are counted by its length.
    /// </summary>
    internal static (int Start, int End, int Count) BusiestSpan(List<(int Account, double Time)> actions, double window, int[]? counts)
    {
        var bestStart = 0;
        var bestEnd = 0;
        var bestCount = 0;
        var distinct = 0;
        var lo = 0;
        for (var i = 0; i < actions.Count; i++)
        {
            if (counts is not null && counts[actions[i].Account]++ == 0)
            {
                distinct++;
            }
            while (actions[i].Time - actions[lo].Time > window)
            {
                var a = actions[lo++].Account;
                if (counts is not null && --counts[a] == 0)
                {
                    distinct--;
                }
            }
            var count = counts is null ? i - lo + 1 : distinct;
            if (count > bestCount)
            {
                bestCount = count;
                bestStart = lo;
                bestEnd = i;
            }
        }
        if (counts is not null)
        {
            for (var i = lo; i < actions.Count; i++)
            {
                counts[actions[i].Account] = 0;
            }
        }
        return (bestStart, bestEnd, bestCount);
    }

    /// <summary>The distinct accounts acting in a span of <see cref="BusiestSpan"/> (empty for an empty one).</summary>
    internal static HashSet<int> SpanMembers(List<(int Account, double Time)> actions, (int Start, int End, int Count) span)
    {
        var result = new HashSet<int>();
        for (var i = span.Start; i <= span.End && span.Count > 0; i++)
        {
            result.Add(actions[i].Account);
        }
        return result;
    }

    private DetectionResult Explain(Corpus corpus, List<SignificantEdge> significant,
        List<Community> communities, IReadOnlyList<EdgeResult> edges, Dictionary<string, SignalCounts> counts, double tick)
    {
        var o = _options;
        // Each account's strongest pair evidence (-log10 p) and its summed rarity-weighted evidence.
        var strongest = new Dictionary<int, double>();
        var evidence = new Dictionary<int, double>();
        var significantSignals = new Dictionary<int, HashSet<SignalKind>>();
        foreach (var e in significant.Where(e => e.Significant))
        {
            foreach (var x in (int[])[e.A, e.B])
            {
                strongest[x] = Math.Max(strongest.GetValueOrDefault(x), e.Log10P);
                evidence[x] = evidence.GetValueOrDefault(x) + e.Evidence;
                (significantSignals.TryGetValue(x, out var set) ? set : significantSignals[x] = []).UnionWith(e.BySignal.Keys);
            }
        }

        var clusterOf = new Dictionary<int, string>();
        var flaggedScore = new Dictionary<int, double>();
        var edgeOf = new Dictionary<long, SignificantEdge>(significant.Count, PairKeyComparer.Instance);
        foreach (var e in significant)
        {
            edgeOf[PairTable.Key(e.A, e.B)] = e;
        }
        var edgeObjects = new List<EdgeObjectResult>();
        var clusters = new List<ClusterResult>();
        var provisional = new List<(Community Community, double Score)>();
        foreach (var c in communities.Where(c => c.Passed))
        {
            foreach (var a in c.Kept)
            {
                flaggedScore[a] = FlaggedScore(c.Verdict!.PerMember[a], strongest.GetValueOrDefault(a));
            }
            provisional.Add((c, c.Kept.Average(a => flaggedScore[a])));
        }
        var rank = 0;
        foreach (var (c, score) in provisional.OrderByDescending(p => p.Score).ThenByDescending(p => p.Community.Kept.Count)
            .ThenBy(p => corpus.Accounts[p.Community.Kept.Min()], StringComparer.Ordinal))
        {
            var id = $"C{++rank}";
            foreach (var a in c.Kept)
            {
                clusterOf[a] = id;
            }
            clusters.Add(Describe(corpus, c, id, score, significant));
            ClusterEdgeObjects(corpus, c, id, edgeOf, edgeObjects);
        }

        var rawSignals = new Dictionary<string, HashSet<SignalKind>>();
        if (edges is RawEdgeList { FewSignals: true } rawEdges)
        {
            rawEdges.AddSignals(rawSignals);
        }
        else
        {
            foreach (var e in edges)
            {
                (rawSignals.TryGetValue(e.Source, out var s1) ? s1 : rawSignals[e.Source] = []).Add(e.Signal);
                (rawSignals.TryGetValue(e.Target, out var s2) ? s2 : rawSignals[e.Target] = []).Add(e.Signal);
            }
        }
        foreach (var a in clusterOf.Keys.Concat(strongest.Keys))
        {
            rawSignals.TryAdd(corpus.Accounts[a], []);
        }
        var accounts = new List<AccountResult>(rawSignals.Count);
        foreach (var (accountId, raw) in rawSignals)
        {
            corpus.Accounts.TryGet(accountId, out var a);
            var flagged = clusterOf.TryGetValue(a, out var clusterId);
            var score = flagged ? flaggedScore[a] : UnflaggedScore(strongest.GetValueOrDefault(a), evidence.GetValueOrDefault(a));
            var signals = significantSignals.TryGetValue(a, out var sig) && sig.Count > 0 ? sig : raw;
            accounts.Add(new AccountResult
            {
                AccountId = accountId,
                Username = corpus.Usernames[a],
                ClusterId = flagged ? clusterId : null,
                Score = Math.Round(score, 6),
                Signals = [.. signals.OrderBy(s => s)],
                Messages = corpus.MessagesPerAccount[a],
            });
        }
        accounts.Sort(static (x, y) =>
        {
            var fx = x.ClusterId is null ? 1 : 0;
            var fy = y.ClusterId is null ? 1 : 0;
            if (fx != fy)
            {
                return fx.CompareTo(fy);
            }
            var c = y.Score.CompareTo(x.Score);
            return c != 0 ? c : string.CompareOrdinal(x.AccountId, y.AccountId);
        });

        var leads = Leads(corpus, communities, significant, clusterOf);
        LeadEdgeObjects(corpus, leads, edgeObjects);
        var summary = new DetectionSummary
        {
            Messages = corpus.MessageCount,
            Accounts = corpus.AccountCount,
            DuplicateMessages = corpus.DuplicateMessages,
            Parameters = new Dictionary<string, object>
            {
                ["window_seconds"] = o.Window,
                ["signals"] = string.Join(';', o.Signals.Select(s => s.Name())),
                ["min_weight"] = o.MinWeight,
                ["control_factor"] = o.ControlFactor,
                ["control_ratio"] = o.ControlRatio,
                ["alpha"] = o.Alpha,
                ["min_sync_objects"] = o.MinSyncObjects,
                ["exclusivity"] = o.Exclusivity,
                ["min_exclusive_objects"] = o.MinExclusiveObjects,
                ["min_member_objects"] = o.MinMemberObjects,
                ["min_synchrony_share"] = o.MinSynchronyShare,
                ["min_burst_share"] = o.MinBurstShare,
                ["max_member_spread_seconds"] = o.EffectiveMaxMemberSpread,
                ["refinement_levels"] = o.RefinementLevels,
                ["min_cluster_size"] = o.MinClusterSize,
                ["resolution"] = o.Resolution,
                ["seed"] = o.Seed,
                ["scales_seconds"] = string.Join(';', JudgedScales().Select(s => s.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture))),
                ["slow_scale_max_participants"] = o.SlowScaleMaxParticipants,
                ["overwhelming_log10_p"] = o.OverwhelmingLog10P,
            },
            StageSeconds = _stages,
            Signals = counts,
            Clusters = clusters.Count,
            FlaggedAccounts = clusterOf.Count,
            TimeResolutionSeconds = tick,
            Warnings = [.. Warnings(corpus)],
        };
        return new DetectionResult { Accounts = accounts, Clusters = clusters, Edges = edges, Summary = summary, Leads = leads, EdgeObjects = edgeObjects };
    }

    /// <summary>
    /// A flagged account: above 0.5, rising with the number of the cluster's synchronous own objects it took part in (n)
    /// and its strongest pair evidence (L = -log10 p): 0.5 + 0.5 y / (1 + y), y = (n + L / 10) / 10.
    /// </summary>
    internal static double FlaggedScore(int objects, double log10P)
    {
        var y = (objects + Math.Min(log10P, 300) / 10) / 10;
        return 0.5 + 0.5 * y / (1 + y);
    }

    /// <summary>
    /// An unflagged account: below 0.5, rising with its strongest pair evidence (L) and its summed rarity-weighted
    /// evidence (E): 0.5 x / (1 + x), x = L / 10 + E. Zero when no pair of it beat the timing null model.
    /// </summary>
    internal static double UnflaggedScore(double log10P, double evidence)
    {
        var x = Math.Min(log10P, 300) / 10 + evidence;
        return 0.5 * x / (1 + x);
    }

    /// <summary>Signals where one object holds a large part of all events: usually a degenerate key (a default link, a boilerplate text).</summary>
    private static IEnumerable<string> Warnings(Corpus corpus)
    {
        foreach (var (kind, events) in corpus.Signals.OrderBy(s => s.Key))
        {
            if (events.Events.Length < 1000)
            {
                continue;
            }
            var largest = 0;
            var key = "";
            for (var obj = 0; obj < events.ObjectCount; obj++)
            {
                var n = events.Offsets[obj + 1] - events.Offsets[obj];
                if (n > largest)
                {
                    largest = n;
                    key = events.ObjectKeys[obj];
                }
            }
            var share = (double)largest / events.Events.Length;
            if (share >= 0.2)
            {
                var shown = key.Length > 60 ? key[..60] + "…" : key;
                yield return $"{kind.Name()}: one object holds {share:P0} of the signal's {events.Events.Length:N0} events (\"{shown}\"); its evidence is small by rarity weighting, but check that it is a real shared object.";
            }
        }
    }

    /// <summary>
    /// The strongest groups and pairs that were not flagged, with the test each failed: leads for an analyst, not findings.
    /// Ranked by the strongest pair evidence inside them.
    /// </summary>
    private List<LeadResult> Leads(Corpus corpus, List<Community> communities, List<SignificantEdge> significant, Dictionary<int, string> clusterOf)
    {
        var o = _options;
        var communityOf = new Dictionary<int, Community>();
        foreach (var c in communities.Where(c => !c.Passed))
        {
            foreach (var a in c.Accounts)
            {
                communityOf[a] = c;
            }
        }
        var best = new Dictionary<Community, SignificantEdge>();
        var loose = new List<SignificantEdge>();
        foreach (var e in significant)
        {
            if (clusterOf.ContainsKey(e.A) || clusterOf.ContainsKey(e.B))
            {
                continue;
            }
            if (communityOf.TryGetValue(e.A, out var c) && communityOf.TryGetValue(e.B, out var d) && c == d)
            {
                // A group's strength is its strongest pair, candidate edges included (a group of candidates is a lead too).
                if (!best.TryGetValue(c, out var b) || e.Log10P > b.Log10P)
                {
                    best[c] = e;
                }
            }
            else if (e.Significant)
            {
                loose.Add(e);
            }
        }
        var leads = new List<(double Strength, LeadResult Lead)>();
        foreach (var (c, e) in best)
        {
            var v = c.Verdict!;
            var members = c.Accounts.Where(a => !clusterOf.ContainsKey(a)).Select(a => corpus.Accounts[a]).Order(StringComparer.Ordinal).ToList();
            // A crowd that failed can be thousands of accounts: the strongest pair first, then at most MaxLeadAccounts.
            var (sa, sb) = (corpus.Accounts[e.A], corpus.Accounts[e.B]);
            var listed = new[] { sa, sb }.Order(StringComparer.Ordinal).Concat(members.Where(m => m != sa && m != sb)).Take(o.MaxLeadAccounts).ToList();
            leads.Add((e.Log10P, new LeadResult
            {
                Size = members.Count,
                StrongestPair = (corpus.Accounts[e.A], corpus.Accounts[e.B]),
                Kind = members.Count == 2 ? "pair" : "group",
                Accounts = listed,
                Signals = [.. e.BySignal.Keys.Order()],
                ScaleSeconds = v.Scale,
                StrongestLog10P = Math.Round(e.Log10P, 2),
                SynchronousObjects = v.Synchronous.Count,
                FailedTest = v.Failed!,
                Value = Math.Round(v.FailedValue, 4),
                Threshold = Math.Round(v.FailedThreshold, 4),
            }));
        }
        foreach (var e in loose.OrderByDescending(e => e.Log10P).Take(o.MaxLeads))
        {
            leads.Add((e.Log10P, new LeadResult
            {
                StrongestPair = (corpus.Accounts[e.A], corpus.Accounts[e.B]),
                Kind = "pair",
                Size = 2,
                Accounts = [.. new[] { corpus.Accounts[e.A], corpus.Accounts[e.B] }.Order(StringComparer.Ordinal)],
                Signals = [.. e.BySignal.Keys.Order()],
                ScaleSeconds = e.Scale,
                StrongestLog10P = Math.Round(e.Log10P, 2),
                SynchronousObjects = e.BySignal.Values.Max(v => v.Sync),
                FailedTest = "community",
                Value = 0,
                Threshold = 0,
            }));
        }
        return [.. leads.OrderByDescending(l => l.Strength).ThenBy(l => l.Lead.Accounts[0], StringComparer.Ordinal).Take(o.MaxLeads)
            .Select((l, i) => l.Lead with { Rank = i + 1 })];
    }

    /// <summary>What the cluster's evidence looks like: who acts this way in the field.</summary>
    private string KindOf(Verdict v, int size)
    {
        var bySignal = v.Synchronous.GroupBy(s => s.Shared.Signal).ToDictionary(g => g.Key, g => g.Count());
        var text = bySignal.GetValueOrDefault(SignalKind.CoText) + bySignal.GetValueOrDefault(SignalKind.CoSimilar);
        var hashtag = bySignal.GetValueOrDefault(SignalKind.CoHashtag);
        var total = Math.Max(1, v.Synchronous.Count);
        if (size <= 3 && text * 2 >= total)
        {
            return "operator accounts";
        }
        if (hashtag * 2 >= total || (hashtag * 3 >= total && v.Scale > _options.MaxPostScale * _options.Window))
        {
            return v.Scale > _options.Window ? "hashtag game" : "hashtag flood";
        }
        if (text * 2 >= total)
        {
            return "copy-paste";
        }
        return v.Scale > _options.Window ? "squad" : "scheduler";
    }

    /// <summary>
    /// Per-edge evidence of a flagged cluster: for each pair of members tied by an edge, each synchronous own object both
    /// acted on within the cluster's scale, with both accounts' first action on it (at most
    /// <see cref="DetectOptions.MaxEdgeObjectsPerCluster"/> rows, the earliest objects first).
    /// </summary>
    private void ClusterEdgeObjects(Corpus corpus, Community c, string id, Dictionary<long, SignificantEdge> edgeOf, List<EdgeObjectResult> rows)
    {
        var v = c.Verdict!;
        var kept = c.Kept.ToHashSet();
        var written = 0;
        var firsts = new Dictionary<int, double>();
        foreach (var s in v.Synchronous.OrderBy(s => s.Shared.Actions[0].Time))
        {
            firsts.Clear();
            foreach (var (account, time) in s.Shared.Actions)
            {
                if (kept.Contains(account))
                {
                    firsts.TryAdd(account, time);
                }
            }
            var members = firsts.Keys.OrderBy(a => corpus.Accounts[a], StringComparer.Ordinal).ToList();
            var key = corpus.Signals[s.Shared.Signal].ObjectKeys[s.Shared.Object];
            for (var i = 0; i < members.Count; i++)
            {
                for (var j = i + 1; j < members.Count; j++)
                {
                    var (a, b) = (members[i], members[j]);
                    if (Math.Abs(firsts[a] - firsts[b]) > v.Scale || !edgeOf.ContainsKey(PairTable.Key(a, b)))
                    {
                        continue;
                    }
                    rows.Add(new EdgeObjectResult(corpus.Accounts[a], corpus.Accounts[b], s.Shared.Signal, key, firsts[a], firsts[b]) { ClusterId = id });
                    if (++written >= _options.MaxEdgeObjectsPerCluster)
                    {
                        return;
                    }
                }
            }
        }
    }

    /// <summary>
    /// Per-edge evidence of the leads: for each lead's strongest pair, every object of its signals both acted on within
    /// the lead's scale, with both accounts' closest actions (one pass over the events).
    /// </summary>
    private static void LeadEdgeObjects(Corpus corpus, List<LeadResult> leads, List<EdgeObjectResult> rows)
    {
        var pairs = new Dictionary<long, LeadResult>(PairKeyComparer.Instance);
        var involved = new HashSet<int>();
        foreach (var lead in leads)
        {
            if (lead.StrongestPair is not { } pair || !corpus.Accounts.TryGet(pair.Source, out var a) || !corpus.Accounts.TryGet(pair.Target, out var b))
            {
                continue;
            }
            pairs.TryAdd(PairTable.Key(a, b), lead);
            involved.Add(a);
            involved.Add(b);
        }
        if (pairs.Count == 0)
        {
            return;
        }
        var times = new Dictionary<int, List<double>>();
        foreach (var (kind, events) in corpus.Signals.OrderBy(s => s.Key))
        {
            for (var obj = 0; obj < events.ObjectCount; obj++)
            {
                times.Clear();
                foreach (var e in events.EventsOf(obj))
                {
                    if (involved.Contains(e.Account))
                    {
                        (times.TryGetValue(e.Account, out var list) ? list : times[e.Account] = []).Add(e.Time);
                    }
                }
                if (times.Count < 2)
                {
                    continue;
                }
                var accounts = times.Keys.OrderBy(x => corpus.Accounts[x], StringComparer.Ordinal).ToList();
                for (var i = 0; i < accounts.Count; i++)
                {
                    for (var j = i + 1; j < accounts.Count; j++)
                    {
                        if (!pairs.TryGetValue(PairTable.Key(accounts[i], accounts[j]), out var lead) || !lead.Signals.Contains(kind))
                        {
                            continue;
                        }
                        var (ta, tb) = Closest(times[accounts[i]], times[accounts[j]]);
                        if (Math.Abs(ta - tb) <= lead.ScaleSeconds)
                        {
                            rows.Add(new EdgeObjectResult(corpus.Accounts[accounts[i]], corpus.Accounts[accounts[j]], kind, events.ObjectKeys[obj], ta, tb) { LeadRank = lead.Rank });
                        }
                    }
                }
            }
        }
    }

    /// <summary>The pair of times, one from each list, that are closest to each other.</summary>
    private static (double, double) Closest(List<double> a, List<double> b)
    {
        var best = (a[0], b[0]);
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (Math.Abs(x - y) < Math.Abs(best.Item1 - best.Item2))
                {
                    best = (x, y);
                }
            }
        }
        return best;
    }

    private ClusterResult Describe(Corpus corpus, Community c, string id, double score, List<SignificantEdge> significant)
    {
        var o = _options;
        var v = c.Verdict!;
        var kept = c.Kept.ToHashSet();
        var exclusive = v.Synchronous
            .Select(s => (s.Shared, Members: s.Burst.Count(kept.Contains)))
            .Where(s => s.Members >= 2)
            .OrderByDescending(s => s.Members * s.Shared.Exclusivity)
            .ThenBy(s => s.Shared.Actions[0].Time)
            .ToList();
        var sharedObjects = new List<SharedObject>();
        foreach (var (s, members) in exclusive.Take(o.TopObjects))
        {
            var times = s.Actions.Where(a => kept.Contains(a.Account)).Select(a => a.Time).ToList();
            var key = corpus.Signals[s.Signal].ObjectKeys[s.Object];
            sharedObjects.Add(new SharedObject
            {
                Signal = s.Signal,
                Key = key,
                Text = ObjectText?.Invoke(s.Signal, s.Object) ?? s.Signal switch
                {
                    SignalKind.CoText => key,
                    SignalKind.CoSimilar => corpus.SimilarTexts[s.Object],
                    _ => null,
                },
                Author = s.Author >= 0 ? corpus.Accounts[s.Author] : null,
                Members = members,
                Participants = s.Participants,
                FirstAction = times.Min(),
                LastAction = times.Max(),
            });
        }
        var allActions = exclusive.SelectMany(s => s.Shared.Actions.Where(a => kept.Contains(a.Account))
            .Select(a => (a.Account, a.Time, s.Shared.Signal, s.Shared.Object))).OrderBy(a => a.Time).ToList();
        var timeline = allActions.Take(o.MaxTimeline)
            .Select(a => new TimelineAction(corpus.Accounts[a.Account], a.Time, a.Signal, corpus.Signals[a.Signal].ObjectKeys[a.Object]))
            .ToList();
        var internalEdges = significant.Where(e => e.Significant && kept.Contains(e.A) && kept.Contains(e.B)).ToList();
        var n = kept.Count;
        var density = n > 1 ? internalEdges.Count / (n * (n - 1) / 2.0) : 0;
        var bestLog10P = internalEdges.Count > 0 ? internalEdges.Max(e => e.Log10P) : 0;
        // The signals the evidence came from: those of the significant pairs inside the cluster, most pairs first. A
        // cluster found from its bursts or games as a whole has no such pair; its evidence is its synchronous objects, so
        // their signals, most objects first (an empty list would tell the reader the cluster rests on nothing).
        var signals = (internalEdges.Count > 0
                ? internalEdges.SelectMany(e => e.BySignal.Keys)
                : exclusive.Select(s => s.Shared.Signal))
            .GroupBy(s => s).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).ToList();
        var meanExclusivity = exclusive.Count > 0 ? exclusive.Average(s => s.Shared.Exclusivity) : 0;
        var kind = KindOf(v, n);
        var evidence = new List<EvidenceItem>
        {
            new("members", n, internalEdges.Count > 0
                ? $"{n} accounts acted together repeatedly and are tied by significant co-action edges."
                : $"{n} accounts acted together repeatedly; no pair of them is tied by a significant co-action edge: the group was found from its bursts or games as a whole."),
            new("time_scale_seconds", v.Scale, v.GamesLog10P > 0
                ? $"The evidence holds at a time scale of {Duration(v.Scale)}: in each game the members posted within {Duration(v.Scale)} of each other ({KindSentence(kind)}); the evidence is that they met again in another game, not their timing against the null model."
                : $"The evidence holds at a time scale of {Duration(v.Scale)}: the members acted within {Duration(v.Scale)} of each other, and their timing beats the null model at that scale ({KindSentence(kind)})."),
            new("exclusive_objects", exclusive.Count,
                $"They acted within {Duration(v.Scale)} of each other on {exclusive.Count} distinct objects that few others touched (at least {o.Exclusivity:P0} of each object's accounts are members)."),
            new("mean_exclusivity", Math.Round(meanExclusivity, 4),
                $"On average {meanExclusivity:P0} of all accounts that acted on these objects are members of this cluster: a crowd of fans shares its objects with thousands of others, a squad does not."),
            new("synchrony_share", Math.Round(v.SynchronyShare, 4),
                $"Of the {v.CoSelected} objects the members shared mostly among themselves, {v.SynchronyShare:P0} were acted on within {Duration(v.Scale)} of each other."),
            new("median_member_spread_seconds", Math.Round(v.MedianSpread, 1), v.Cascades
                ? $"On half of these objects the members' first actions ran over {v.MedianSpread:0.#} s, one member after another, each within {v.SpreadLimit:0.#} s of the one before (a relay)."
                : v.Scale >= o.MaxPostScale * o.Window
                    ? $"On half of these objects the members' first actions fell within {v.MedianSpread:0.#} s (the middle eight tenths of them when ten or more acted; the limit at this scale is {v.SpreadLimit:0.#} s)."
                    : $"On half of these objects the members' first actions all fell within {v.MedianSpread:0.#} s (the limit at this scale is {v.SpreadLimit:0.#} s)."),
            new("significant_edges", internalEdges.Count,
                $"{internalEdges.Count} member pairs acted within the scale more often than their actions in the adjacent band of the same width predict (Poisson test, p < {o.Alpha:G3} shared among the scales); density {density:P0}."),
            new("strongest_edge_log10_p", Math.Round(bestLog10P, 1),
                $"The strongest pair's synchrony has p ≈ 10^-{bestLog10P:0.#} under the timing null model."),
            new("signals", signals.Count, internalEdges.Count > 0
                ? $"Signals with significant pairs inside the cluster: {string.Join(", ", signals.Select(s => s.Name()))}."
                : $"Signals of the objects the members acted on together (no significant pair inside the cluster): {string.Join(", ", signals.Select(s => s.Name()))}."),
        };
        if (c.Producers.Count > 0)
        {
            var posts = c.Producers.Sum(a => v.PerMember[a]);
            evidence.Insert(1, new("producers", c.Producers.Count,
                $"{c.Producers.Count} of the members are its producers: the cluster re-shared {posts} of their posts in its bursts, and the clusters carry most of what anyone re-shared of theirs; no audience of their own re-shares them."));
        }
        if (v.GamesLog10P > 0)
        {
            evidence.Insert(1, new("games_log10_p", Math.Round(v.GamesLog10P, 1),
                $"Found from its games: hashtags that few others used, each flooded with entries within {Duration(v.Scale)}, at different times; the same accounts posted in two of those games far more often than chance gives (p ≈ 10^-{v.GamesLog10P:0.#}, Poisson against how many hashtags each of them used)."));
        }
        if (c.GamePlayers.Count > 0)
        {
            evidence.Insert(1, new("game_players", c.GamePlayers.Count,
                $"{c.GamePlayers.Count} of the members played one of its hashtag games as its players did (two or more entries under the game's tag inside the game) without sharing a second object with them."));
        }
        if (v.Cascades)
        {
            evidence.Add(new("relay_cascades_log10_p", Math.Round(v.CascadeLog10P, 1),
                $"The members passed items on hop by hop: on each object one member acted some minutes after the one before, and the gaps between consecutive members are far more alike than people acting on their own give (exponential gaps; a chi-square test of the log-gaps, p ≈ 10^-{v.CascadeLog10P:0.#})."));
        }
        if (c.ReactsOnOrders)
        {
            evidence.Add(new("reacts_on_orders", 1,
                "The members also re-shared their own circle's posts, but not as friends do: their delays after each post are far less scattered than people reacting on their own (a chi-square test of the log-delays against lognormal human delays), as when an order comes some minutes after the post."));
        }
        AddAuthors(evidence, corpus, exclusive.Select(e => e.Shared), kept, SignalKind.CoRepost, "amplified_authors",
            (n, top) => $"The members re-shared posts by {n} account(s) outside the cluster, most often {top}: the accounts whose posts this cluster pushes (possible producers or commanders; not flagged themselves).");
        AddAuthors(evidence, corpus, exclusive.Select(e => e.Shared), kept, SignalKind.CoReply, "reply_targets",
            (n, top) => $"The members replied together to posts by {n} account(s), most often {top}: the accounts this cluster swarms.");
        return new ClusterResult
        {
            ClusterId = id,
            Members = [.. c.Kept.Select(a => corpus.Accounts[a]).OrderBy(x => x, StringComparer.Ordinal)],
            Score = Math.Round(score, 6),
            Signals = signals,
            FirstAction = allActions.Count > 0 ? allActions[0].Time : 0,
            LastAction = allActions.Count > 0 ? allActions[^1].Time : 0,
            SharedObjects = sharedObjects,
            Evidence = evidence,
            Timeline = timeline,
            TimeScaleSeconds = v.Scale,
            Kind = kind,
        };
    }

    private static string KindSentence(string kind) => kind switch
    {
        "scheduler" => "a scheduler or a tightly run squad: seconds apart",
        "squad" => "people acting on orders: minutes apart, on objects few others touch",
        "copy-paste" => "the same text pasted by several accounts",
        "operator accounts" => "one operator's few accounts posting the same texts again and again",
        "hashtag game" => "many posts under the same new hashtags within hours",
        "hashtag flood" => "the same hashtags flooded within seconds",
        _ => kind,
    };

    private static string Duration(double seconds) => seconds >= 120 && seconds % 60 == 0 ? $"{seconds / 60:0} min" : $"{seconds:0.#} s";
}
