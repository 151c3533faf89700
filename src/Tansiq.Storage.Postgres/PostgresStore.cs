using System.Data.Common;
using Npgsql;

namespace Tansiq.Storage.Postgres;

/// <summary>The PostgreSQL store (Npgsql): the same schema and statements as SQLite; reports are appended in one round trip per request.</summary>
public sealed class PostgresStore : SqlStore
{
    private readonly NpgsqlDataSource _source;

    public PostgresStore(string connectionString)
    {
        try
        {
            _source = NpgsqlDataSource.Create(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new StoreException($"the PostgreSQL connection string is not valid: {e.Message}", e);
        }
    }

    public override string Backend => "postgres";

    protected override IReadOnlyList<string> Migrations { get; } =
    [
        """
        CREATE TABLE accounts (seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, account_id TEXT NOT NULL UNIQUE, username TEXT, created_at BIGINT, followers BIGINT);
        CREATE TABLE follows (seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, follower_id TEXT NOT NULL, followee_id TEXT NOT NULL, UNIQUE (follower_id, followee_id));
        CREATE TABLE reports (seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, report_id TEXT NOT NULL UNIQUE, reporter_id TEXT NOT NULL, target_id TEXT NOT NULL, at BIGINT NOT NULL, reason TEXT);
        CREATE TABLE messages (seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, message_id TEXT NOT NULL UNIQUE, account_id TEXT NOT NULL, username TEXT, ts DOUBLE PRECISION NOT NULL,
            body TEXT, repost_of TEXT, reply_to TEXT, urls TEXT NOT NULL, hashtags TEXT NOT NULL, mentions TEXT NOT NULL);
        CREATE INDEX messages_ts ON messages (ts);
        CREATE TABLE api_keys (key_id TEXT PRIMARY KEY, role TEXT NOT NULL, name TEXT, secret_hash BYTEA NOT NULL, created_at BIGINT NOT NULL, revoked_at BIGINT);
        CREATE TABLE moderation_events (seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, subject TEXT NOT NULL, action TEXT NOT NULL, note TEXT NOT NULL,
            created_by TEXT NOT NULL, created_at BIGINT NOT NULL, after_report BIGINT NOT NULL);
        CREATE FUNCTION moderation_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'moderation_events is append-only'; END $$;
        CREATE TRIGGER moderation_events_no_change BEFORE UPDATE OR DELETE ON moderation_events FOR EACH ROW EXECUTE FUNCTION moderation_events_append_only();
        """,
    ];

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancel)
    {
        try
        {
            return await _source.OpenConnectionAsync(cancel);
        }
        catch (NpgsqlException e)
        {
            throw new StoreException($"cannot connect to PostgreSQL: {e.Message}", e);
        }
    }

    /// <summary>All reports of a request in one statement: unnest the columns, keep input order, skip known ids.</summary>
    public override async Task<IReadOnlyList<StoredReport>> AddReportsAsync(IReadOnlyList<ReportRecord> reports, CancellationToken cancel = default)
    {
        if (reports.Count == 0)
        {
            return [];
        }
        await using var c = (NpgsqlConnection)await OpenAsync(cancel);
        await using var tx = await c.BeginTransactionAsync(cancel);
        // DISTINCT ON keeps the first row of an id repeated inside the request; ORDER BY ord keeps the request's order.
        await using var cmd = new NpgsqlCommand(
            """
            INSERT INTO reports (report_id, reporter_id, target_id, at, reason)
            SELECT id, reporter, target, at, reason FROM (
                SELECT DISTINCT ON (id) id, reporter, target, at, reason, ord
                FROM unnest(@a, @b, @c, @d, @e) WITH ORDINALITY AS u(id, reporter, target, at, reason, ord)
                ORDER BY id, ord) first_rows
            ORDER BY ord
            ON CONFLICT DO NOTHING
            RETURNING seq, report_id
            """, c, tx);
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("a", [.. reports.Select(r => r.ReportId)]));
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("b", [.. reports.Select(r => r.Reporter)]));
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("c", [.. reports.Select(r => r.Target)]));
        cmd.Parameters.Add(new NpgsqlParameter<long[]>("d", [.. reports.Select(r => r.Time)]));
        cmd.Parameters.Add(new NpgsqlParameter<string?[]>("e", [.. reports.Select(r => r.Reason)]));
        var seqOf = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var reader = await cmd.ExecuteReaderAsync(cancel))
        {
            while (await reader.ReadAsync(cancel))
            {
                seqOf[reader.GetString(1)] = reader.GetInt64(0);
            }
        }
        await tx.CommitAsync(cancel);
        var added = new List<StoredReport>(seqOf.Count);
        foreach (var r in reports)
        {
            if (seqOf.Remove(r.ReportId, out var seq))
            {
                added.Add(new StoredReport(seq, r));
            }
        }
        added.Sort((x, y) => x.Sequence.CompareTo(y.Sequence));
        return added;
    }

    /// <summary>Accounts in one statement (unnest); the first row of an id repeated in the request wins.</summary>
    public override async Task<IngestCounts> AddAccountsAsync(IReadOnlyList<AccountRecord> accounts, CancellationToken cancel = default)
    {
        if (accounts.Count == 0)
        {
            return new IngestCounts(0, 0);
        }
        await using var c = (NpgsqlConnection)await OpenAsync(cancel);
        await using var cmd = new NpgsqlCommand(
            """
            INSERT INTO accounts (account_id, username, created_at, followers)
            SELECT id, username, created_at, followers FROM (
                SELECT DISTINCT ON (id) id, username, created_at, followers, ord
                FROM unnest(@a, @b, @c, @d) WITH ORDINALITY AS u(id, username, created_at, followers, ord)
                ORDER BY id, ord) first_rows
            ORDER BY ord
            ON CONFLICT DO NOTHING
            """, c);
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("a", [.. accounts.Select(a => a.AccountId)]));
        cmd.Parameters.Add(new NpgsqlParameter<string?[]>("b", [.. accounts.Select(a => a.Username)]));
        cmd.Parameters.Add(new NpgsqlParameter<long?[]>("c", [.. accounts.Select(a => a.CreatedAt)]));
        cmd.Parameters.Add(new NpgsqlParameter<long?[]>("d", [.. accounts.Select(a => a.Followers)]));
        var accepted = await cmd.ExecuteNonQueryAsync(cancel);
        return new IngestCounts(accepted, accounts.Count - accepted);
    }

    /// <summary>Follows in one statement (unnest).</summary>
    public override async Task<IngestCounts> AddFollowsAsync(IReadOnlyList<FollowRecord> follows, CancellationToken cancel = default)
    {
        if (follows.Count == 0)
        {
            return new IngestCounts(0, 0);
        }
        await using var c = (NpgsqlConnection)await OpenAsync(cancel);
        await using var cmd = new NpgsqlCommand(
            """
            INSERT INTO follows (follower_id, followee_id)
            SELECT a, b FROM unnest(@a, @b) WITH ORDINALITY AS u(a, b, ord) ORDER BY ord
            ON CONFLICT DO NOTHING
            """, c);
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("a", [.. follows.Select(f => f.Follower)]));
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("b", [.. follows.Select(f => f.Followee)]));
        var accepted = await cmd.ExecuteNonQueryAsync(cancel);
        return new IngestCounts(accepted, follows.Count - accepted);
    }

    public override void Dispose()
    {
        _source.Dispose();
        base.Dispose();
    }
}
