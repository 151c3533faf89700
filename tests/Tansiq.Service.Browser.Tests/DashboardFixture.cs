using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Tansiq.Application;
using Tansiq.Cli;
using Tansiq.Storage;
using Tansiq.Testing;

namespace Tansiq.Service.Browser.Tests;

/// <summary>
/// One real server and one browser for every dashboard test: the service on Kestrel on a free loopback port with
/// SQLite in a temporary directory (a browser cannot reach WebApplicationFactory's in-memory TestServer), a small
/// simulated world uploaded through the API as a client would, detection run over its messages, and Debian's
/// Chromium driven by Playwright. The browser is never downloaded: without /usr/bin/chromium the tests fail.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private WebApplication? _app;
    private IPlaywright? _playwright;

    public TempDirectory Dir { get; } = new("tansiq-dashboard-test-");

    /// <summary>The simulated world's files (accounts, follows, messages, reports).</summary>
    public string World => Dir.File("world");

    public string BaseUrl { get; private set; } = "";

    public string ModeratorKey { get; private set; } = "";

    public string IngestKey { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>A client with the moderator key as Bearer (to learn from the API what the page should show).</summary>
    public HttpClient Api { get; private set; } = null!;

    public HttpClient Ingest { get; private set; } = null!;

    public ITansiqStore Store => _app!.Services.GetRequiredService<ITansiqStore>();

    /// <summary>Where screenshots go: TestResults/screenshots under the test output directory.</summary>
    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"the browser tests need Debian's Chromium at {Chromium}: install it with 'apt-get install -y chromium' (eng/test.sh does); a browser is never downloaded");
        }
        Directory.CreateDirectory(Screenshots);
        // Activists with few followers, so that the army's report campaigns pass the naive 25%-of-followers rule.
        var exit = CliApp.Run(["simulate", "--out", World, "--seed", "13", "--scale", "0.05", "--days", "3", "--format", "cnt-csv",
            "--set", "ActivistFollowersMin=40", "--set", "ActivistFollowersMax=60"], new StringWriter(), new StringWriter());
        if (exit != 0)
        {
            throw new InvalidOperationException($"simulate failed with exit code {exit}");
        }

        _app = TansiqServer.Build([], builder =>
        {
            builder.Environment.EnvironmentName = "Production";
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Tansiq:Data"] = Dir.File("data"),
                ["Tansiq:Detection"] = "true",
                ["Tansiq:DetectionIntervalSeconds"] = "0.2",
            });
        });
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        ModeratorKey = (await ApiKeys.IssueAsync(Store, Roles.Moderator, "browser-test", TimeProvider.System)).Key;
        IngestKey = (await ApiKeys.IssueAsync(Store, Roles.Ingest, "loader", TimeProvider.System)).Key;
        Api = Client(ModeratorKey);
        Ingest = Client(IngestKey);

        foreach (var (path, file) in new[] { ("/v1/accounts", "accounts.csv"), ("/v1/follows", "follows.csv"), ("/v1/messages", "messages.csv"), ("/v1/reports", "reports.csv") })
        {
            using var body = new StringContent(await File.ReadAllTextAsync(Path.Combine(World, file)), Encoding.UTF8, "text/csv");
            (await Ingest.PostAsync(path, body)).EnsureSuccessStatusCode();
        }
        // Wait (bounded) for the background detection to have run over every message.
        var total = File.ReadAllLines(Path.Combine(World, "messages.csv")).Length - 1;
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var run = await Api.GetFromJsonAsync<JsonElement>("/v1/clusters");
            if (run.GetProperty("ran_at").ValueKind != JsonValueKind.Null && run.GetProperty("messages").GetInt64() == total)
            {
                break;
            }
            if (waited.Elapsed > TimeSpan.FromSeconds(120))
            {
                throw new TimeoutException($"background detection did not run over the {total} messages within 120 s");
            }
            await Task.Delay(100);
        }

        // The whole suite runs test assemblies side by side on 2 cores: give the page time to settle.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            // Root in CI containers: Chromium's sandbox needs user namespaces it may not have.
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
        });
    }

    private HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>A fresh browser context (no cookies) at 1280 × 900 unless told otherwise.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, BaseURL = BaseUrl });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>Opens the dashboard and signs in with the moderator key; returns when the queue is shown.</summary>
    public async Task<IPage> SignedInPageAsync(int width = 1280, int height = 900)
    {
        var page = await NewPageAsync(width, height);
        await page.GotoAsync("/");
        await page.GetByLabel("Moderator key").FillAsync(ModeratorKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.Locator("h1", new() { HasText = "Review queue" }).WaitForAsync();
        return page;
    }

    public static async Task ScreenshotAsync(IPage page, string name, bool fullPage = true) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = fullPage });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        Api?.Dispose();
        Ingest?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        SqliteConnection.ClearAllPools();
        Dir.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard";
}
