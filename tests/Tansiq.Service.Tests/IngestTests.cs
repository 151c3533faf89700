using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tansiq.Application;
using Tansiq.Storage;

namespace Tansiq.Service.Tests;

/// <summary>Ingest: CSV and NDJSON, answers after commit, repeated report_id never counted twice, a bad row stores nothing.</summary>
public abstract class IngestTests : ServiceTestBase
{
    private const string Accounts = "account_id,username,created_at,followers_count,following_count\na,a,1000,5,0\nb,b,1000,5,0\nc,c,1000,5,0\n";
    private const string ReportHeader = "report_id,reporter_id,target_id,timestamp,reason\n";

    private static async Task<JsonElement> Json(HttpResponseMessage r)
    {
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return await r.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task PostReports_RetriedAndRepeatedIds_CountOnce()
    {
        using var f = Start();
        using var client = await f.ClientAsync(Roles.Ingest);
        Assert.Equal(3, (await Json(await client.PostAsync("/v1/accounts", Csv(Accounts)))).GetProperty("accepted").GetInt32());
        var body = ReportHeader + "r1,a,b,1700000000,spam\nr2,c,b,1700000100,spam\nr1,c,b,1700000200,again\n";
        var first = await Json(await client.PostAsync("/v1/reports", Csv(body)));
        Assert.Equal(2, first.GetProperty("accepted").GetInt32());
        Assert.Equal(1, first.GetProperty("duplicates").GetInt32());
        var retry = await Json(await client.PostAsync("/v1/reports", Csv(body)));
        Assert.Equal(0, retry.GetProperty("accepted").GetInt32());
        Assert.Equal(3, retry.GetProperty("duplicates").GetInt32());
        var stored = await f.Services.GetRequiredService<ITansiqStore>().LoadReportsAsync();
        Assert.Equal(["r1", "r2"], stored.Select(r => r.Report.ReportId));
        using var moderator = await f.ClientAsync(Roles.Moderator);
        var detail = await Json(await moderator.GetAsync("/v1/decisions/b"));
        Assert.Equal(2, detail.GetProperty("decision").GetProperty("reports").GetInt32());
        Assert.Equal(["r1", "r2"], detail.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("report_id").GetString()));
    }

    [Fact]
    public async Task PostReports_Ndjson_IsReadLikeCsv()
    {
        using var f = Start();
        using var client = await f.ClientAsync(Roles.Ingest);
        await Json(await client.PostAsync("/v1/accounts", Csv(Accounts)));
        var ndjson = "{\"report_id\":\"r1\",\"reporter_id\":\"a\",\"target_id\":\"b\",\"timestamp\":1700000000,\"reason\":\"spam\"}\n\n" +
            "{\"report_id\":2,\"reporter_id\":\"c\",\"target_id\":\"b\",\"timestamp\":\"2023-11-14T22:15:00Z\"}\n";
        var r = await Json(await client.PostAsync("/v1/reports", Ndjson(ndjson)));
        Assert.Equal(2, r.GetProperty("accepted").GetInt32());
        var stored = await f.Services.GetRequiredService<ITansiqStore>().LoadReportsAsync();
        Assert.Equal(["r1", "2"], stored.Select(s => s.Report.ReportId));
        Assert.Equal(1_700_000_100, stored[1].Report.Time);
        Assert.Null(stored[1].Report.Reason);
    }

