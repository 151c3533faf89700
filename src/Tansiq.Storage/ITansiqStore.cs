namespace Tansiq.Storage;

/// <summary>
/// The service's durable state: accounts, follows, the report log, messages, API keys and the moderation event log.
/// Every write is one transaction: it is committed completely before the call returns, or nothing of it is.
/// Implementations: SQLite (embedded, the default) and PostgreSQL; one test suite runs against both.
/// </summary>
public interface ITansiqStore : IDisposable
{
    /// <summary>A short name of the backend for logs and metrics ("sqlite", "postgres").</summary>
    string Backend { get; }

    /// <summary>Creates or upgrades the schema; refuses a schema newer than this binary knows.</summary>
    Task MigrateAsync(CancellationToken cancel = default);

    /// <summary>The schema version of the database (0 when empty).</summary>
    Task<int> SchemaVersionAsync(CancellationToken cancel = default);

    /// <summary>Adds accounts; an account_id already stored keeps its first profile and counts as a duplicate.</summary>
    Task<IngestCounts> AddAccountsAsync(IReadOnlyList<AccountRecord> accounts, CancellationToken cancel = default);

    /// <summary>Adds follow edges; an edge already stored counts as a duplicate.</summary>
    Task<IngestCounts> AddFollowsAsync(IReadOnlyList<FollowRecord> follows, CancellationToken cancel = default);

    /// <summary>
    /// Appends reports to the log in order; a report_id already stored (or repeated within the call) is a duplicate
    /// and is not stored again. Returns the new reports with their sequence numbers.
    /// </summary>
    Task<IReadOnlyList<StoredReport>> AddReportsAsync(IReadOnlyList<ReportRecord> reports, CancellationToken cancel = default);

    /// <summary>Adds messages; a message_id already stored is a duplicate.</summary>
    Task<IngestCounts> AddMessagesAsync(IReadOnlyList<MessageRecord> messages, CancellationToken cancel = default);

    Task<IReadOnlyList<AccountRecord>> LoadAccountsAsync(CancellationToken cancel = default);

    Task<IReadOnlyList<FollowRecord>> LoadFollowsAsync(CancellationToken cancel = default);

    /// <summary>The whole report log in sequence order.</summary>
    Task<IReadOnlyList<StoredReport>> LoadReportsAsync(CancellationToken cancel = default);

    /// <summary>Messages with a timestamp in [from, to) (unix seconds), in time order.</summary>
    Task<IReadOnlyList<MessageRecord>> LoadMessagesAsync(double from, double to, CancellationToken cancel = default);

    Task AddKeyAsync(KeyRecord key, CancellationToken cancel = default);

    Task<KeyRecord?> FindKeyAsync(string keyId, CancellationToken cancel = default);

    Task<IReadOnlyList<KeyRecord>> ListKeysAsync(CancellationToken cancel = default);

    /// <summary>Revokes a key; false when there is no such key or it was already revoked.</summary>
    Task<bool> RevokeKeyAsync(string keyId, long at, CancellationToken cancel = default);

    /// <summary>Appends one moderation event; returns it with its sequence number.</summary>
    Task<ModerationEventRecord> AppendEventAsync(ModerationEventRecord e, CancellationToken cancel = default);

    /// <summary>The whole event log in sequence order.</summary>
    Task<IReadOnlyList<ModerationEventRecord>> LoadEventsAsync(CancellationToken cancel = default);
}
