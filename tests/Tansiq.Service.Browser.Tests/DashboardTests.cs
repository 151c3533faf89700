using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Tansiq.Service.Browser.Tests;

/// <summary>The dashboard in Debian's Chromium against the real server (see <see cref="DashboardFixture"/>).</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardTests(DashboardFixture f)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    private async Task<JsonElement> GetAsync(string path) => await f.Api.GetFromJsonAsync<JsonElement>(path);

    private async Task<List<JsonElement>> QueueAsync() => [.. (await GetAsync("/v1/queue")).GetProperty("items").EnumerateArray()];

    [Fact]
    public async Task SignIn_ModeratorKey_SetsHttpOnlyStrictCookieAndShowsQueue()
    {
        var page = await f.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("Moderator key").FillAsync("tsq_0000000000000000_wrong");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("#sign-in-error")).ToContainTextAsync("unknown or revoked");
        await page.GetByLabel("Moderator key").FillAsync(f.IngestKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("#sign-in-error")).ToContainTextAsync("role 'moderator'");

        await page.GetByLabel("Moderator key").FillAsync(f.ModeratorKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Review queue");
        var cookies = await page.Context.CookiesAsync();
        var session = Assert.Single(cookies, c => c.Name == "tansiq_session");
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, session.SameSite);
        Assert.DoesNotContain(f.ModeratorKey, session.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("tsq_", page.Url, StringComparison.Ordinal);
        Assert.Equal("", await page.EvaluateAsync<string>("document.cookie"));
        // The page's own API calls go by the cookie: the queue is filled.
        var first = (await QueueAsync())[0].GetProperty("target_id").GetString()!;
        await Assertions.Expect(page.Locator($"article[data-target='{first}'] .compare")).ToBeVisibleAsync();
        await DashboardFixture.ScreenshotAsync(page, "queue");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Moderator key")).ToBeVisibleAsync();
        var status = await page.EvaluateAsync<int>("fetch('/v1/queue', {headers: {'X-Tansiq-Dashboard': '1'}}).then(r => r.status)");
        Assert.Equal(401, status);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Queue_BrigadedTarget_ShowsBrigadeEvidenceAndNaiveRule()
    {
        // A target the naive rule would suspend and that a brigade hit (the army's report campaign on an activist).
        JsonElement? pick = null;
        JsonElement naive = default;
        foreach (var item in await QueueAsync())
        {
            var t = item.GetProperty("target_id").GetString()!;
            var n = await GetAsync($"/v1/decisions/{t}/naive");
            if (item.GetProperty("brigades").GetArrayLength() > 0 && n.GetProperty("decision").GetString() == "suspend")
            {
                pick = item;
                naive = n;
                break;
            }
        }
        Assert.True(pick is not null, "the simulated world should have a brigaded target in the queue that the naive rule suspends");
        var target = pick.Value.GetProperty("target_id").GetString()!;
        var brigade = pick.Value.GetProperty("brigades")[0];

        var page = await f.SignedInPageAsync();
        var card = page.Locator($"article[data-target='{target}']");
        await card.ScrollIntoViewIfNeededAsync();
        var block = card.Locator($"section[data-brigade='{brigade.GetProperty("id").GetString()}']");
        await Assertions.Expect(block).ToBeVisibleAsync();
        foreach (var e in brigade.GetProperty("evidence").EnumerateArray())
        {
            await Assertions.Expect(block.Locator($"li[data-name='{e.GetProperty("name").GetString()}']")).ToContainTextAsync(e.GetProperty("explanation").GetString()!);
        }
        var unexposed = brigade.GetProperty("evidence").EnumerateArray().Single(e => e.GetProperty("name").GetString() == "unexposed_pct");
        await Assertions.Expect(block.Locator("li[data-name='unexposed_pct']")).ToHaveTextAsync(new Regex("^" + Regex.Escape(unexposed.GetProperty("value").GetDouble().ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)) + "% of campaign reports"));
        await Assertions.Expect(card.Locator("[data-testid=naive-decision]")).ToHaveTextAsync("suspend");
        await Assertions.Expect(card.Locator("[data-testid=tansiq-decision]")).ToContainTextAsync("review");
        await Assertions.Expect(card.Locator(".naive-side")).ToContainTextAsync($"after {naive.GetProperty("suspended_after_reporters").GetInt32()} distinct reporters");
        // The report chart draws one bar segment per non-empty bin and a marker where the naive rule suspends.
        Assert.True(await card.Locator("svg.chart rect").CountAsync() > 0);
        await Assertions.Expect(card.Locator("svg.chart text", new() { HasText = "naive rule suspends" })).ToHaveCountAsync(1);
        // The account is shown by its username, not only its id.
        var view = await GetAsync($"/v1/targets/{target}");
        await Assertions.Expect(card.Locator("h2")).ToContainTextAsync("@" + view.GetProperty("username").GetString());
        await card.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(DashboardFixture.Screenshots, "queue-brigaded-item.png") });

        // The brigade's own page: its members by username and their timing chart.
        await block.GetByRole(AriaRole.Link, new() { Name = "Brigade " + brigade.GetProperty("id").GetString() }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Brigade " + brigade.GetProperty("id").GetString());
        var members = await GetAsync($"/v1/brigades/{brigade.GetProperty("id").GetString()}");
        var named = members.GetProperty("members").EnumerateArray().First(m => m.GetProperty("username").ValueKind == JsonValueKind.String);
        await Assertions.Expect(page.Locator("#brigade-members")).ToContainTextAsync("@" + named.GetProperty("username").GetString());
        Assert.True(await page.Locator("figure svg.chart rect").CountAsync() >= members.GetProperty("reports").GetArrayLength());
        await DashboardFixture.ScreenshotAsync(page, "brigade");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Resolve_Disagree_LeavesQueueAndShowsModeratorDecision()
    {
        // The last item of the queue (the other tests look at the first ones).
        var item = (await QueueAsync())[^1];
        var target = item.GetProperty("target_id").GetString()!;
        var page = await f.SignedInPageAsync();
        var card = page.Locator($"article[data-target='{target}']");
        await card.ScrollIntoViewIfNeededAsync();
        await card.GetByLabel("Note (optional)").FillAsync("browser test: reports look coordinated");
        await card.GetByRole(AriaRole.Button, new() { Name = "Disagree" }).ClickAsync();
        await Assertions.Expect(card.Locator(".resolved")).ToContainTextAsync("Resolved: disagree");
        // The queue refreshes by itself: the resolved account leaves it.
        await Assertions.Expect(page.Locator($"article[data-target='{target}']")).ToHaveCountAsync(0);
        Assert.DoesNotContain(await QueueAsync(), i => i.GetProperty("target_id").GetString() == target);

        await page.GotoAsync($"/#/target/{target}");
        await Assertions.Expect(page.Locator("#moderator-status")).ToHaveAttributeAsync("data-action", "disagree");
        await Assertions.Expect(page.Locator("#moderator-status")).ToContainTextAsync("reports look coordinated");
        // The disagreement lowers its reporters' credibility for their later reports.
        var view = await GetAsync($"/v1/targets/{target}");
        Assert.Contains(view.GetProperty("reporters").EnumerateArray(), r => r.GetProperty("moderator_factor").GetDouble() < 1);
        await Assertions.Expect(page.Locator("#reporters")).ToContainTextAsync("rejected by moderators");
        await Assertions.Expect(page.Locator("figure svg.chart")).ToHaveCountAsync(2);
        // Resolved: no resolve buttons any more on its page.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Disagree" })).ToHaveCountAsync(0);
        await DashboardFixture.ScreenshotAsync(page, "target-after-resolve", fullPage: false);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Cluster_SharedArabicText_IsShownRightToLeft()
    {
        var run = await GetAsync("/v1/clusters");
        var clusters = run.GetProperty("clusters").EnumerateArray().Select(c => c.GetProperty("id").GetInt32()).ToList();
        Assert.NotEmpty(clusters);
        int? pick = null;
        JsonElement detail = default;
        foreach (var id in clusters)
        {
            detail = await GetAsync($"/v1/clusters/{id}");
            if (detail.GetProperty("shared_objects").EnumerateArray().Any(o => o.GetProperty("text").ValueKind == JsonValueKind.String && Regex.IsMatch(o.GetProperty("text").GetString()!, @"\p{IsArabic}")))
            {
                pick = id;
                break;
            }
        }
        Assert.True(pick is not null, "a cluster of the simulated army should share Arabic text");

        var page = await f.SignedInPageAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Clusters", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"Cluster {pick}", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Cluster {pick}");
        var arabic = page.Locator("#shared-objects p.shared-text[lang='ar']").First;
        await Assertions.Expect(arabic).ToBeVisibleAsync();
        Assert.Equal("rtl", await arabic.EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        Assert.Matches(@"\p{IsArabic}", await arabic.InnerTextAsync());
        // Members by username, evidence sentences, the timing chart and the network.
        var member = detail.GetProperty("members").EnumerateArray().First(m => m.GetProperty("username").ValueKind == JsonValueKind.String);
        await Assertions.Expect(page.Locator("#cluster-members")).ToContainTextAsync("@" + member.GetProperty("username").GetString());
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(detail.GetProperty("evidence")[0].GetProperty("explanation").GetString()!);
        var nodes = page.Locator("#network g.node");
        await Assertions.Expect(nodes).ToHaveCountAsync(detail.GetProperty("nodes").GetArrayLength());
        // Click a member node: the account is shown; zoom in with the button.
        var node = page.Locator($"#network g.node[data-id='{member.GetProperty("account_id").GetString()}']");
        await node.ClickAsync();
        await Assertions.Expect(page.Locator(".node-info")).ToContainTextAsync("@" + member.GetProperty("username").GetString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoom in" }).ClickAsync();
        Assert.Equal("1.250", await page.Locator("#network svg.network").GetAttributeAsync("data-scale"));
        await DashboardFixture.ScreenshotAsync(page, "cluster");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Search_Username_FindsAccountAndOpensIt()
    {
        var target = (await QueueAsync())[0].GetProperty("target_id").GetString()!;
        var username = (await GetAsync($"/v1/targets/{target}")).GetProperty("username").GetString()!;
        var page = await f.SignedInPageAsync();
        await page.GetByLabel("Search accounts by id or username").FillAsync(username[..^1]);
        await page.GetByLabel("Search accounts by id or username").PressAsync("Enter");
        var link = page.Locator("#search-results a", new() { HasText = "@" + username });
        await Assertions.Expect(link).ToBeVisibleAsync();
        await link.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("@" + username);
        await Assertions.Expect(page.Locator("#reporters")).ToBeVisibleAsync();

        // By id as well.
        await page.GetByLabel("Search accounts by id or username").FillAsync(target);
        await page.GetByLabel("Search accounts by id or username").PressAsync("Enter");
        await Assertions.Expect(page.Locator("#search-results li").First).ToContainTextAsync(target);
        await DashboardFixture.ScreenshotAsync(page, "search");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Keyboard_TabAndEnter_ReachSkipLinkNavigationAndResolveButtons()
    {
        var page = await f.SignedInPageAsync();
        // A fresh load (the session cookie keeps it signed in): Tab starts at the top of the document.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Review queue");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("skip-link", await page.EvaluateAsync<string>("document.activeElement.id"));
        // Focus is visible: the focused link has an outline.
        Assert.NotEqual("none", await page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Queue", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Brigades", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Brigades");
        // After navigation the page title has the focus, so the next Tab starts in the new page.
        Assert.Equal("page-title", await page.EvaluateAsync<string>("document.activeElement.id"));

        // Back through Sign out, Search, the search box, Clusters and Brigades to Queue.
        for (var i = 0; i < 6; i++)
        {
            await page.Keyboard.PressAsync("Shift+Tab");
        }
        Assert.Equal("Queue", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Review queue");
        await Assertions.Expect(page.Locator("article.queue-item button", new() { HasText = "Escalate" }).First).ToBeVisibleAsync();
        // Tab reaches a resolve button; it is a real button.
        string? text = null;
        for (var i = 0; i < 60 && text != "Agree"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            text = await page.EvaluateAsync<string>("document.activeElement.tagName === 'BUTTON' ? document.activeElement.textContent : ''");
        }
        Assert.Equal("Agree", text);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task LiveUpdates_ReportPosted_CounterChangesWithoutReload()
    {
        var page = await f.SignedInPageAsync();
        var counter = page.Locator("#report-total");
        await Assertions.Expect(counter).Not.ToHaveTextAsync("…");
        var before = long.Parse(await counter.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await page.EvaluateAsync("window.__notReloaded = true");
        // A new report by one account on another that nobody reported (so no other test's target changes).
        var accounts = File.ReadAllLines(Path.Combine(f.World, "accounts.csv")).Skip(1).Select(l => l.Split(',')[0]).ToList();
        var reported = File.ReadAllLines(Path.Combine(f.World, "reports.csv")).Skip(1).Select(l => l.Split(',')[2]).ToHashSet();
        var target = accounts.First(a => !reported.Contains(a));
        var last = File.ReadAllLines(Path.Combine(f.World, "reports.csv")).Skip(1).Max(l => long.Parse(l.Split(',')[3], System.Globalization.CultureInfo.InvariantCulture));
        var csv = $"report_id,reporter_id,target_id,timestamp,reason\nlive-test-1,{accounts[0]},{target},{last + 60},spam\n";
        (await f.Ingest.PostAsync("/v1/reports", new StringContent(csv, Encoding.UTF8, "text/csv"))).EnsureSuccessStatusCode();
        await Assertions.Expect(counter).ToHaveTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("#live")).ToContainTextAsync("1 new report arrived");
        Assert.True(await page.EvaluateAsync<bool>("window.__notReloaded === true"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Layout_800PixelsWide_HasNoHorizontalScroll()
    {
        var page = await f.SignedInPageAsync(800, 1000);
        var first = (await QueueAsync())[0].GetProperty("target_id").GetString()!;
        await Assertions.Expect(page.Locator($"article[data-target='{first}'] .compare")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 800);
        await DashboardFixture.ScreenshotAsync(page, "queue-800px");
        await page.GotoAsync($"/#/target/{first}");
        await Assertions.Expect(page.Locator("#reporters")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 800);
        await DashboardFixture.ScreenshotAsync(page, "target-800px");
        await page.Context.CloseAsync();
    }
}
