using Tansiq.Storage.Postgres;
using Tansiq.Testing;

namespace Tansiq.Storage.Tests;

/// <summary>The same contract on a real PostgreSQL (TANSIQ_TEST_PG, started by eng/test.sh); fails without one.</summary>
public sealed class PostgresStoreTests : StoreContractTests
{
    private readonly string _connection = PostgresTestServer.CreateDatabase();
    private readonly PostgresStore _store;

    public PostgresStoreTests() => _store = new PostgresStore(_connection);

    protected override SqlStore Store => _store;

    protected override void Execute(string sql) => PostgresTestServer.Execute(_connection, sql);

    public override void Dispose() => _store.Dispose();
}
