using Microsoft.Data.Sqlite;
using Tansiq.Cli;
using Tansiq.Testing;

namespace Tansiq.Service.Tests;

/// <summary><c>./tansiq serve keys add|list|revoke</c> and the CLI's refusals (no database, a newer schema).</summary>
public sealed class ServeCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new("tansiq-serve-cli-");

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        return (CliApp.Run(args, o, e), o.ToString(), e.ToString());
    }

    [Fact]
    public void Keys_AddListRevoke_PrintTheKeyOnceAndStoreItsHashOnly()
    {
        var data = _dir.File("data");
        var (exit, stdout, _) = Run("serve", "keys", "add", "--data", data, "--role", "moderator", "--name", "alice");
        Assert.Equal(0, exit);
        var key = stdout.TrimEnd().Split('\n')[^1];
        Assert.Matches("^tsq_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$", key);
        var list = Run("serve", "keys", "list", "--data", data);
        Assert.Equal(0, list.Exit);
        Assert.Contains(",moderator,alice,", list.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(key[21..], list.Out, StringComparison.Ordinal);
        SqliteConnection.ClearAllPools();
        Assert.DoesNotContain(key[21..], File.ReadAllText(Path.Combine(data, "tansiq.db"), System.Text.Encoding.Latin1), StringComparison.Ordinal);
        Assert.Equal(0, Run("serve", "keys", "revoke", "--data", data, key).Exit);
        Assert.Matches(",moderator,alice,[^,]+,\\d{4}-", Run("serve", "keys", "list", "--data", data).Out);
        Assert.Equal(2, Run("serve", "keys", "revoke", "--data", data, key).Exit);
    }

    [Fact]
    public void Serve_NoDatabase_IsBadUsage()
    {
        var (exit, _, err) = Run("serve");
        Assert.Equal(2, exit);
        Assert.Contains("--data DIR", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_NewerSchema_IsRefusedWithAClearMessage()
    {
        var data = _dir.File("data");
        Assert.Equal(0, Run("serve", "keys", "list", "--data", data).Exit);
        using (var c = new SqliteConnection($"Data Source={Path.Combine(data, "tansiq.db")};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "UPDATE schema_version SET version = 999";
            cmd.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();
        var (exit, _, err) = Run("serve", "--data", data, "--urls", "http://127.0.0.1:0");
        Assert.Equal(1, exit);
        Assert.Contains("schema version 999, newer than this tansiq knows", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
