using Tansiq.Core.Model;

namespace Tansiq.Core.Detection;

/// <summary>Everything <c>detect</c> found, ready for the writers (CSV, JSON, GraphML, GEXF, HTML). Account ids are the platform's strings.</summary>
public sealed record DetectionResult
{
    public required IReadOnlyList<AccountResult> Accounts { get; init; }
    public required IReadOnlyList<ClusterResult> Clusters { get; init; }
    /// <summary>The raw co-action edges, one per pair and signal (source &lt; target ordinally).</summary>
    public required IReadOnlyList<EdgeResult> Edges { get; init; }
    public required DetectionSummary Summary { get; init; }
    /// <summary>The strongest groups and pairs that were not flagged, with the test each failed (strongest first).</summary>
    public IReadOnlyList<LeadResult> Leads { get; init; } = [];
    /// <summary>Per-edge evidence (edge_objects.csv): the objects behind the edges of flagged clusters and of the leads.</summary>
    public IReadOnlyList<EdgeObjectResult> EdgeObjects { get; init; } = [];
}

/// <summary>
/// One object behind one edge: the pair (source &lt; target ordinally), the signal, the object as the platform names it,
/// and each account's action time on it; with the cluster or the lead the edge belongs to.
/// </summary>
public sealed record EdgeObjectResult(string Source, string Target, SignalKind Signal, string ObjectKey, double SourceTime, double TargetTime)
{
    public string? ClusterId { get; init; }
    public int? LeadRank { get; init; }
}

/// <summary>
/// An unflagged group or pair with strong pair evidence: where an analyst should look next. The test it failed, its
/// value and the threshold say how far it was from being a finding.
/// </summary>
public sealed record LeadResult
{
    public int Rank { get; init; }
    /// <summary>The accounts of the strongest pair edge inside (source, target), for edge_objects.csv.</summary>
    public (string Source, string Target)? StrongestPair { get; init; }
    /// <summary>"pair" or "group".</summary>
    public required string Kind { get; init; }
    /// <summary>The strongest pair first, then the others in ordinal order, at most <see cref="DetectOptions.MaxLeadAccounts"/>.</summary>
    public required IReadOnlyList<string> Accounts { get; init; }
    /// <summary>How many unflagged accounts the group has (may exceed the accounts listed).</summary>
    public required int Size { get; init; }
    public required IReadOnlyList<SignalKind> Signals { get; init; }
    /// <summary>The time scale (seconds) at which the group was judged or the pair's evidence was strongest.</summary>
    public required double ScaleSeconds { get; init; }
    public required double StrongestLog10P { get; init; }
    /// <summary>The group's synchronous own objects at that scale (for a loose pair: its synchronous objects).</summary>
    public required int SynchronousObjects { get; init; }
    /// <summary>
    /// The first cluster test it failed: synchronous_own_objects, synchrony_share, median_member_spread_seconds, members,
    /// pair_evidence_log10_p; "community" for a pair whose accounts ended in different communities.
    /// </summary>
    public required string FailedTest { get; init; }
    public required double Value { get; init; }
    public required double Threshold { get; init; }
}

/// <summary>An account that appears in at least one co-action edge.</summary>
public sealed record AccountResult
{
    public required string AccountId { get; init; }
    public string? Username { get; init; }
    /// <summary>Null when the account is not judged part of a coordinated cluster.</summary>
    public string? ClusterId { get; init; }
    /// <summary>In [0, 1]: how strongly the evidence ties this account into coordinated behaviour.</summary>
    public required double Score { get; init; }
    /// <summary>The signals of the edges that tie it in.</summary>
    public required IReadOnlyList<SignalKind> Signals { get; init; }
    public int Messages { get; init; }
}

/// <summary>A raw co-action edge; <paramref name="Significant"/> when it also survived the timing null-model test (the evidence graph).</summary>
public sealed record EdgeResult(string Source, string Target, SignalKind Signal, int Weight, bool Significant = false);

