using Tansiq.Core.CoAction;
using Tansiq.Core.Evidence;
using Tansiq.Core.Graphs;
using Tansiq.Core.Model;
using Tansiq.Core.Text;

namespace Tansiq.Core.Detection;

public sealed partial class Detector
{
    /// <summary>What one community did on one object that is mostly its own (members' actions only, in time order).</summary>
    private sealed class SharedAction
    {
        public required SignalKind Signal { get; init; }
        public required int Object { get; init; }
        /// <summary>Every account in the data that acted on the object.</summary>
        public required int Participants { get; init; }
        /// <summary>Distinct community members who acted on the object (at any time).</summary>
        public required int Acting { get; init; }
        /// <summary>The post's author for co-repost and co-reply objects (-1 when unknown or not a post).</summary>
        public required int Author { get; init; }
        /// <summary>Whose conversation the post belongs to: the author of the post it replies to, else <see cref="Author"/>.</summary>
        public required int Owner { get; init; }
        /// <summary>When the post object was made (NaN when it is not a post or not in the data).</summary>
        public double PostTime { get; init; } = double.NaN;
        /// <summary>
        /// Whether the members are more of the participants than the community's share of the active accounts explains
        /// (<see cref="DetectOptions.OwnObjectAlpha"/>): only such an object can count as acted on together.
        /// </summary>
        public required bool BeyondChance { get; init; }
        /// <summary>A pasted text of at least three distinct words (see <see cref="Detector.IsPastedText"/>).</summary>
        public bool PastedText { get; init; }
        /// <summary>A link, or a text that carries one (see <see cref="Detector.SharesLink"/>).</summary>
        public bool SharesLink { get; init; }
        /// <summary>For a text, near-duplicate or link: the account that posted it first in the data, and when (-1, NaN for others).</summary>
        public int Originator { get; init; } = -1;
        public double OriginTime { get; init; } = double.NaN;
        /// <summary>For a text, near-duplicate or link: the accounts outside the community that acted on it and when they first did.</summary>
        public (int Account, double Time)[]? CopyOutsiders { get; init; }
        public List<(int Account, double Time)> Actions { get; } = [];
        /// <summary>For a post, the accounts outside the community that acted on it and when they first did (null for other objects).</summary>
        public (int Account, double Time)[]? Outsiders { get; init; }
        public double Exclusivity => (double)Acting / Participants;

        /// <summary>The same object with an empty action list, for testing a subset of the actions on it.</summary>
        public SharedAction WithoutActions() => new()
        {
            Signal = Signal,
            Object = Object,
            Participants = Participants,
            Acting = Acting,
            Author = Author,
            Owner = Owner,
            PostTime = PostTime,
            BeyondChance = BeyondChance,
            PastedText = PastedText,
            Outsiders = Outsiders,
        };
    }

    /// <summary>One of the community's own objects acted on together at the verdict's scale, and who was in the burst.</summary>
    private sealed record SynchronousObject(SharedAction Shared, HashSet<int> Burst);

    /// <summary>How a community fared at one time scale: the measurements, the members kept, and the first test it failed.</summary>
    private sealed class Verdict
    {
        public required double Scale { get; init; }
        public required int CoSelected { get; init; }
        public required List<SynchronousObject> Synchronous { get; init; }
        public required double MedianSpread { get; set; }
        public required double SpreadLimit { get; init; }
        /// <summary>Own texts left out of the judgement as canned material used alone (see <see cref="Detector.CannedTextUsedAlone"/>).</summary>
        public int CannedTextsSetAside { get; init; }
        /// <summary>A co-burst community judged at the window on its reused material, without the orders test.</summary>
        public bool WithoutOrders { get; set; }
        public Dictionary<int, int> PerMember { get; } = [];
        public List<int> Kept { get; } = [];
        /// <summary>Originators whose copied material has an audience outside the community (<see cref="WithoutCopyRiders"/>).</summary>
        public HashSet<int> AudiencedOriginators { get; } = [];
        public double SynchronyShare => CoSelected == 0 ? 0 : (double)Synchronous.Count / CoSelected;
        public string? Failed { get; set; }
        /// <summary>Judged by relay cascades (<see cref="JudgeCascades"/>): bursts are runs of hop-by-hop actions.</summary>
        public bool Cascades { get; init; }
        /// <summary>For a cascade verdict: -log10 p of the regularity of the gaps between consecutive members.</summary>
        public double CascadeLog10P { get; set; }
        /// <summary>For a group found from its games (<see cref="GameGroups"/>): -log10 p of its strongest pair of linked games.</summary>
        public double GamesLog10P { get; init; }
        public double FailedValue { get; set; }
        public double FailedThreshold { get; set; }
        public bool Passed => Failed is null;
    }

    private sealed class Community
    {
        public List<int> Accounts { get; } = [];
        /// <summary>Objects acted on by at least two members of which members are at least the exclusivity share.</summary>
        public List<SharedAction> Own { get; } = [];
        /// <summary>
        /// Posts that are the community's own only once the members of clusters already found are set aside from their
        /// participants (see <see cref="Detector.CollectOwnObjects"/>): the community is judged with them too, and that
        /// judgement stands when it keeps more members.
        /// </summary>
        public List<SharedAction> OwnBesideFound { get; } = [];
        public Verdict? Verdict { get; set; }
        public bool Passed => Verdict is { Passed: true };
        /// <summary>See <see cref="Detector.Amplifies"/> (shared by the communities of one judgement round).</summary>
        public Dictionary<int, HashSet<int>>? Amplifies { get; set; }
        /// <summary>Members that joined as the authors of the posts the cluster pushed (see AttachProducers).</summary>
        public List<int> Producers { get; } = [];
        /// <summary>Members that joined as players of one of the cluster's hashtag games (see ExtendGamePlayers).</summary>
        public List<int> GamePlayers { get; } = [];
        /// <summary>Whether the members' reactions to their circle's own posts are concentrated as orders make them.</summary>
        public bool ReactsOnOrders { get; set; }
        /// <summary>The posts of the members' circle (set aside in <see cref="Detector.Decide"/> unless they react on orders).</summary>
        public HashSet<SharedAction> CirclePosts { get; set; } = [];
        /// <summary>The members' share of the accounts that act on shared objects (see <see cref="Detector.Baselines"/>).</summary>
        public double Baseline { get; set; }
        /// <summary>In the co-burst pass, the members kept by its verdict at the window (see CoBurstCommunities).</summary>
        public List<int>? CoreAtWindow { get; set; }
        /// <summary>
        /// The cascades of a community whose members also pass the cascade judgement while its verdict stays the bursts'
        /// (see <see cref="Detector.Decide"/>): what it extends along when it does not extend on its bursts.
        /// </summary>
        public List<SynchronousObject>? Cascades { get; set; }
        public IReadOnlyList<int> Kept => Passed ? Verdict!.Kept : [];
    }

    /// <summary>
    /// Modularity has a resolution limit: a squad of fifty can be merged into a crowd of fast fans it shares the
    /// leader's posts with, or a tight squad with a slow one, and the merged community then fails as a whole. A community
    /// that fails any test is therefore clustered again on its own subgraph (where the limit is finer) and its parts
    /// judged on their own, a few levels deep. Parts of a crowd still fail: the crowd's objects are not any part's own.
    /// </summary>
    private List<Community> JudgeAndRefine(Corpus corpus, int[] nodes, int[] membership, WeightedGraph graph, List<SignificantEdge> significant)
    {
        var o = _options;
        _amplifies.Clear();
        _active = null;
        _windowCounts = new int[corpus.AccountCount];
        _marks = new AccountMarks(corpus.AccountCount);
        var edgeOf = new Dictionary<long, SignificantEdge>(significant.Count, PairKeyComparer.Instance);
        foreach (var e in significant)
        {
            edgeOf[PairTable.Key(e.A, e.B)] = e;
        }
        var nodeOf = new Dictionary<int, int>(nodes.Length);
        for (var i = 0; i < nodes.Length; i++)
        {
            nodeOf[nodes[i]] = i;
        }
        var scales = JudgedScales().ToList();
        _found = null;
        var communities = Judge(corpus, nodes, membership, edgeOf, scales);
        _found = Found(corpus, communities);
        var nextLabel = membership.Length == 0 ? 0 : membership.Max() + 1;
        for (var round = 0; round < o.RefinementLevels; round++)
        {
            var changed = false;
            foreach (var community in communities)
            {
                if (community.Passed || community.Accounts.Count < 4)
                {
                    continue;
                }
                changed |= Split(community, graph, nodeOf, membership, ref nextLabel);
            }
            if (!changed)
            {
                break;
            }
            communities = Judge(corpus, nodes, membership, edgeOf, scales);
            _found = Found(corpus, communities);
        }
        if (MergeFragments(corpus, communities, membership, nodeOf))
        {
            communities = Judge(corpus, nodes, membership, edgeOf, scales);
            _found = Found(corpus, communities);
        }
        communities.AddRange(CoBurstCommunities(corpus, communities, edgeOf));
        communities.AddRange(GameGroups(corpus, communities));
        ExtendMembers(corpus, communities);
        ExtendGamePlayers(corpus, communities);
        AttachProducers(corpus, communities);
        AttachCarriedProducers(corpus, communities);
        return communities;
    }