    [Theory]
    [InlineData("text/csv", ReportHeader + "r1,a,b,1700000000,spam\nr2,a,b,yesterday,spam\n", 3)]
    [InlineData("text/csv", ReportHeader + "r1,a,b,1700000000,spam\n\nr2,,b,1700000000,spam\n", 4)]
    [InlineData("text/csv", "report_id,reporter_id,timestamp\nr1,a,1700000000\n", 1)]
    [InlineData("application/x-ndjson", "{\"report_id\":\"r1\",\"reporter_id\":\"a\",\"target_id\":\"b\",\"timestamp\":1}\n{\"report_id\":\"r2\",\"reporter_id\":\"a\"}\n", 2)]
    [InlineData("application/x-ndjson", "{\"report_id\":\"r1\",\"reporter_id\":\"a\",\"target_id\":\"b\",\"timestamp\":1}\nnot json\n", 2)]
    public async Task PostReports_BadRow_Is400NamingTheLineAndStoresNothing(string contentType, string body, int line)
    {
        using var f = Start();
        using var client = await f.ClientAsync(Roles.Ingest);
        await Json(await client.PostAsync("/v1/accounts", Csv(Accounts)));
        var response = await client.PostAsync("/v1/reports", new StringContent(body, System.Text.Encoding.UTF8, contentType));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(line, problem.GetProperty("line").GetInt64());
        Assert.StartsWith($"request body:{line}: ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.Empty(await f.Services.GetRequiredService<ITansiqStore>().LoadReportsAsync());
    }

    [Fact]
    public async Task PostAccountsAndFollows_BadRow_StoresNothing()
    {
        using var f = Start();
        using var client = await f.ClientAsync(Roles.Ingest);
        var bad = await client.PostAsync("/v1/accounts", Csv(Accounts + "d,d,1000,-3,0\n"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(5, (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("line").GetInt64());
        var dup = await client.PostAsync("/v1/accounts", Csv(Accounts + "a,again,1000,3,0\n"));
        Assert.Equal(HttpStatusCode.BadRequest, dup.StatusCode);
        Assert.Empty(await f.Services.GetRequiredService<ITansiqStore>().LoadAccountsAsync());
        var follows = await client.PostAsync("/v1/follows", Csv("follower_id,followee_id\na,b\n,c\n"));
        Assert.Equal(HttpStatusCode.BadRequest, follows.StatusCode);
        Assert.Empty(await f.Services.GetRequiredService<ITansiqStore>().LoadFollowsAsync());
        // A retried account post is a duplicate, not an error: clients retry.
        await Json(await client.PostAsync("/v1/accounts", Csv(Accounts)));
        var again = await Json(await client.PostAsync("/v1/accounts", Csv(Accounts)));
        Assert.Equal(3, again.GetProperty("duplicates").GetInt32());
    }

    [Fact]
    public async Task PostMessages_AnyDetectFormat_IsStored()
    {
        using var f = Start();
        using var client = await f.ClientAsync(Roles.Ingest);
        var cnt = "message_id,user_id,username,repost_id,reply_id,message,timestamp,urls\n1,u1,one,,,hello #tag,1700000000,\n2,u2,two,1,,,1700000010,\n";
        Assert.Equal(2, (await Json(await client.PostAsync("/v1/messages", Csv(cnt)))).GetProperty("accepted").GetInt32());
        var jsonl = "{\"data\":[{\"id\":\"3\",\"author_id\":\"u3\",\"created_at\":\"2023-11-14T22:13:30.000Z\",\"text\":\"hi\"}],\"includes\":{\"users\":[{\"id\":\"u3\",\"username\":\"three\"}]}}\n";
        Assert.Equal(1, (await Json(await client.PostAsync("/v1/messages", Ndjson(jsonl)))).GetProperty("accepted").GetInt32());
        var stored = await f.Services.GetRequiredService<ITansiqStore>().LoadMessagesAsync(0, 2e9);
        Assert.Equal(["1", "2", "3"], stored.Select(m => m.MessageId));
        Assert.Equal("1", stored[1].RepostOf);
        var bad = await client.PostAsync("/v1/messages", Csv("message_id,account_id,timestamp,text\n4,u4,not-a-time,x\n"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(2, (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("line").GetInt64());
    }

    [Fact]
    public async Task PostReports_BodyOverTheLimit_Is413AndStoresNothing()
    {
        using var f = Start(new() { ["Tansiq:MaxBodyBytes"] = "200" });
        using var client = await f.ClientAsync(Roles.Ingest);
        var body = ReportHeader + string.Concat(Enumerable.Range(0, 20).Select(i => $"r{i},a,b,1700000000,spam\n"));
        var response = await client.PostAsync("/v1/reports", Csv(body));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await f.Services.GetRequiredService<ITansiqStore>().LoadReportsAsync());
    }

    [Fact]
    public async Task Requests_OverTheRateLimit_Get429()
    {
        using var f = Start(new() { ["Tansiq:RequestsPerSecond"] = "2", ["Tansiq:Burst"] = "2" });
        using var client = await f.ClientAsync(Roles.Moderator);
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            codes.Add((await client.GetAsync("/v1/events")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, codes[0]);
        Assert.Contains(HttpStatusCode.TooManyRequests, codes);
        // Another key has a bucket of its own.
        using var other = await f.ClientAsync(Roles.Moderator);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/v1/events")).StatusCode);
    }

    [Fact]
    public async Task OpenApiAndMetrics_AreServed()
    {
        using var f = Start();
        using var client = await f.ClientAsync(Roles.Ingest);
        await Json(await client.PostAsync("/v1/accounts", Csv(Accounts)));
        await Json(await client.PostAsync("/v1/reports", Csv(ReportHeader + "r1,a,b,1700000000,spam\n")));
        var openapi = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.True(openapi.GetProperty("paths").TryGetProperty("/v1/reports", out _));
        var metrics = await client.GetStringAsync("/metrics");
        Assert.Contains("tansiq_reports_accepted_total 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("tansiq_decision_latency_seconds{quantile=\"0.99\"}", metrics, StringComparison.Ordinal);
    }
}

public sealed class SqliteIngestTests : IngestTests
{
    protected override bool Postgres => false;
}

public sealed class PostgresIngestTests : IngestTests
{
    protected override bool Postgres => true;
}
