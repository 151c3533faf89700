namespace Tansiq.Application.Contracts;

// The public JSON shapes of the HTTP API, in one place. Property names are written in snake_case by the host's
// serializer options (JsonNamingPolicy.SnakeCaseLower); the CSV shapes are the batch writers' (decisions.csv).

/// <summary>The answer to every ingest request, sent after the rows are committed.</summary>
public sealed record IngestResponse(int Accepted, int Duplicates);

/// <summary>The answer to a POST of reports: also the decisions that changed because of them.</summary>
public sealed record ReportIngestResponse(int Accepted, int Duplicates, IReadOnlyList<DecisionDto> Decisions);

/// <summary>One target's decision (the columns of decisions.csv).</summary>
public sealed record DecisionDto(
    string TargetId,
    string Decision,
    string Priority,
    long DecidedAt,
    int Reports,
    double EffectiveReports,
    IReadOnlyList<string> Brigades,
    string Reason);

public sealed record DecisionListResponse(int Count, IReadOnlyList<DecisionDto> Decisions);

/// <summary>One report in a target's timeline.</summary>
public sealed record ReportDto(string ReportId, string ReporterId, long Timestamp, string? Reason);

/// <summary>One change of a target's decision.</summary>
public sealed record DecisionChangeDto(long Time, string Decision, string Priority, int Reports, double EffectiveReports, string Reason);

/// <summary>A brigade as brigades.json shows it, with its evidence.</summary>
public sealed record BrigadeDto(
    string Id,
    long Start,
    long End,
    int Reports,
    IReadOnlyList<string> Targets,
    int ParticipantCount,
    IReadOnlyList<EvidenceDto> Evidence);

public sealed record EvidenceDto(string Name, double Value, string Explanation);

/// <summary><c>GET /v1/decisions/{target}</c>: the decision, its reports in time order, its changes and its brigades.</summary>
public sealed record TargetDetailResponse(
    DecisionDto Decision,
    IReadOnlyList<ReportDto> Reports,
    IReadOnlyList<DecisionChangeDto> Timeline,
    IReadOnlyList<BrigadeDto> Brigades,
    IReadOnlyList<ModerationEventDto> Events);

/// <summary>One item of the moderator queue.</summary>
public sealed record QueueItemDto(string TargetId, string Priority, bool Escalated, long DecidedAt, int Reports, double EffectiveReports, string Reason, IReadOnlyList<BrigadeDto> Brigades);

public sealed record QueueResponse(int Count, IReadOnlyList<QueueItemDto> Items);

/// <summary><c>POST /v1/queue/{target}/resolve</c> body.</summary>
public sealed record ResolveRequest(string? Action, string? Note);

/// <summary>
/// One moderation event (the shape of Bluesky Ozone's <c>tools.ozone.moderation.defs#modEventView</c>: id, event type,
/// subject, creator, time, comment).
/// </summary>
public sealed record ModerationEventDto(long Id, string Event, string Subject, string CreatedBy, long CreatedAt, string Comment, int ReportersAffected);

/// <summary><c>GET /v1/clusters</c>: the latest background detection run.</summary>
public sealed record ClustersResponse(long? RanAt, double WindowFrom, double WindowTo, long Messages, IReadOnlyList<ClusterDto> Clusters);

public sealed record ClusterDto(int Id, int Size, IReadOnlyList<string> Members, IReadOnlyList<string> Signals);
