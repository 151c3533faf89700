using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Tansiq.Application;
using Tansiq.Cli;

namespace Tansiq.Service.Tests;

/// <summary>
/// Detection inside the service: posted messages are stored, the background job runs detect over them, GET /v1/clusters
/// shows the run, and its clusters feed report independence as <c>moderate --messages</c> does.
/// </summary>
public abstract class ClustersTests : ServiceTestBase
{
    private static void Cli(params string[] args) => Assert.Equal(0, CliApp.Run(args, new StringWriter(), new StringWriter()));

    [Fact]
    public async Task Detection_SimulatedWorld_ClustersAndDecisionsEqualBatch()
    {
        var world = Dir.File("sim");
        Cli("simulate", "--out", world, "--seed", "13", "--scale", "0.05", "--days", "3", "--format", "cnt-csv");
        var messages = Path.Combine(world, "messages.csv");
        Cli("detect", messages, "--accounts", Path.Combine(world, "accounts.csv"), "--out", Dir.File("detect"));
        Cli("moderate", "--reports", Path.Combine(world, "reports.csv"), "--accounts", Path.Combine(world, "accounts.csv"),
            "--follows", Path.Combine(world, "follows.csv"), "--messages", messages, "--out", Dir.File("moderate"));
        var expected = File.ReadAllLines(Dir.File("detect/accounts.csv")).Skip(1).Select(l => l.Split(','))
            .Where(f => f[2].Length > 0).GroupBy(f => f[2]).Select(g => string.Join(' ', g.Select(f => f[0]).Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);

        using var f = Start(new() { ["Tansiq:Detection"] = "true", ["Tansiq:DetectionIntervalSeconds"] = "0.2" });
        using var ingest = await f.ClientAsync(Roles.Ingest);
        using var moderator = await f.ClientAsync(Roles.Moderator);
        foreach (var (path, file) in new[] { ("/v1/accounts", "accounts.csv"), ("/v1/follows", "follows.csv"), ("/v1/messages", "messages.csv"), ("/v1/reports", "reports.csv") })
        {
            (await ingest.PostAsync(path, Csv(File.ReadAllText(Path.Combine(world, file))))).EnsureSuccessStatusCode();
        }
        var total = File.ReadAllLines(messages).Length - 1;
        // Poll (bounded) until the background job has run over every posted message.
        JsonElement run = default;
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(120))
        {
            run = await moderator.GetFromJsonAsync<JsonElement>("/v1/clusters");
            if (run.GetProperty("ran_at").ValueKind != JsonValueKind.Null && run.GetProperty("messages").GetInt64() == total)
            {
                break;
            }
            await Task.Delay(50);
        }
        Assert.Equal(total, run.GetProperty("messages").GetInt64());
        var clusters = run.GetProperty("clusters").EnumerateArray()
            .Select(c => string.Join(' ', c.GetProperty("members").EnumerateArray().Select(m => m.GetString()).Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, clusters);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/decisions");
        request.Headers.Accept.ParseAdd("text/csv");
        var csv = await (await moderator.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.Equal(File.ReadAllText(Dir.File("moderate/decisions.csv")), csv);
    }
}

public sealed class SqliteClustersTests : ClustersTests
{
    protected override bool Postgres => false;
}

public sealed class PostgresClustersTests : ClustersTests
{
    protected override bool Postgres => true;
}
