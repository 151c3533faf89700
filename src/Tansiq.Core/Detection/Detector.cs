using Tansiq.Core.CoAction;
using Tansiq.Core.Evidence;
using Tansiq.Core.Graphs;
using Tansiq.Core.Model;

namespace Tansiq.Core.Detection;

/// <summary>
/// From co-action events to judged clusters:
/// sweep each signal (toolkit counts + synchronous-object evidence + control counts) → keep pairs whose synchrony beats
/// the timing null model → fuse signals into one account graph → Louvain communities → judge each community by the
/// objects it acts on together that are exclusive to it → score accounts and clusters, and explain.
/// </summary>
public sealed class Detector
{
    private readonly DetectOptions _options;
    private readonly TimeProvider _time;
    private readonly List<KeyValuePair<string, double>> _stages = [];

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
        var tables = new Dictionary<SignalKind, PairTable>();
        foreach (var (kind, events) in corpus.Signals.OrderBy(s => s.Key))
        {
            tables[kind] = Stage($"sweep {kind.Name()}", () => CoActionSweep.Run(events, corpus.AccountCount, new SweepOptions
            {
                Window = o.Window,
                ObjectWeight = EvidenceWeight,
                ControlFactor = o.ControlFactor,
                Parallelism = o.Parallelism,
            }));
        }

        var (edges, significant, counts) = Stage("weigh evidence", () => Weigh(corpus, tables));
        tables.Clear(); // the pair tables are the largest structure; everything later works from the significant edges
        var (nodes, membership, graph) = Stage("cluster", () => Cluster(significant));
        var judged = Stage("judge clusters", () => JudgeAndRefine(corpus, nodes, membership, graph));
        var result = Stage("explain", () => Explain(corpus, significant, judged, edges, counts));
        if (completeSummary is not null)
        {
            result = result with { Summary = completeSummary(result.Summary) };
        }
        return result;
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

    private sealed record SignificantEdge(int A, int B, double Evidence, Dictionary<SignalKind, (int Sync, int Control, double PValue)> BySignal);

    private (IReadOnlyList<EdgeResult>, List<SignificantEdge>, Dictionary<string, SignalCounts>) Weigh(Corpus corpus, Dictionary<SignalKind, PairTable> tables)
    {
        var o = _options;
        var pairs = new OrdinalPairs(corpus.Accounts);
        var raw = new List<RawEdge>();
        var fused = new Dictionary<long, SignificantEdge>(PairKeyComparer.Instance);
        var counts = new Dictionary<string, SignalCounts>();
        var controlWindows = Math.Max(1, o.ControlFactor - 1);
        foreach (var (kind, table) in tables.OrderBy(t => t.Key))
        {
            long significantPairs = 0;
            foreach (var (lo, hi, s) in table.Pairs())
            {
                var p = 1.0;
                if (s.SyncObjects >= o.MinSyncObjects)
                {
                    // Under the null, synchronous and near-synchronous co-actions are equally likely per second of gap, so the
                    // control count (gaps in (w, c·w]) predicts how many synchronous objects chance alone would give.
                    var lambda = o.ControlRatio * (s.ControlObjects + 0.5) / controlWindows;
                    p = Poisson.UpperTail(s.SyncObjects, lambda);
                }
                var isSignificant = p < o.Alpha;
                if (s.Weight >= o.MinWeight || isSignificant)
                {
                    raw.Add(new RawEdge(pairs.Key(lo, hi), kind, s.Weight, isSignificant));
                }
                if (!isSignificant)
                {
                    continue;
                }
                significantPairs++;
                var key = PairTable.Key(lo, hi);
                if (!fused.TryGetValue(key, out var edge))
                {
                    edge = new SignificantEdge(lo, hi, 0, []);
                    fused[key] = edge;
                }
                edge.BySignal[kind] = (s.SyncObjects, s.ControlObjects, p);
                fused[key] = edge with { Evidence = edge.Evidence + s.Evidence };
            }
            var events = corpus.Signals[kind];
            counts[kind.Name()] = new SignalCounts(events.Events.Length, events.ObjectCount, table.Count, significantPairs);
        }
        raw.Sort(static (x, y) => x.Pair != y.Pair ? x.Pair.CompareTo(y.Pair) : x.Signal.CompareTo(y.Signal));
        var edges = new RawEdgeList([.. raw], pairs);
        // In pair order, not the pair table's: scores sum evidence over these edges in floating point, and the table's
        // order depends on how many threads (shards) swept it.
        return (edges, [.. fused.Values.OrderBy(e => e.A).ThenBy(e => e.B)], counts);
    }

