namespace Tansiq.Storage;

/// <summary>An account profile as <c>moderate</c> reads it from accounts.csv.</summary>
public sealed record AccountRecord(string AccountId, string? Username, long? CreatedAt, long? Followers);

/// <summary>One follow edge.</summary>
public sealed record FollowRecord(string Follower, string Followee);

/// <summary>One user report as received: the client's id, both accounts, unix seconds and the reason given.</summary>
public sealed record ReportRecord(string ReportId, string Reporter, string Target, long Time, string? Reason);

/// <summary>A report as stored: its place in the log (commit order) and the report.</summary>
public sealed record StoredReport(long Sequence, ReportRecord Report);

/// <summary>
/// A posted message, stored in the normalised shape <c>detect</c> reads (so the background detection can rebuild
/// a corpus from the store whatever format it arrived in).
/// </summary>
public sealed record MessageRecord(
    string MessageId,
    string AccountId,
    string? Username,
    double Timestamp,
    string? Text,
    string? RepostOf,
    string? ReplyTo,
    string Urls,
    string Hashtags,
    string Mentions);

/// <summary>An API key as stored: never the key itself, only a SHA-256 hash of its secret part.</summary>
public sealed record KeyRecord(string KeyId, string Role, string? Name, byte[] SecretHash, long CreatedAt, long? RevokedAt);

/// <summary>
/// One moderation event in the append-only log (the shape of Bluesky Ozone's moderation events): who did what to
/// which subject, when, with a note. <see cref="AfterReport"/> is the last report sequence committed before it, so a
/// replay applies the event at the same place in the report stream.
/// </summary>
public sealed record ModerationEventRecord(long Sequence, string Subject, string Action, string Note, string CreatedBy, long CreatedAt, long AfterReport);

/// <summary>How many rows of a request were new and how many were already stored.</summary>
public readonly record struct IngestCounts(int Accepted, int Duplicates);

/// <summary>A storage failure the caller can explain (a schema newer than this binary, an unreachable database).</summary>
public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);
