using System.Data.Common;
using Microsoft.Data.Sqlite;
using SQLitePCL;

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

    /// <summary>
    /// Appends reports with one statement prepared once and stepped per row on SQLite's own interface (SQLitePCLRaw,
    /// which Microsoft.Data.Sqlite is built on), inside the connection's transaction: the ADO.NET path made a data
    /// reader and boxed every value per row. Same SQL and the same answer as <see cref="SqlStore.AddReportsAsync"/>.
    /// </summary>
    public override async Task<IReadOnlyList<StoredReport>> AddReportsAsync(IReadOnlyList<ReportRecord> reports, CancellationToken cancel = default)
    {
        var added = new List<StoredReport>(reports.Count);
        await using var c = (SqliteConnection)await OpenAsync(cancel);
        await using var tx = await c.BeginTransactionAsync(cancel);
        var db = c.Handle!;
        Check(raw.sqlite3_prepare_v2(db, "INSERT INTO reports (report_id, reporter_id, target_id, at, reason) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING RETURNING seq", out var stmt), db);
        using (stmt)
        {
            for (var i = 0; i < reports.Count; i++)
            {
                if ((i & 1023) == 1023)
                {
                    cancel.ThrowIfCancellationRequested();
                }
                var r = reports[i];
                Check(raw.sqlite3_bind_text(stmt, 1, r.ReportId), db);
                Check(raw.sqlite3_bind_text(stmt, 2, r.Reporter), db);
                Check(raw.sqlite3_bind_text(stmt, 3, r.Target), db);
                Check(raw.sqlite3_bind_int64(stmt, 4, r.Time), db);
                Check(r.Reason is null ? raw.sqlite3_bind_null(stmt, 5) : raw.sqlite3_bind_text(stmt, 5, r.Reason), db);
                var rc = raw.sqlite3_step(stmt);
                if (rc == raw.SQLITE_ROW)
                {
                    added.Add(new StoredReport(raw.sqlite3_column_int64(stmt, 0), r));
                    rc = raw.sqlite3_step(stmt);
                }
                if (rc != raw.SQLITE_DONE)
                {
                    raw.sqlite3_reset(stmt);
                    SqliteException.ThrowExceptionForRC(rc, db);
                }
                raw.sqlite3_reset(stmt);
            }
        }
        await tx.CommitAsync(cancel);
        return added;
    }

    private static void Check(int rc, sqlite3 db)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
    }
}