    /// <summary>
    /// Clusters a community again on its own subgraph of <paramref name="graph"/> (<paramref name="nodeOf"/>: account to
    /// graph node) and gives its parts new labels from <paramref name="nextLabel"/> on in <paramref name="membership"/>;
    /// false, and nothing relabelled, when Louvain finds one part. The relabelled nodes are added to
    /// <paramref name="relabelled"/> when it is given.
    /// </summary>
    private bool Split(Community community, WeightedGraph graph, Dictionary<int, int> nodeOf, int[] membership, ref int nextLabel,
        HashSet<int>? relabelled = null)
    {
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
        var parts = Louvain.Communities(WeightedGraph.FromEdges(local.Count, edges), _options.Resolution, _options.Seed);
        if (parts.Distinct().Count() < 2)
        {
            return false;
        }
        foreach (var (node, a) in local)
        {
            membership[node] = nextLabel + parts[a];
            relabelled?.Add(node);
        }
        nextLabel += parts.Max() + 1;
        return true;
    }

    /// <summary>
    /// An army produces content as well as pushing it: the accounts whose posts a coordinated cluster re-shared in its
    /// bursts, when those posts are what anyone re-shares of theirs at all, are its producers and join it. At least
    /// <see cref="DetectOptions.MinProducerPosts"/> of their posts must be the cluster's synchronous own objects, and
    /// they must be at least half of the author's posts that were re-shared: a leader, a journalist or a news page whose
    /// posts an army also pushes is re-shared by many others too (their posts are then not the army's own objects, or
    /// they are a small part of the author's re-shared posts), or, when the army outnumbers them on his posts, they re-share
    /// them again and again from outside every cluster: an author with at least <see cref="DetectOptions.MinClusterSize"/>
    /// such outsiders (each on at least <see cref="DetectOptions.MinMemberObjects"/> of the pushed posts, on its own time
    /// outside the bursts: army members the clusters missed act inside them) has an audience of his own and is not a
    /// producer. Replies are not counted: the accounts a cluster replies to
    /// are its targets.
    /// </summary>
    private void AttachProducers(Corpus corpus, List<Community> communities)
    {
        if (!corpus.Signals.TryGetValue(SignalKind.CoRepost, out var reposts))
        {
            return;
        }
        var member = new HashSet<int>(communities.SelectMany(c => c.Kept));
        var pushedBy = new Dictionary<int, Dictionary<Community, int>>();
        // Per author, the accounts outside every cluster that re-shared the posts the clusters pushed, and how many.
        var audience = new Dictionary<int, Dictionary<int, int>>();
        foreach (var c in communities.Where(c => c.Passed))
        {
            foreach (var s in c.Verdict!.Synchronous)
            {
                if (s.Shared.Signal != SignalKind.CoRepost || s.Shared.Author < 0 || member.Contains(s.Shared.Author))
                {
                    continue;
                }
                var byCluster = pushedBy.TryGetValue(s.Shared.Author, out var d) ? d : pushedBy[s.Shared.Author] = [];
                byCluster[c] = byCluster.GetValueOrDefault(c) + 1;
                var counts = audience.TryGetValue(s.Shared.Author, out var a) ? a : audience[s.Shared.Author] = [];
                foreach (var (outsider, time) in s.Shared.Outsiders ?? [])
                {
                    if (!member.Contains(outsider) && OnOwnTime(s, time, c.Verdict.SpreadLimit))
                    {
                        counts[outsider] = counts.GetValueOrDefault(outsider) + 1;
                    }
                }
            }
        }
        if (pushedBy.Count == 0)
        {
            return;
        }
        var reshared = new Dictionary<int, int>();
        for (var obj = 0; obj < reposts.ObjectCount; obj++)
        {
            var author = corpus.AuthorOf(SignalKind.CoRepost, obj);
            if (author >= 0 && pushedBy.ContainsKey(author) && reposts.EventsOf(obj).Length > 0)
            {
                reshared[author] = reshared.GetValueOrDefault(author) + 1;
            }
        }
        foreach (var (author, byCluster) in pushedBy.OrderBy(p => p.Key))
        {
            var (cluster, pushed) = byCluster.MaxBy(p => p.Value);
            if (pushed < _options.MinProducerPosts || 2 * pushed < reshared.GetValueOrDefault(author)
                || audience[author].Values.Count(n => n >= _options.MinMemberObjects) >= _options.MinClusterSize)
            {
                continue;
            }
            cluster.Verdict!.Kept.Add(author);
            cluster.Verdict.PerMember[author] = cluster.Verdict.PerMember.GetValueOrDefault(author) + pushed;
            cluster.Producers.Add(author);
        }
    }

    /// <summary>
    /// For the authors of the communities' own posts: the authors whose posts they re-share or reply to. A post whose
    /// author amplifies the community in return is the circle's own (friends), not a principal's (producers).
    /// </summary>
    private Dictionary<int, HashSet<int>> Amplifies(Corpus corpus, List<Community> communities)
    {
        // Kept across judgement rounds: the authors are mostly the same, and each new set of them costs a pass over the
        // re-share and reply events.
        var result = _amplifies;
        var fresh = new Dictionary<int, HashSet<int>>();
        foreach (var c in communities)
        {
            foreach (var shared in c.Own)
            {
                if (shared.Author >= 0 && !result.ContainsKey(shared.Author))
                {
                    fresh.TryAdd(shared.Author, []);
                }
            }
        }
        if (fresh.Count == 0)
        {
            return result;
        }
        foreach (var kind in (SignalKind[])[SignalKind.CoRepost, SignalKind.CoReply])
        {
            if (!corpus.Signals.TryGetValue(kind, out var events))
            {
                continue;
            }
            for (var obj = 0; obj < events.ObjectCount; obj++)
            {
                var author = corpus.AuthorOf(kind, obj);
                if (author < 0)
                {
                    continue;
                }
                foreach (var e in events.EventsOf(obj))
                {
                    if (fresh.TryGetValue(e.Account, out var set))
                    {
                        set.Add(author);
                    }
                }
            }
        }
        foreach (var (author, set) in fresh)
        {
            result[author] = set;
        }
        return result;
    }

    private readonly Dictionary<int, HashSet<int>> _amplifies = [];

    /// <summary>
    /// The members and their fellow reactors: the accounts outside the community that re-share or reply to at least
    /// <see cref="DetectOptions.MinMemberObjects"/> of its own posts. Louvain splits a fast friend group of twenty into
    /// fragments, and a fragment of three to five then owns the posts of friends outside it that it re-shares within a
    /// minute or two; those friends re-share the rest of the group, not the fragment, so the circle rule did not set
    /// their posts aside (fuzz worlds 6, 95 of seed 1 and 38 of seed 2). The rest of the group is on the same posts as
    /// the fragment: an author who amplifies a fellow reactor is in the circle too. A squad's producers amplify nobody,
    /// and a squad that reacts on orders keeps its circle's posts anyway.
    /// </summary>
    private HashSet<int> WithFellowReactors(Community community, HashSet<int> members)
    {
        var counts = new Dictionary<int, int>();
        foreach (var shared in community.Own)
        {
            foreach (var (a, _) in shared.Outsiders ?? [])
            {
                counts[a] = counts.GetValueOrDefault(a) + 1;
            }
        }
        var result = new HashSet<int>(members);
        foreach (var (account, n) in counts)
        {
            if (n >= _options.MinMemberObjects)
            {
                result.Add(account);
            }
        }
        return result;
    }

    /// <summary>Whether an author is a member of the community or amplifies one of its members in return.</summary>
    private static bool InCircle(int author, HashSet<int> members, Dictionary<int, HashSet<int>> amplifies) =>
        members.Contains(author) || (amplifies.TryGetValue(author, out var set) && Overlap(set, members));

    /// <summary>Adds, per account, how many of <paramref name="bursts"/> it is in to <paramref name="counts"/>.</summary>
    private static void CountBursts(IEnumerable<SynchronousObject> bursts, Dictionary<int, int> counts)
    {
        foreach (var s in bursts)
        {
            foreach (var m in s.Burst)
            {
                counts[m] = counts.GetValueOrDefault(m) + 1;
            }
        }
    }

    /// <summary>
    /// The verdict's bursts per member (<see cref="Verdict.PerMember"/>) and its kept members: the community's accounts in
    /// at least <see cref="DetectOptions.MinMemberObjects"/> of them.
    /// </summary>
    private void KeepMembersInBursts(Verdict verdict, Community community)
    {
        CountBursts(verdict.Synchronous, verdict.PerMember);
        foreach (var account in community.Accounts)
        {
            if (verdict.PerMember.GetValueOrDefault(account) >= _options.MinMemberObjects)
            {
                verdict.Kept.Add(account);
            }
        }
    }

    /// <summary>Whether two sets share an item, looking the smaller one up in the larger (HashSet.Overlaps walks its argument).</summary>
    private static bool Overlap(HashSet<int> a, HashSet<int> b)
    {
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        foreach (var x in small)
        {
            if (large.Contains(x))
            {
                return true;
            }
        }
        return false;
    }

