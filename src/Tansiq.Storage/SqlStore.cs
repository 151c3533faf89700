using System.Data;
using System.Data.Common;

namespace Tansiq.Storage;

/// <summary>
/// The store over ADO.NET: the statements both backends share (<c>@name</c> parameters, <c>ON CONFLICT DO NOTHING</c>,
/// <c>RETURNING</c> work in SQLite and PostgreSQL alike). An adapter gives connections and its versioned migrations.
/// </summary>
public abstract class SqlStore : ITansiqStore
{
    /// <summary>The migrations of this backend, in order: index 0 takes an empty database to version 1.</summary>
    protected abstract IReadOnlyList<string> Migrations { get; }

    public abstract string Backend { get; }

    /// <summary>An open connection, set up for this backend.</summary>
    protected abstract Task<DbConnection> OpenAsync(CancellationToken cancel);

    public int LatestVersion => Migrations.Count;

    public virtual void Dispose() => GC.SuppressFinalize(this);

    public async Task MigrateAsync(CancellationToken cancel = default)
    {
        await using var c = await OpenAsync(cancel);
        await ExecuteAsync(c, null, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)", cancel);
        var version = await ReadVersionAsync(c, null, cancel);
        if (version > Migrations.Count)
        {
            throw new StoreException($"the database has schema version {version}, newer than this tansiq knows (version {Migrations.Count}): use a newer tansiq, or a new database");
        }
        for (var v = version; v < Migrations.Count; v++)
        {
            await using var tx = await c.BeginTransactionAsync(cancel);
            // Read again inside the transaction: another process may have migrated in between.
            if (await ReadVersionAsync(c, tx, cancel) != v)
            {
                await tx.RollbackAsync(cancel);
                continue;
            }
            await ExecuteAsync(c, tx, Migrations[v], cancel);
            await ExecuteAsync(c, tx, "DELETE FROM schema_version", cancel);
            await ExecuteAsync(c, tx, $"INSERT INTO schema_version (version) VALUES ({v + 1})", cancel);
            await tx.CommitAsync(cancel);
        }
    }

    public async Task<int> SchemaVersionAsync(CancellationToken cancel = default)
    {
        await using var c = await OpenAsync(cancel);
        await ExecuteAsync(c, null, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)", cancel);
        return await ReadVersionAsync(c, null, cancel);
    }

