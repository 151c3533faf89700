using System.Text.Json;

namespace Tansiq.Cli.Tests.Moderation;

public sealed class ModerateCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "tansiq-moderate-" + Guid.NewGuid().ToString("N"));

    public ModerateCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string File(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = CliApp.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    private const long T0 = 1_700_000_000;

    /// <summary>A tiny account with two stray reports, and an Arabic-named account with one.</summary>
    private string[] SmallWorld(string policy = "tansiq")
    {
        var accounts = File("accounts.csv",
            "account_id,username,created_at,followers_count,following_count,bio\n" +
            $"tiny,tiny,{T0 - (900 * 86400)},4,10,\"likes, commas\"\n" +
            $"صحفي,journalist,2019-01-01T00:00:00Z,20000,5,\n" +
            $"a,a,{T0 - (700 * 86400)},50,5,\n" +
            $"b,b,{T0 - (500 * 86400)},50,5,\n");
        var follows = File("follows.csv", "follower_id,followee_id\na,tiny\n");
        var reports = File("reports.csv",
            "report_id,reporter_id,target_id,timestamp,reason\n" +
            $"1,a,tiny,{T0},spam\n" +
            $"2,b,tiny,{T0 + 86400},\"spam, again\"\n" +
            $"3,a,صحفي,2023-11-14T22:13:20Z,abuse\n");
        return ["moderate", "--reports", reports, "--accounts", accounts, "--follows", follows, "--out", Path.Combine(_dir, "out"), "--policy", policy];
    }

    [Fact]
    public void Moderate_SmallWorld_WritesEveryFileWithTheContractHeaders()
    {
        var (code, _, err) = Run(SmallWorld());
        Assert.Equal(0, code);
        Assert.Equal("", err);
        var outDir = Path.Combine(_dir, "out");
        var decisions = System.IO.File.ReadAllLines(Path.Combine(outDir, "decisions.csv"));
        Assert.Equal("target_id,decision,priority,decided_at,reports,effective_reports,brigade,reason", decisions[0]);
        Assert.Equal(3, decisions.Length); // one row per reported account
        Assert.StartsWith($"tiny,none,,{T0},2,", decisions.Single(l => l.StartsWith("tiny,", StringComparison.Ordinal)), StringComparison.Ordinal);
        // 2023-11-14T22:13:20Z is unix 1700000000: ISO timestamps are read as UTC.
        Assert.StartsWith($"صحفي,none,,{T0},1,", decisions.Single(l => l.StartsWith("صحفي,", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal("time,time_utc,target_id,decision,priority,reports,effective_reports,brigade,reason",
            System.IO.File.ReadLines(Path.Combine(outDir, "timeline.csv")).First());
        using var brigades = JsonDocument.Parse(System.IO.File.ReadAllText(Path.Combine(outDir, "brigades.json")));
        Assert.Equal(0, brigades.RootElement.GetProperty("count").GetInt32());
        using var summary = JsonDocument.Parse(System.IO.File.ReadAllText(Path.Combine(outDir, "summary.json")));
        Assert.Equal(3, summary.RootElement.GetProperty("counts").GetProperty("reports_replayed").GetInt32());
        var html = System.IO.File.ReadAllText(Path.Combine(outDir, "report.html"));
        // The Arabic id is shown right to left beside the account's username.
        Assert.Contains("<span class=\"user\" dir=\"auto\">@journalist</span><span class=\"key\" dir=\"auto\">صحفي</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(outDir, "*.tmp"));
    }

    [Fact]
    public void Moderate_ThresholdPolicy_SuspendsTinyAccountAtSecondReport()
    {
        var (code, _, _) = Run(SmallWorld("threshold"));
        Assert.Equal(0, code);
        var decisions = System.IO.File.ReadAllLines(Path.Combine(_dir, "out", "decisions.csv"));
        // 0.25 x 4 followers = 1: the first reporter already reaches it.
        Assert.StartsWith($"tiny,suspend,,{T0},2,2,,", decisions.Single(l => l.StartsWith("tiny,", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.StartsWith($"صحفي,none,,{T0},1,1,,", decisions.Single(l => l.StartsWith("صحفي,", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void Moderate_MalformedTimestamp_Exit3NamingFileAndLine()
    {
        var args = SmallWorld();
        var reports = File("reports.csv", "report_id,reporter_id,target_id,timestamp,reason\n1,a,tiny,1700000000,x\n2,b,tiny,yesterday,x\n");
        args[2] = reports;
        var (code, _, err) = Run(args);
        Assert.Equal(3, code);
        Assert.Contains($"{reports}:3: timestamp 'yesterday'", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Moderate_QuotedFieldWithLineBreak_LaterErrorsKeepTheirPhysicalLine()
    {
        var args = SmallWorld();
        var reports = File("reports.csv", "report_id,reporter_id,target_id,timestamp,reason\n1,a,tiny,1700000000,\"two\nlines\"\n2,b,tiny\n");
        args[2] = reports;
        var (code, _, err) = Run(args);
        Assert.Equal(3, code);
        Assert.Contains($"{reports}:4: expected 5 columns (as in the header), found 3", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Moderate_AccountsWithoutFollowersColumn_Exit3OnHeader()
    {
        var args = SmallWorld();
        args[4] = File("accounts.csv", "account_id,username,created_at\na,a,1\n");
        var (code, _, err) = Run(args);
        Assert.Equal(3, code);
        Assert.Contains(":1: header lacks the required column followers_count (header:", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Moderate_UnknownAccountsAndDuplicateIds_CountedReportedNotFatal()
    {
        var args = SmallWorld();
        args[2] = File("reports.csv",
            "report_id,reporter_id,target_id,timestamp,reason\n" +
            $"1,a,tiny,{T0},x\n" +
            $"1,b,tiny,{T0 + 5},duplicate id: ignored although the reporter differs\n" +
            $"2,ghost,tiny,{T0 + 9},unknown reporter\n" +
            $"3,a,nobody,{T0 + 9},unknown target\n");
        var (code, _, err) = Run(args);
        Assert.Equal(0, code);
        Assert.Contains("warning: 2 reports name accounts missing from accounts.csv (1 reporters, 1 targets)", err, StringComparison.Ordinal);
        Assert.Contains("warning: 1 rows repeat a report_id", err, StringComparison.Ordinal);
        using var summary = JsonDocument.Parse(System.IO.File.ReadAllText(Path.Combine(_dir, "out", "summary.json")));
        var counts = summary.RootElement.GetProperty("counts");
        Assert.Equal(4, counts.GetProperty("report_rows").GetInt32());
        Assert.Equal(1, counts.GetProperty("duplicate_report_ids").GetInt32());
        Assert.Equal(2, counts.GetProperty("reports_naming_unknown_accounts").GetInt32());
        Assert.Equal(1, counts.GetProperty("reports_replayed").GetInt32());
        var tiny = System.IO.File.ReadAllLines(Path.Combine(_dir, "out", "decisions.csv")).Single(l => l.StartsWith("tiny,", StringComparison.Ordinal));
        Assert.StartsWith($"tiny,none,,{T0},1,", tiny, StringComparison.Ordinal); // only the first row of id 1 counted
    }

    private const string MessagesHeader = "message_id,account_id,username,repost_id,reply_id,text,timestamp,urls,hashtags,mentions,lang,platform\n";

    [Fact]
    public void Moderate_MessagesWithExplicitFormat_ReplyBeforeTheReportMakesTheReporterExposed()
    {
        var args = SmallWorld();
        var before = RunAndRead(args);
        Assert.Contains("independent evidence 1 from 1 exposed", before.Single(l => l.StartsWith("tiny,", StringComparison.Ordinal)), StringComparison.Ordinal);
        // b replied to tiny's post (tiny saw it and b saw tiny) before reporting it: b's report becomes exposed evidence.
        var messages = File("messages.csv", MessagesHeader +
            $"m1,tiny,tiny,,,hello,{T0 - 5000},,,,ar,x\n" +
            $"m2,b,b,,m1,@tiny no,{T0 - 4000},,,tiny,ar,x\n");
        var after = RunAndRead([.. args, "--messages", messages, "--format", "tansiq-csv"]);
        Assert.Contains("independent evidence 2 from 2 exposed", after.Single(l => l.StartsWith("tiny,", StringComparison.Ordinal)), StringComparison.Ordinal);
        using var summary = JsonDocument.Parse(System.IO.File.ReadAllText(Path.Combine(_dir, "out", "summary.json")));
        Assert.Equal(2, summary.RootElement.GetProperty("counts").GetProperty("messages").GetInt32());
    }

    private string[] RunAndRead(string[] args)
    {
        var (code, _, err) = Run(args);
        Assert.True(code == 0, err);
        return System.IO.File.ReadAllLines(Path.Combine(_dir, "out", "decisions.csv"));
    }

    [Fact]
    public void Moderate_MalformedMessagesRow_Exit3NamingFileAndLine()
    {
        var messages = File("messages.csv", MessagesHeader + $"m1,tiny,tiny,,,hello,{T0},,,,ar,x\nm2,b,b,,,hi,not-a-time,,,,ar,x\n");
        var (code, _, err) = Run([.. SmallWorld(), "--messages", messages]);
        Assert.Equal(3, code);
        Assert.Contains($"{messages}:3", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Moderate_HeaderOnlyReports_WritesEveryFileWithNoDecisions()
    {
        var args = SmallWorld();
        args[2] = File("reports.csv", "report_id,reporter_id,target_id,timestamp,reason\n");
        var (code, output, _) = Run(args);
        Assert.Equal(0, code);
        Assert.Contains("0 reports on 0 accounts: nothing to decide", output, StringComparison.Ordinal);
        Assert.Equal(["target_id,decision,priority,decided_at,reports,effective_reports,brigade,reason"], System.IO.File.ReadAllLines(Path.Combine(_dir, "out", "decisions.csv")));
        Assert.True(System.IO.File.Exists(Path.Combine(_dir, "out", "report.html")));
    }

    [Fact]
    public void Moderate_RepeatedAccountId_Exit3NamingBothLines()
    {
        var args = SmallWorld();
        var accounts = File("accounts.csv", "account_id,created_at,followers_count\na,1,5\nb,1,5\na,2,6\n");
        args[4] = accounts;
        var (code, _, err) = Run(args);
        Assert.Equal(3, code);
        Assert.Contains($"{accounts}:4: duplicate account_id 'a' (first on line 2)", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Moderate_MissingReportsOption_Exit2()
    {
        var (code, _, err) = Run("moderate", "--accounts", File("accounts.csv", "account_id,created_at,followers_count\n"), "--out", _dir);
        Assert.Equal(2, code);
        Assert.Contains("--reports is required", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Moderate_MissingFile_Exit3()
    {
        var args = SmallWorld();
        args[2] = Path.Combine(_dir, "absent.csv");
        var (code, _, err) = Run(args);
        Assert.Equal(3, code);
        Assert.Contains("absent.csv: no such file", err, StringComparison.Ordinal);
    }

    [Fact]
    public void ModerateWorldThenModerate_GeneratedWorld_BrigadesFoundAndNoInnocentSuspended()
    {
        var world = Path.Combine(_dir, "world");
        Assert.Equal(0, Run("moderate", "world", "--out", world, "--seed", "7").Code);
        var outDir = Path.Combine(_dir, "res");
        var (code, _, _) = Run("moderate", "--reports", Path.Combine(world, "reports.csv"), "--accounts", Path.Combine(world, "accounts.csv"),
            "--follows", Path.Combine(world, "follows.csv"), "--out", outDir);
        Assert.Equal(0, code);
        using var truth = JsonDocument.Parse(System.IO.File.ReadAllText(Path.Combine(world, "truth.json")));
        var innocent = truth.RootElement.GetProperty("reported").EnumerateArray()
            .Where(t => t.GetProperty("label").GetString() is "brigaded_innocent" or "petition_target")
            .Select(t => t.GetProperty("target_id").GetString()!).ToHashSet();
        Assert.NotEmpty(innocent);
        var suspendedInTimeline = System.IO.File.ReadLines(Path.Combine(outDir, "timeline.csv")).Skip(1)
            .Select(l => l.Split(',')).Where(f => f[3] == "suspend").Select(f => f[2]).ToList();
        Assert.NotEmpty(suspendedInTimeline); // the abusive accounts
        Assert.DoesNotContain(suspendedInTimeline, innocent.Contains);
        using var brigades = JsonDocument.Parse(System.IO.File.ReadAllText(Path.Combine(outDir, "brigades.json")));
        Assert.True(brigades.RootElement.GetProperty("count").GetInt32() > 0);
        // The page is self-contained (no scripts, nothing fetched) and links each brigaded decision to its campaign.
        var html = System.IO.File.ReadAllText(Path.Combine(outDir, "report.html"));
        Assert.Contains("<section class=\"cluster\" id=\"B1\">", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#B1\">B1</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("content=\"default-src 'none';", html, StringComparison.Ordinal);
    }

    [Fact]
    public void SimulateModerateEval_SmallSimulatedWorld_EvalShowsTheBarForTansiqAndTheHarmOfTheThreshold()
    {
        var world = Path.Combine(_dir, "sim");
        Assert.Equal(0, Run("simulate", "--out", world, "--seed", "3", "--scale", "0.1",
            "--set", "ActivistFollowersMin=20", "--set", "ActivistFollowersMax=20", "--set", "ArmyReportCampaigns=6",
            "--set", "AbusiveAccounts=100", "--set", "NoiseTargets=300").Code);
        JsonElement Eval(string policy)
        {
            var outDir = Path.Combine(_dir, policy);
            var (code, _, err) = Run("moderate", "--policy", policy, "--reports", Path.Combine(world, "reports.csv"), "--accounts", Path.Combine(world, "accounts.csv"),
                "--follows", Path.Combine(world, "follows.csv"), "--out", outDir);
            Assert.True(code == 0, err);
            Assert.Equal(0, Run("eval", "--truth", Path.Combine(world, "truth.json"), "--moderate", outDir).Code);
            return JsonDocument.Parse(System.IO.File.ReadAllText(Path.Combine(outDir, "eval.json"))).RootElement.GetProperty("moderation").Clone();
        }
        var tansiq = Eval("tansiq");
        Assert.Equal(0, tansiq.GetProperty("wrongful_suspensions").GetInt32());
        Assert.True(tansiq.GetProperty("noise_left_alone").GetDouble() >= 0.9);
        Assert.True(tansiq.GetProperty("abusive_suspended_or_high_review").GetDouble() >= 0.95);
        Assert.Equal(0, tansiq.GetProperty("missing_decisions").GetInt32());
        var brigaded = tansiq.GetProperty("confusion").GetProperty("brigaded_innocent");
        Assert.Equal(9, brigaded.GetProperty("total").GetInt32());
        Assert.Equal(0, brigaded.GetProperty("none").GetInt32()); // every brigaded critic is in front of a reviewer
        var threshold = Eval("threshold");
        // The three activists (20 followers, ~40 army reporters each) are suspended by the naive rule.
        Assert.True(threshold.GetProperty("wrongful_suspensions_by_label").GetProperty("brigaded_innocent").GetInt32() >= 3);
    }

    [Fact]
    public void ModerateWithMessages_SmallSimulatedWorld_UsesTheClustersDetectFinds()
    {
        var world = Path.Combine(_dir, "sim");
        Assert.Equal(0, Run("simulate", "--out", world, "--seed", "21", "--scale", "0.05").Code);
        var messages = Path.Combine(world, "messages.csv");
        var accounts = Path.Combine(world, "accounts.csv");
        Assert.Equal(0, Run("detect", messages, "--accounts", accounts, "--out", Path.Combine(_dir, "det")).Code);
        var flagged = System.IO.File.ReadLines(Path.Combine(_dir, "det", "accounts.csv")).Skip(1)
            .Select(l => l.Split(',')).Where(f => f[2].Length > 0).ToList();
        Assert.NotEmpty(flagged);
        var (code, _, err) = Run("moderate", "--reports", Path.Combine(world, "reports.csv"), "--accounts", accounts,
            "--follows", Path.Combine(world, "follows.csv"), "--messages", messages, "--out", Path.Combine(_dir, "out"));
        Assert.True(code == 0, err);
        using var summary = JsonDocument.Parse(System.IO.File.ReadAllText(Path.Combine(_dir, "out", "summary.json")));
        var counts = summary.RootElement.GetProperty("counts");
        Assert.Equal(flagged.Count, counts.GetProperty("accounts_in_coordinated_clusters").GetInt32());
        Assert.Equal(flagged.Select(f => f[2]).Distinct().Count(), counts.GetProperty("coordinated_clusters_in_messages").GetInt32());
    }
}