    private List<Community> Judge(Corpus corpus, int[] nodes, int[] membership, Dictionary<long, SignificantEdge> edgeOf, IEnumerable<double> scales)
    {
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
            if (sizes[membership[i]] < 2)
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
        Baselines(corpus, communityOf, communities);
        CollectOwnObjects(corpus, communityOf, communities);
        var amplifies = Amplifies(corpus, communities);
        foreach (var community in communities)
        {
            community.Amplifies = amplifies;
            Decide(community, scales, edgeOf);
            if (community.OwnBesideFound.Count > 0)
            {
                // An order pushed by two squads is each squad's own once the other is found: judged again with those
                // objects, and judged as before unless it keeps more members with them at seconds or minutes. Not at
                // 16 minutes or more, where a leader's fans are synchronous on his posts beside the army that pushes
                // them too: with the army set aside, his posts were theirs (seed-4 fuzz world 29: 4 fast fans kept).
                var kept = community.Passed ? community.Kept.Count : -1;
                var own = community.Own.Count;
                community.Own.AddRange(community.OwnBesideFound);
                Decide(community, scales, edgeOf);
                if ((community.Passed && community.Verdict!.Scale < _options.MaxPostScale * _options.Window ? community.Kept.Count : -1) <= kept)
                {
                    community.Own.RemoveRange(own, community.Own.Count - own);
                    Decide(community, scales, edgeOf);
                }
            }
        }
        return communities;
    }

    /// <summary>
    /// Louvain splits a sparse group (members who each join a third of the actions, a hashtag game's players) into
    /// fragments, none of which is the majority of its objects' participants. Failing communities that together are
    /// the majority on at least two objects are merged (union-find) and judged again as one.
    /// </summary>
    private bool MergeFragments(Corpus corpus, List<Community> communities, int[] membership, Dictionary<int, int> nodeOf)
    {
        var o = _options;
        var failing = communities.Where(c => !c.Passed && c.Accounts.Count >= 2).ToList();
        if (failing.Count < 2)
        {
            return false;
        }
        var fragmentOf = new int[corpus.AccountCount];
        Array.Fill(fragmentOf, -1);
        for (var i = 0; i < failing.Count; i++)
        {
            foreach (var a in failing[i].Accounts)
            {
                fragmentOf[a] = i;
            }
        }
        var links = new Dictionary<long, int>();
        var acting = new Dictionary<int, int>();
        ForEachObjectByGroup(corpus, fragmentOf, (_, _, participants, byFragment) =>
        {
            if (byFragment.Count < 2)
            {
                return;
            }
            acting.Clear();
            foreach (var (fragment, actions) in byFragment)
            {
                acting[fragment] = _marks!.Distinct(actions);
            }
            if (acting.Count < 2 || acting.Values.Sum() < o.Exclusivity * participants || acting.Values.Max() >= o.Exclusivity * participants)
            {
                return;
            }
            var first = acting.Keys.Min();
            foreach (var other in acting.Keys)
            {
                if (other != first)
                {
                    var key = PairTable.Key(first, other);
                    links[key] = links.GetValueOrDefault(key) + 1;
                }
            }
        });
        var parent = Enumerable.Range(0, failing.Count).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        var merged = false;
        foreach (var (key, count) in links.OrderBy(l => l.Key))
        {
            if (count < o.MinMemberObjects)
            {
                continue;
            }
            var (x, y) = (Find((int)(key >> 32)), Find((int)(uint)key));
            if (x != y)
            {
                parent[Math.Max(x, y)] = Math.Min(x, y);
                merged = true;
            }
        }
        if (!merged)
        {
            return false;
        }
        for (var i = 0; i < failing.Count; i++)
        {
            var root = Find(i);
            if (root == i)
            {
                continue;
            }
            var label = membership[nodeOf[failing[root].Accounts[0]]];
            foreach (var a in failing[i].Accounts)
            {
                membership[nodeOf[a]] = label;
            }
        }
        return true;
    }

    /// <summary>Own objects that count among the community's objects but are no evidence of acting together (see Decide).</summary>
    private HashSet<SharedAction> _notEvidence = [];

    /// <summary>Judges a community at each scale in turn, fastest first, and keeps the first verdict that passes (else the last).</summary>
    private void Decide(Community community, IEnumerable<double> scales, Dictionary<long, SignificantEdge> edgeOf)
    {
        community.Cascades = null;
        var members = community.Accounts.ToHashSet();
        var circleOf = WithFellowReactors(community, members);
        // The circle's own posts are set aside, whatever the scale, unless the members react to them on orders.
        var circle = community.Own.Where(s => s.Author >= 0 && InCircle(s.Author, circleOf, community.Amplifies!)).ToList();
        community.ReactsOnOrders = circle.Count > 0 && ReactsOnOrders(circle);
        _circlePosts = [.. circle];
        community.CirclePosts = _circlePosts;
        var own = community.ReactsOnOrders || KeepsCircleForOrdersTest() ? community.Own : community.Own.Except(circle).ToList();
        // At minutes only the posts whose re-sharers react on orders are evidence (see WithoutSelfPacedPosts).
        List<SharedAction>? atMinutes = null;
        HashSet<SharedAction>? copiesAtMinutes = null;
        foreach (var scale in scales)
        {
            var minutes = scale > _options.Window && scale <= _options.MaxPostScale * _options.Window;
            var judged = minutes ? atMinutes ??= WithoutSelfPacedPosts(own) : own;
            // Shared articles their copiers share at their own pace are no evidence at minutes, but they are still
            // objects the community shares among itself and did not act on together (the synchrony share's denominator):
            // taken out of the judgement altogether, they left a squad's community with two friend groups beside it a
            // higher share, and it passed with the friends (seed-4 fuzz world 6).
            _notEvidence = minutes ? copiesAtMinutes ??= SelfPacedCopies(judged, chainHeads: null) : [];
            community.Verdict = JudgeWithCannedTexts(community, judged, scale, edgeOf);
            _notEvidence = [];
            if (_coBurstPass && scale <= _options.Window && community.Verdict is { Failed: "synchrony_share", Kept.Count: >= 2 } atWindow
                && SecondsCoBurstEvidence(judged, atWindow) >= CoBurstBar)
            {
                // Its bursts within seconds on reused material are evidence enough, but its other objects outnumber
                // them: the members in two or more of those bursts are judged alone if the whole community fails.
                community.CoreAtWindow = [.. KeptOnReusedMaterial(atWindow)];
            }
            if (community.Verdict.Passed)
            {
                break;
            }
        }
        // A relay's chain runs for hours, one member a hop after the other: it fails every scale, or passes at minutes
        // on its first few members' bursts (see JudgeCascades). Not for schedulers (passed at the window) nor for
        // groups found from bursts alone.
        if (_coBurstPass || (community.Verdict is { Passed: true } v && v.Scale <= _options.Window))
        {
            return;
        }
        // A passing verdict is replaced only when the cascades keep at least a cluster's worth of members more (a chain's
        // tail that the bursts missed), not a late-comer or two: an operator's three accounts passed at 4 minutes, and
        // their runs took in an organic account that re-shared two of their posts 20 minutes after them (seed-2 fuzz
        // world 31).
        atMinutes ??= WithoutSelfPacedPosts(own);
        _notEvidence = SelfPacedCopies(atMinutes, chainHeads: members);
        var cascades = JudgeCascades(community, atMinutes, edgeOf);
        _notEvidence = [];
        if (cascades.Passed && (community.Verdict is not { Passed: true } passed || cascades.Kept.Count >= passed.Kept.Count + _options.MinClusterSize))
        {
            community.Verdict = cascades;
        }
        else if (cascades.Passed)
        {
            // A relay that passed at hours on its busiest windows keeps that verdict, but its chain's members that the
            // clustering missed act inside its cascades (seed-2 fuzz world 43: a chain of 26 at about ten minutes a hop,
            // found with 22 at 3 hours; the other four act between its members).
            community.Cascades = cascades.Synchronous;
        }
    }

    /// <summary>
    /// Friends and a squad both re-share their own members' posts; they differ in when. A friend reacts to the post
    /// itself, after a human delay that is heavy-tailed and independent of the other friends' (lognormal, sigma 1 to
    /// 1.5 in the literature): their log-delays scatter by about sigma. A squad reacts to an order that comes minutes
    /// after the post: its members' delays crowd around the order's, so their log-delays hardly scatter. Pooled over the
    /// circle's posts, the members' log-delays (delay of each member's first action after the post, on the data's clock)
    /// are tested against the least dispersed human delays (<see cref="DetectOptions.HumanDelaySigma"/>): a chi-square
    /// test of the pooled variance, each post's null variance computed for its own median delay on the clock (a coarse
    /// clock squeezes fast delays into a few ticks). True when the reactions are too concentrated for people reacting
    /// on their own, at <see cref="DetectOptions.Alpha"/>.
    /// </summary>
    private bool ReactsOnOrders(List<SharedAction> circle) => OrdersTest(circle).OnOrders;

    /// <summary>See <see cref="ReactsOnOrders"/>; also the test's degrees of freedom (how many reactions it rests on).</summary>
    private (bool OnOrders, int Degrees) OrdersTest(List<SharedAction> circle)
    {
        var (p, degrees) = OrdersChiSquare(circle);
        return (p < _options.Alpha, degrees);
    }

    /// <summary>The orders test's lower-tail chance (1 when there are fewer than 2 degrees of freedom) and its degrees of freedom.</summary>
    private (double P, int Degrees) OrdersChiSquare(List<SharedAction> circle)
    {
        var (statistic, degrees) = DelayScatter(circle, _options.HumanDelaySigma);
        return (degrees >= 2 ? ChiSquare.LowerTail(statistic, degrees) : 1, degrees);
    }

