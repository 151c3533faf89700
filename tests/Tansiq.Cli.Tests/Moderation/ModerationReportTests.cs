using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Tansiq.Cli.Tests.Moderation;

/// <summary>
/// moderate's report.html read back as a reviewer would: every expectation is computed here from the simulator's own
/// files (truth.json, accounts.csv, reports.csv), not from the engine's outputs.
/// </summary>
public sealed partial class ModerationReportTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "tansiq-modreport-" + Guid.NewGuid().ToString("N"));

    public ModerationReportTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = CliApp.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    private sealed record Row(string Account, string Naive, string Tansiq, string Html);

    private static List<Row> TargetRows(string html) =>
        [.. TargetRow().Matches(html).Select(m => new Row(WebUtility.HtmlDecode(m.Groups[2].Value), m.Groups[3].Value, m.Groups[4].Value, m.Value))];

    [GeneratedRegex("<tr class=\"target-row( saved)?\" data-account=\"([^\"]*)\" data-naive=\"([^\"]*)\" data-tansiq=\"([^\"]*)\">.*?</tr>")]
    private static partial Regex TargetRow();

    private string World()
    {
        var world = Path.Combine(_dir, "world");
        // Small activists (20 followers) so that the army's campaign is far past 25% of their followers.
        var (code, _, err) = Run("simulate", "--out", world, "--seed", "3", "--scale", "0.1",
            "--set", "ActivistFollowersMin=20", "--set", "ActivistFollowersMax=20", "--set", "ArmyReportCampaigns=6");
        Assert.True(code == 0, err);
        return world;
    }

    private static Dictionary<string, (string Username, long Followers)> Accounts(string world)
    {
        var result = new Dictionary<string, (string, long)>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(world, "accounts.csv")).Skip(1))
        {
            var f = line.Split(',');
            result[f[0]] = (f[1], long.Parse(f[3], CultureInfo.InvariantCulture));
        }
        return result;
    }

    private static Dictionary<string, int> DistinctReporters(string world)
    {
        var pairs = new HashSet<(string, string)>();
        foreach (var line in File.ReadLines(Path.Combine(world, "reports.csv")).Skip(1))
        {
            var f = line.Split(',');
            pairs.Add((f[1], f[2]));
        }
        return pairs.GroupBy(p => p.Item2).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }

    [Fact]
    public void Moderate_SimulatedBrigade_ReportShowsTheNaiveRuleSuspendingWhatTansiqKeeps()
    {
        var world = World();
        var outDir = Path.Combine(_dir, "out");
        var (code, _, err) = Run("moderate", "--reports", Path.Combine(world, "reports.csv"), "--accounts", Path.Combine(world, "accounts.csv"),
            "--follows", Path.Combine(world, "follows.csv"), "--out", outDir);
        Assert.True(code == 0, err);
        var html = File.ReadAllText(Path.Combine(outDir, "report.html"));
        var accounts = Accounts(world);
        var reporters = DistinctReporters(world);
        using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(world, "truth.json")));
        var brigaded = truth.RootElement.GetProperty("reported").EnumerateArray()
            .Where(t => t.GetProperty("label").GetString() == "brigaded_innocent")
            .Select(t => t.GetProperty("target_id").GetString()!).ToList();
        Assert.NotEmpty(brigaded);

        // The full table has exactly one row per reported account; the brigade sections repeat their targets.
        var rows = TargetRows(html);
        var byAccount = rows.GroupBy(r => r.Account).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        Assert.Equal(reporters.Keys.Where(accounts.ContainsKey).Order(StringComparer.Ordinal), byAccount.Keys.Order(StringComparer.Ordinal));

        var naiveSuspendedBrigaded = 0;
        foreach (var target in brigaded)
        {
            // The rule of the case, counted here: suspend once distinct reporters reach 25% of the followers.
            var expectNaive = reporters[target] >= 0.25 * accounts[target].Followers ? "suspend" : "none";
            foreach (var row in byAccount[target])
            {
                Assert.Equal(expectNaive, row.Naive);
                Assert.NotEqual("suspend", row.Tansiq);
                Assert.Contains(">B", row.Html, StringComparison.Ordinal); // linked to its brigade
                Assert.Equal(expectNaive == "suspend", row.Html.StartsWith("<tr class=\"target-row saved\"", StringComparison.Ordinal));
            }
            naiveSuspendedBrigaded += expectNaive == "suspend" ? 1 : 0;
        }
        // The world was drawn so that the army's reports pass 25% of the activists' followers.
        Assert.True(naiveSuspendedBrigaded > 0);

        // Usernames, not bare ids: every row names its account by the username accounts.csv gives.
        foreach (var row in rows)
        {
            Assert.Contains($"<span class=\"user\" dir=\"auto\">@{WebUtility.HtmlEncode(accounts[row.Account].Username)}</span>", row.Html, StringComparison.Ordinal);
        }

        // Charts: decisions over time, and one report chart per brigaded account (inline SVG, no script).
        Assert.Contains("id=\"over-time\"", html, StringComparison.Ordinal);
        foreach (var target in brigaded)
        {
            Assert.Matches($"<div class=\"target\" id=\"t-\\d+\"><p class=\"caption\"><span class=\"user\" dir=\"auto\">@{Regex.Escape(WebUtility.HtmlEncode(accounts[target].Username))}</span>", html);
        }
        Assert.True(Regex.Matches(html, "<svg ").Count >= brigaded.Count + 1);
        Assert.Contains("25% rule: suspend</text>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Moderate_ThresholdPolicy_ReportStillShowsTansiqBesideTheRule()
    {
        var world = World();
        var outDir = Path.Combine(_dir, "out");
        var (code, _, err) = Run("moderate", "--policy", "threshold", "--reports", Path.Combine(world, "reports.csv"), "--accounts", Path.Combine(world, "accounts.csv"),
            "--follows", Path.Combine(world, "follows.csv"), "--out", outDir);
        Assert.True(code == 0, err);
        var rows = TargetRows(File.ReadAllText(Path.Combine(outDir, "report.html")));
        // The run's own decisions are the rule's: decisions.csv says which accounts it suspended.
        var suspended = File.ReadLines(Path.Combine(outDir, "decisions.csv")).Skip(1).Select(l => l.Split(','))
            .Where(f => f[1] == "suspend").Select(f => f[0]).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(suspended);
        foreach (var row in rows)
        {
            Assert.Equal(suspended.Contains(row.Account) ? "suspend" : "none", row.Naive);
            Assert.NotEqual("", row.Tansiq);
        }
        Assert.Contains(rows, r => r.Naive == "suspend" && r.Tansiq != "suspend");
    }
}
