using System.IO.Compression;
using System.Text.Json;
using System.Xml.Linq;

namespace Tansiq.Cli.Tests.Detection;

/// <summary>One small simulated world (with an army) and one without, generated once for the whole class.</summary>
public sealed class SimulatedWorlds : IDisposable
{
    public SimulatedWorlds()
    {
        Army = Simulate("army", "--seed", "11", "--scale", "0.25", "--days", "7");
        NoArmy = Simulate("no-army", "--seed", "12", "--scale", "0.25", "--days", "7", "--no-army");
        Cnt = Simulate("cnt", "--seed", "13", "--scale", "0.05", "--days", "3", "--format", "cnt-csv");
        Tansiq = Simulate("tansiq", "--seed", "13", "--scale", "0.05", "--days", "3", "--format", "tansiq-csv");
        TwitterV2 = Simulate("twitter", "--seed", "13", "--scale", "0.05", "--days", "3", "--format", "twitter-v2");
    }

    public CliRunner Runner { get; } = new();

    public string Army { get; }
    public string NoArmy { get; }
    public string Cnt { get; }
    public string Tansiq { get; }
    public string TwitterV2 { get; }

    private string Simulate(string name, params string[] args)
    {
        var dir = Runner.PathOf(name);
        var (exit, _, err) = Runner.Run(["simulate", "--out", dir, .. args]);
        Assert.True(exit == 0, err);
        return dir;
    }

    public void Dispose() => Runner.Dispose();
}