    /// <summary>
    /// The chi-square statistic of the reactions' log-delays on the clock, each post's squares about its own mean over the
    /// variance of independent lognormal delays with the given sigma at its median delay, and its degrees of freedom.
    /// </summary>
    private (double Statistic, int Degrees) DelayScatter(List<SharedAction> circle, double sigma)
    {
        var tick = Math.Max(1, _tick);
        var statistic = 0.0;
        var degrees = 0;
        var firsts = new HashSet<int>();
        var delays = new List<double>();
        var logs = new List<double>();
        foreach (var shared in circle)
        {
            if (double.IsNaN(shared.PostTime))
            {
                continue;
            }
            firsts.Clear();
            delays.Clear();
            foreach (var (account, time) in shared.Actions)
            {
                if (firsts.Add(account))
                {
                    delays.Add(Math.Max(0, time - shared.PostTime));
                }
            }
            if (delays.Count < 2)
            {
                continue;
            }
            logs.Clear();
            var mean = 0.0;
            foreach (var d in delays)
            {
                logs.Add(OnClock(d, tick));
                mean += logs[^1];
            }
            mean /= delays.Count;
            var squares = 0.0;
            foreach (var x in logs)
            {
                squares += Math.Pow(x - mean, 2);
            }
            delays.Sort();
            statistic += squares / NullLogDelayVariance(delays[delays.Count / 2], tick, sigma);
            degrees += delays.Count - 1;
        }
        return (statistic, degrees);
    }

    /// <summary>The log of a delay as the data's clock shows it: whole ticks, and one tick more (a reaction in the post's own tick is not at zero).</summary>
    private static double OnClock(double delay, double tick) => Math.Log(tick * (Math.Floor(delay / tick) + 1));

    /// <summary>
    /// Var[ln of the delay on the clock] for independent human delays, lognormal with the given median and
    /// <see cref="DetectOptions.HumanDelaySigma"/>, by quadrature over the normal (cached per median, to 5%).
    /// </summary>
    private double NullLogDelayVariance(double median, double tick, double sigma)
    {
        var bin = (int)Math.Round(Math.Log(Math.Max(median, tick / 2)) / 0.05);
        if (_nullVariance.TryGetValue((bin, tick, sigma), out var cached))
        {
            return cached;
        }
        var mu = bin * 0.05;
        double weight = 0, sum = 0, squares = 0;
        for (var z = -6.0; z <= 6.0; z += 0.02)
        {
            var w = Math.Exp(-z * z / 2);
            var x = OnClock(Math.Exp(mu + sigma * z), tick);
            weight += w;
            sum += w * x;
            squares += w * x * x;
        }
        var mean = sum / weight;
        var variance = Math.Max(squares / weight - mean * mean, 1e-6);
        _nullVariance[(bin, tick, sigma)] = variance;
        return variance;
    }

    private readonly Dictionary<(int, double, double), double> _nullVariance = [];

    /// <summary>The scales a community is judged at, fastest first (on a coarse clock none finer than one tick).</summary>
    private IEnumerable<double> JudgedScales()
    {
        var tick = _tick;
        return _options.ScaleSeconds.Select(s => Math.Max(s, tick)).Distinct();
    }

    /// <summary>
    /// Each community's share of the accounts that act on shared objects (objects of any signal acted on more than
    /// once): how large a part of an object's crowd the community would be by chance. A community assembled from many
    /// weak pairs (a thousand news readers tied by a few stories each) is a large part of every crowd, and the majority
    /// of a story shared by two or four accounts without acting together at all. Taken over all signals, not per
    /// signal: the accounts that paste the same texts are mostly the army itself.
    /// </summary>
    private void Baselines(Corpus corpus, int[] communityOf, List<Community> communities)
    {
        if (_active is null)
        {
            _active = new bool[corpus.AccountCount];
            _activeCount = 0;
            foreach (var (_, events) in corpus.Signals)
            {
                for (var obj = 0; obj < events.ObjectCount; obj++)
                {
                    var span = events.EventsOf(obj);
                    if (span.Length < 2)
                    {
                        continue;
                    }
                    foreach (var e in span)
                    {
                        if (!_active[e.Account])
                        {
                            _active[e.Account] = true;
                            _activeCount++;
                        }
                    }
                }
            }
        }
        var members = new int[communities.Count];
        for (var a = 0; a < communityOf.Length; a++)
        {
            if (communityOf[a] >= 0 && _active[a])
            {
                members[communityOf[a]]++;
            }
        }
        for (var c = 0; c < communities.Count; c++)
        {
            communities[c].Baseline = _activeCount == 0 ? 0 : (double)members[c] / _activeCount;
        }
    }

    private bool[]? _active;
    private int _activeCount;

    /// <summary>
    /// Every object acted on by at least two members of one community, of which members are at least the exclusivity
    /// share; marked <see cref="SharedAction.BeyondChance"/> when they are more of its participants than the
    /// community's share of the active accounts explains: P[X ≥ acting] for X ~ Binomial(participants, baseline) below
    /// <see cref="DetectOptions.OwnObjectAlpha"/>. Objects owned by chance still count against the synchrony share
    /// (the community is their majority and did not act on them together), never for it. Once clusters have passed
    /// (<see cref="_found"/>), a post whose participants are at least the exclusivity share members when the kept
    /// members of the other clusters are set aside goes to <see cref="Community.OwnBesideFound"/>: when every campaign
    /// post is pushed by two squads, each squad holds about half of every post, and the squad found second owned nothing
    /// (seed-2 fuzz world 23: a squad of 44 in a community with 4 own objects, 1 member flagged).
    /// </summary>
    private void CollectOwnObjects(Corpus corpus, int[] communityOf, List<Community> communities)
    {
        var o = _options;
        var found = _found;
        var foundIn = new Dictionary<int, int>();
        ForEachObjectByGroup(corpus, communityOf, (kind, obj, participants, byCommunity) =>
        {
            // The members of clusters already found who act on a post: an order pushed by two squads is each squad's
            // own once the other is set aside. Posts only: hashtags and links are shared by crowds beside the clusters
            // (set aside on them, a 13-account hashtag game joined the German elections' findings, 290 -> 305).
            var foundActing = 0;
            foundIn.Clear();
            if (found is not null && IsPost(kind))
            {
                foreach (var (c, actions) in byCommunity)
                {
                    var n = _marks!.Distinct(actions, found);
                    foundIn[c] = n;
                    foundActing += n;
                }
            }
            foreach (var (c, actions) in byCommunity)
            {
                var rest = participants - (foundActing - foundIn.GetValueOrDefault(c));
                // The members acting are at most their actions: most objects fail on those alone.
                if (actions.Count < 2 || (double)actions.Count / rest < o.Exclusivity)
                {
                    continue;
                }
                var acting = _marks!.Distinct(actions);
                if (acting < 2 || (double)acting / rest < o.Exclusivity)
                {
                    continue;
                }
                var author = corpus.AuthorOf(kind, obj);
                var owned = acting >= o.Exclusivity * participants ? communities[c].Own : communities[c].OwnBesideFound;
                owned.Add(SharedActionOn(corpus, kind, obj, participants, acting, actions,
                    beyondChance: Binomial.UpperTail(acting, participants, communities[c].Baseline) < o.OwnObjectAlpha,
                    outsiders: IsPost(kind) && author >= 0 ? OutsidersOf(corpus, kind, obj, communityOf, c) : null,
                    copyOutsiders: IsCopy(kind) ? OutsidersOf(corpus, kind, obj, communityOf, c) : null));
            }
        });
    }

    /// <summary>An object the members of a group acted on, with their actions on it.</summary>
    private static SharedAction SharedActionOn(Corpus corpus, SignalKind kind, int obj, int participants, int acting,
        List<(int Account, double Time)> actions, bool beyondChance, (int Account, double Time)[]? outsiders,
        (int Account, double Time)[]? copyOutsiders = null)
    {
        var first = IsCopy(kind) ? corpus.Signals[kind].EventsOf(obj)[0] : default;
        var shared = new SharedAction
        {
            Signal = kind,
            Object = obj,
            Participants = participants,
            Acting = acting,
            Author = corpus.AuthorOf(kind, obj),
            Outsiders = outsiders,
            Owner = corpus.OwnerOf(kind, obj),
            PostTime = corpus.PostTimeOf(kind, obj),
            BeyondChance = beyondChance,
            PastedText = IsPastedText(corpus, kind, obj),
            SharesLink = SharesLink(corpus, kind, obj),
            Originator = IsCopy(kind) ? first.Account : -1,
            OriginTime = IsCopy(kind) ? first.Time : double.NaN,
            CopyOutsiders = copyOutsiders,
        };
        shared.Actions.AddRange(actions);
        return shared;
    }

    /// <summary>The distinct accounts outside community <paramref name="community"/> that acted on the object, with their first action's time.</summary>
    private static (int Account, double Time)[] OutsidersOf(Corpus corpus, SignalKind kind, int obj, int[] communityOf, int community)
    {
        var outsiders = new Dictionary<int, double>();
        foreach (var e in corpus.Signals[kind].EventsOf(obj))
        {
            if (communityOf[e.Account] != community)
            {
                outsiders.TryAdd(e.Account, e.Time);
            }
        }
        return [.. outsiders.Select(p => (p.Key, p.Value))];
    }

