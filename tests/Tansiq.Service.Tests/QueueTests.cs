using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Tansiq.Application;

namespace Tansiq.Service.Tests;

/// <summary>The moderator queue, resolutions in the event log, and their effect on reporter credibility.</summary>
public abstract class QueueTests : ServiceTestBase
{
    private const long T0 = 1_700_000_000;
    private const long Day = 86_400;

    private static async Task<JsonElement> Send(HttpClient client, HttpMethod method, string path, HttpContent? content = null, HttpStatusCode expect = HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        var response = await client.SendAsync(request);
        Assert.Equal(expect, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static StringContent Resolution(string action, string note) =>
        new(JsonSerializer.Serialize(new { action, note }), Encoding.UTF8, "application/json");

    [Fact]
    public async Task Queue_SmallWorld_ListsReviewsByPriorityWithBrigadeEvidence()
    {
        var world = SmallWorld.Write(Dir.File("world"));
        using var f = Start();
        using var ingest = await f.ClientAsync(Roles.Ingest);
        using var moderator = await f.ClientAsync(Roles.Moderator);
        await Send(ingest, HttpMethod.Post, "/v1/accounts", Csv(File.ReadAllText(world.Accounts)));
        await Send(ingest, HttpMethod.Post, "/v1/follows", Csv(File.ReadAllText(world.Follows)));
        await Send(ingest, HttpMethod.Post, "/v1/reports", Csv(File.ReadAllText(world.Reports)));
        var reviews = File.ReadAllLines(world.BatchDecisions).Count(l => l.Split(',')[1] == "review");
        var queue = await Send(moderator, HttpMethod.Get, "/v1/queue");
        var items = queue.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(reviews, items.Count);
        var rank = items.Select(i => i.GetProperty("priority").GetString() switch { "high" => 3, "normal" => 2, _ => 1 }).ToList();
        Assert.Equal(rank.OrderByDescending(r => r), rank);
        var brigaded = items.Where(i => i.GetProperty("brigades").GetArrayLength() > 0).ToList();
        Assert.NotEmpty(brigaded);
        var evidence = brigaded[0].GetProperty("brigades")[0].GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("name").GetString()).ToList();
        Assert.Contains("unexposed_pct", evidence);

        // Resolving takes the account off the queue and appends an Ozone-shaped event.
        var target = items[0].GetProperty("target_id").GetString()!;
        var e = await Send(moderator, HttpMethod.Post, $"/v1/queue/{Uri.EscapeDataString(target)}/resolve", Resolution("disagree", "a campaign"));
        Assert.Equal("tools.ozone.moderation.defs#modEventAcknowledge", e.GetProperty("event").GetString());
        Assert.True(e.GetProperty("reporters_affected").GetInt32() > 0);
        var after = await Send(moderator, HttpMethod.Get, "/v1/queue");
        Assert.Equal(reviews - 1, after.GetProperty("count").GetInt32());
        Assert.DoesNotContain(after.GetProperty("items").EnumerateArray(), i => i.GetProperty("target_id").GetString() == target);
        var events = await Send(moderator, HttpMethod.Get, "/v1/events");
        Assert.Equal(target, events[0].GetProperty("subject").GetString());
        Assert.Equal("a campaign", events[0].GetProperty("comment").GetString());
        var detail = await Send(moderator, HttpMethod.Get, $"/v1/decisions/{Uri.EscapeDataString(target)}");
        Assert.Single(detail.GetProperty("events").EnumerateArray());
    }

    [Fact]
    public async Task Resolve_BadActionOrUnknownTarget_IsRejected()
    {
        using var f = Start();
        using var moderator = await f.ClientAsync(Roles.Moderator);
        await Send(moderator, HttpMethod.Post, "/v1/queue/nobody/resolve", Resolution("agree", ""), HttpStatusCode.NotFound);
        await Send(moderator, HttpMethod.Post, "/v1/queue/nobody/resolve", Resolution("delete", ""), HttpStatusCode.BadRequest);
    }

    /// <summary>
    /// Twelve established reporters who follow their targets and never report together within an hour (so nothing marks
    /// them as a campaign) report one account over two days, then another. Returns the effective reports of both
    /// targets, with or without a moderator rejecting the first set of reports in between.
    /// </summary>
    private async Task<(double First, double Second, double Factor)> SlowCampaign(bool reject)
    {
        using var f = Start(storage: reject ? "rejected" : "control");
        using var ingest = await f.ClientAsync(Roles.Ingest);
        using var moderator = await f.ClientAsync(Roles.Moderator);
        var ci = CultureInfo.InvariantCulture;
        var accounts = new StringBuilder("account_id,username,created_at,followers_count,following_count\n");
        var follows = new StringBuilder("follower_id,followee_id\n");
        accounts.Append(ci, $"first,first,{T0 - (800 * Day)},40,10\nsecond,second,{T0 - (800 * Day)},40,10\n");
        for (var i = 0; i < 12; i++)
        {
            accounts.Append(ci, $"u{i},u{i},{T0 - ((1000 + (37 * i)) * Day)},100,100\n");
            follows.Append(ci, $"u{i},first\nu{i},second\n");
        }
        await Send(ingest, HttpMethod.Post, "/v1/accounts", Csv(accounts.ToString()));
        await Send(ingest, HttpMethod.Post, "/v1/follows", Csv(follows.ToString()));
        string Reports(string target, long start)
        {
            var b = new StringBuilder("report_id,reporter_id,target_id,timestamp,reason\n");
            for (var i = 0; i < 12; i++)
            {
                b.Append(ci, $"{target}-{i},u{i},{target},{start + (i * 4 * 3600)},abuse\n");
            }
            return b.ToString();
        }
        await Send(ingest, HttpMethod.Post, "/v1/reports", Csv(Reports("first", T0)));
        var first = await Send(moderator, HttpMethod.Get, "/v1/decisions/first");
        if (reject)
        {
            await Send(moderator, HttpMethod.Post, "/v1/queue/first/resolve", Resolution("disagree", "organised by a rival group"));
        }
        await Send(ingest, HttpMethod.Post, "/v1/reports", Csv(Reports("second", T0 + (10 * Day))));
        var second = await Send(moderator, HttpMethod.Get, "/v1/decisions/second");
        var engine = (LiveModeration)f.Services.GetService(typeof(LiveModeration))!;
        return (first.GetProperty("decision").GetProperty("effective_reports").GetDouble(),
            second.GetProperty("decision").GetProperty("effective_reports").GetDouble(),
            await engine.ReporterFactorAsync("u0"));
    }

    [Fact]
    public async Task Resolve_Disagree_SecondCampaignBySameReportersWeighsLess()
    {
        var control = await SlowCampaign(reject: false);
        var rejected = await SlowCampaign(reject: true);
        Assert.Equal(control.First, rejected.First);
        Assert.Equal(control.First, control.Second, 6);
        Assert.Equal(1.0, control.Factor);
        Assert.Equal(1.0 / 3, rejected.Factor, 6);
        // Each of the twelve reports now counts a third: the second account gets a third of the evidence.
        Assert.Equal(control.Second / 3, rejected.Second, 6);
    }

    [Fact]
    public async Task Resolve_Disagree_SurvivesRestart()
    {
        var (_, before, factor) = await SlowCampaign(reject: true);
        using var again = Start(storage: "rejected");
        using var moderator = await again.ClientAsync(Roles.Moderator);
        var second = await Send(moderator, HttpMethod.Get, "/v1/decisions/second");
        Assert.Equal(before, second.GetProperty("decision").GetProperty("effective_reports").GetDouble(), 6);
        var engine = (LiveModeration)again.Services.GetService(typeof(LiveModeration))!;
        Assert.Equal(factor, await engine.ReporterFactorAsync("u0"), 6);
    }
}

public sealed class SqliteQueueTests : QueueTests
{
    protected override bool Postgres => false;
}

public sealed class PostgresQueueTests : QueueTests
{
    protected override bool Postgres => true;
}
