namespace Tansiq.Application.Contracts;

// The shapes of the routes the dashboard added to /v1 (snake_case on the wire, as the rest of the API), beside the
// others in ApiShapes.cs: the public JSON shapes in one place.

/// <summary>
/// <c>GET /v1/decisions/{target}/naive</c>: what the naive rule (suspend once distinct reporters reach 25% of the
/// followers, <c>moderate --policy threshold</c>) does with the same reports on this account.
/// </summary>
public sealed record NaiveRuleDto(
    string TargetId,
    string Decision,
    long Followers,
    int DistinctReporters,
    double Threshold,
    double Needed,
    long? SuspendedAt,
    int? SuspendedAfterReporters,
    string Reason);

/// <summary>One reporter of a target as the dashboard shows it: who, when, and the signals that discount the report.</summary>
public sealed record ReporterDto(
    string AccountId,
    string? Username,
    long FirstReport,
    int Reports,
    double? AgeDays,
    long? Followers,
    IReadOnlyList<string> Flags,
    double ModeratorFactor,
    int? Cluster,
    bool Independent);

/// <summary><c>GET /v1/targets/{target}</c>: everything the queue and the target page show about one reported account.</summary>
public sealed record TargetViewDto(
    string TargetId,
    string? Username,
    long? Followers,
    long? CreatedAt,
    TargetDetailResponse Detail,
    NaiveRuleDto Naive,
    int IndependentReporters,
    int DiscountedReporters,
    IReadOnlyList<ReporterDto> Reporters);

/// <summary>One hit of <c>GET /v1/search</c>.</summary>
public sealed record AccountHitDto(string AccountId, string? Username, string? Decision, int? Cluster);

public sealed record SearchResponse(string Query, int Count, IReadOnlyList<AccountHitDto> Items);

/// <summary><c>GET /v1/accounts/{id}</c>: one account's profile and where it appears.</summary>
public sealed record AccountViewDto(
    string AccountId,
    string? Username,
    long? CreatedAt,
    long? Followers,
    string? Decision,
    string? Priority,
    int ReportsReceived,
    int? Cluster,
    double ModeratorFactor);

public sealed record ClusterMemberDto(string AccountId, string? Username, double Score, int Messages);

public sealed record SharedObjectDto(
    string Signal,
    string Key,
    string? Text,
    string? Lang,
    string? Author,
    string? AuthorUsername,
    int Members,
    int Participants,
    double FirstAction,
    double LastAction);

public sealed record TimelinePointDto(string AccountId, double Time, string Signal);

public sealed record NetworkNodeDto(string Id, string? Username, int? Cluster, bool Member);

public sealed record NetworkEdgeDto(string Source, string Target, string Signal, int Weight, bool Significant);

/// <summary><c>GET /v1/clusters/{id}</c>: one cluster of the latest detection run in full, with its neighbourhood.</summary>
public sealed record ClusterViewDto(
    int Id,
    string ClusterId,
    string? Kind,
    int Size,
    double Score,
    IReadOnlyList<string> Signals,
    double FirstAction,
    double LastAction,
    double TimeScaleSeconds,
    IReadOnlyList<ClusterMemberDto> Members,
    IReadOnlyList<EvidenceDto> Evidence,
    IReadOnlyList<SharedObjectDto> SharedObjects,
    IReadOnlyList<TimelinePointDto> Timeline,
    IReadOnlyList<NetworkNodeDto> Nodes,
    IReadOnlyList<NetworkEdgeDto> Edges);

/// <summary>A reported account named somewhere in the dashboard: its username and the two policies' decisions.</summary>
public sealed record TargetRefDto(string AccountId, string? Username, string Decision, string NaiveDecision);

public sealed record BrigadeListItemDto(BrigadeDto Brigade, IReadOnlyList<TargetRefDto> Targets);

/// <summary><c>GET /v1/brigades</c>: the reporting brigades of the moderation state, largest first.</summary>
public sealed record BrigadeListResponse(int Count, IReadOnlyList<BrigadeListItemDto> Brigades);

public sealed record BrigadeMemberDto(string AccountId, string? Username, double? AgeDays, bool Batch, int? Cluster, int Reports);

public sealed record BrigadeReportDto(string Reporter, string Target, long Time);

/// <summary><c>GET /v1/brigades/{id}</c>: one brigade with its members and their reports in time order.</summary>
public sealed record BrigadeViewDto(BrigadeDto Brigade, IReadOnlyList<TargetRefDto> Targets, IReadOnlyList<BrigadeMemberDto> Members, IReadOnlyList<BrigadeReportDto> Reports);