    /// <summary>
    /// Whether an outsider's first action on a synchronous post lies outside the burst (more than the spread limit from
    /// the burst members' first and last actions): an audience re-shares on its own time; an army member that the
    /// clusters missed acts with the burst and is no audience.
    /// </summary>
    private static bool OnOwnTime(SynchronousObject s, double time, double spreadLimit)
    {
        var (lo, hi) = BurstTimes(s);
        return Math.Max(hi, time) - Math.Min(lo, time) > spreadLimit;
    }

    /// <summary>
    /// Producers of small or low-participation squads (after <see cref="AttachProducers"/>): such a squad puts two of its
    /// members on only some of its producer's posts at once, so few of them are its synchronous objects, but it is on
    /// most of them, and the few strangers who re-share them come once each. An author outside every cluster joins a
    /// passed cluster as its producer when
    /// <list type="bullet">
    /// <item>the cluster pushed at least <see cref="DetectOptions.MinProducerPosts"/> of the author's posts (two kept
    /// members re-sharing one within the cluster's spread limit of each other), far more than chance predicts: a
    /// binomial test of its pushes on the author against the author's share of all re-shared posts, below
    /// <see cref="DetectOptions.Alpha"/> after Bonferroni over the authors and clusters tested (a cluster that pushes
    /// hundreds of posts lands on anyone's now and then);</item>
    /// <item>kept members of the clusters re-shared at least half of the author's re-shared posts, and were at least the
    /// <see cref="DetectOptions.Exclusivity"/> share of the re-sharers on at least a quarter of them (a journalist whose
    /// posts a squad also pushes is re-shared by his readers, who outnumber it);</item>
    /// <item>the author has no audience of its own, loyal or returning: fewer than
    /// <see cref="DetectOptions.MinClusterSize"/> accounts outside every cluster re-shared a tenth or more of the author's
    /// re-shared posts (and at least <see cref="DetectOptions.MinMemberObjects"/>), and of the accounts outside every
    /// cluster that re-shared any, fewer than <see cref="DetectOptions.MinClusterSize"/> or fewer than a tenth came back
    /// for <see cref="DetectOptions.MinMemberObjects"/> or more. Strangers who re-share an obscure post now and then meet
    /// again by chance on a few (0-6% of them in the fuzzer's worlds); a leader's, a journalist's or a page's followers
    /// come back post after post.</item>
    /// </list>
    /// </summary>
    private void AttachCarriedProducers(Corpus corpus, List<Community> communities)
    {
        if (!corpus.Signals.TryGetValue(SignalKind.CoRepost, out var reposts))
        {
            return;
        }
        var clusterOf = new Dictionary<int, Community>();
        foreach (var c in communities.Where(c => c.Passed))
        {
            foreach (var a in c.Verdict!.Kept)
            {
                clusterOf.TryAdd(a, c);
            }
        }
        if (clusterOf.Count == 0)
        {
            return;
        }
        // Per author outside every cluster: re-shared posts, those the clusters carried and owned, and per cluster the
        // posts it pushed.
        var reshared = new Dictionary<int, int>();
        var carriedByAny = new Dictionary<int, (int Carried, int Owned)>();
        var pushedPosts = new Dictionary<(int Author, Community Cluster), int>();
        var lastAt = new Dictionary<Community, double>();
        var pushedBy = new HashSet<Community>();
        for (var obj = 0; obj < reposts.ObjectCount; obj++)
        {
            var author = corpus.AuthorOf(SignalKind.CoRepost, obj);
            var events = reposts.EventsOf(obj);
            if (author < 0 || events.Length == 0 || clusterOf.ContainsKey(author))
            {
                continue;
            }
            reshared[author] = reshared.GetValueOrDefault(author) + 1;
            lastAt.Clear();
            pushedBy.Clear();
            var byKept = 0;
            foreach (var e in events)
            {
                if (!clusterOf.TryGetValue(e.Account, out var c))
                {
                    continue;
                }
                byKept++;
                if (lastAt.TryGetValue(c, out var last) && e.Time - last <= c.Verdict!.SpreadLimit)
                {
                    pushedBy.Add(c);
                }
                lastAt[c] = e.Time;
            }
            var (anyCarried, anyOwned) = carriedByAny.GetValueOrDefault(author);
            carriedByAny[author] = (anyCarried + (byKept > 0 ? 1 : 0), anyOwned + (byKept >= _options.Exclusivity * events.Length ? 1 : 0));
            foreach (var c in pushedBy)
            {
                pushedPosts[(author, c)] = pushedPosts.GetValueOrDefault((author, c)) + 1;
            }
        }
        // A cluster that pushes many posts lands on some of anyone's by chance: the pushes on an author must be far more
        // than the author's share of all re-shared posts predicts (binomial, Bonferroni over the pairs tested).
        var pushesOf = new Dictionary<Community, int>();
        var tested = 0;
        foreach (var ((_, c), pushed) in pushedPosts)
        {
            pushesOf[c] = pushesOf.GetValueOrDefault(c) + pushed;
            tested += pushed >= _options.MinProducerPosts ? 1 : 0;
        }
        var allReshared = (double)reshared.Values.Sum();
        var candidates = new Dictionary<int, Community>();
        foreach (var ((author, c), pushed) in pushedPosts)
        {
            if (pushed >= _options.MinProducerPosts && 2 * carriedByAny[author].Carried >= reshared[author]
                && 4 * carriedByAny[author].Owned >= reshared[author]
                && Binomial.UpperTail(pushed, pushesOf[c], reshared[author] / allReshared) * tested <= _options.Alpha
                && (!candidates.TryGetValue(author, out var other) || pushedPosts[(author, other)] < pushed))
            {
                candidates[author] = c;
            }
        }
        if (candidates.Count == 0)
        {
            return;
        }
        var audience = candidates.Keys.ToDictionary(a => a, _ => new Dictionary<int, int>());
        for (var obj = 0; obj < reposts.ObjectCount; obj++)
        {
            var author = corpus.AuthorOf(SignalKind.CoRepost, obj);
            if (author < 0 || !audience.TryGetValue(author, out var counts))
            {
                continue;
            }
            foreach (var e in reposts.EventsOf(obj))
            {
                if (!clusterOf.ContainsKey(e.Account))
                {
                    counts[e.Account] = counts.GetValueOrDefault(e.Account) + 1;
                }
            }
        }
        foreach (var (author, cluster) in candidates.OrderBy(p => p.Key))
        {
            var outsiders = audience[author];
            var returning = outsiders.Values.Count(n => n >= _options.MinMemberObjects);
            var loyal = outsiders.Values.Count(n => n >= Math.Max(_options.MinMemberObjects, (reshared[author] + 9) / 10));
            if (loyal >= _options.MinClusterSize || (returning >= _options.MinClusterSize && 10 * returning >= outsiders.Count))
            {
                continue;
            }
            var pushed = pushedPosts[(author, cluster)];
            cluster.Verdict!.Kept.Add(author);
            cluster.Verdict.PerMember[author] = cluster.Verdict.PerMember.GetValueOrDefault(author) + pushed;
            cluster.Producers.Add(author);
        }
    }

    /// <summary>
    /// Walks every object acted on more than once, in signal and object order, with its number of distinct participants
    /// and, per group (<paramref name="groupOf"/>: account to group, -1 for none), the group members' actions on it in
    /// time order. The dictionary and its lists are reused between objects.
    /// </summary>
    private static void ForEachObjectByGroup(Corpus corpus, int[] groupOf,
        Action<SignalKind, int, int, Dictionary<int, List<(int Account, double Time)>>> visit)
    {
        var seen = new int[corpus.AccountCount];
        var stamp = 0;
        var byGroup = new Dictionary<int, List<(int Account, double Time)>>();
        // The action lists are handed back after each object (visitors copy what they keep): a pass over ten million
        // events would otherwise make a list per group and object.
        var spare = new Stack<List<(int Account, double Time)>>();
        foreach (var (kind, events) in corpus.Signals.OrderBy(s => s.Key))
        {
            for (var obj = 0; obj < events.ObjectCount; obj++)
            {
                var span = events.EventsOf(obj);
                if (span.Length < 2 || !AnyInGroup(span, groupOf))
                {
                    continue;
                }
                stamp++;
                var participants = 0;
                foreach (var actions in byGroup.Values)
                {
                    actions.Clear();
                    spare.Push(actions);
                }
                byGroup.Clear();
                foreach (var e in span)
                {
                    if (seen[e.Account] != stamp)
                    {
                        seen[e.Account] = stamp;
                        participants++;
                    }
                    var g = groupOf[e.Account];
                    if (g < 0)
                    {
                        continue;
                    }
                    if (!byGroup.TryGetValue(g, out var actions))
                    {
                        actions = spare.Count > 0 ? spare.Pop() : [];
                        byGroup[g] = actions;
                    }
                    actions.Add((e.Account, e.Time));
                }
                visit(kind, obj, participants, byGroup);
            }
        }
    }

