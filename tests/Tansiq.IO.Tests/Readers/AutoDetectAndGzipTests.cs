using System.Text;
using Tansiq.IO.Readers;

namespace Tansiq.IO.Tests.Readers;

public class AutoDetectAndGzipTests
{
    [Theory]
    [InlineData("cnt-sample.csv", InputFormat.CntCsv)]
    [InlineData("tansiq-sample.csv", InputFormat.TansiqCsv)]
    [InlineData("twarc2-sample.jsonl", InputFormat.TwitterV2)]
    public void Detect_Fixtures_PicksTheirFormat(string fixture, InputFormat expected)
    {
        Assert.Equal(expected, MessageReaders.Detect(TempFiles.Fixture(fixture)));
    }

    [Theory]
    [InlineData("tweet_id,uid,name,rt,re,text,time,links", InputFormat.CntCsv)]
    [InlineData("\"message_id\",\"user_id\",\"username\",\"repost_id\",\"reply_id\",\"message\",\"timestamp\",\"urls\"", InputFormat.CntCsv)]
    [InlineData("message_id,user_id,timestamp", InputFormat.TansiqCsv)]
    [InlineData("Message_ID,Account_ID,Timestamp,text,lang", InputFormat.TansiqCsv)]
    [InlineData("user_id,message_id,username,repost_id,reply_id,message,timestamp,urls", InputFormat.TansiqCsv)]
    [InlineData("\n\n  {\"id\":\"1\"}", InputFormat.TwitterV2)]
    public void Detect_Headers_FollowTheDocumentedRule(string firstLine, InputFormat expected)
    {
        using var files = new TempFiles();

        Assert.Equal(expected, MessageReaders.Detect(files.Text("f", firstLine + "\n")));
    }

    [Fact]
    public void Detect_UnknownHeader_AsksForFormat()
    {
        using var files = new TempFiles();

        var error = Assert.Throws<InputException>(() => MessageReaders.Detect(files.Text("f.csv", "a,b,c\n1,2,3\n")));

        Assert.Contains("--format", error.Reason);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Open_AutoOnTansiqFixture_ReportsTheResolvedFormat()
    {
        var source = MessageReaders.Open(TempFiles.Fixture("tansiq-sample.csv"), InputFormat.Auto, new ReadOptions());

        Assert.Equal(InputFormat.TansiqCsv, source.Format);
        Assert.Equal(4, source.Count());
    }

    [Theory]
    [InlineData("cnt-sample.csv", "messages.csv.gz")]
    [InlineData("twarc2-sample.jsonl", "tweets.jsonl.gz")]
    [InlineData("tansiq-sample.csv", "no-extension")]
    public void Open_GzipByMagicBytes_ReadsLikeThePlainFile(string fixture, string gzName)
    {
        using var files = new TempFiles();
        var plain = TempFiles.Fixture(fixture);
        var gz = files.Gzip(gzName, File.ReadAllBytes(plain));

        var expected = MessageReaders.Open(plain, InputFormat.Auto, new ReadOptions()).ToList();
        var actual = MessageReaders.Open(gz, InputFormat.Auto, new ReadOptions()).ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(m => (m.MessageId, m.AccountId, m.Text, m.Timestamp, string.Join(" ", m.Urls), string.Join(" ", m.Hashtags))),
            actual.Select(m => (m.MessageId, m.AccountId, m.Text, m.Timestamp, string.Join(" ", m.Urls), string.Join(" ", m.Hashtags))));
    }

    [Fact]
    public void Open_GzipLargerThanBuffers_StreamsEveryRow()
    {
        using var files = new TempFiles();
        var text = new StringBuilder("message_id,user_id,username,repost_id,reply_id,message,timestamp,urls\n");
        const int Rows = 30_000;
        for (var i = 0; i < Rows; i++)
        {
            text.Append(i).Append(",u").Append(i % 97).Append(",,,,\"نص رقم ").Append(i).Append(", مع فاصلة\",").Append(1000 + i).Append(",\n");
        }
        var gz = files.Gzip("big.csv.gz", Encoding.UTF8.GetBytes(text.ToString()));

        var count = 0;
        var timeSum = 0.0;
        foreach (var message in MessageReaders.Open(gz, InputFormat.Auto, new ReadOptions()))
        {
            Assert.Equal($"نص رقم {count}, مع فاصلة", message.Text);
            timeSum += message.Timestamp;
            count++;
        }

        Assert.Equal(Rows, count);
        Assert.Equal(Rows * 1000.0 + Rows * (Rows - 1) / 2.0, timeSum);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(200)]
    public void Open_TruncatedGzip_IsFatalEvenWhenSkipping(int cutBytes)
    {
        using var files = new TempFiles();
        var text = new StringBuilder("message_id,user_id,username,repost_id,reply_id,message,timestamp,urls\n");
        var random = new Random(7);
        for (var i = 0; i < 5000; i++)
        {
            text.Append(i).Append(",u,,,,").Append(random.Next()).Append(',').Append(i).Append(",\n");
        }
        var whole = File.ReadAllBytes(files.Gzip("whole.gz", Encoding.UTF8.GetBytes(text.ToString())));
        var cut = files.Bytes("cut.csv.gz", whole[..^cutBytes]);

        var error = Assert.Throws<InputException>(() =>
            MessageReaders.Open(cut, InputFormat.CntCsv, new ReadOptions { SkipBadRows = true }).ToList());

        Assert.Contains("truncated", error.Reason);
    }
}