/// <summary>A cluster judged coordinated, with the measured evidence behind the judgement.</summary>
public sealed record ClusterResult
{
    public required string ClusterId { get; init; }
    public required IReadOnlyList<string> Members { get; init; }
    public int Size => Members.Count;
    /// <summary>In [0, 1]: the strength of the cluster's evidence; clusters are ranked by it.</summary>
    public required double Score { get; init; }
    public required IReadOnlyList<SignalKind> Signals { get; init; }
    /// <summary>Unix seconds of the first and last action of a member on a shared object.</summary>
    public required double FirstAction { get; init; }
    public required double LastAction { get; init; }
    /// <summary>The strongest shared objects (posts, links, texts, hashtags), strongest first.</summary>
    public required IReadOnlyList<SharedObject> SharedObjects { get; init; }
    /// <summary>Why the cluster was judged coordinated: named measurements with their values and a sentence each.</summary>
    public required IReadOnlyList<EvidenceItem> Evidence { get; init; }
    /// <summary>Members' actions on the shared objects in time order (capped for the report).</summary>
    public required IReadOnlyList<TimelineAction> Timeline { get; init; }
    /// <summary>The time scale (seconds) at which the cluster passed its tests.</summary>
    public double TimeScaleSeconds { get; init; }
    /// <summary>What the coordination looks like: scheduler, squad, copy-paste, operator accounts, hashtag game, hashtag flood.</summary>
    public string? Kind { get; init; }
}

/// <summary>An object that members of a cluster acted on together.</summary>
public sealed record SharedObject
{
    public required SignalKind Signal { get; init; }
    /// <summary>The object as the platform names it: a post id, a normalised URL, a text, a hashtag.</summary>
    public required string Key { get; init; }
    /// <summary>A representative original text (for co-text and co-similar objects), to show right-to-left where Arabic.</summary>
    public string? Text { get; init; }
    /// <summary>The language of <see cref="Text"/> when the source says (BCP 47, e.g. "ar"); the report tags the text with it.</summary>
    public string? Lang { get; init; }
    /// <summary>For a post (co-repost, co-reply): the account id of its author when the post is in the data.</summary>
    public string? Author { get; init; }
    public required int Members { get; init; }
    /// <summary>All accounts in the data that acted on the object (members and others).</summary>
    public required int Participants { get; init; }
    public required double FirstAction { get; init; }
    public required double LastAction { get; init; }
    /// <summary>Seconds between the first and the last member action.</summary>
    public double Spread => LastAction - FirstAction;
}

public sealed record EvidenceItem(string Name, double Value, string Explanation);

public sealed record TimelineAction(string AccountId, double Time, SignalKind Signal, string ObjectKey);

/// <summary>Counts, parameters and timings for summary.json.</summary>
public sealed record DetectionSummary
{
    public required long Messages { get; init; }
    public required int Accounts { get; init; }
    public long DuplicateMessages { get; init; }
    public long SkippedRows { get; init; }
    public IReadOnlyList<string> SkippedRowExamples { get; init; } = [];
    public required IReadOnlyDictionary<string, object> Parameters { get; init; }
    /// <summary>Stage name to seconds, in the order the stages ran.</summary>
    public required IReadOnlyList<KeyValuePair<string, double>> StageSeconds { get; init; }
    /// <summary>Per signal: events, objects, raw pairs, significant pairs.</summary>
    public required IReadOnlyDictionary<string, SignalCounts> Signals { get; init; }
    public int Clusters { get; init; }
    public int FlaggedAccounts { get; init; }
    /// <summary>The clock of the data: 60 when every time is a whole minute, 1 for whole seconds, 0 for finer.</summary>
    public double TimeResolutionSeconds { get; init; } = 1;
    /// <summary>Things an analyst should check about the input (e.g. one object dominating a signal).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

public sealed record SignalCounts(long Events, long Objects, long RawPairs, long SignificantPairs);