public sealed class DetectCommandTests(SimulatedWorlds worlds) : IClassFixture<SimulatedWorlds>, IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private (JsonElement Detection, string Out) DetectAndEvaluate(string world, string name)
    {
        var dir = _cli.PathOf(name);
        var (exit, _, err) = _cli.Run("detect", Path.Combine(world, "messages.csv"), "--accounts", Path.Combine(world, "accounts.csv"), "--out", dir);
        Assert.True(exit == 0, err);
        var (evalExit, evalOut, evalErr) = _cli.Run("eval", "--truth", Path.Combine(world, "truth.json"), "--detect", dir);
        Assert.True(evalExit == 0, evalErr);
        using var eval = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, "eval.json")));
        return (eval.RootElement.GetProperty("detection").Clone(), dir);
    }

    [Fact]
    public void Detect_SimulatedWorldWithArmy_FlagsTheArmyAndAlmostNoFans()
    {
        var (d, _) = DetectAndEvaluate(worlds.Army, "army");
        Assert.True(d.GetProperty("f1").GetDouble() >= 0.95, d.ToString());
        Assert.True(d.GetProperty("fans").GetProperty("share").GetDouble() < 0.01, d.ToString());
        Assert.True(d.GetProperty("friend_group_members").GetProperty("share").GetDouble() < 0.01, d.ToString());
    }

    [Fact]
    public void Detect_WorldOfFansFriendsAndViralMomentsOnly_FlagsAlmostNobody()
    {
        var dir = _cli.PathOf("no-army");
        var (exit, _, err) = _cli.Run("detect", Path.Combine(worlds.NoArmy, "messages.csv"), "--out", dir);
        Assert.True(exit == 0, err);
        var accounts = Directory.GetFiles(worlds.NoArmy, "accounts.csv").Single();
        var population = File.ReadLines(accounts).Count() - 1;
        var flagged = File.ReadLines(Path.Combine(dir, "accounts.csv")).Skip(1).Count(line => line.Split(',')[2].Length > 0);
        Assert.True(flagged <= population / 500, $"{flagged} of {population} flagged");
    }

    [Fact]
    public void Detect_AnyWorld_WritesEveryOutputWithItsContract()
    {
        var (_, dir) = DetectAndEvaluate(worlds.Army, "outputs");
        Assert.Equal("account_id,username,cluster_id,score,signals", File.ReadLines(Path.Combine(dir, "accounts.csv")).First());
        Assert.Equal("source,target,signal,weight", File.ReadLines(Path.Combine(dir, "edges.csv")).First());
        foreach (var line in File.ReadLines(Path.Combine(dir, "edges.csv")).Skip(1))
        {
            var f = line.Split(',');
            Assert.True(string.CompareOrdinal(f[0], f[1]) < 0, line);
        }
        foreach (var line in File.ReadLines(Path.Combine(dir, "accounts.csv")).Skip(1))
        {
            var score = double.Parse(line.Split(',')[3], System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(score, 0, 1);
        }
        using var clusters = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, "clusters.json")));
        Assert.True(clusters.RootElement.GetProperty("clusters").GetArrayLength() > 0);
        _ = XDocument.Load(Path.Combine(dir, "network.graphml"));
        _ = XDocument.Load(Path.Combine(dir, "network.gexf"));
        var html = File.ReadAllText(Path.Combine(dir, "report.html"));
        // self-contained: nothing is fetched from a network when the page opens
        Assert.DoesNotMatch(@"<(script|link|img|iframe)[^>]+(src|href)=""(https?:)?//", html);
        // Arabic shared texts sit in elements whose direction the browser takes from the text (right-to-left)
        Assert.Matches(@"dir=""auto""[^>]*>[^<]*\p{IsArabic}", html);
        using var summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, "summary.json")));
        Assert.True(summary.RootElement.GetProperty("stage_seconds").TryGetProperty("sweep co-repost", out _));
        Assert.Empty(Directory.GetFiles(dir, "*.tmp*"));
    }

    [Fact]
    public void Detect_SameWorldInThreeFormats_SameCoRepostEdges()
    {
        string[] Edges(string world, string file, string name)
        {
            var dir = _cli.PathOf(name);
            var (exit, _, err) = _cli.Run("detect", Path.Combine(world, file), "--out", dir);
            Assert.True(exit == 0, err);
            return [.. File.ReadLines(Path.Combine(dir, "edges.csv")).Where(l => l.Contains(",co-repost,", StringComparison.Ordinal))];
        }
        var tansiq = Edges(worlds.Tansiq, "messages.csv", "f-tansiq");
        Assert.NotEmpty(tansiq);
        Assert.Equal(tansiq, Edges(worlds.Cnt, "messages.csv", "f-cnt"));
        Assert.Equal(tansiq, Edges(worlds.TwitterV2, "messages.jsonl", "f-twitter"));
    }

    [Fact]
    public void Detect_EdgesOfASignal_AreExactlyTheNetworksCommandOutput()
    {
        var messages = Path.Combine(worlds.Tansiq, "messages.csv");
        var dir = _cli.PathOf("consistency");
        Assert.Equal(0, _cli.Run("detect", messages, "--out", dir, "--signals", "co-repost,co-reply").Exit);
        foreach (var signal in new[] { "co-repost", "co-reply" })
        {
            var network = _cli.PathOf(signal + ".csv");
            Assert.Equal(0, _cli.Run("networks", messages, "--signal", signal, "--out", network).Exit);
            var expected = File.ReadLines(network).Skip(1).ToList();
            var actual = File.ReadLines(Path.Combine(dir, "edges.csv")).Skip(1)
                .Select(l => l.Split(','))
                .Where(f => f[2] == signal)
                .Select(f => $"{f[0]},{f[1]},{f[3]}")
                .ToList();
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Detect_GzipInput_ReadLikeThePlainFile()
    {
        var plain = Path.Combine(worlds.Tansiq, "messages.csv");
        var gz = _cli.PathOf("messages.csv.gz");
        using (var output = File.Create(gz))
        using (var zip = new GZipStream(output, CompressionLevel.Fastest))
        using (var input = File.OpenRead(plain))
        {
            input.CopyTo(zip);
        }
        Assert.Equal(0, _cli.Run("detect", plain, "--out", _cli.PathOf("plain"), "--signals", "co-repost").Exit);
        Assert.Equal(0, _cli.Run("detect", gz, "--out", _cli.PathOf("gz"), "--signals", "co-repost").Exit);
        Assert.Equal(File.ReadAllText(_cli.PathOf("plain/edges.csv")), File.ReadAllText(_cli.PathOf("gz/edges.csv")));
    }

    [Fact]
    public void Detect_MalformedTimestamp_NamesFileAndLineAndExitsThree()
    {
        var input = _cli.Write("bad.csv", "message_id,user_id,username,repost_id,reply_id,message,timestamp,urls\n1,a,a,,,hello,1600000000,\n2,b,b,,,hello,yesterday,\n");
        var (exit, _, err) = _cli.Run("detect", input, "--format", "cnt-csv", "--out", _cli.PathOf("bad-out"));
        Assert.Equal(3, exit);
        Assert.Contains("bad.csv:3", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
        Assert.False(File.Exists(_cli.PathOf("bad-out/accounts.csv")));
    }

    [Fact]
    public void Detect_MissingInputFile_ExitsThree()
    {
        var (exit, _, err) = _cli.Run("detect", _cli.PathOf("nope.csv"), "--out", _cli.PathOf("x"));
        Assert.Equal(3, exit);
        Assert.Contains("nope.csv", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_UnknownSignal_ExitsTwoWithUsage()
    {
        var input = _cli.Write("ok.csv", "message_id,user_id,username,repost_id,reply_id,message,timestamp,urls\n1,a,a,,,hello,1600000000,\n");
        var (exit, _, err) = _cli.Run("detect", input, "--out", _cli.PathOf("y"), "--signals", "co-nothing");
        Assert.Equal(2, exit);
        Assert.Contains("co-nothing", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_NoOutOption_ExitsTwo()
    {
        var input = _cli.Write("ok2.csv", "message_id,user_id,username,repost_id,reply_id,message,timestamp,urls\n1,a,a,,,hello,1600000000,\n");
        Assert.Equal(2, _cli.Run("detect", input).Exit);
    }
}
