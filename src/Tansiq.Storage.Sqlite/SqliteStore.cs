using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Tansiq.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file (<c>tansiq.db</c>) in the data directory, write-ahead log, busy timeout so the
/// CLI (<c>serve keys</c>) and a running server can share it. <c>synchronous=NORMAL</c> in WAL mode: a commit survives
/// the process being killed at any moment; an operating-system crash or power loss may lose the last commits
/// (<c>FULL</c> would sync each commit to disk, see docs/service.md).
/// </summary>
public sealed class SqliteStore : SqlStore
{
    private readonly string _connectionString;
    private readonly string _synchronous;

    public SqliteStore(string dataDirectory, bool fullSync = false)
    {
        Directory.CreateDirectory(dataDirectory);
        Path = System.IO.Path.Combine(dataDirectory, "tansiq.db");
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true, DefaultTimeout = 30 }.ToString();
        _synchronous = fullSync ? "FULL" : "NORMAL";
    }

    public string Path { get; }

    public override string Backend => "sqlite";

    protected override IReadOnlyList<string> Migrations { get; } =
    [
        """
        CREATE TABLE accounts (seq INTEGER PRIMARY KEY AUTOINCREMENT, account_id TEXT NOT NULL UNIQUE, username TEXT, created_at INTEGER, followers INTEGER);
        CREATE TABLE follows (seq INTEGER PRIMARY KEY AUTOINCREMENT, follower_id TEXT NOT NULL, followee_id TEXT NOT NULL, UNIQUE (follower_id, followee_id));
        CREATE TABLE reports (seq INTEGER PRIMARY KEY AUTOINCREMENT, report_id TEXT NOT NULL UNIQUE, reporter_id TEXT NOT NULL, target_id TEXT NOT NULL, at INTEGER NOT NULL, reason TEXT);
        CREATE TABLE messages (seq INTEGER PRIMARY KEY AUTOINCREMENT, message_id TEXT NOT NULL UNIQUE, account_id TEXT NOT NULL, username TEXT, ts REAL NOT NULL,
            body TEXT, repost_of TEXT, reply_to TEXT, urls TEXT NOT NULL, hashtags TEXT NOT NULL, mentions TEXT NOT NULL);
        CREATE INDEX messages_ts ON messages (ts);
        CREATE TABLE api_keys (key_id TEXT PRIMARY KEY, role TEXT NOT NULL, name TEXT, secret_hash BLOB NOT NULL, created_at INTEGER NOT NULL, revoked_at INTEGER);
        CREATE TABLE moderation_events (seq INTEGER PRIMARY KEY AUTOINCREMENT, subject TEXT NOT NULL, action TEXT NOT NULL, note TEXT NOT NULL,
            created_by TEXT NOT NULL, created_at INTEGER NOT NULL, after_report INTEGER NOT NULL);
        CREATE TRIGGER moderation_events_no_update BEFORE UPDATE ON moderation_events BEGIN SELECT RAISE(ABORT, 'moderation_events is append-only'); END;
        CREATE TRIGGER moderation_events_no_delete BEFORE DELETE ON moderation_events BEGIN SELECT RAISE(ABORT, 'moderation_events is append-only'); END;
        """,
    ];

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancel)
    {
        var c = new SqliteConnection(_connectionString);
        try
        {
            await c.OpenAsync(cancel);
            await using var cmd = c.CreateCommand();
            cmd.CommandText = $"PRAGMA journal_mode=WAL; PRAGMA synchronous={_synchronous}; PRAGMA busy_timeout=30000; PRAGMA cache_size=-65536;";
            await cmd.ExecuteNonQueryAsync(cancel);
            return c;
        }
        catch (SqliteException e)
        {
            await c.DisposeAsync();
            throw new StoreException($"cannot open the SQLite database {Path}: {e.Message}", e);
        }
    }
}
