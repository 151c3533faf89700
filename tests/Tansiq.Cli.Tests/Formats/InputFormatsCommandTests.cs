namespace Tansiq.Cli.Tests.Formats;

/// <summary>The new formats end to end through the commands, with no --format: the file is recognised and read.</summary>
public sealed class InputFormatsCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private const string IoHeader = "tweetid,userid,user_screen_name,follower_count,following_count,account_creation_date,tweet_text,tweet_time,is_retweet,retweet_tweetid,hashtags,urls,user_mentions\n";

    [Fact]
    public void Detect_IoArchiveWithoutFormatOrAccounts_ReadsRetweetsAndUsernames()
    {
        var rows = new System.Text.StringBuilder(IoHeader);
        for (var t = 0; t < 4; t++)
        {
            rows.Append($"o{t},lead,leader,100,1,2014-05-03,post {t},2019-03-0{t + 1} 10:00,False,,[],[],[]\n");
            foreach (var (id, name) in new[] { ("u1", "one"), ("u2", "two"), ("u3", "three") })
            {
                rows.Append($"{id}r{t},{id},{name},5,300,2019-01-10,RT @leader: post {t},2019-03-0{t + 1} 10:00,True,o{t},[],[],[lead]\n");
            }
        }
        var input = _cli.Write("io_tweets.csv", rows.ToString());
        var outDir = _cli.PathOf("out");

        var (exit, _, err) = _cli.Run("detect", input, "--out", outDir, "--min-weight", "1", "--signals", "co-repost");

        Assert.True(exit == 0, err);
        var edges = File.ReadAllLines(Path.Combine(outDir, "edges.csv"));
        Assert.Contains("u1,u2,co-repost,4", edges);
        var accounts = File.ReadAllLines(Path.Combine(outDir, "accounts.csv")).Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0], f => f[1]);
        Assert.Equal("two", accounts["u2"]);
    }

    [Fact]
    public void Detect_TelegramExport_AddsCoForwardEdges()
    {
        static string Message(int chat, int id, string from, int second) =>
            $"{{\"id\":{id},\"type\":\"message\",\"date_unixtime\":\"{1611223200 + second}\",\"from\":\"{from}\",\"from_id\":\"{from}\",\"forwarded_from\":\"Official\",\"text\":\"post {id % 3}\"}}";
        var chats = new List<string>();
        for (var chat = 1; chat <= 2; chat++)
        {
            var messages = string.Join(",", Enumerable.Range(0, 3).SelectMany(i => new[] { Message(chat, i * 10 + chat, "user1", i * 600), Message(chat, i * 10 + chat + 5, "user2", i * 600 + 20) }));
            chats.Add($"{{\"name\":\"G{chat}\",\"type\":\"private_group\",\"id\":{chat},\"messages\":[{messages}]}}");
        }
        var input = _cli.Write("result.json", $"{{\"about\":\"x\",\"personal_information\":{{\"user_id\":1}},\"chats\":{{\"about\":\"y\",\"list\":[{string.Join(",", chats)}]}}}}");
        var outDir = _cli.PathOf("tg");

        var (exit, _, err) = _cli.Run("detect", input, "--out", outDir, "--min-weight", "1");

        Assert.True(exit == 0, err);
        Assert.Contains(File.ReadAllLines(Path.Combine(outDir, "edges.csv")), l => l.StartsWith("user1,user2,co-forward,", StringComparison.Ordinal));
    }

    [Fact]
    public void Networks_ObjectTableWithKind_WritesTheCoObjectNetwork()
    {
        var input = _cli.Write("objects.csv", "object_id,account_id,content_id,timestamp_share\nh1,a,p1,1611223200\nh1,b,p2,1611223210\nh2,a,p1,1611223200\nh2,b,p3,1611223230\nh2,c,p4,1611229999\n");
        var output = _cli.PathOf("n.csv");

        var (exit, _, err) = _cli.Run("networks", input, "--signal", "co-object", "--object-kind", "image_hash", "--min-weight", "1", "--out", output);

        Assert.True(exit == 0, err);
        Assert.Equal(["source,target,weight", "a,b,2"], File.ReadAllLines(output));
    }

    [Fact]
    public void Detect_SemicolonFileWithColumnsMap_IsRead()
    {
        var input = _cli.Write("export.csv", "post;author;when\np1;a;21/01/2021 10:00\np2;b;21/01/2021 10:00\n");

        var (exit, _, err) = _cli.Run("detect", input, "--out", _cli.PathOf("c"), "--columns", "post=message_id,author=account_id,when=timestamp");

        Assert.True(exit == 0, err);
    }
}
