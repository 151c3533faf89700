using Tansiq.Core.Model;

namespace Tansiq.Core.Detection;

/// <summary>Every threshold of detect, with the defaults documented in docs/detection.md.</summary>
public sealed record DetectOptions
{
    /// <summary>Seconds within which two actions on one object are co-actions (inclusive).</summary>
    public double Window { get; init; } = 60;

    public IReadOnlyList<SignalKind> Signals { get; init; } = SignalNames.All;

    /// <summary>Raw co-action edges (edges.csv, Gephi files) need at least this toolkit weight.</summary>
    public int MinWeight { get; init; } = 2;

    /// <summary>The timing null model's control band reaches this multiple of the window: gaps in (w, ControlFactor·w].</summary>
    public double ControlFactor { get; init; } = 2;

    /// <summary>
    /// How many synchronous co-actions one near-synchronous co-action predicts per unit of band width. Human reaction
    /// delays make gap densities fall with the gap, so chance synchrony can exceed the adjacent band; 2 allows it to be
    /// twice as dense.
    /// </summary>
    public double ControlRatio { get; init; } = 2;

    /// <summary>An edge is significant on a signal when P(this many synchronous objects | control rate) is below this.</summary>
    public double Alpha { get; init; } = 1e-3;

    /// <summary>An edge needs at least this many distinct objects acted on within the window.</summary>
    public int MinSyncObjects { get; init; } = 3;

    /// <summary>An object is exclusive to a cluster when at least this share of everyone who acted on it are members.</summary>
    public double Exclusivity { get; init; } = 0.5;

    /// <summary>
    /// An object is a cluster's own only when its members are more of its participants than the cluster's share of
    /// the signal's accounts explains: P[Binomial(participants, share) ≥ members] below this. A community of thousands
    /// of readers is the majority of every story shared by two or four of them by chance.
    /// </summary>
    public double OwnObjectAlpha { get; init; } = 0.05;

    /// <summary>A cluster is judged coordinated when members acted together within the window on at least this many exclusive objects.</summary>
    public int MinExclusiveObjects { get; init; } = 3;

    /// <summary>
    /// Of the objects a cluster shares mostly among itself, at least this share must have been acted on within the
    /// window. Friends share each other's posts all the time but at human pace; a squad acts on its objects in seconds.
    /// </summary>
    public double MinSynchronyShare { get; init; } = 0.5;

    /// <summary>
    /// An exclusive object counts as acted on together when at least this share of the members who acted on it did so
    /// inside one window. Fans reposting their leader spread over hours with a fast few; a squad moves in one burst.
    /// </summary>
    public double MinBurstShare { get; init; } = 0.5;

    /// <summary>A member must itself have taken part in at least this many of the cluster's exclusive objects.</summary>
    public int MinMemberObjects { get; init; } = 2;

    public int MinClusterSize { get; init; } = 3;

    /// <summary>Modularity resolution for community detection (higher = smaller clusters).</summary>
    public double Resolution { get; init; } = 1.0;

    public int Seed { get; init; } = 1;

    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>How many shared objects and timeline actions a cluster lists.</summary>
    public int TopObjects { get; init; } = 10;

    public int MaxTimeline { get; init; } = 2000;

    /// <summary>
    /// A cluster is coordinated only when, on the median of its synchronous own objects, its members' actions span at
    /// most this many seconds from first to last. Null: four windows. Human reaction delays are heavy-tailed (lognormal
    /// with sigma 1 to 1.5), so a group of people reacting to one post spreads over many minutes.
    /// </summary>
    public double? MaxMemberSpread { get; init; }

    /// <summary><see cref="MaxMemberSpread"/> or, when unset, four windows.</summary>
    public double EffectiveMaxMemberSpread => MaxMemberSpread ?? 4 * Window;

    /// <summary>How many times a community that fails the judgement is split (clustered again on its own subgraph) and its parts judged.</summary>
    public int RefinementLevels { get; init; } = 4;

    /// <summary>
    /// The time scales of the timing null model, as multiples of <see cref="Window"/>: a scheduler acts within seconds,
    /// people taking orders from a chat group within minutes. Each pair is tested at every scale (synchronous band
    /// against the adjacent band of the same width) and the significance level is divided among the scales.
    /// </summary>
    public IReadOnlyList<double> Scales { get; init; } = [1, 4, 16, 180];

