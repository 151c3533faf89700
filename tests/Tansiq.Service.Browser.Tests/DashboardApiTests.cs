using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Tansiq.Cli;

namespace Tansiq.Service.Browser.Tests;

/// <summary>The routes the dashboard added, checked over HTTP on the same real server (no browser needed).</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardApiTests(DashboardFixture f)
{
    [Fact]
    public async Task NaiveRule_EveryReportedAccount_EqualsBatchThresholdPolicy()
    {
        var dir = f.Dir.File("naive-batch");
        var exit = CliApp.Run(["moderate", "--policy", "threshold", "--reports", Path.Combine(f.World, "reports.csv"), "--accounts", Path.Combine(f.World, "accounts.csv"),
            "--follows", Path.Combine(f.World, "follows.csv"), "--out", dir], new StringWriter(), new StringWriter());
        Assert.Equal(0, exit);
        var batch = File.ReadAllLines(Path.Combine(dir, "decisions.csv")).Skip(1).Select(l => l.Split(','))
            .ToDictionary(c => c[0], c => (Decision: c[1], At: long.Parse(c[3], CultureInfo.InvariantCulture)));
        Assert.Contains(batch.Values, v => v.Decision == "suspend");
        foreach (var (target, expected) in batch)
        {
            var naive = await f.Api.GetFromJsonAsync<JsonElement>($"/v1/decisions/{target}/naive");
            Assert.Equal(expected.Decision, naive.GetProperty("decision").GetString());
            if (expected.Decision == "suspend")
            {
                // decisions.csv's decided_at is the moment of the last change: the suspension.
                Assert.Equal(expected.At, naive.GetProperty("suspended_at").GetInt64());
            }
            else
            {
                Assert.Equal(JsonValueKind.Null, naive.GetProperty("suspended_at").ValueKind);
            }
        }
    }

    [Fact]
    public async Task Dashboard_Root_ServesPageWithStrictContentSecurityPolicy()
    {
        using var client = new HttpClient { BaseAddress = new Uri(f.BaseUrl) };
        var page = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        foreach (var asset in new[] { "/assets/app.js", "/assets/app.css", "/assets/charts.js", "/assets/network.js" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(asset)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/assets/missing.js")).StatusCode);
    }

    [Fact]
    public async Task Cookie_SignedIn_GetsModeratorRoutesButNotIngestAndNeedsHeaderToPost()
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(f.BaseUrl) };
        // Without the dashboard's header a sign-in (e.g. a cross-site form) is refused.
        var refused = await client.PostAsync("/auth/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = f.ModeratorKey }));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/v1/queue")).StatusCode);

        using var signIn = new HttpRequestMessage(HttpMethod.Post, "/auth/sign-in") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = f.ModeratorKey }) };
        signIn.Headers.Add("X-Tansiq-Dashboard", "1");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(signIn)).StatusCode);
        var cookie = handler.CookieContainer.GetCookies(new Uri(f.BaseUrl))["tansiq_session"];
        Assert.NotNull(cookie);
        Assert.True(cookie.HttpOnly);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/queue")).StatusCode);
        // The cookie carries the moderator role: ingest routes stay closed.
        using var post = new HttpRequestMessage(HttpMethod.Post, "/v1/accounts") { Content = new StringContent("account_id,username,created_at,followers_count,following_count\n", Encoding.UTF8, "text/csv") };
        post.Headers.Add("X-Tansiq-Dashboard", "1");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(post)).StatusCode);
        // A POST on the cookie without the header is refused before it reaches the route.
        var target = (await f.Api.GetFromJsonAsync<JsonElement>("/v1/queue")).GetProperty("items")[0].GetProperty("target_id").GetString();
        var noHeader = await client.PostAsJsonAsync($"/v1/queue/{target}/resolve", new { action = "escalate", note = "" });
        Assert.Equal(HttpStatusCode.Forbidden, noHeader.StatusCode);
        Assert.DoesNotContain((await f.Api.GetFromJsonAsync<JsonElement>("/v1/events")).EnumerateArray(), e => e.GetProperty("subject").GetString() == target);

        using var signOut = new HttpRequestMessage(HttpMethod.Post, "/auth/sign-out");
        signOut.Headers.Add("X-Tansiq-Dashboard", "1");
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(signOut)).StatusCode);
        // The server forgot the session: the old cookie value no longer works either.
        using var replay = new HttpClient { BaseAddress = new Uri(f.BaseUrl) };
        replay.DefaultRequestHeaders.Add("Cookie", $"tansiq_session={cookie.Value}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await replay.GetAsync("/v1/queue")).StatusCode);
    }

    [Fact]
    public async Task Search_UsernameFragment_FindsTheAccount()
    {
        var line = File.ReadAllLines(Path.Combine(f.World, "accounts.csv"))[1].Split(',');
        var result = await f.Api.GetFromJsonAsync<JsonElement>($"/v1/search?q={Uri.EscapeDataString(line[1].ToUpperInvariant())}");
        Assert.Contains(result.GetProperty("items").EnumerateArray(), i => i.GetProperty("account_id").GetString() == line[0] && i.GetProperty("username").GetString() == line[1]);
        var byId = await f.Api.GetFromJsonAsync<JsonElement>($"/v1/search?q={line[0]}");
        Assert.Equal(line[0], byId.GetProperty("items")[0].GetProperty("account_id").GetString());
    }
}
