using System.Text;
using System.Text.RegularExpressions;

namespace Tansiq.Cli.Tests.Outputs;

/// <summary>One small simulated world for the output-option tests.</summary>
public sealed class SmallWorld : IDisposable
{
    public SmallWorld()
    {
        Dir = Runner.PathOf("world");
        var (exit, _, err) = Runner.Run("simulate", "--out", Dir, "--seed", "5", "--scale", "0.05", "--days", "3");
        Assert.True(exit == 0, err);
        Key = Runner.Write("key", "0123456789abcdef0123456789abcdef\n");
        OtherKey = Runner.Write("other-key", "fedcba9876543210fedcba9876543210\n");
    }

    public CliRunner Runner { get; } = new();
    public string Dir { get; }
    public string Key { get; }
    public string OtherKey { get; }
    public string Messages => Path.Combine(Dir, "messages.csv");
    public string Accounts => Path.Combine(Dir, "accounts.csv");

    public void Dispose() => Runner.Dispose();
}

/// <summary>--pseudonymise, --excel and --no-edges, checked on the files the commands write.</summary>
public sealed class OutputOptionsTests(SmallWorld world) : IClassFixture<SmallWorld>, IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private string Detect(string name, params string[] extra)
    {
        var dir = _cli.PathOf(name);
        var (exit, _, err) = _cli.Run(["detect", world.Messages, "--accounts", world.Accounts, "--out", dir, .. extra]);
        Assert.True(exit == 0, err);
        return dir;
    }

    private static HashSet<string> Tokens(string text) => [.. Regex.Matches(text, @"[\p{L}\p{N}_.]+").Select(m => m.Value)];

    [Fact]
    public void Detect_Pseudonymise_NoAccountIdOrUsernameLeftInAnyOutput()
    {
        var dir = Detect("p", "--pseudonymise", world.Key);
        var rows = File.ReadLines(world.Accounts).Skip(1).Select(l => l.Split(',')).ToList();
        var secrets = rows.Select(r => r[0]).Concat(rows.Select(r => r[1])).Where(s => s.Length > 2).ToHashSet();

        foreach (var file in Directory.GetFiles(dir))
        {
            var leaked = Tokens(File.ReadAllText(file)).Where(secrets.Contains).ToList();
            Assert.True(leaked.Count == 0, $"{Path.GetFileName(file)} holds {string.Join(", ", leaked.Take(5))}");
            Assert.DoesNotContain("0123456789abcdef0123456789abcdef", File.ReadAllText(file), StringComparison.Ordinal);
        }
        var ids = File.ReadLines(Path.Combine(dir, "accounts.csv")).Skip(1).Select(l => l.Split(',')[0]).ToList();
        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.Matches("^a_[0-9a-f]{20}$", id));
    }

    [Fact]
    public void Detect_PseudonymiseAndSkipBadRows_SummaryNamesTheLineButQuotesNothingOfTheRow()
    {
        // A bad row whose quoted value is a handle: summary.json would repeat it in its reason.
        var lines = File.ReadAllLines(world.Messages);
        var header = lines[0].Split(',');
        var bad = header.Select(c => c switch { "timestamp" => "zz_secret_handle", "message_id" => "bad1", "account_id" => "zz_secret_account", _ => "" });
        var input = _cli.Write("messages-bad.csv", string.Join('\n', lines.Append(string.Join(',', bad))) + "\n");

        var dir = _cli.PathOf("bad");
        var (exit, _, err) = _cli.Run("detect", input, "--accounts", world.Accounts, "--out", dir, "--skip-bad-rows", "--pseudonymise", world.Key);

        Assert.True(exit == 0, err);
        var summary = File.ReadAllText(Path.Combine(dir, "summary.json"));
        Assert.Contains($":{lines.Length + 1}: (reason withheld with --pseudonymise)", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("zz_secret", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_Pseudonymise_SameKeySamePseudonymsOtherKeyOthersAndSameClusters()
    {
        var plain = File.ReadAllLines(Path.Combine(Detect("plain"), "accounts.csv"));
        var first = File.ReadAllLines(Path.Combine(Detect("one", "--pseudonymise", world.Key), "accounts.csv"));
        var again = File.ReadAllLines(Path.Combine(Detect("two", "--pseudonymise", world.Key), "accounts.csv"));
        var other = File.ReadAllLines(Path.Combine(Detect("three", "--pseudonymise", world.OtherKey), "accounts.csv"));

        Assert.Equal(first, again);
        Assert.Empty(first.Skip(1).Select(l => l.Split(',')[0]).Intersect(other.Skip(1).Select(l => l.Split(',')[0])));
        // Pseudonyms change names, not the evidence: as many accounts flagged, with the same score distribution.
        static List<string> Scores(string[] lines) => [.. lines.Skip(1).Select(l => l.Split(',')[3]).Order(StringComparer.Ordinal)];
        Assert.Equal(Scores(plain), Scores(first));
    }

    [Fact]
    public void ModerateAndDetect_SameKey_GiveTheSameAccountTheSamePseudonym()
    {
        var detect = Detect("d", "--pseudonymise", world.Key);
        var moderate = _cli.PathOf("m");
        var (exit, _, err) = _cli.Run("moderate", "--reports", Path.Combine(world.Dir, "reports.csv"), "--accounts", world.Accounts,
            "--out", moderate, "--pseudonymise", world.Key);
        Assert.True(exit == 0, err);

        // The documented pseudonym, computed here independently: "a_" + hex of the first 10 bytes of HMAC-SHA256(key, "a_" + id).
        var key = Encoding.ASCII.GetBytes("0123456789abcdef0123456789abcdef");
        string Pseudonym(string id) => "a_" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("a_" + id))[..10]);
        var rawIds = File.ReadLines(world.Accounts).Skip(1).Select(l => l.Split(',')[0]).ToList();
        var expected = rawIds.Select(Pseudonym).ToHashSet();
        var detected = File.ReadLines(Path.Combine(detect, "accounts.csv")).Skip(1).Select(l => l.Split(',')[0]).ToList();
        var decided = File.ReadLines(Path.Combine(moderate, "decisions.csv")).Skip(1).Select(l => l.Split(',')[0]).ToList();
        Assert.NotEmpty(detected);
        Assert.NotEmpty(decided);
        Assert.All(detected, id => Assert.Contains(id, expected));
        Assert.All(decided, id => Assert.Contains(id, expected));
        var raw = rawIds.ToHashSet();
        var leaked = Tokens(File.ReadAllText(Path.Combine(moderate, "report.html"))).Where(raw.Contains).ToList();
        Assert.True(leaked.Count == 0, string.Join(", ", leaked.Take(5)));
    }

    [Fact]
    public void Detect_ShortKey_Exit3NamingTheKeyFile()
    {
        var key = _cli.Write("short", "abc");

        var (exit, _, err) = _cli.Run("detect", world.Messages, "--out", _cli.PathOf("x"), "--pseudonymise", key);

        Assert.Equal(3, exit);
        Assert.Contains($"{key}: the key file holds 3 bytes", err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_cli.PathOf("x")));
    }

    [Fact]
    public void Detect_NoEdges_WritesEverythingButEdgesCsv()
    {
        var dir = Detect("ne", "--no-edges");

        Assert.False(File.Exists(Path.Combine(dir, "edges.csv")));
        Assert.True(File.Exists(Path.Combine(dir, "network.gexf")));
        Assert.True(File.Exists(Path.Combine(dir, "accounts.csv")));
    }

    [Fact]
    public void Detect_Excel_CsvFilesStartWithTheByteOrderMarkAndOthersDoNot()
    {
        var dir = Detect("xl", "--excel");
        var plain = Detect("nobom");

        byte[] bom = [0xEF, 0xBB, 0xBF];
        Assert.Equal(bom, File.ReadAllBytes(Path.Combine(dir, "accounts.csv"))[..3]);
        Assert.Equal(bom, File.ReadAllBytes(Path.Combine(dir, "edges.csv"))[..3]);
        Assert.NotEqual(bom, File.ReadAllBytes(Path.Combine(dir, "summary.json"))[..3]);
        Assert.NotEqual(bom, File.ReadAllBytes(Path.Combine(plain, "accounts.csv"))[..3]);
        Assert.Equal(File.ReadAllBytes(Path.Combine(plain, "edges.csv")), File.ReadAllBytes(Path.Combine(dir, "edges.csv"))[3..]);
    }

    [Fact]
    public void Networks_Excel_StartsWithTheByteOrderMark()
    {
        var path = _cli.PathOf("n.csv");

        var (exit, _, err) = _cli.Run("networks", world.Messages, "--signal", "co-repost", "--out", path, "--excel");

        Assert.True(exit == 0, err);
        Assert.StartsWith("\uFEFFsource,target,weight\n", Encoding.UTF8.GetString(File.ReadAllBytes(path)), StringComparison.Ordinal);
    }

    [Fact]
    public void Moderate_Excel_DecisionsAndTimelineStartWithTheByteOrderMark()
    {
        var dir = _cli.PathOf("mx");

        var (exit, _, err) = _cli.Run("moderate", "--reports", Path.Combine(world.Dir, "reports.csv"), "--accounts", world.Accounts, "--out", dir, "--excel");

        Assert.True(exit == 0, err);
        Assert.StartsWith("\uFEFFtarget_id,decision,", Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(dir, "decisions.csv"))), StringComparison.Ordinal);
        Assert.Equal([0xEF, 0xBB, 0xBF], File.ReadAllBytes(Path.Combine(dir, "timeline.csv"))[..3]);
        Assert.Equal((byte)'{', File.ReadAllBytes(Path.Combine(dir, "summary.json"))[0]);
    }
}
