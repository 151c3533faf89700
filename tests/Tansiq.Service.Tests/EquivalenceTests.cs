using System.Net.Http.Json;
using System.Text.Json;
using Tansiq.Application;

namespace Tansiq.Service.Tests;

/// <summary>The service decides exactly as batch <c>moderate</c> after the same accounts, follows and reports.</summary>
public abstract class EquivalenceTests : ServiceTestBase
{
    private static async Task<string> DecisionsCsv(TansiqFactory f)
    {
        using var moderator = await f.ClientAsync(Roles.Moderator);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/decisions");
        request.Headers.Accept.ParseAdd("text/csv");
        var response = await moderator.SendAsync(request);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<JsonElement> Post(HttpClient client, string path, string csv)
    {
        var response = await client.PostAsync(path, Csv(csv));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Decisions_SameInputsInTimeOrder_EqualBatchModerate()
    {
        var world = SmallWorld.Write(Dir.File("world"));
        var batch = File.ReadAllText(world.BatchDecisions);
        // The world must be worth comparing: suspensions, reviews and brigades.
        Assert.Contains(",suspend,", batch, StringComparison.Ordinal);
        Assert.Contains(",review,", batch, StringComparison.Ordinal);
        Assert.Contains(",B1", batch, StringComparison.Ordinal);

        using var f = Start();
        using var ingest = await f.ClientAsync(Roles.Ingest);
        await Post(ingest, "/v1/accounts", File.ReadAllText(world.Accounts));
        await Post(ingest, "/v1/follows", File.ReadAllText(world.Follows));
        var lastDecision = new Dictionary<string, string>(StringComparer.Ordinal);
        var accepted = 0;
        foreach (var chunk in world.ReportChunks(700))
        {
            var r = await Post(ingest, "/v1/reports", chunk);
            accepted += r.GetProperty("accepted").GetInt32();
            foreach (var d in r.GetProperty("decisions").EnumerateArray())
            {
                lastDecision[d.GetProperty("target_id").GetString()!] = d.GetProperty("decision").GetString()!;
            }
        }
        Assert.Equal(world.ReportCount, accepted);
        Assert.Equal(batch, await DecisionsCsv(f));

        // The decisions each POST answered with are the changes: the last one seen per account is its final decision.
        foreach (var line in batch.Split('\n').Skip(1).Where(l => l.Length > 0))
        {
            var fields = line.Split(',');
            Assert.Equal(fields[1], lastDecision.GetValueOrDefault(fields[0], "none"));
        }
    }

    [Fact]
    public async Task Decisions_ReportsOutOfOrderThenRestart_StillEqualBatchModerate()
    {
        var world = SmallWorld.Write(Dir.File("world"), seed: 2);
        var batch = File.ReadAllText(world.BatchDecisions);
        using (var f = Start())
        {
            using var ingest = await f.ClientAsync(Roles.Ingest);
            // Reports before their accounts, and chunks in reverse time order: the service replays instead of appending.
            var chunks = world.ReportChunks(4000);
            chunks.Reverse();
            await Post(ingest, "/v1/reports", chunks[0]);
            await Post(ingest, "/v1/accounts", File.ReadAllText(world.Accounts));
            await Post(ingest, "/v1/follows", File.ReadAllText(world.Follows));
            foreach (var chunk in chunks.Skip(1))
            {
                await Post(ingest, "/v1/reports", chunk);
            }
            // The same reports again (a client retrying everything): nothing changes.
            foreach (var chunk in chunks)
            {
                Assert.Equal(0, (await Post(ingest, "/v1/reports", chunk)).GetProperty("accepted").GetInt32());
            }
            Assert.Equal(batch, await DecisionsCsv(f));
        }
        // A restart rebuilds the state from the database alone.
        using var again = Start();
        Assert.Equal(batch, await DecisionsCsv(again));
    }
}

public sealed class SqliteEquivalenceTests : EquivalenceTests
{
    protected override bool Postgres => false;
}

public sealed class PostgresEquivalenceTests : EquivalenceTests
{
    protected override bool Postgres => true;
}
