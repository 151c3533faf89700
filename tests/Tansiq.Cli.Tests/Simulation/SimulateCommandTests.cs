using System.Text.Json;

namespace Tansiq.Cli.Tests.Simulation;

public sealed class SimulateCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tansiq-sim-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string Dir(string name) => Path.Combine(_root, name);

    private static readonly string[] Files = ["messages.csv", "accounts.csv", "follows.csv", "reports.csv", "truth.json"];

    [Fact]
    public void Simulate_SameSeedTwice_ByteIdenticalFiles()
    {
        Assert.Equal(0, Run("simulate", "--out", Dir("a"), "--seed", "5", "--scale", "0.03", "--days", "4").Code);
        Assert.Equal(0, Run("simulate", "--out", Dir("b"), "--seed", "5", "--scale", "0.03", "--days", "4").Code);
        Assert.Equal(0, Run("simulate", "--out", Dir("c"), "--seed", "6", "--scale", "0.03", "--days", "4").Code);
        foreach (var file in Files)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(Dir("a"), file)), File.ReadAllBytes(Path.Combine(Dir("b"), file)));
        }
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(Dir("a"), "messages.csv")), File.ReadAllBytes(Path.Combine(Dir("c"), "messages.csv")));
        Assert.Empty(Directory.GetFiles(Dir("a"), ".*.tmp"));
    }

    [Fact]
    public void Simulate_TinyScale_WritesEveryFileWithItsHeader()
    {
        var (code, output, _) = Run("simulate", "--out", Dir("w"), "--scale", "0.03", "--days", "3");
        Assert.Equal(0, code);
        Assert.Contains("army", output, StringComparison.Ordinal);
        var first = (string f) => File.ReadLines(Path.Combine(Dir("w"), f)).First();
        Assert.Equal("message_id,account_id,username,repost_id,reply_id,text,timestamp,urls,hashtags,mentions,lang,platform", first("messages.csv"));
        Assert.Equal("account_id,username,created_at,followers_count,following_count", first("accounts.csv"));
        Assert.Equal("follower_id,followee_id", first("follows.csv"));
        Assert.Equal("report_id,reporter_id,target_id,timestamp,reason", first("reports.csv"));
        using var truth = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Dir("w"), "truth.json")));
        var root = truth.RootElement;
        Assert.Equal(1, root.GetProperty("seed").GetInt32());
        Assert.Equal(3, root.GetProperty("days").GetDouble());
        var roles = root.GetProperty("accounts").EnumerateArray().Select(a => a.GetProperty("role").GetString()).ToHashSet();
        foreach (var role in new[] { "organic", "leader", "fan", "army", "commander", "producer", "journalist", "militia_leader", "brigade", "abusive" })
        {
            Assert.Contains(role, roles);
        }
        var accountRows = File.ReadLines(Path.Combine(Dir("w"), "accounts.csv")).Count() - 1;
        Assert.Equal(root.GetProperty("accounts").GetArrayLength(), accountRows);
        Assert.True(root.GetProperty("parameters").TryGetProperty("army_size", out _));
    }

    [Fact]
    public void Simulate_CntCsvAndTwitterV2_WriteTheirFormats()
    {
        Assert.Equal(0, Run("simulate", "--out", Dir("cnt"), "--scale", "0.02", "--days", "2", "--format", "cnt-csv").Code);
        Assert.Equal("message_id,user_id,username,repost_id,reply_id,message,timestamp,urls", File.ReadLines(Path.Combine(Dir("cnt"), "messages.csv")).First());
        Assert.Equal(0, Run("simulate", "--out", Dir("v2"), "--scale", "0.02", "--days", "2", "--format", "twitter-v2").Code);
        var lines = File.ReadLines(Path.Combine(Dir("v2"), "messages.jsonl")).ToList();
        var csvRows = File.ReadLines(Path.Combine(Dir("cnt"), "messages.csv")).Count() - 1;
        var tweets = 0;
        foreach (var line in lines)
        {
            using var page = JsonDocument.Parse(line);
            var data = page.RootElement.GetProperty("data");
            tweets += data.GetArrayLength();
            var users = page.RootElement.GetProperty("includes").GetProperty("users").EnumerateArray().Select(u => u.GetProperty("id").GetString()).ToHashSet();
            Assert.All(data.EnumerateArray(), t => Assert.Contains(t.GetProperty("author_id").GetString(), users));
        }
        Assert.Equal(csvRows, tweets);
    }

    [Fact]
    public void Simulate_NoArmy_TruthHasNoArmy()
    {
        Assert.Equal(0, Run("simulate", "--out", Dir("n"), "--scale", "0.02", "--days", "2", "--no-army").Code);
        var truth = File.ReadAllText(Path.Combine(Dir("n"), "truth.json"));
        Assert.DoesNotContain("\"army\"", truth, StringComparison.Ordinal);
        Assert.DoesNotContain("\"commander\"", truth, StringComparison.Ordinal);
        Assert.Contains("\"fan\"", truth, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_SetOverridesAParameter()
    {
        Assert.Equal(0, Run("simulate", "--out", Dir("s"), "--scale", "0.02", "--days", "2", "--set", "Squads=2", "--set", "army_size=400").Code);
        using var truth = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Dir("s"), "truth.json")));
        var army = truth.RootElement.GetProperty("accounts").EnumerateArray().Where(a => a.GetProperty("role").GetString() == "army").ToList();
        Assert.Equal(8, army.Count); // 400 x 0.02
        Assert.Equal(2, army.Select(a => a.GetProperty("squad").GetString()).Distinct().Count());
    }

    [Fact]
    public void Simulate_BadSet_ExitsWithUsageError()
    {
        var (code, _, err) = Run("simulate", "--out", Dir("x"), "--set", "NoSuchThing=3");
        Assert.Equal(2, code);
        Assert.Contains("NoSuchThing", err, StringComparison.Ordinal);
        Assert.Equal(2, Run("simulate", "--out", Dir("x"), "--scale", "0").Code);
    }
}
