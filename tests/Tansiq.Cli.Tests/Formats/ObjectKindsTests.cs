using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Tansiq.Cli.Tests.Formats;

/// <summary>An object table with a kind column: each kind is a co-object signal of its own, swept and weighed.</summary>
public sealed class ObjectKindsTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>Eight accounts sharing 30 image hashes and 30 domains within 20 s of each other, 60 others at random.</summary>
    private string Table()
    {
        var random = new Random(3);
        var b = new StringBuilder("object_id,account_id,content_id,timestamp_share,object_kind\n");
        var post = 0;
        const long start = 1_700_000_000;
        for (var j = 0; j < 30; j++)
        {
            foreach (var (kind, obj, offset) in new[] { ("image_hash", $"h{j:x4}", 0), ("domain", $"site{j}.example", 1800) })
            {
                for (var a = 0; a < 8; a++)
                {
                    b.Append(CultureInfo.InvariantCulture, $"{obj},s{a},p{post++},{start + (j * 3600) + offset + random.Next(0, 21)},{kind}\n");
                }
            }
        }
        for (var n = 0; n < 800; n++)
        {
            var image = random.Next(2) == 0;
            var obj = image ? $"h{random.Next(400):x4}" : $"site{random.Next(400)}.example";
            b.Append(CultureInfo.InvariantCulture, $"{obj},o{random.Next(60)},p{post++},{start + random.Next(30 * 3600)},{(image ? "image_hash" : "domain")}\n");
        }
        return _cli.Write("objects.csv", b.ToString());
    }

    [Fact]
    public void Detect_TableWithTwoKinds_OneSignalPerKindInEveryOutput()
    {
        var dir = _cli.PathOf("out");
        var (exit, _, err) = _cli.Run("detect", Table(), "--out", dir);

        Assert.True(exit == 0, err);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
        var signals = summary.RootElement.GetProperty("signals");
        foreach (var name in new[] { "co-object:image_hash", "co-object:domain" })
        {
            // Each kind swept (raw pairs) and weighed (significant pairs) on its own.
            Assert.True(signals.GetProperty(name).GetProperty("significant_pairs").GetInt32() > 0, name);
        }
        var edgeSignals = File.ReadLines(Path.Combine(dir, "edges.csv")).Skip(1).Select(l => l.Split(',')[2]).ToHashSet();
        Assert.Equal(["co-object:domain", "co-object:image_hash"], edgeSignals.Order(StringComparer.Ordinal));
        using var clusters = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "clusters.json")));
        var cluster = Assert.Single(clusters.RootElement.GetProperty("clusters").EnumerateArray());
        Assert.Equal(["s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7"], cluster.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("account_id").GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(["co-object:domain", "co-object:image_hash"], cluster.GetProperty("signals").EnumerateArray().Select(s => s.GetString()!));
        var html = File.ReadAllText(Path.Combine(dir, "report.html"));
        Assert.Contains("<span class=\"badge sig-co-object\">co-object:image_hash</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Networks_TableWithTwoKinds_OneToolkitNetworkOverBothKinds()
    {
        var path = _cli.PathOf("network.csv");
        var (exit, _, err) = _cli.Run("networks", Table(), "--signal", "co-object", "--out", path);

        Assert.True(exit == 0, err);
        // The squad's 28 pairs share 30 hashes and 30 domains: with both kinds in one network each pair weighs about 60.
        var squad = File.ReadLines(path).Skip(1).Select(l => l.Split(',')).Where(f => f[0].StartsWith('s') && f[1].StartsWith('s')).ToList();
        Assert.Equal(28, squad.Count);
        Assert.All(squad, f => Assert.True(int.Parse(f[2], CultureInfo.InvariantCulture) > 30, string.Join(',', f)));
    }
}
