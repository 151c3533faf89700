namespace Tansiq.Cli.Tests.Bench;

public sealed class BenchCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private static readonly string[] Columns =
        ["messages", "accounts", "parse s", "build s", "sweep s", "weigh s", "cluster s", "outputs s", "total s", "messages/s", "peak MiB", "alloc MiB"];

    [Fact]
    public void Bench_TinySize_PrintsOneRowPerSizeWithEveryColumn()
    {
        var (exit, output, error) = _cli.Run("bench", "--sizes", "2000,3e3", "--cache", _cli.PathOf("cache"), "--out", _cli.PathOf("bench.md"));

        Assert.True(exit == 0, error);
        var lines = output.Split('\n');
        var header = Assert.Single(lines, l => l.TrimStart().StartsWith("messages", StringComparison.Ordinal));
        foreach (var column in Columns)
        {
            Assert.Contains(column, header, StringComparison.Ordinal);
        }
        // Exact sizes: the workload is cut to the first N messages in time order.
        Assert.Single(lines, l => l.TrimStart().StartsWith("2,000 ", StringComparison.Ordinal));
        Assert.Single(lines, l => l.TrimStart().StartsWith("3,000 ", StringComparison.Ordinal));
        var md = File.ReadAllText(_cli.PathOf("bench.md"));
        Assert.Contains("| messages | accounts | parse s | build s | sweep s |", md, StringComparison.Ordinal);
        Assert.Contains("| sweep co-repost |", md, StringComparison.Ordinal);
        Assert.Contains("| outputs |", md, StringComparison.Ordinal);
        Assert.Contains("./tansiq bench", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Bench_SecondRun_ReusesTheCachedWorkload()
    {
        var cache = _cli.PathOf("cache");
        var first = _cli.Run("bench", "--sizes", "2000", "--cache", cache, "--generate-only");
        Assert.True(first.Exit == 0, first.Err);
        Assert.Contains("generated", first.Out, StringComparison.Ordinal);
        var file = Assert.Single(Directory.GetFiles(cache, "messages.csv", SearchOption.AllDirectories));
        Assert.Equal(2001, File.ReadLines(file).Count());
        Assert.Equal("message_id,user_id,username,repost_id,reply_id,message,timestamp,urls", File.ReadLines(file).First());
        var written = File.GetLastWriteTimeUtc(file);
        var bytes = File.ReadAllBytes(file);

        var second = _cli.Run("bench", "--sizes", "2000", "--cache", cache, "--signals", "co-repost");

        Assert.True(second.Exit == 0, second.Err);
        Assert.Contains("cached", second.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("generated", second.Out, StringComparison.Ordinal);
        Assert.Equal(written, File.GetLastWriteTimeUtc(file));
        Assert.Equal(bytes, File.ReadAllBytes(file));
    }

    [Fact]
    public void Bench_OtherSeed_GeneratesAnotherWorkload()
    {
        var cache = _cli.PathOf("cache");
        Assert.Equal(0, _cli.Run("bench", "--sizes", "2000", "--cache", cache, "--generate-only").Exit);
        var other = _cli.Run("bench", "--sizes", "2000", "--cache", cache, "--generate-only", "--seed", "2");
        Assert.Contains("generated", other.Out, StringComparison.Ordinal);
        Assert.Equal(2, Directory.GetFiles(cache, "messages.csv", SearchOption.AllDirectories).Length);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1500.5")]
    [InlineData("10")]
    [InlineData("")]
    public void Bench_BadSizes_ExitsWithUsage(string sizes)
    {
        var (exit, _, error) = _cli.Run("bench", "--sizes", sizes, "--cache", _cli.PathOf("cache"));
        Assert.Equal(2, exit);
        Assert.Contains("--sizes", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_cli.PathOf("cache")));
    }
}