    private readonly record struct RawEdge(long Pair, SignalKind Signal, int Weight, bool Significant);

    /// <summary>
    /// The raw edges as a list whose items are made on access: millions of edge objects would otherwise outweigh
    /// everything else detect keeps; the writers stream through them once.
    /// </summary>
    private sealed class RawEdgeList(RawEdge[] edges, OrdinalPairs pairs) : IReadOnlyList<EdgeResult>
    {
        public int Count => edges.Length;

        public EdgeResult this[int index]
        {
            get
            {
                var e = edges[index];
                return new EdgeResult(pairs.Source(e.Pair), pairs.Target(e.Pair), e.Signal, e.Weight, e.Significant);
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

    /// <summary>What one community did together on one object.</summary>
    private sealed class SharedAction
    {
        public required SignalKind Signal { get; init; }
        public required int Object { get; init; }
        public required int Participants { get; init; }
        public List<(int Account, double Time)> Actions { get; } = [];
        public HashSet<int> Members { get; } = [];
        /// <summary>Distinct community members who acted on the object (at any time).</summary>
        public int Acting { get; init; }
        public double Exclusivity => (double)Acting / Participants;
    }

    private sealed class Community
    {
        public List<int> Accounts { get; } = [];
        /// <summary>Objects acted on by at least two members that are mostly the community's own, synchronous or not.</summary>
        public int CoSelectedExclusive { get; set; }
        /// <summary>The subset of those acted on within the window: the community's synchronous exclusive objects.</summary>
        public List<SharedAction> Exclusive { get; } = [];
        public Dictionary<int, int> ExclusivePerMember { get; } = [];
        public double SynchronyShare => CoSelectedExclusive == 0 ? 0 : (double)Exclusive.Count / CoSelectedExclusive;
        public List<int> Kept { get; } = [];
        /// <summary>See <see cref="MedianSpread"/>; set once the community's own objects are known.</summary>
        public double MedianSpread { get; set; }
    }

    /// <summary>
    /// Modularity has a resolution limit: a squad of fifty can be merged into a crowd of fast fans it shares the
    /// leader's posts with, and the merged community then fails the exclusivity test as a whole. A community that
    /// fails is therefore clustered again on its own subgraph (where the limit is finer) and its parts judged on
    /// their own, a few levels deep. Parts of a crowd still fail: the crowd's objects are not any part's own.
    /// </summary>
    private List<Community> JudgeAndRefine(Corpus corpus, int[] nodes, int[] membership, WeightedGraph graph)
    {
        var o = _options;
        var communities = Judge(corpus, nodes, membership);
        var nodeOf = new Dictionary<int, int>(nodes.Length);
        for (var i = 0; i < nodes.Length; i++)
        {
            nodeOf[nodes[i]] = i;
        }
        var nextLabel = membership.Length == 0 ? 0 : membership.Max() + 1;
        for (var round = 0; round < o.RefinementLevels; round++)
        {
            var changed = false;
            foreach (var community in communities)
            {
                // A community whose members' actions stretch over minutes is a crowd of people; its parts would be too.
                if (community.Kept.Count >= o.MinClusterSize || community.Accounts.Count < 2 * o.MinClusterSize
                    || community.MedianSpread > o.EffectiveMaxMemberSpread)
                {
                    continue;
                }
                var local = new Dictionary<int, int>(community.Accounts.Count);
                foreach (var account in community.Accounts)
                {
                    local[nodeOf[account]] = local.Count;
                }
                var edges = new List<(int, int, double)>();
                foreach (var (node, a) in local)
                {
                    for (var k = graph.Offsets[node]; k < graph.Offsets[node + 1]; k++)
                    {
                        if (local.TryGetValue(graph.Neighbours[k], out var b) && a < b)
                        {
                            edges.Add((a, b, graph.Weights[k]));
                        }
                    }
                }
                var parts = Louvain.Communities(WeightedGraph.FromEdges(local.Count, edges), o.Resolution, o.Seed);
                if (parts.Distinct().Count() < 2)
                {
                    continue;
                }
                foreach (var (node, a) in local)
                {
                    membership[node] = nextLabel + parts[a];
                }
                nextLabel += parts.Max() + 1;
                changed = true;
            }
            if (!changed)
            {
                break;
            }
            communities = Judge(corpus, nodes, membership);
        }
        return communities;
    }

    private List<Community> Judge(Corpus corpus, int[] nodes, int[] membership)
    {
        var o = _options;
        var communityOf = new int[corpus.AccountCount];
        Array.Fill(communityOf, -1);
        var communities = new List<Community>();
        var labelToCommunity = new Dictionary<int, int>();
        var sizes = new Dictionary<int, int>();
        foreach (var label in membership)
        {
            sizes[label] = sizes.GetValueOrDefault(label) + 1;
        }
        for (var i = 0; i < nodes.Length; i++)
        {
            if (sizes[membership[i]] < Math.Max(2, o.MinClusterSize))
            {
                continue;
            }
            if (!labelToCommunity.TryGetValue(membership[i], out var c))
            {
                c = communities.Count;
                labelToCommunity[membership[i]] = c;
                communities.Add(new Community());
            }
            communities[c].Accounts.Add(nodes[i]);
            communityOf[nodes[i]] = c;
        }
        if (communities.Count == 0)
        {
            return communities;
        }

        var seen = new int[corpus.AccountCount];
        var stamp = 0;
        var byCommunity = new Dictionary<int, SharedAction>();
        foreach (var (kind, events) in corpus.Signals.OrderBy(s => s.Key))
        {
            for (var obj = 0; obj < events.ObjectCount; obj++)
            {
                var span = events.EventsOf(obj);
                if (span.Length < 2)
                {
                    continue;
                }
                stamp++;
                var participants = 0;
                byCommunity.Clear();
                foreach (var e in span)
                {
                    if (seen[e.Account] != stamp)
                    {
                        seen[e.Account] = stamp;
                        participants++;
                    }
                    var c = communityOf[e.Account];
                    if (c < 0)
                    {
                        continue;
                    }
                    if (!byCommunity.TryGetValue(c, out var shared))
                    {
                        shared = new SharedAction { Signal = kind, Object = obj, Participants = 0 };
                        byCommunity[c] = shared;
                    }
                    shared.Actions.Add((e.Account, e.Time));
                }
                foreach (var (c, shared) in byCommunity)
                {
                    var acting = shared.Actions.Select(a => a.Account).Distinct().Count();
                    if (acting < 2 || (double)acting / participants < o.Exclusivity)
                    {
                        continue;
                    }
                    communities[c].CoSelectedExclusive++;
                    var synchronous = BusiestWindow(shared.Actions, o.Window);
                    if (synchronous.Count < 2 || synchronous.Count < o.MinBurstShare * acting)
                    {
                        continue;
                    }
                    var action = new SharedAction { Signal = kind, Object = obj, Participants = participants, Acting = acting };
                    action.Actions.AddRange(shared.Actions);
                    action.Members.UnionWith(synchronous);
                    communities[c].Exclusive.Add(action);
                }
            }
        }

        foreach (var community in communities)
        {
            foreach (var shared in community.Exclusive)
            {
                foreach (var m in shared.Members)
                {
                    community.ExclusivePerMember[m] = community.ExclusivePerMember.GetValueOrDefault(m) + 1;
                }
            }
            community.MedianSpread = MedianSpread(community.Exclusive);
            if (community.Exclusive.Count < o.MinExclusiveObjects || community.SynchronyShare < o.MinSynchronyShare
                || community.MedianSpread > o.EffectiveMaxMemberSpread)
            {
                continue;
            }
            foreach (var account in community.Accounts)
            {
                if (community.ExclusivePerMember.GetValueOrDefault(account) >= o.MinMemberObjects)
                {
                    community.Kept.Add(account);
                }
            }
        }
        return communities;
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
    /// The median, over the objects, of the time from the first to the last member action on it. People who react to
    /// one another (friends, a fan club) have heavy-tailed delays, so their actions on one post stretch over many
    /// minutes even when half of them fall inside one window; a squad that acts on an order finishes within seconds.
    /// </summary>
    private static double MedianSpread(List<SharedAction> objects)
    {
        var spreads = new double[objects.Count];
        for (var i = 0; i < objects.Count; i++)
        {
            var actions = objects[i].Actions;
            var min = double.PositiveInfinity;
            var max = double.NegativeInfinity;
            foreach (var (_, time) in actions)
            {
                min = Math.Min(min, time);
                max = Math.Max(max, time);
            }
            spreads[i] = max - min;
        }
        Array.Sort(spreads);
        return spreads.Length == 0 ? 0 : spreads[spreads.Length / 2];
    }

    /// <summary>The distinct members acting inside the busiest window of length <paramref name="window"/> (actions are in time order).</summary>
    private static HashSet<int> BusiestWindow(List<(int Account, double Time)> actions, double window)
    {
        var bestStart = 0;
        var bestEnd = 0;
        var bestCount = 0;
        var inWindow = new Dictionary<int, int>();
        var lo = 0;
        for (var i = 0; i < actions.Count; i++)
        {
            inWindow[actions[i].Account] = inWindow.GetValueOrDefault(actions[i].Account) + 1;
            while (actions[i].Time - actions[lo].Time > window)
            {
                var a = actions[lo++].Account;
                if (--inWindow[a] == 0)
                {
                    inWindow.Remove(a);
                }
            }
            if (inWindow.Count > bestCount)
            {
                bestCount = inWindow.Count;
                bestStart = lo;
                bestEnd = i;
            }
        }
        var result = new HashSet<int>();
        for (var i = bestStart; i <= bestEnd && bestCount > 0; i++)
        {
            result.Add(actions[i].Account);
        }
        return result;
    }

    private DetectionResult Explain(Corpus corpus, List<SignificantEdge> significant,
        List<Community> communities, IReadOnlyList<EdgeResult> edges, Dictionary<string, SignalCounts> counts)
    {
        var o = _options;
        var clusterOf = new Dictionary<int, string>();
        var flaggedScore = new Dictionary<int, double>();
        var clusters = new List<ClusterResult>();
        var coordinated = communities.Where(c => c.Kept.Count >= o.MinClusterSize).ToList();
        var provisional = new List<(Community Community, double Score)>();
        foreach (var c in coordinated)
        {
            var kept = c.Kept.ToHashSet();
            var exclusiveCounts = c.Kept.Select(a => c.ExclusivePerMember[a]).ToList();
            foreach (var a in c.Kept)
            {
                flaggedScore[a] = 0.5 + 0.5 * (1 - Math.Exp(-c.ExclusivePerMember[a] / 5.0));
            }
            provisional.Add((c, c.Kept.Average(a => flaggedScore[a])));
        }
        var rank = 0;
        foreach (var (c, score) in provisional.OrderByDescending(p => p.Score).ThenByDescending(p => p.Community.Kept.Count))
        {
            var id = $"C{++rank}";
            foreach (var a in c.Kept)
            {
                clusterOf[a] = id;
            }
            clusters.Add(Describe(corpus, c, id, score, significant));
        }

        // Accounts in any raw edge; unflagged ones score below 0.5 by the evidence of their significant edges.
        var evidence = new Dictionary<int, double>();
        var significantSignals = new Dictionary<int, HashSet<SignalKind>>();
        foreach (var e in significant)
        {
            evidence[e.A] = evidence.GetValueOrDefault(e.A) + e.Evidence;
            evidence[e.B] = evidence.GetValueOrDefault(e.B) + e.Evidence;
            foreach (var kind in e.BySignal.Keys)
            {
                (significantSignals.TryGetValue(e.A, out var sa) ? sa : significantSignals[e.A] = []).Add(kind);
                (significantSignals.TryGetValue(e.B, out var sb) ? sb : significantSignals[e.B] = []).Add(kind);
            }
        }
        var rawSignals = new Dictionary<string, HashSet<SignalKind>>();
        foreach (var e in edges)
        {
            (rawSignals.TryGetValue(e.Source, out var s1) ? s1 : rawSignals[e.Source] = []).Add(e.Signal);
            (rawSignals.TryGetValue(e.Target, out var s2) ? s2 : rawSignals[e.Target] = []).Add(e.Signal);
        }
        foreach (var a in clusterOf.Keys)
        {
            rawSignals.TryAdd(corpus.Accounts[a], []);
        }
        var accounts = new List<AccountResult>(rawSignals.Count);
        foreach (var (accountId, raw) in rawSignals)
        {
            corpus.Accounts.TryGet(accountId, out var a);
            var flagged = clusterOf.TryGetValue(a, out var clusterId);
            var score = flagged ? flaggedScore[a] : 0.5 * (1 - Math.Exp(-evidence.GetValueOrDefault(a)));
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
            },
            StageSeconds = _stages,
            Signals = counts,
            Clusters = clusters.Count,
            FlaggedAccounts = clusterOf.Count,
        };
        return new DetectionResult { Accounts = accounts, Clusters = clusters, Edges = edges, Summary = summary };
    }

    private ClusterResult Describe(Corpus corpus, Community c, string id, double score, List<SignificantEdge> significant)
    {
        var o = _options;
        var kept = c.Kept.ToHashSet();
        var exclusive = c.Exclusive
            .Select(s => (Shared: s, Members: s.Members.Count(kept.Contains)))
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
                Author = corpus.AuthorOf(s.Signal, s.Object) is var author and >= 0 ? corpus.Accounts[author] : null,
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
        var spreads = exclusive.Select(s =>
        {
            var t = s.Shared.Actions.Where(a => kept.Contains(a.Account)).Select(a => a.Time).ToList();
            return t.Max() - t.Min();
        }).OrderBy(x => x).ToList();
        var internalEdges = significant.Where(e => kept.Contains(e.A) && kept.Contains(e.B)).ToList();
        var n = kept.Count;
        var density = n > 1 ? internalEdges.Count / (n * (n - 1) / 2.0) : 0;
        var bestP = internalEdges.Count > 0 ? internalEdges.Min(e => e.BySignal.Values.Min(v => v.PValue)) : 1;
        var signals = exclusive.Select(s => s.Shared.Signal).Distinct().OrderBy(s => s).ToList();
        var meanExclusivity = exclusive.Count > 0 ? exclusive.Average(s => s.Shared.Exclusivity) : 0;
        var medianSpread = spreads.Count > 0 ? spreads[spreads.Count / 2] : 0;
        var evidence = new List<EvidenceItem>
        {
            new("members", n, $"{n} accounts acted together repeatedly and are tied by significant co-action edges."),
            new("exclusive_objects", exclusive.Count,
                $"They acted within {o.Window:0.#} s of each other on {exclusive.Count} distinct objects that few others touched (at least {o.Exclusivity:P0} of each object's accounts are members)."),
            new("mean_exclusivity", Math.Round(meanExclusivity, 4),
                $"On average {meanExclusivity:P0} of all accounts that acted on these objects are members of this cluster: a crowd of fans shares its objects with thousands of others, a squad does not."),
            new("synchrony_share", Math.Round(c.SynchronyShare, 4),
                $"Of the {c.CoSelectedExclusive} objects the members shared mostly among themselves, {c.SynchronyShare:P0} were acted on within {o.Window:0.#} s of each other (friends share at human pace; a squad in seconds)."),
            new("median_member_spread_seconds", Math.Round(medianSpread, 1),
                $"Half of these objects saw all member actions within {medianSpread:0.#} s."),
            new("significant_edges", internalEdges.Count,
                $"{internalEdges.Count} member pairs co-acted within the window more often than their near-synchronous actions (up to {o.ControlFactor:0.#}× the window) predict (Poisson test, p < {o.Alpha:G3}); density {density:P0}."),
            new("strongest_edge_log10_p", Math.Round(-Math.Log10(Math.Max(bestP, 1e-300)), 1),
                $"The strongest pair's synchrony has p ≈ 10^-{-Math.Log10(Math.Max(bestP, 1e-300)):0.#} under the timing null model."),
            new("signals", signals.Count, $"Signals: {string.Join(", ", signals.Select(s => s.Name()))}."),
        };
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
        };
    }
}