    private static async Task<int> ReadVersionAsync(DbConnection c, DbTransaction? tx, CancellationToken cancel)
    {
        await using var cmd = Command(c, tx, "SELECT MAX(version) FROM schema_version");
        var value = await cmd.ExecuteScalarAsync(cancel);
        return value is null or DBNull ? 0 : Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public virtual Task<IngestCounts> AddAccountsAsync(IReadOnlyList<AccountRecord> accounts, CancellationToken cancel = default) =>
        InsertAsync(
            "INSERT INTO accounts (account_id, username, created_at, followers) VALUES (@a, @b, @c, @d) ON CONFLICT DO NOTHING",
            accounts, 4, static (a, p) =>
            {
                p[0].Value = a.AccountId;
                p[1].Value = (object?)a.Username ?? DBNull.Value;
                p[2].Value = (object?)a.CreatedAt ?? DBNull.Value;
                p[3].Value = (object?)a.Followers ?? DBNull.Value;
            }, [DbType.String, DbType.String, DbType.Int64, DbType.Int64], cancel);

    public virtual Task<IngestCounts> AddFollowsAsync(IReadOnlyList<FollowRecord> follows, CancellationToken cancel = default) =>
        InsertAsync(
            "INSERT INTO follows (follower_id, followee_id) VALUES (@a, @b) ON CONFLICT DO NOTHING",
            follows, 2, static (f, p) =>
            {
                p[0].Value = f.Follower;
                p[1].Value = f.Followee;
            }, [DbType.String, DbType.String], cancel);

    public Task<IngestCounts> AddMessagesAsync(IReadOnlyList<MessageRecord> messages, CancellationToken cancel = default) =>
        InsertAsync(
            "INSERT INTO messages (message_id, account_id, username, ts, body, repost_of, reply_to, urls, hashtags, mentions) " +
            "VALUES (@a, @b, @c, @d, @e, @f, @g, @h, @i, @j) ON CONFLICT DO NOTHING",
            messages, 10, static (m, p) =>
            {
                p[0].Value = m.MessageId;
                p[1].Value = m.AccountId;
                p[2].Value = (object?)m.Username ?? DBNull.Value;
                p[3].Value = m.Timestamp;
                p[4].Value = (object?)m.Text ?? DBNull.Value;
                p[5].Value = (object?)m.RepostOf ?? DBNull.Value;
                p[6].Value = (object?)m.ReplyTo ?? DBNull.Value;
                p[7].Value = m.Urls;
                p[8].Value = m.Hashtags;
                p[9].Value = m.Mentions;
            }, [DbType.String, DbType.String, DbType.String, DbType.Double, DbType.String, DbType.String, DbType.String, DbType.String, DbType.String, DbType.String], cancel);

    public virtual async Task<IReadOnlyList<StoredReport>> AddReportsAsync(IReadOnlyList<ReportRecord> reports, CancellationToken cancel = default)
    {
        var added = new List<StoredReport>(reports.Count);
        await using var c = await OpenAsync(cancel);
        await using var tx = await c.BeginTransactionAsync(cancel);
        await using var cmd = Command(c, tx,
            "INSERT INTO reports (report_id, reporter_id, target_id, at, reason) VALUES (@a, @b, @c, @d, @e) ON CONFLICT DO NOTHING RETURNING seq");
        var p = Parameters(cmd, [DbType.String, DbType.String, DbType.String, DbType.Int64, DbType.String]);
        await cmd.PrepareAsync(cancel);
        foreach (var r in reports)
        {
            p[0].Value = r.ReportId;
            p[1].Value = r.Reporter;
            p[2].Value = r.Target;
            p[3].Value = r.Time;
            p[4].Value = (object?)r.Reason ?? DBNull.Value;
            var seq = await cmd.ExecuteScalarAsync(cancel);
            if (seq is not null and not DBNull)
            {
                added.Add(new StoredReport(Convert.ToInt64(seq, System.Globalization.CultureInfo.InvariantCulture), r));
            }
        }
        await tx.CommitAsync(cancel);
        return added;
    }

    public Task<IReadOnlyList<AccountRecord>> LoadAccountsAsync(CancellationToken cancel = default) =>
        QueryAsync("SELECT account_id, username, created_at, followers FROM accounts ORDER BY seq", r => new AccountRecord(
            r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetInt64(2), r.IsDBNull(3) ? null : r.GetInt64(3)), cancel);

    public Task<IReadOnlyList<FollowRecord>> LoadFollowsAsync(CancellationToken cancel = default) =>
        QueryAsync("SELECT follower_id, followee_id FROM follows ORDER BY seq", r => new FollowRecord(r.GetString(0), r.GetString(1)), cancel);

    public Task<IReadOnlyList<StoredReport>> LoadReportsAsync(CancellationToken cancel = default) =>
        QueryAsync("SELECT seq, report_id, reporter_id, target_id, at, reason FROM reports ORDER BY seq", r => new StoredReport(r.GetInt64(0),
            new ReportRecord(r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt64(4), r.IsDBNull(5) ? null : r.GetString(5))), cancel);

    public Task<IReadOnlyList<MessageRecord>> LoadMessagesAsync(double from, double to, CancellationToken cancel = default) =>
        QueryAsync("SELECT message_id, account_id, username, ts, body, repost_of, reply_to, urls, hashtags, mentions FROM messages WHERE ts >= @a AND ts < @b ORDER BY ts, seq",
            r => new MessageRecord(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetDouble(3), r.IsDBNull(4) ? null : r.GetString(4),
                r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6), r.GetString(7), r.GetString(8), r.GetString(9)),
            cancel, (DbType.Double, from), (DbType.Double, to));

    public async Task AddKeyAsync(KeyRecord key, CancellationToken cancel = default)
    {
        await using var c = await OpenAsync(cancel);
        await using var cmd = Command(c, null, "INSERT INTO api_keys (key_id, role, name, secret_hash, created_at, revoked_at) VALUES (@a, @b, @c, @d, @e, NULL)");
        var p = Parameters(cmd, [DbType.String, DbType.String, DbType.String, DbType.Binary, DbType.Int64]);
        p[0].Value = key.KeyId;
        p[1].Value = key.Role;
        p[2].Value = (object?)key.Name ?? DBNull.Value;
        p[3].Value = key.SecretHash;
        p[4].Value = key.CreatedAt;
        await cmd.ExecuteNonQueryAsync(cancel);
    }

    public async Task<KeyRecord?> FindKeyAsync(string keyId, CancellationToken cancel = default)
    {
        var found = await QueryAsync("SELECT key_id, role, name, secret_hash, created_at, revoked_at FROM api_keys WHERE key_id = @a", ReadKey, cancel, (DbType.String, keyId));
        return found.Count == 0 ? null : found[0];
    }

