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
    public void Demo_OutIsAFile_ExitsWithAnErrorNotAStackTrace()
    {
        var file = _cli.Write("taken", "x");

        var (exit, _, err) = _cli.Run("demo", "--out", file, "--scale", "0.05");

        Assert.NotEqual(0, exit);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }
}