    /// <summary>Whether any of the events is by an account in a group (most objects have no group member on them).</summary>
    private static bool AnyInGroup(ReadOnlySpan<CoActionEvent> span, int[] groupOf)
    {
        foreach (var e in span)
        {
            if (groupOf[e.Account] >= 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Scratch of <see cref="BusiestSpan"/> for one judgement (one count per account).</summary>
    private int[]? _windowCounts;

    private AccountMarks? _marks;

    /// <summary>
    /// The members kept by the communities that passed in the last judgement of the main pass: set aside from the
    /// participants when a community's own objects are collected (<see cref="CollectOwnObjects"/>).
    /// </summary>
    private bool[]? _found;

    private static bool[] Found(Corpus corpus, List<Community> communities)
    {
        var found = new bool[corpus.AccountCount];
        foreach (var account in communities.Where(c => c.Passed).SelectMany(c => c.Kept))
        {
            found[account] = true;
        }
        return found;
    }

    /// <summary>
    /// Counts the distinct accounts of an action list by marking each account with the call's stamp: a scratch HashSet's
    /// Clear costs its whole capacity, and one large community's object made every later count on popular objects cost
    /// that much.
    /// </summary>
    private sealed class AccountMarks(int accountCount)
    {
        private readonly int[] _marks = new int[accountCount];
        private int _stamp;

        /// <summary>The distinct accounts of an action list (only those in <paramref name="only"/>, when given).</summary>
        public int Distinct(List<(int Account, double Time)> actions, bool[]? only = null)
        {
            if (++_stamp == int.MaxValue)
            {
                Array.Clear(_marks);
                _stamp = 1;
            }
            var count = 0;
            foreach (var (account, _) in actions)
            {
                if ((only is null || only[account]) && _marks[account] != _stamp)
                {
                    _marks[account] = _stamp;
                    count++;
                }
            }
            return count;
        }
    }

    /// <summary>
    /// The cluster tests at one time scale s. Own objects count as acted on together when the busiest window of s holds
    /// at least the burst share of the members who acted on them; at least the minimum number of such objects, and at
    /// least the synchrony share of all own objects; on the median such object the members' first actions lie within
    /// the spread limit (four windows per window of scale); members took part in at least two; and the group is large
    /// enough, or, for an operator's two or three accounts, its pair evidence is overwhelming. A post by a member, or by an
    /// account that itself re-shares or replies to a member, is not an own object: friends repost one another within
    /// minutes (some within seconds), and a circle amplifying its own is what friendship looks like; an army pushes its
    /// principals' posts, pasted texts, links and hashtags. The group's pair evidence, summed, must also reach the
    /// overwhelming bar (candidate edges are weak one by one).
    /// </summary>
    private Verdict Evaluate(Community community, List<SharedAction> own, double scale, Dictionary<long, SignificantEdge> edgeOf,
        bool setAsideCannedTexts = true)
    {
        var o = _options;
        var coSelected = 0;
        var cannedTexts = 0;
        var synchronous = new List<SynchronousObject>();
        var spreads = new List<double>();
        var firsts = new HashSet<int>();
        var firstTimes = new List<double>();
        var counts = _windowCounts ?? throw new InvalidOperationException("judging's scratch is made in JudgeAndRefine");
        foreach (var shared in own)
        {
            // At minutes and hours a crowd's object is no evidence (the same cap as the slower scales' sweeps), nor is a
            // post at hours.
            if (scale > o.Window && (shared.Participants > o.SlowScaleMaxParticipants || ((IsPost(shared.Signal) || shared.SharesLink) && scale > o.MaxPostScale * o.Window)))
            {
                continue;
            }
            if (setAsideCannedTexts && CannedTextUsedAlone(shared, scale))
            {
                cannedTexts++;
                continue;
            }
            coSelected++;
            if (_notEvidence.Contains(shared))
            {
                continue;
            }
            // At hours the timing says little (every reader of a story shares it within hours of the others): the
            // ownership must carry the evidence, and ownership by chance carries none. At seconds and minutes the timing
            // does, and a data set of one campaign's accounts is all of its own active population.
            if (!shared.BeyondChance && scale > o.MaxPostScale * o.Window)
            {
                continue;
            }
            var busiest = BusiestSpan(shared.Actions, scale, counts);
            if (busiest.Count < 2 || busiest.Count < o.MinBurstShare * shared.Acting)
            {
                continue;
            }
            synchronous.Add(new SynchronousObject(shared, SpanMembers(shared.Actions, busiest)));
            // The spread of the members' first actions: later re-shares of the same object by a member are not its burst.
            firsts.Clear();
            firstTimes.Clear();
            foreach (var (account, time) in shared.Actions)
            {
                if (firsts.Add(account))
                {
                    firstTimes.Add(time);
                }
            }
            // Trimmed at the slowest scale of posts and beyond only: at seconds and 4 minutes the whole range stays the
            // test, since a group passing there keeps fewer members than at 16 minutes (seed-2 fuzz worlds 37 and 81).
            spreads.Add(scale >= o.MaxPostScale * o.Window ? TrimmedSpread(firstTimes) : firstTimes[^1] - firstTimes[0]);
        }
        spreads.Sort();
        var verdict = new Verdict
        {
            Scale = scale,
            CoSelected = coSelected,
            Synchronous = synchronous,
            CannedTextsSetAside = cannedTexts,
            MedianSpread = spreads.Count == 0 ? 0 : spreads[spreads.Count / 2],
            // Four windows at the window itself (squads finish within seconds, friends trickle in over minutes); at
            // minutes twice the scale: a fan base reacting over an hour to its leader must not pass at 16 minutes.
            // At hours (beyond the posts' scale) one scale: a game or a relay burst ends within it; people who use the same
            // tags and links over a day are not acting together.
            SpreadLimit = scale <= o.Window ? o.EffectiveMaxMemberSpread : scale > o.MaxPostScale * o.Window ? scale : o.SlowSpreadFactor * scale,
        };
        KeepMembersInBursts(verdict, community);
        WithoutAudienceRiders(verdict);
        WithoutCopyRiders(verdict);
        if (scale > o.MaxPostScale * o.Window || (_coBurstPass && scale >= o.MaxPostScale * o.Window))
        {
            verdict.MedianSpread = KeptMembersSpread(verdict, firsts);
        }
        var minObjects = MinSynchronousObjects(verdict, edgeOf);
        if (synchronous.Count < minObjects)
        {
            Fail(verdict, "synchronous_own_objects", synchronous.Count, minObjects);
        }
        else if (KeptOwn(verdict, firsts) is var keptOwn && keptOwn < minObjects)
        {
            Fail(verdict, "members_own_objects", keptOwn, minObjects);
        }
        else if (scale > o.Window && verdict.Kept.Count >= o.MinClusterSize && KeptTogether(verdict) is var together && together < o.MinMemberObjects)
        {
            Fail(verdict, "kept_members_together", together, o.MinMemberObjects);
        }
        else if (verdict.SynchronyShare < o.MinSynchronyShare)
        {
            Fail(verdict, "synchrony_share", verdict.SynchronyShare, o.MinSynchronyShare);
        }
        else if (verdict.MedianSpread > verdict.SpreadLimit)
        {
            Fail(verdict, "median_member_spread_seconds", verdict.MedianSpread, verdict.SpreadLimit);
        }
        else if (scale > o.Window && SingleAuthorShare(synchronous) is var single && single > o.MaxSingleAuthorShare)
        {
            Fail(verdict, "single_author_share", single, o.MaxSingleAuthorShare);
        }
        else if (verdict.Kept.Count >= 2 && GroupEvidenceAndBar(own, verdict, edgeOf) is var (group, bar) && group < bar)
        {
            Fail(verdict, "group_evidence_log10_p", group, bar);
        }
        else if (_coBurstPass && !SecondsWithoutOrders(verdict) && !BurstsOnOrders(verdict, postsNeeded: true))
        {
            Fail(verdict, "reacts_on_orders", 0, 1);
        }
        else if (verdict.Kept.Count < o.MinClusterSize && (verdict.Kept.Count < 2 || synchronous.Count < o.MinOverwhelmingObjects || !Overwhelming(verdict.Kept, edgeOf)))
        {
            Fail(verdict, verdict.Kept.Count < 2 ? "members" : "pair_evidence_log10_p", verdict.Kept.Count < 2 ? verdict.Kept.Count : StrongestWithin(verdict.Kept, edgeOf),
                verdict.Kept.Count < 2 ? o.MinClusterSize : o.OverwhelmingLog10P);
        }
        if (_coBurstPass && verdict.Passed && KeptTogetherCore(verdict) is var core && core.Count < verdict.Kept.Count)
        {
            verdict.Kept.RemoveAll(m => !core.Contains(m));
            if (core.Count < o.MinClusterSize)
            {
                Fail(verdict, "kept_members_apart", core.Count, o.MinClusterSize);
            }
        }
        if (_coBurstPass && verdict.Passed)
        {
            KeepBeyondChance(verdict);
        }
        return verdict;
    }

    /// <summary>
    /// A group found from its bursts holds together only through its bursts: two kept members are linked when they are
    /// in one burst, or through other accounts in bursts between them. A circle that reacts to its own posts on orders
    /// counts those posts for all of its members (section 3), and Louvain puts weakly tied groups in one community of
    /// the burst hypergraph: a friend group of five found from its bursts, every one on its own friends' posts, passed
    /// at 4 minutes (seed-3 fuzz world 32), and a friend group beside a squad of nine that pushes its members' posts, in
    /// no burst with any of them, was kept with it once shared articles were tested for orders (seed-4 world 6, branch
    /// try/copy-orders-2). So a linked part of the kept members whose every burst is on the circle's posts is not kept;
    /// of the others, the largest and any other of at least a cluster's size are (keeping only the largest cost sparse
    /// scheduler squads that share a community: seed-2 world 32, −36). Returns the kept members left.
    /// </summary>
    private HashSet<int> KeptTogetherCore(Verdict verdict)
    {
        // The accounts of the bursts, numbered for the disjoint sets.
        var index = new Dictionary<int, int>();
        foreach (var s in verdict.Synchronous)
        {
            foreach (var m in s.Burst)
            {
                index.TryAdd(m, index.Count);
            }
        }
        var linked = new UnionFind(index.Count);
        foreach (var s in verdict.Synchronous)
        {
            var first = -1;
            foreach (var m in s.Burst)
            {
                if (first < 0)
                {
                    first = index[m];
                }
                else
                {
                    linked.Union(first, index[m]);
                }
            }
        }
        // The parts with a burst on material other than the circle's posts.
        var withOrders = new HashSet<int>();
        foreach (var s in verdict.Synchronous.Where(s => !_circlePosts.Contains(s.Shared)))
        {
            foreach (var m in s.Burst)
            {
                withOrders.Add(linked.Find(index[m]));
            }
        }
        // Of those, the largest, and any other of at least a cluster's size: two kept members apart from the rest are no
        // group of their own (seed-4 world 6 with the articles test of try/copy-orders-2: two fans beside an operator's
        // pair, in bursts of their own).
        var parts = verdict.Kept.Where(m => index.ContainsKey(m) && withOrders.Contains(linked.Find(index[m])))
            .GroupBy(m => linked.Find(index[m])).Select(g => g.ToList())
            .OrderByDescending(g => g.Count).ThenBy(g => g.Min()).ToList();
        var core = new HashSet<int>();
        for (var i = 0; i < parts.Count; i++)
        {
            if (i == 0 || parts[i].Count >= _options.MinClusterSize)
            {
                core.UnionWith(parts[i]);
            }
        }
        return core;
    }

    /// <summary>
    /// An outlet's readers ride on its pages: the pages post each article at the same second (coordination, declared),
    /// and a reader who shares it with the share button within the scale is in the pages' burst, the only one there who
    /// copied it. For a re-shared post the author is not an action on it; for a copied text or link the first poster
    /// is, so a reader meets the outlet on every article it shares. The originators whose copied synchronous material
    /// has an audience outside the community (at least <see cref="DetectOptions.MinClusterSize"/> outsiders who each
    /// copy <see cref="DetectOptions.MinMemberObjects"/> or more of it on their own time, outside the burst) are the
    /// audienced originators; a kept member must then be in <see cref="DetectOptions.MinMemberObjects"/> bursts other
    /// than those on such material where it is the one copier beside the originator and those who posted within
    /// <see cref="CoOriginSeconds"/> of it. An operator's sockpuppets copy material nobody else copies, and a squad's
    /// members copy a producer's text together: neither rides.
    /// </summary>
    private void WithoutCopyRiders(Verdict verdict)
    {
        var o = _options;
        verdict.AudiencedOriginators.UnionWith(Audienced(verdict, s => (s.Shared.Originator, s.Shared.CopyOutsiders), notTheAuthor: true));
        if (verdict.AudiencedOriginators.Count == 0)
        {
            return;
        }
        var riding = new Dictionary<int, int>();
        var copiers = new List<int>();
        foreach (var s in verdict.Synchronous)
        {
            if (s.Shared.Originator < 0 || !verdict.AudiencedOriginators.Contains(s.Shared.Originator))
            {
                continue;
            }
            copiers.Clear();
            foreach (var (account, time) in s.Shared.Actions)
            {
                if (s.Burst.Contains(account) && account != s.Shared.Originator && time - s.Shared.OriginTime > CoOriginSeconds && !copiers.Contains(account))
                {
                    copiers.Add(account);
                    if (copiers.Count > 1)
                    {
                        // Only the lone copier rides; a burst of hundreds need not be walked to the end.
                        break;
                    }
                }
            }
            if (copiers.Count == 1)
            {
                riding[copiers[0]] = riding.GetValueOrDefault(copiers[0]) + 1;
            }
        }
        verdict.Kept.RemoveAll(m => verdict.PerMember[m] - riding.GetValueOrDefault(m) < o.MinMemberObjects);
    }

    /// <summary>
    /// The authors (or originators) of a verdict's synchronous material that has an audience outside the community: at
    /// least <see cref="DetectOptions.MinClusterSize"/> outsiders who each acted on <see cref="DetectOptions.MinMemberObjects"/>
    /// or more of it on their own time (<see cref="OnOwnTime"/>); an originator, whose first post is an action on its own
    /// material, is not counted in its audience (<paramref name="notTheAuthor"/>).
    /// </summary>
    private HashSet<int> Audienced(Verdict verdict, Func<SynchronousObject, (int Author, (int Account, double Time)[]? Outsiders)> of,
        bool notTheAuthor)
    {
        var o = _options;
        var byAuthor = new Dictionary<int, Dictionary<int, int>>();
        foreach (var s in verdict.Synchronous)
        {
            var (author, outsiders) = of(s);
            if (outsiders is not { Length: > 0 })
            {
                continue;
            }
            if (!byAuthor.TryGetValue(author, out var counts))
            {
                byAuthor[author] = counts = [];
            }
            foreach (var (a, time) in outsiders)
            {
                if ((!notTheAuthor || a != author) && OnOwnTime(s, time, verdict.SpreadLimit))
                {
                    counts[a] = counts.GetValueOrDefault(a) + 1;
                }
            }
        }
        return [.. byAuthor.Where(p => p.Value.Values.Count(n => n >= o.MinMemberObjects) >= o.MinClusterSize).Select(p => p.Key)];
    }

    /// <summary>Posts of one text or link within this many seconds of its first are the originator's own (its sibling pages).</summary>
    private const double CoOriginSeconds = 5;

    /// <summary>The fewest members in a burst that counts as the army's other work in <see cref="WithoutAudienceRiders"/>.</summary>
    private const int MinWorkBurst = 3;

    /// <summary>
    /// A leader's fast fans ride on the army that pushes his posts: at the window they re-share his posts within the
    /// squad's seconds, so his posts are the merged community's own and the fans are in their bursts (seed-2 fuzz world
    /// 39: 44 of 52 fast fans beside a scheduler squad of 285). What they do not do is the army's other work: its
    /// producers' posts, its canned texts, its tags. The authors whose synchronous posts have an audience outside the
    /// community (at least <see cref="DetectOptions.MinClusterSize"/> outsiders who each re-share or reply to at least
    /// <see cref="DetectOptions.MinMemberObjects"/> of them on their own time, outside the burst: the fans who were slower
    /// than the squad, not the squad members the clustering missed) are the audienced authors, and when the community has at least <see cref="DetectOptions.MinExclusiveObjects"/> synchronous objects
    /// besides their posts, a member must be in the bursts of at least <see cref="DetectOptions.MinMemberObjects"/> of
    /// those others. A squad member joins the army's work whatever it is (in world 39 every member of both squads had
    /// two or more such bursts, every fan none or one); a squad that does nothing but push one leader is not tested; a
    /// producer whose posts only the army re-shares has no audience. Tried first and dropped: a binomial test of the
    /// member's share of bursts on audienced posts against the community's share of such objects dropped whole squads
    /// (a squad member is in nearly every burst on a post, but in the one busiest window of a canned text reused for
    /// days only now and then); weighted by burst sizes it dropped only 5 of the 44 fans (most were in five bursts).
    /// The other work is counted in bursts of at least <see cref="MinWorkBurst"/> members: in seed-3 fuzz world 78 the
    /// five fans kept beside a scheduler squad at the window were, besides the leader's posts, in replies with one member
    /// each (bursts of two) and in at most one larger burst.
    /// </summary>
    private void WithoutAudienceRiders(Verdict verdict)
    {
        var o = _options;
        var audienced = Audienced(verdict, s => (s.Shared.Author, s.Shared.Outsiders), notTheAuthor: false);
        if (audienced.Count == 0)
        {
            return;
        }
        var onAudienced = new Dictionary<int, int>();
        var audiencePosts = 0;
        foreach (var s in verdict.Synchronous)
        {
            // A burst of two (one member beside another) is no sign of the army's work: a fan who re-shares the leader
            // inside the squad's bursts also meets a member or two by chance on other objects.
            if ((s.Shared.Author >= 0 && IsPost(s.Shared.Signal) && audienced.Contains(s.Shared.Author)) || s.Burst.Count < MinWorkBurst)
            {
                audiencePosts++;
                foreach (var m in s.Burst)
                {
                    onAudienced[m] = onAudienced.GetValueOrDefault(m) + 1;
                }
            }
        }
        // A community that does nothing but push audienced posts is judged by the other tests alone.
        if (verdict.Synchronous.Count - audiencePosts < o.MinExclusiveObjects)
        {
            return;
        }
        verdict.Kept.RemoveAll(m => verdict.PerMember[m] - onAudienced.GetValueOrDefault(m) < o.MinMemberObjects);
    }

    /// <summary>
    /// The synchronous objects of which the kept members (those in at least two bursts), not just the community, are
    /// the exclusivity share of the participants. A community of a thousand accounts that each reposted one or two of
    /// the same viral posts is most of those posts' crowds; the few dozen of them who happen to be in two bursts are not.
    /// </summary>
    private int KeptOwn(Verdict verdict, HashSet<int> scratch)
    {
        var kept = verdict.Kept.ToHashSet();
        var count = 0;
        foreach (var s in verdict.Synchronous)
        {
            scratch.Clear();
            foreach (var (account, _) in s.Shared.Actions)
            {
                if (kept.Contains(account))
                {
                    scratch.Add(account);
                }
            }
            if (scratch.Count >= 2 && scratch.Count >= _options.Exclusivity * s.Shared.Participants)
            {
                count++;
            }
        }
        return count;
    }

    /// <summary>
    /// How often the kept members were seen together: the most occasions any two of them share a burst on, or
    /// <see cref="DetectOptions.MinMemberObjects"/> when a burst holds three or more of them (one occasion per pasted
    /// message, though it is a text and a near-duplicate at once).
    /// </summary>
    private int KeptTogether(Verdict verdict)
    {
        var kept = verdict.Kept.ToHashSet();
        var pairs = new Dictionary<long, HashSet<(int, double)>>();
        var inBurst = new List<(int Account, double Time)>();
        foreach (var s in verdict.Synchronous)
        {
            inBurst.Clear();
            foreach (var (account, time) in s.Shared.Actions)
            {
                if (s.Burst.Contains(account) && kept.Contains(account) && !inBurst.Exists(x => x.Account == account))
                {
                    inBurst.Add((account, time));
                    if (inBurst.Count >= MinWorkBurst)
                    {
                        // Three kept members in one burst: seen together, whatever the rest of a large burst holds.
                        return _options.MinMemberObjects;
                    }
                }
            }
            if (inBurst.Count == 2)
            {
                var key = PairTable.Key(inBurst[0].Account, inBurst[1].Account);
                if (!pairs.TryGetValue(key, out var occasions))
                {
                    pairs[key] = occasions = [];
                }
                occasions.Add(inBurst[0]);
            }
        }
        return pairs.Values.Select(p => p.Count).DefaultIfEmpty(0).Max();
    }

    /// <summary>
    /// The largest share of the members' synchronous actions (burst members summed over the synchronous objects) that
    /// went to one account's posts and conversations (0 when none is a post): a leader's audience re-shares his posts by
    /// the dozen and piles on the people who answer him by twos and threes, so it is the actions, not the objects, that
    /// show whose audience a group is.
    /// </summary>
    private static double SingleAuthorShare(List<SynchronousObject> synchronous)
    {
        var total = synchronous.Sum(s => s.Burst.Count);
        if (total == 0)
        {
            return 0;
        }
        var top = synchronous.Where(s => s.Shared.Owner >= 0).GroupBy(s => s.Shared.Owner).Select(g => g.Sum(s => s.Burst.Count)).DefaultIfEmpty(0).Max();
        return (double)top / total;
    }

    /// <summary>
    /// The spread of one object's first actions (in time order) without the first and last tenth of them: the range from
    /// first to last grows with the group's size (a squad of 150 whose members' delays run from 2 to 20 minutes each has
    /// a straggler or two at 35 minutes on every post: independent world 28, bench/independent-worlds, failed at 16
    /// minutes on 1,980 s against 1,920), while the range of its middle eight tenths does not. Groups of fewer than ten
    /// keep the whole range.
    /// </summary>
    private static double TrimmedSpread(List<double> times)
    {
        var trim = times.Count / 10;
        return times[times.Count - 1 - trim] - times[trim];
    }

    private static void Fail(Verdict verdict, string test, double value, double threshold)
    {
        verdict.Failed = test;
        verdict.FailedValue = value;
        verdict.FailedThreshold = threshold;
    }

    /// <summary>
    /// At hours, the median over the synchronous objects of the spread of the kept members' first actions (those in at
    /// least <see cref="DetectOptions.MinMemberObjects"/> bursts). A community found from candidate edges at hours holds
    /// stragglers besides the group: a stranger who joined two of a game group's tags hours after the games is in it,
    /// is no member (one burst or none), and alone stretched the spread of every tag it used past the scale (seed-2 fuzz
    /// world 87: 50 players of four games of 1.5-2.2 hours and 4 organic accounts, median spread 13,260 s against
    /// 10,800). At seconds and minutes the whole community's spread stays the test: there a friend group's trickle is
    /// what it must catch, and its late friends are often kept members too. Except at 16 minutes in the co-burst pass,
    /// whose communities are found from shared bursts and hold the stragglers of those bursts' objects, and whose groups
    /// must also show orders: seed-3 fuzz world 77's scheduler squad of 80 (participation 0.11, jitter 102 s) was one
    /// co-burst community with 27 organic accounts and 19 fans; the whole community's median spread at 16 minutes was
    /// 26,660 s against 1,920, and split, its fragments owned too little. Not at 4 minutes: there the kept members'
    /// spread let communities pass with fewer members than at 16 (seed-2 world 81: 65 instead of 70).
    /// </summary>
    private static double KeptMembersSpread(Verdict verdict, HashSet<int> scratch)
    {
        var kept = verdict.Kept.ToHashSet();
        var spreads = new List<double>();
        var times = new List<double>();
        foreach (var s in verdict.Synchronous)
        {
            scratch.Clear();
            times.Clear();
            foreach (var (account, time) in s.Shared.Actions)
            {
                if (kept.Contains(account) && scratch.Add(account))
                {
                    times.Add(time);
                }
            }
            if (scratch.Count >= 2)
            {
                spreads.Add(TrimmedSpread(times));
            }
        }
        spreads.Sort();
        return spreads.Count == 0 ? verdict.MedianSpread : spreads[spreads.Count / 2];
    }

    /// <summary>
    /// How many synchronous own objects the community needs: <see cref="DetectOptions.MinExclusiveObjects"/>, or two
    /// games. A hashtag game's players riff on a new tag for an hour or three, and a group that plays two games a week has
    /// two such tags and nothing else of its own (fuzz worlds 24, 34, 51 and 3 of the seed-1 draw, 41 of the seed-2 draw:
    /// pure communities of 15-21 players, each the majority of both tags' participants, failing on 2 of 3). Two objects
    /// suffice at hours, when every synchronous object is a hashtag and the pair evidence of the kept members on
    /// hashtags alone (the pair test's candidate edges: both games shared within the scale, none in the adjacent band)
    /// reaches <see cref="DetectOptions.OverwhelmingLog10P"/>: the two games themselves, not the members' other pairs
    /// (a friend circle's re-shares of each other), must show a group — about seven players on both games or more.
    /// The same relaxation as the pair test's two hashtags for a candidate edge (<see cref="Weighing"/>).
    /// </summary>
    private int MinSynchronousObjects(Verdict verdict, Dictionary<long, SignificantEdge> edgeOf)
    {
        var o = _options;
        var games = Math.Min(2, o.MinExclusiveObjects);
        if (verdict.Synchronous.Count != games || verdict.Scale <= o.MaxPostScale * o.Window
            || verdict.Synchronous.Any(s => s.Shared.Signal != SignalKind.CoHashtag))
        {
            return o.MinExclusiveObjects;
        }
        var sum = 0.0;
        var kept = verdict.Kept;
        for (var i = 0; i < kept.Count && sum < o.OverwhelmingLog10P; i++)
        {
            for (var j = i + 1; j < kept.Count; j++)
            {
                if (edgeOf.TryGetValue(PairTable.Key(kept[i], kept[j]), out var e) && e.BySignal.TryGetValue(SignalKind.CoHashtag, out var tags))
                {
                    sum += tags.Log10P;
                }
            }
        }
        return sum >= o.OverwhelmingLog10P ? games : o.MinExclusiveObjects;
    }

    /// <summary>Every member has a pair edge inside the group at least as strong as the overwhelming bar.</summary>
    private bool Overwhelming(IReadOnlyList<int> kept, Dictionary<long, SignificantEdge> edgeOf)
    {
        foreach (var a in kept)
        {
            var best = 0.0;
            foreach (var b in kept)
            {
                if (a != b && edgeOf.TryGetValue(PairTable.Key(a, b), out var e))
                {
                    best = Math.Max(best, e.Log10P);
                }
            }
            if (best < _options.OverwhelmingLog10P)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The pair evidence (-log10 p) summed over the edges among the given accounts, stopping once it is large.</summary>
    private double GroupEvidence(IReadOnlyList<int> accounts, Dictionary<long, SignificantEdge> edgeOf)
    {
        var sum = 0.0;
        for (var i = 0; i < accounts.Count && sum < _options.OverwhelmingLog10P; i++)
        {
            for (var j = i + 1; j < accounts.Count; j++)
            {
                if (edgeOf.TryGetValue(PairTable.Key(accounts[i], accounts[j]), out var e))
                {
                    sum += e.Log10P;
                }
            }
        }
        return sum;
    }

    /// <summary>The strongest pair edge (-log10 p) among the given accounts; 0 when none.</summary>
    private static double StrongestWithin(IReadOnlyList<int> accounts, Dictionary<long, SignificantEdge> edgeOf)
    {
        var best = 0.0;
        for (var i = 0; i < accounts.Count; i++)
        {
            for (var j = i + 1; j < accounts.Count; j++)
            {
                if (edgeOf.TryGetValue(PairTable.Key(accounts[i], accounts[j]), out var e))
                {
                    best = Math.Max(best, e.Log10P);
                }
            }
        }
        return best;
    }
}
