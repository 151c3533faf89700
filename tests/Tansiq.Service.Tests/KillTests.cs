using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Tansiq.Cli;

namespace Tansiq.Service.Tests;

/// <summary>
/// Durability: a real server process is killed with SIGKILL while a report request is in flight; after a restart the
/// client resends from the first request it saw no answer to. No acknowledged report is lost, none counts twice, and
/// the decisions equal batch <c>moderate</c>'s.
/// </summary>
public abstract class KillTests : ServiceTestBase
{
    private string[] StorageArgs()
    {
        var s = StorageSettings();
        return s.TryGetValue("Tansiq:Db", out var db) ? ["--db", db!] : ["--data", s["Tansiq:Data"]!];
    }

    private string NewKey()
    {
        var o = new StringWriter();
        Assert.Equal(0, CliApp.Run(["serve", "keys", "add", .. StorageArgs(), "--role", "admin", "--name", "kill-test"], o, new StringWriter()));
        return o.ToString().TrimEnd().Split('\n')[^1];
    }

    private static HttpClient Client(ServerProcess server, string key)
    {
        var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static async Task<JsonElement> Post(HttpClient client, string path, string csv)
    {
        var response = await client.PostAsync(path, Csv(csv));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Serve_KilledMidIngest_LosesNoAcknowledgedReportAndCountsNoneTwice()
    {
        var world = SmallWorld.Write(Dir.File("world"), seed: 3);
        var chunks = world.ReportChunks(Math.Max(50, world.ReportCount / 12));
        var key = NewKey();
        var acknowledged = 0;
        var acceptedBefore = 0;
        using (var server = ServerProcess.Start(StorageArgs()))
        using (var client = Client(server, key))
        {
            await Post(client, "/v1/accounts", File.ReadAllText(world.Accounts));
            await Post(client, "/v1/follows", File.ReadAllText(world.Follows));
            for (; acknowledged < 5; acknowledged++)
            {
                acceptedBefore += (await Post(client, "/v1/reports", chunks[acknowledged])).GetProperty("accepted").GetInt32();
            }
            // The next request is in flight (uploading, parsing, committing or answering) when the server is killed.
            var inFlight = client.PostAsync("/v1/reports", Csv(chunks[acknowledged]));
            await Task.Delay(3);
            server.Kill();
            try
            {
                var response = await inFlight;
                response.EnsureSuccessStatusCode();
                // It was answered before the kill: acknowledged after all.
                acceptedBefore += (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accepted").GetInt32();
                acknowledged++;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
        }
        var firstUnacknowledged = acknowledged;
        Assert.InRange(firstUnacknowledged, 5, chunks.Count - 1);

        using (var server = ServerProcess.Start(StorageArgs()))
        using (var client = Client(server, key))
        {
            var acceptedAfter = 0;
            for (var i = firstUnacknowledged; i < chunks.Count; i++)
            {
                var r = await Post(client, "/v1/reports", chunks[i]);
                var accepted = r.GetProperty("accepted").GetInt32();
                var duplicates = r.GetProperty("duplicates").GetInt32();
                if (i == firstUnacknowledged)
                {
                    // The request in flight was committed whole or not at all.
                    Assert.True(accepted == 0 || duplicates == 0, $"accepted {accepted}, duplicates {duplicates}");
                }
                else
                {
                    Assert.Equal(0, duplicates);
                }
                acceptedAfter += accepted;
            }
            var inFlightCommitted = world.ReportCount - acceptedBefore - acceptedAfter;
            Assert.InRange(inFlightCommitted, 0, chunks[firstUnacknowledged].Split('\n').Length - 2);
            var metrics = await client.GetStringAsync("/metrics");
            Assert.Contains($"tansiq_reports_stored {world.ReportCount}\n", metrics, StringComparison.Ordinal);
            using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/decisions");
            request.Headers.Accept.ParseAdd("text/csv");
            var csv = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
            Assert.Equal(File.ReadAllText(world.BatchDecisions), csv);
        }
    }
}

public sealed class SqliteKillTests : KillTests
{
    protected override bool Postgres => false;
}

public sealed class PostgresKillTests : KillTests
{
    protected override bool Postgres => true;
}
