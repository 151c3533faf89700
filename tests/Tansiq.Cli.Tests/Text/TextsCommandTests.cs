namespace Tansiq.Cli.Tests.Text;

public sealed class TextsCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "tansiq-texts-" + Guid.NewGuid().ToString("N"));

    public TextsCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Input(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    // cnt-csv: message_id,user_id,username,repost_id,reply_id,message,timestamp,urls
    private const string Campaign =
        "message_id,user_id,username,repost_id,reply_id,message,timestamp,urls\n"
        + "m1,u1,one,,,\"نطالب بإغلاق حساب القائد فورا لأن الفساد وصل إلى كل مكان #لا_للفساد\",1612345678,\n"
        + "m2,u2,two,,,\"نطالب بأغلاق حساب القائد فوراً لان الفسـاد وصل الى كل مكان 🔥 #لا_للفساد\",1612345600,\n"
        + "m3,u3,three,,,\"نُطالبُ باغلاق حساب القائد فورا لأن الفساد وصل إلى كل مكان, #لا_للفساد https://t.co/a\",1612345690,\n"
        + "m4,u4,four,,,صباح الخير على أهل بغداد الكرام,1612345000,\n"
        + "m5,u5,five,m1,,\"نطالب بإغلاق حساب القائد فورا لأن الفساد وصل إلى كل مكان #لا_للفساد\",1612345700,\n"
        + "m6,u6,six,,,صباح الخير على اهل بغداد الكرام,1612345010,\n";

    [Fact]
    public void Texts_CampaignVariants_WritesClustersLargestFirstInTimeOrder()
    {
        var input = Input("in.csv", Campaign);
        var outDir = Path.Combine(_dir, "out");
        var (code, stdout, _) = Run("texts", input, "--out", outDir);
        Assert.Equal(0, code);
        // m5 is a repost (skipped); m2 is the earliest of the three variants; m4/m6 are the second, smaller cluster.
        var expected =
            "cluster_id,message_id,account_id,timestamp,text\n"
            + "0,m2,u2,2021-02-03T09:46:40Z,نطالب بأغلاق حساب القائد فوراً لان الفسـاد وصل الى كل مكان 🔥 #لا_للفساد\n"
            + "0,m1,u1,2021-02-03T09:47:58Z,نطالب بإغلاق حساب القائد فورا لأن الفساد وصل إلى كل مكان #لا_للفساد\n"
            + "0,m3,u3,2021-02-03T09:48:10Z,\"نُطالبُ باغلاق حساب القائد فورا لأن الفساد وصل إلى كل مكان, #لا_للفساد https://t.co/a\"\n"
            + "1,m4,u4,2021-02-03T09:36:40Z,صباح الخير على أهل بغداد الكرام\n"
            + "1,m6,u6,2021-02-03T09:36:50Z,صباح الخير على اهل بغداد الكرام\n";
        Assert.Equal(expected, File.ReadAllText(Path.Combine(outDir, "text_clusters.csv")));
        Assert.Contains("1 reposts skipped", stdout, StringComparison.Ordinal);
        Assert.Contains("2 text clusters", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Texts_IncludeReposts_RepostJoinsItsCluster()
    {
        var outDir = Path.Combine(_dir, "out");
        var (code, stdout, _) = Run("texts", Input("in.csv", Campaign), "--out", outDir, "--include-reposts");
        Assert.Equal(0, code);
        var lines = File.ReadAllLines(Path.Combine(outDir, "text_clusters.csv"));
        Assert.Equal(7, lines.Length);
        Assert.Equal("0,m5,u5", lines[4][..7]);
        Assert.Contains("1 reposts included", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Texts_MinSize3_WritesOnlyLargerCluster()
    {
        var outDir = Path.Combine(_dir, "out");
        var (code, _, _) = Run("texts", Input("in.csv", Campaign), "--out", outDir, "--min-size", "3");
        Assert.Equal(0, code);
        var lines = File.ReadAllLines(Path.Combine(outDir, "text_clusters.csv"));
        Assert.Equal(4, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.StartsWith("0,", l, StringComparison.Ordinal));
    }

    [Fact]
    public void Texts_NoNearDuplicates_WritesHeaderOnly()
    {
        var input = Input("in.csv", "message_id,account_id,timestamp,text\n1,a,10,الف باء تاء ثاء\n2,b,20,جيم حاء خاء دال\n");
        var outDir = Path.Combine(_dir, "out");
        Assert.Equal(0, Run("texts", input, "--out", outDir, "--format", "tansiq-csv").Code);
        Assert.Equal("cluster_id,message_id,account_id,timestamp,text\n", File.ReadAllText(Path.Combine(outDir, "text_clusters.csv")));
    }

    [Fact]
    public void Texts_MissingInput_ExitsBadInputNamingFile()
    {
        var missing = Path.Combine(_dir, "missing.csv");
        var (code, _, stderr) = Run("texts", missing, "--out", Path.Combine(_dir, "out"));
        Assert.Equal(3, code);
        Assert.Contains("missing.csv", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "out", "text_clusters.csv")));
    }

    [Fact]
    public void Texts_MalformedRow_ExitsBadInputWithLine()
    {
        var input = Input("bad.csv", "message_id,account_id,timestamp,text\n1,a,10,نص\n2,b,not-a-time,نص\n");
        var (code, _, stderr) = Run("texts", input, "--out", Path.Combine(_dir, "out"));
        Assert.Equal(3, code);
        Assert.Contains("bad.csv:3", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--threshold", "0")]
    [InlineData("--threshold", "1.5")]
    [InlineData("--min-size", "1")]
    [InlineData("--min-words", "0")]
    public void Texts_OptionOutOfRange_ExitsBadUsage(string option, string value)
    {
        var (code, _, stderr) = Run("texts", Input("in.csv", Campaign), "--out", Path.Combine(_dir, "out"), option, value);
        Assert.Equal(2, code);
        Assert.Contains(option, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Texts_NoOut_ExitsBadUsage()
    {
        Assert.Equal(2, Run("texts", Input("in.csv", Campaign)).Code);
    }
}
