using Npgsql;

namespace Tansiq.Testing;

/// <summary>
/// The PostgreSQL server the tests use: <c>TANSIQ_TEST_PG</c> (a connection string to a server where the user may
/// create databases; eng/test.sh starts one and sets it). Each test gets a database of its own. Without the variable
/// the PostgreSQL tests fail, they never skip: run them through eng/test.sh.
/// </summary>
public static class PostgresTestServer
{
    public const string Variable = "TANSIQ_TEST_PG";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s
            ? s
            : throw new InvalidOperationException($"{Variable} is not set: the PostgreSQL tests need a server (eng/test.sh installs and starts one and sets {Variable})");

    /// <summary>Creates an empty database and returns a connection string to it.</summary>
    public static string CreateDatabase()
    {
        var name = "tansiq_test_" + Guid.NewGuid().ToString("N");
        using (var c = new NpgsqlConnection(ConnectionString))
        {
            c.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", c);
            cmd.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name, Pooling = true }.ToString();
    }

    /// <summary>Runs one statement on a database (for tests that reach under the store, e.g. to fake a newer schema).</summary>
    public static void Execute(string connectionString, string sql)
    {
        using var c = new NpgsqlConnection(connectionString);
        c.Open();
        using var cmd = new NpgsqlCommand(sql, c);
        cmd.ExecuteNonQuery();
    }
}

/// <summary>A private temporary directory, deleted at the end.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory(string prefix = "tansiq-test-") => Path = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