    public Task<IReadOnlyList<KeyRecord>> ListKeysAsync(CancellationToken cancel = default) =>
        QueryAsync("SELECT key_id, role, name, secret_hash, created_at, revoked_at FROM api_keys ORDER BY created_at, key_id", ReadKey, cancel);

    private static KeyRecord ReadKey(DbDataReader r) => new(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2),
        (byte[])r.GetValue(3), r.GetInt64(4), r.IsDBNull(5) ? null : r.GetInt64(5));

    public async Task<bool> RevokeKeyAsync(string keyId, long at, CancellationToken cancel = default)
    {
        await using var c = await OpenAsync(cancel);
        await using var cmd = Command(c, null, "UPDATE api_keys SET revoked_at = @a WHERE key_id = @b AND revoked_at IS NULL");
        var p = Parameters(cmd, [DbType.Int64, DbType.String]);
        p[0].Value = at;
        p[1].Value = keyId;
        return await cmd.ExecuteNonQueryAsync(cancel) == 1;
    }

    public async Task<ModerationEventRecord> AppendEventAsync(ModerationEventRecord e, CancellationToken cancel = default)
    {
        await using var c = await OpenAsync(cancel);
        await using var cmd = Command(c, null,
            "INSERT INTO moderation_events (subject, action, note, created_by, created_at, after_report) VALUES (@a, @b, @c, @d, @e, @f) RETURNING seq");
        var p = Parameters(cmd, [DbType.String, DbType.String, DbType.String, DbType.String, DbType.Int64, DbType.Int64]);
        p[0].Value = e.Subject;
        p[1].Value = e.Action;
        p[2].Value = e.Note;
        p[3].Value = e.CreatedBy;
        p[4].Value = e.CreatedAt;
        p[5].Value = e.AfterReport;
        var seq = Convert.ToInt64(await cmd.ExecuteScalarAsync(cancel), System.Globalization.CultureInfo.InvariantCulture);
        return e with { Sequence = seq };
    }

    public Task<IReadOnlyList<ModerationEventRecord>> LoadEventsAsync(CancellationToken cancel = default) =>
        QueryAsync("SELECT seq, subject, action, note, created_by, created_at, after_report FROM moderation_events ORDER BY seq",
            r => new ModerationEventRecord(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetInt64(5), r.GetInt64(6)), cancel);

    /// <summary>Inserts rows in one transaction with one prepared statement; rows that conflict count as duplicates.</summary>
    protected async Task<IngestCounts> InsertAsync<T>(string sql, IReadOnlyList<T> rows, int columns, Action<T, DbParameter[]> bind, DbType[] types, CancellationToken cancel)
    {
        await using var c = await OpenAsync(cancel);
        await using var tx = await c.BeginTransactionAsync(cancel);
        await using var cmd = Command(c, tx, sql);
        var p = Parameters(cmd, types);
        await cmd.PrepareAsync(cancel);
        var accepted = 0;
        foreach (var row in rows)
        {
            bind(row, p);
            accepted += await cmd.ExecuteNonQueryAsync(cancel);
        }
        await tx.CommitAsync(cancel);
        return new IngestCounts(accepted, rows.Count - accepted);
    }

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> read, CancellationToken cancel, params (DbType Type, object Value)[] args)
    {
        await using var c = await OpenAsync(cancel);
        await using var cmd = Command(c, null, sql);
        var p = Parameters(cmd, [.. args.Select(a => a.Type)]);
        for (var i = 0; i < args.Length; i++)
        {
            p[i].Value = args[i].Value;
        }
        var list = new List<T>();
        await using var reader = await cmd.ExecuteReaderAsync(cancel);
        while (await reader.ReadAsync(cancel))
        {
            list.Add(read(reader));
        }
        return list;
    }

    protected static DbCommand Command(DbConnection c, DbTransaction? tx, string sql)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        return cmd;
    }

    /// <summary>Parameters named @a, @b, ... in order.</summary>
    protected static DbParameter[] Parameters(DbCommand cmd, DbType[] types)
    {
        var p = new DbParameter[types.Length];
        for (var i = 0; i < types.Length; i++)
        {
            p[i] = cmd.CreateParameter();
            p[i].ParameterName = "@" + (char)('a' + i);
            p[i].DbType = types[i];
            cmd.Parameters.Add(p[i]);
        }
        return p;
    }

    protected static async Task ExecuteAsync(DbConnection c, DbTransaction? tx, string sql, CancellationToken cancel)
    {
        await using var cmd = Command(c, tx, sql);
        await cmd.ExecuteNonQueryAsync(cancel);
    }
}