    /// <summary>
    /// At scales slower than the window, objects with more participants than this are not swept: a crowd of thousands
    /// on one post carries almost no evidence per pair, and at minutes every pair of it would co-act.
    /// </summary>
    public int SlowScaleMaxParticipants { get; init; } = 250;

    /// <summary>
    /// Groups smaller than <see cref="MinClusterSize"/> (an operator with two or three accounts) are findings when every
    /// member has a pair edge inside the group at least this strong (-log10 p under the timing null model).
    /// </summary>
    public double OverwhelmingLog10P { get; init; } = 12;

    /// <summary>
    /// The group evidence (−log10 p) a community found from co-bursts alone must reach (its synchronous own objects
    /// against its control objects, one test per community; see Detector.Groups.cs).
    /// </summary>
    public double CoBurstLog10P { get; init; } = 6;

    /// <summary>Such a pair or triad also needs at least this many synchronous own objects.</summary>
    public int MinOverwhelmingObjects { get; init; } = 10;

    /// <summary>
    /// At slower scales a pair with at least <see cref="MinSyncObjects"/> synchronous objects and at least this many times
    /// the synchronous objects its adjacent band predicts (control + 1/2) is a candidate edge: it joins the graph that
    /// communities are found in, and the community must then pass every cluster test on its own objects.
    /// </summary>
    public double CandidateRatio { get; init; } = 4;

    /// <summary>
    /// The slowest scale (a multiple of <see cref="Window"/>) for posts (co-repost, co-reply): a post draws its reactions
    /// within hours, so at hours every crowd on it looks synchronous. Hashtags, links and texts live for days and are
    /// judged at every scale (hashtag games, relays).
    /// </summary>
    public double MaxPostScale { get; init; } = 16;

    /// <summary>At scales slower than the window, at most this share of a cluster's synchronous actions may go to one account's posts and conversations: a crowd amplifying one account at human pace is a fan base.</summary>
    public double MaxSingleAuthorShare { get; init; } = 0.6;

    /// <summary>At scales slower than the window, the members' first actions on the median synchronous object must lie within this many scales.</summary>
    public double SlowSpreadFactor { get; init; } = 2;
    /// <summary>
    /// The least dispersion of independent human reaction delays (sigma of the lognormal; studies of reply and re-share
    /// delays find 1 to 1.5, and 0.6 leaves room for a community selected for its synchronous pairs): a circle whose
    /// members' delays after its own posts scatter significantly less reacts on orders, not on its own (see
    /// docs/detection.md).
    /// </summary>
    public double HumanDelaySigma { get; init; } = 0.6;

    /// <summary>
    /// The fewest reactions (degrees of freedom of the orders test) on which one author's posts are tested on their own
    /// at minutes; authors with fewer are tested together (see docs/detection.md, "Posts at minutes").
    /// </summary>
    public int MinOrdersDegrees { get; init; } = 20;
    /// <summary>
    /// An author joins a cluster as its producer when at least this many of its posts are the cluster's synchronous own
    /// objects (or, on the second route, were pushed by two of its members at once). Two let in organic authors whose two
    /// re-shared posts a small cluster happened to push: on the two fuzz draws 11 and 13 of the 24 and 42 false positives.
    /// </summary>
    public int MinProducerPosts { get; init; } = 3;

    /// <summary>At most this many edge_objects.csv rows per flagged cluster (the earliest objects first).</summary>
    public int MaxEdgeObjectsPerCluster { get; init; } = 20000;

    /// <summary>A group lead lists at most this many of its accounts (its size is given in full).</summary>
    public int MaxLeadAccounts { get; init; } = 50;

    /// <summary>How many leads (the strongest unflagged groups and pairs) are written.</summary>
    public int MaxLeads { get; init; } = 100;

    /// <summary>The scales in seconds, ascending and distinct.</summary>
    public IReadOnlyList<double> ScaleSeconds => [.. Scales.Select(m => m * Window).Where(s => s > 0).Distinct().Order()];
}
