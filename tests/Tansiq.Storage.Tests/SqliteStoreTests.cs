using Microsoft.Data.Sqlite;
using Tansiq.Storage.Sqlite;
using Tansiq.Testing;

namespace Tansiq.Storage.Tests;

public sealed class SqliteStoreTests : StoreContractTests
{
    private readonly TempDirectory _dir = new();
    private readonly SqliteStore _store;

    public SqliteStoreTests() => _store = new SqliteStore(_dir.Path);

    protected override SqlStore Store => _store;

    protected override void Execute(string sql)
    {
        using var c = new SqliteConnection($"Data Source={_store.Path};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    [Fact]
    public async Task Migrate_NewDirectory_UsesWriteAheadLogging()
    {
        await _store.MigrateAsync();
        using var c = new SqliteConnection($"Data Source={_store.Path};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", cmd.ExecuteScalar() as string);
    }

    public override void Dispose()
    {
        _store.Dispose();
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
