namespace Tansiq.Cli.Tests.CommandLine;

/// <summary>Mistakes on the command line: unknown options, bad numbers, out-of-range values and outputs that would
/// land on an input all give exit 2 with a message in the user's terms, before anything is written.</summary>
public sealed class CommandLineHygieneTests : IDisposable
{
    private const string Cnt = "message_id,user_id,username,repost_id,reply_id,message,timestamp,urls\n1,a,a,,,hello,1600000000,\n2,b,b,1,,,1600000010,\n";

    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private static string LastLine(string text) => text.TrimEnd('\n', '\r').Split('\n')[^1];

    [Fact]
    public void Detect_MistypedOption_Exit2WithSuggestionLastAndNothingWritten()
    {
        var input = _cli.Write("in.csv", Cnt);
        var outDir = _cli.PathOf("out");

        var (exit, _, err) = _cli.Run("detect", input, "--out", outDir, "--windw", "30");

        Assert.Equal(2, exit);
        Assert.Equal("error: unknown option --windw; did you mean --window?", LastLine(err));
        Assert.DoesNotContain("no such file", err, StringComparison.Ordinal);
        Assert.True(err.Split('\n').Length <= 4, err);
        Assert.False(Directory.Exists(outDir));
    }

    [Theory]
    [InlineData("detect", "in.csv", "--out", "o", "--thread", "2")]
    [InlineData("networks", "in.csv", "--signal", "co-repost", "--out", "o.csv", "--min-weigth", "2")]
    [InlineData("texts", "in.csv", "--out", "o", "--treshold", "0.9")]
    [InlineData("moderate", "--reports", "in.csv", "--accounts", "in.csv", "--out", "o", "--polcy", "threshold")]
    [InlineData("simulate", "--out", "o", "--sed", "3")]
    [InlineData("eval", "--truth", "in.csv", "--detect", "o", "--moderat", "o")]
    [InlineData("bench", "--size", "1e4")]
    [InlineData("demo", "--scael", "0.1")]
    [InlineData("version", "--verbose")]
    public void AnyCommand_UnknownOption_Exit2NamingIt(params string[] args)
    {
        _cli.Write("in.csv", Cnt);
        var resolved = args.Select(a => a is "in.csv" or "o" or "o.csv" ? _cli.PathOf(a) : a).ToArray();

        var (exit, _, err) = _cli.Run(resolved);

        Assert.Equal(2, exit);
        Assert.StartsWith("error: unknown option --", LastLine(err), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--window", "abc", "--window: 'abc' is not a number")]
    [InlineData("--threads", "two", "--threads: 'two' is not a whole number")]
    public void Detect_UnparsableNumber_Exit2WithoutDotNetTypeNames(string option, string value, string expected)
    {
        var input = _cli.Write("in.csv", Cnt);

        var (exit, _, err) = _cli.Run("detect", input, "--out", _cli.PathOf("o"), option, value);

        Assert.Equal(2, exit);
        Assert.Contains(expected, err, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", err, StringComparison.Ordinal);
        Assert.DoesNotContain("Int32", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--threads", "0")]
    [InlineData("--exclusivity", "0")]
    [InlineData("--min-burst-share", "1.5")]
    [InlineData("--alpha", "0")]
    [InlineData("--min-weight", "0")]
    [InlineData("--similarity", "-0.1")]
    public void Detect_OutOfRange_Exit2NamingTheOption(string option, string value)
    {
        var input = _cli.Write("in.csv", Cnt);

        var (exit, _, err) = _cli.Run("detect", input, "--out", _cli.PathOf("o"), option, value);

        Assert.Equal(2, exit);
        Assert.Contains(option, LastLine(err), StringComparison.Ordinal);
    }

    [Fact]
    public void Networks_ThreadsZero_Exit2()
    {
        var input = _cli.Write("in.csv", Cnt);

        var (exit, _, err) = _cli.Run("networks", input, "--signal", "co-repost", "--out", _cli.PathOf("o.csv"), "--threads", "0");

        Assert.Equal(2, exit);
        Assert.Contains("--threads must be at least 1", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("detect", "in.csv", "--out", "FILE")]
    [InlineData("texts", "in.csv", "--out", "FILE")]
    [InlineData("moderate", "--reports", "in.csv", "--accounts", "in.csv", "--out", "FILE")]
    [InlineData("simulate", "--out", "FILE")]
    [InlineData("demo", "--out", "FILE")]
    [InlineData("moderate", "world", "--out", "FILE")]
    public void DirectoryCommands_OutNamingAnExistingFile_Exit2(params string[] args)
    {
        _cli.Write("in.csv", Cnt);
        var file = _cli.Write("FILE", "precious\n");
        var resolved = args.Select(a => a is "in.csv" or "FILE" ? _cli.PathOf(a) : a).ToArray();

        var (exit, _, err) = _cli.Run(resolved);

        Assert.Equal(2, exit);
        Assert.Contains("is an existing file", err, StringComparison.Ordinal);
        Assert.Equal("precious\n", File.ReadAllText(file));
    }

    [Fact]
    public void Detect_OutIsTheFolderOfItsAccountsFile_Exit2NamingBothAndNothingWritten()
    {
        var input = _cli.Write("messages.csv", Cnt);
        var accounts = _cli.Write("accounts.csv", "account_id,username\na,alpha\nb,beta\n");
        var before = Directory.GetFiles(_cli.Root).Order().ToArray();

        var (exit, _, err) = _cli.Run("detect", input, "--accounts", accounts, "--out", _cli.Root);

        Assert.Equal(2, exit);
        Assert.Contains($"would overwrite the input {accounts}", err, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_cli.Root, "accounts.csv"), err, StringComparison.Ordinal);
        Assert.Equal("account_id,username\na,alpha\nb,beta\n", File.ReadAllText(accounts));
        Assert.Equal(before, Directory.GetFiles(_cli.Root).Order().ToArray());
    }

    [Fact]
    public void Detect_InputReachedThroughASymlinkedFolder_StillRefused()
    {
        var real = Directory.CreateDirectory(_cli.PathOf("real")).FullName;
        var edges = Path.Combine(real, "edges.csv");
        File.WriteAllText(edges, Cnt);
        var link = _cli.PathOf("link");
        Directory.CreateSymbolicLink(link, real);

        var (exit, _, _) = _cli.Run("detect", Path.Combine(link, "edges.csv"), "--out", real);

        Assert.Equal(2, exit);
        Assert.Equal(Cnt, File.ReadAllText(edges));
    }

    [Fact]
    public void Networks_OutIsTheInput_Exit2AndInputKept()
    {
        var input = _cli.Write("in.csv", Cnt);

        var (exit, _, err) = _cli.Run("networks", input, "--signal", "co-repost", "--out", input);

        Assert.Equal(2, exit);
        Assert.Contains("would overwrite the input", err, StringComparison.Ordinal);
        Assert.Equal(Cnt, File.ReadAllText(input));
    }

    [Fact]
    public void Texts_InputNamedLikeItsOutput_Exit2()
    {
        var input = _cli.Write("text_clusters.csv", Cnt);

        var (exit, _, _) = _cli.Run("texts", input, "--out", _cli.Root);

        Assert.Equal(2, exit);
        Assert.Equal(Cnt, File.ReadAllText(input));
    }

    [Fact]
    public void Moderate_ReportsFileWhereDecisionsWouldGo_Exit2()
    {
        var accounts = _cli.Write("accounts.csv", "account_id,created_at,followers_count\na,1,1\nb,1,1\n");
        var reports = _cli.Write("decisions.csv", "report_id,reporter_id,target_id,timestamp,reason\n1,a,b,1600000000,x\n");

        var (exit, _, err) = _cli.Run("moderate", "--reports", reports, "--accounts", accounts, "--out", _cli.Root);

        Assert.Equal(2, exit);
        Assert.Contains($"would overwrite the input {reports}", err, StringComparison.Ordinal);
        Assert.False(File.Exists(_cli.PathOf("timeline.csv")));
    }

    [Fact]
    public void Eval_OutIsTheTruthFile_Exit2()
    {
        var truth = _cli.Write("truth.json", "{\"accounts\":[]}");
        Directory.CreateDirectory(_cli.PathOf("d"));

        var (exit, _, _) = _cli.Run("eval", "--truth", truth, "--detect", _cli.PathOf("d"), "--out", truth);

        Assert.Equal(2, exit);
        Assert.Equal("{\"accounts\":[]}", File.ReadAllText(truth));
    }
}
