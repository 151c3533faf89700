using System.Text.Json;

namespace Tansiq.Cli.Tests.Demo;

public sealed class DemoCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Demo_TinyWorld_WritesBothReportsAndPrintsTheirPaths()
    {
        var dir = _cli.PathOf("demo");

        var (exit, output, err) = _cli.Run("demo", "--out", dir, "--scale", "0.05");

        Assert.True(exit == 0, err);
        var detectReport = Path.Combine(dir, "detect", "report.html");
        var moderateReport = Path.Combine(dir, "moderate", "report.html");
        Assert.True(File.Exists(detectReport));
        Assert.True(File.Exists(moderateReport));
        Assert.Contains(Path.GetFullPath(detectReport), output, StringComparison.Ordinal);
        Assert.Contains(Path.GetFullPath(moderateReport), output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir, "detect", "eval.json")));
    }

    [Fact]
    public void Demo_TinyWorld_ModerateReadsTheMessagesAndDetectsTheSameClusters()
    {
        var dir = _cli.PathOf("demo");

        var (exit, output, err) = _cli.Run("demo", "--out", dir, "--scale", "0.05");

        Assert.True(exit == 0, err);
        Assert.Contains("--messages " + Path.Combine(dir, "world", "messages.csv"), output, StringComparison.Ordinal);
        using var clusters = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, "detect", "clusters.json")));
        using var summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, "moderate", "summary.json")));
        var detected = clusters.RootElement.GetProperty("cluster_count").GetInt32();
        var counts = summary.RootElement.GetProperty("counts");
        Assert.True(detected > 0, "the tiny world's army should be detected");
        Assert.Equal(detected, counts.GetProperty("coordinated_clusters_in_messages").GetInt32());
        Assert.Equal(Path.GetFullPath(Path.Combine(dir, "world", "messages.csv")), summary.RootElement.GetProperty("inputs").GetProperty("messages").GetString());
    }

    [Fact]
    public void Demo_OutIsAFile_ExitsWithAnErrorNotAStackTrace()
    {
        var file = _cli.Write("taken", "x");

        var (exit, _, err) = _cli.Run("demo", "--out", file, "--scale", "0.05");

        Assert.NotEqual(0, exit);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }
}
