using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Tansiq.Application;
using Tansiq.Storage;
using Tansiq.Testing;

namespace Tansiq.Service.Tests;

/// <summary>The service in-process (WebApplicationFactory) on the given settings.</summary>
public sealed class TansiqFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<ServiceProgram>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (k, v) in settings)
        {
            builder.UseSetting(k, v);
        }
    }

    /// <summary>A client with a fresh key of <paramref name="role"/> (null: no Authorization header).</summary>
    public async Task<HttpClient> ClientAsync(string? role)
    {
        var client = CreateClient();
        if (role is not null)
        {
            var key = await ApiKeys.IssueAsync(Services.GetRequiredService<ITansiqStore>(), role, "test", TimeProvider.System);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Key);
        }
        return client;
    }
}

/// <summary>
/// Every service test runs on both backends: a subclass per backend (SQLite in a temporary directory; PostgreSQL in a
/// database of its own on TANSIQ_TEST_PG). Each test gets empty storage; <see cref="Start"/> again opens the same one
/// (a restart).
/// </summary>
public abstract class ServiceTestBase : IDisposable
{
    private readonly List<TansiqFactory> _factories = [];
    private readonly Dictionary<string, string> _dbs = [];

    protected TempDirectory Dir { get; } = new("tansiq-service-test-");

    protected abstract bool Postgres { get; }

    /// <summary>Storage settings of this test: the same on every call with the same name.</summary>
    protected Dictionary<string, string?> StorageSettings(string name = "data")
    {
        if (Postgres)
        {
            if (!_dbs.TryGetValue(name, out var db))
            {
                _dbs[name] = db = PostgresTestServer.CreateDatabase();
            }
            return new() { ["Tansiq:Db"] = db };
        }
        return new() { ["Tansiq:Data"] = Path.Combine(Dir.Path, name) };
    }

    /// <param name="storage">Which of this test's databases to open (a second name is a second, empty one).</param>
    protected TansiqFactory Start(Dictionary<string, string?>? extra = null, string storage = "data")
    {
        var settings = StorageSettings(storage);
        settings["Tansiq:Detection"] = "false";
        foreach (var (k, v) in extra ?? [])
        {
            settings[k] = v;
        }
        var f = new TansiqFactory(settings);
        _factories.Add(f);
        return f;
    }

    protected static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    protected static StringContent Ndjson(string text) => new(text, Encoding.UTF8, "application/x-ndjson");

    public void Dispose()
    {
        foreach (var f in _factories)
        {
            f.Dispose();
        }
        SqliteConnection.ClearAllPools();
        Dir.Dispose();
        GC.SuppressFinalize(this);
    }
}
