namespace Tansiq.Cli.Tests.Networks;

public class NetworksCommandTests
{
    private const string Header = "message_id,user_id,username,repost_id,reply_id,message,timestamp,urls\n";

    private static List<string> Rows(string path) => [.. File.ReadAllLines(path).Skip(1)];

    [Fact]
    public void Networks_CoRepostHandMadeCase_MatchesToolkitCounts()
    {
        // Hand-computed with the toolkit's rule (count(distinct message of A with a message of B on the same post
        // within the window), undirected weight = max of the two directions):
        // a: p1@0, p1@30, p2@1000, p3@5000   b: p1@10, p2@1050, p3@5061   c: p1@200
        // a->b: p1@0, p1@30, p2@1000 = 3; b->a: p1@10, p2@1050 = 2 (p3 is 61 s apart) -> 3.
        // a,c and b,c: p1 gaps are 170 s and more -> none.
        using var cli = new CliRunner();
        var input = cli.Write("in.csv", Header +
            "1,a,ua,p1,,,0,\n2,a,ua,p1,,,30,\n3,b,ub,p1,,,10,\n4,c,uc,p1,,,200,\n" +
            "5,a,ua,p2,,,1000,\n6,b,ub,p2,,,1050,\n7,a,ua,p3,,,5000,\n8,b,ub,p3,,,5061,\n");
        var (exit, _, err) = cli.Run("networks", input, "--signal", "co-repost", "--window", "60", "--min-weight", "1", "--out", cli.PathOf("net.csv"));
        Assert.True(exit == 0, err);
        Assert.Equal(["a,b,3"], Rows(cli.PathOf("net.csv")));
    }

    [Fact]
    public void Networks_CoTextIgnoresRepostsAndMentions_PairsIdenticalText()
    {
        using var cli = new CliRunner();
        var input = cli.Write("in.csv", Header +
            "1,a,ua,,,\"Hello  @bob World\",0,\n" +
            "2,b,ub,,,hello world,20,\n" +
            "3,c,uc,x,,hello world,25,\n" +
            "4,d,ud,,,hello world,500,\n");
        var (exit, _, err) = cli.Run("networks", input, "--signal", "co-text", "--window", "60", "--min-weight", "1", "--out", cli.PathOf("net.csv"));
        Assert.True(exit == 0, err);
        Assert.Equal(["a,b,1"], Rows(cli.PathOf("net.csv")));
    }

    [Fact]
    public void Networks_DefaultMinWeight_IsTheToolkitsTwo()
    {
        using var cli = new CliRunner();
        var input = cli.Write("in.csv", Header + "1,a,ua,p1,,,0,\n2,b,ub,p1,,,1,\n3,a,ua,p2,,,100,\n4,c,uc,p2,,,101,\n5,a,ua,p3,,,300,\n6,c,uc,p3,,,301,\n");
        var (exit, _, err) = cli.Run("networks", input, "--signal", "co-repost", "--out", cli.PathOf("net.csv"));
        Assert.True(exit == 0, err);
        Assert.Equal(["a,c,2"], Rows(cli.PathOf("net.csv")));
    }

    [Fact]
    public void Networks_CoLinkNormalisesUrlsAndSkipsEmptyField_PairsSameLink()
    {
        using var cli = new CliRunner();
        var input = cli.Write("in.csv", Header +
            "1,a,ua,,,t,0,https://www.news.iq/story?utm_source=x\n" +
            "2,b,ub,,,t,5,http://news.iq/story/\n" +
            "3,c,uc,,,t,6,\n" +
            "4,d,ud,,,t,7,\n");
        var (exit, _, err) = cli.Run("networks", input, "--signal", "co-link", "--window", "60", "--min-weight", "1", "--out", cli.PathOf("net.csv"));
        Assert.True(exit == 0, err);
        Assert.Equal(["a,b,1"], Rows(cli.PathOf("net.csv")));
    }

    [Fact]
    public void Networks_UnknownSignal_ExitsWithUsageCode()
    {
        using var cli = new CliRunner();
        var input = cli.Write("in.csv", Header);
        var (exit, _, err) = cli.Run("networks", input, "--signal", "co-nothing", "--out", cli.PathOf("net.csv"));
        Assert.Equal(2, exit);
        Assert.Contains("co-nothing", err);
    }

    [Fact]
    public void Networks_MissingFile_ExitsWithBadInputCodeNamingTheFile()
    {
        using var cli = new CliRunner();
        var (exit, _, err) = cli.Run("networks", cli.PathOf("nope.csv"), "--signal", "co-repost", "--out", cli.PathOf("net.csv"));
        Assert.Equal(3, exit);
        Assert.Contains("nope.csv", err);
        Assert.DoesNotContain("   at ", err);
        Assert.False(File.Exists(cli.PathOf("net.csv")));
    }
}
