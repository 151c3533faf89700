using System.Text;
using Tansiq.Core.CoAction;
using Tansiq.Core.Model;
using Tansiq.IO.Readers;

namespace Tansiq.IO.Tests.Readers;

public class Utf8CsvCorpusTests
{
    private const string CntHeader = "message_id,user_id,username,repost_id,reply_id,message,timestamp,urls";

    [Theory]
    [InlineData(SignalKind.CoRepost, 1, "\n")]
    [InlineData(SignalKind.CoRepost, 2, "\r\n")]
    [InlineData(SignalKind.CoReply, 2, "\n")]
    public void TryRead_PlainCntCsvOfManyBlocks_SameCorpusAsTheGeneralReader(SignalKind kind, int threads, string newline)
    {
        using var files = new TempFiles();
        // About 3 MB: several blocks, so rows are cut at block ends; duplicates, late usernames, reposts of posts in
        // the file and outside it, replies, blank lines and a last line without its newline.
        var path = files.Text("posts.csv", RandomCnt(seed: 7, rows: 60_000, newline));

        AssertSameCorpus(General(path, InputFormat.CntCsv, kind), Fast(path, InputFormat.CntCsv, kind, threads));
    }

    [Fact]
    public void TryRead_TansiqCsvColumnsInAnotherOrderWithIsoTimes_SameCorpusAsTheGeneralReader()
    {
        using var files = new TempFiles();
        var text = new StringBuilder("timestamp,reply_id,account_id,text,message_id,repost_id\n");
        var random = new Random(3);
        for (var i = 0; i < 5_000; i++)
        {
            var time = random.Next(3) == 0 ? $"2021-01-{1 + random.Next(28):00}T10:{random.Next(60):00}:00Z" : $"{1_600_000_000 + random.Next(100_000)}";
            var repost = random.Next(2) == 0 ? $"{random.Next(300)}" : "";
            var reply = random.Next(3) == 0 ? $"{random.Next(300)}" : "";
            text.Append($"{time},{reply},acc{random.Next(400)},hello {i},{random.Next(20_000)},{repost}\n");
        }
        var path = files.Text("posts.csv", text.ToString());

        foreach (var kind in (SignalKind[])[SignalKind.CoRepost, SignalKind.CoReply])
        {
            AssertSameCorpus(General(path, InputFormat.TansiqCsv, kind), Fast(path, InputFormat.TansiqCsv, kind, threads: 2));
        }
    }

    [Fact]
    public void TryRead_GzipWithByteOrderMark_SameCorpusAsTheGeneralReader()
    {
        using var files = new TempFiles();
        var path = files.Gzip("posts.csv.gz", [.. "\uFEFF"u8, .. Encoding.UTF8.GetBytes(RandomCnt(seed: 11, rows: 20_000, "\n"))]);

        AssertSameCorpus(General(path, InputFormat.CntCsv, SignalKind.CoRepost), Fast(path, InputFormat.CntCsv, SignalKind.CoRepost, threads: 2));
    }

    [Theory]
    [InlineData(SignalKind.CoRepost, 1, "\n")]
    [InlineData(SignalKind.CoRepost, 2, "\r\n")]
    [InlineData(SignalKind.CoReply, 2, "\r\n")]
    public void TryRead_QuotedCntCsvOfManyBlocks_SameCorpusAsTheGeneralReader(SignalKind kind, int threads, string newline)
    {
        using var files = new TempFiles();
        // Quoted header and fields, separators, doubled quotes, line feeds and CRLFs inside quoted texts (so a block's
        // last line feed is often inside quotes), quoted ids and empty quoted fields.
        var path = files.Text("posts.csv", RandomCnt(seed: 5, rows: 40_000, newline, quoted: true));

        AssertSameCorpus(General(path, InputFormat.CntCsv, kind), Fast(path, InputFormat.CntCsv, kind, threads));
    }

    [Fact]
    public void TryRead_QuotedTansiqCsvWithSemicolons_SameCorpusAsTheGeneralReader()
    {
        using var files = new TempFiles();
        var text = new StringBuilder("\"message_id\";\"account_id\";\"text\";\"repost_id\";\"timestamp\"\n");
        var random = new Random(9);
        for (var i = 0; i < 30_000; i++)
        {
            var repost = random.Next(2) == 0 ? $"\"{random.Next(3_000)}\"" : "";
            text.Append($"\"{random.Next(28_000)}\";acc{random.Next(500)};\"a; \"\"b\"\"\nc {i}\";{repost};\"{1_600_000_000 + random.Next(100_000)}\"\n");
        }
        var path = files.Text("posts.csv", text.ToString());

        AssertSameCorpus(General(path, InputFormat.TansiqCsv, SignalKind.CoRepost), Fast(path, InputFormat.TansiqCsv, SignalKind.CoRepost, threads: 2));
    }

    [Theory]
    [InlineData("1,a,,9,,\"quoted, \"\"text\"\"\",100,")]
    [InlineData("1,\"a\",,\"9\",,\"two\nlines\",\"100\",")]
    [InlineData("1,a,,9,,\"\",100,\"\"")]
    public void TryRead_ARowWithQuotedFields_SameCorpusAsTheGeneralReader(string row)
    {
        using var files = new TempFiles();
        var path = files.Text("posts.csv", $"{CntHeader}\n2,b,,9,,x,99,\n{row}\n3,c,,9,,y,101,\n4,b,,9,,z,130,\n");

        AssertSameCorpus(General(path, InputFormat.CntCsv, SignalKind.CoRepost), Fast(path, InputFormat.CntCsv, SignalKind.CoRepost, threads: 2));
    }

    [Theory]
    [InlineData("1,a,,9,,te\"xt,100,")]
    [InlineData("1,a,,9,,\"text\"more,100,")]
    [InlineData("1,a,,9,,\"never closed,100,")]
    [InlineData("1,\"a\"\"b\",,9,,text,100,")]
    [InlineData("1,\"a\nb\",,9,,text,100,")]
    [InlineData("1,a,,9,,text,not-a-time,")]
    [InlineData("1,,,9,,text,100,")]
    [InlineData("1,a,,9,,text,100")]
    [InlineData("1,a,,9,,text,100,,")]
    [InlineData("1,a,,9,,text\rmore,100,")]
    public void TryRead_ARowOnlyTheGeneralReaderHandles_Null(string row)
    {
        using var files = new TempFiles();
        var path = files.Text("posts.csv", $"{CntHeader}\n2,b,,9,,x,99,\n{row}\n3,c,,9,,y,101,\n");

        Assert.Null(Fast(path, InputFormat.CntCsv, SignalKind.CoRepost, threads: 2));
    }

    [Fact]
    public void TryRead_HeaderEndingInALoneCarriageReturn_Null()
    {
        using var files = new TempFiles();
        var path = files.Text("posts.csv", $"{CntHeader}\r1,a,,9,,x,100,\n2,b,,9,,y,101,\n");

        Assert.Null(Fast(path, InputFormat.CntCsv, SignalKind.CoRepost, threads: 1));
    }

    [Fact]
    public void TryRead_InvalidUtf8_Null()
    {
        using var files = new TempFiles();
        var path = files.Bytes("posts.csv", [.. Encoding.UTF8.GetBytes($"{CntHeader}\n1,a,,9,,"), 0xC3, 0x28, .. ",100,\n"u8]);

        Assert.Null(Fast(path, InputFormat.CntCsv, SignalKind.CoRepost, threads: 1));
    }

    [Fact]
    public void TryRead_AnotherSignalOrPseudonyms_Null()
    {
        using var files = new TempFiles();
        var path = files.Text("posts.csv", $"{CntHeader}\n1,a,,9,,x,100,\n");

        Assert.Null(Fast(path, InputFormat.CntCsv, SignalKind.CoLink, threads: 1));
    }

    private static string RandomCnt(int seed, int rows, string newline, bool quoted = false)
    {
        var random = new Random(seed);
        var text = new StringBuilder(quoted ? "\"" + CntHeader.Replace(",", "\",\"", StringComparison.Ordinal) + "\"" : CntHeader).Append(newline);
        string Q(string field) => quoted && random.Next(3) == 0 ? $"\"{field}\"" : field;
        for (var i = 0; i < rows; i++)
        {
            var id = random.Next(rows * 9 / 10);
            var account = random.Next(2_000);
            var username = random.Next(4) == 0 ? $"user{account}" : "";
            var repost = random.Next(3) == 0 ? "" : $"{random.Next(rows)}";
            var reply = random.Next(4) == 0 ? $"{random.Next(rows)}" : "";
            var time = random.Next(10) == 0 ? $"{1_600_000_000 + random.Next(1_000_000)}.{random.Next(1000)}" : $"{1_600_000_000 + random.Next(1_000_000)}";
            var words = quoted
                ? random.Next(4) switch
                {
                    0 => $"\"words, {i}\"",
                    1 => $"\"say \"\"{i}\"\"{newline}and more\nlines\rend\"",
                    2 => "\"\"",
                    _ => $"words {i}",
                }
                : $"some words of post {i}";
            text.Append($"{Q($"{id}")},{Q($"u{account}é")},{Q(username)},{Q(repost)},{Q(reply)},{words},{Q(time)},{Q($"http://x.test/{i}")}");
            text.Append(i == rows - 1 ? "" : newline);
            if (random.Next(5_000) == 0)
            {
                text.Append(newline);
            }
        }
        return text.ToString();
    }

    private static Corpus General(string path, InputFormat format, SignalKind kind)
    {
        var builder = new CorpusBuilder([kind]) { SkipDegenerateObjects = false };
        foreach (var message in MessageReaders.Open(path, format, Options()))
        {
            builder.Add(message);
        }
        return builder.Build();
    }

    private static Corpus? Fast(string path, InputFormat format, SignalKind kind, int threads) =>
        Utf8CsvCorpus.TryRead([MessageReaders.Open(path, format, Options())], kind, threads);

    private static ReadOptions Options() => new() { ExtractHashtags = false, ExtractMentions = false, KeepText = false };

    private static void AssertSameCorpus(Corpus expected, Corpus? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Accounts.Names, actual.Accounts.Names);
        Assert.Equal(expected.Usernames, actual.Usernames);
        Assert.Equal(expected.MessagesPerAccount, actual.MessagesPerAccount);
        Assert.Equal(expected.MessageCount, actual.MessageCount);
        Assert.Equal(expected.DuplicateMessages, actual.DuplicateMessages);
        Assert.True(expected.DuplicateMessages > 0 || expected.MessageCount < 100);
        Assert.Equal(expected.MinTime, actual.MinTime);
        Assert.Equal(expected.MaxTime, actual.MaxTime);
        Assert.Equal(expected.Signals.Keys, actual.Signals.Keys);
        foreach (var (kind, events) in expected.Signals)
        {
            var other = actual.Signals[kind];
            Assert.True(events.Events.Length > 0);
            Assert.Equal(events.ObjectKeys, other.ObjectKeys);
            Assert.Equal(events.Offsets, other.Offsets);
            Assert.Equal(events.Events, other.Events);
            Assert.Equal(events.HasMultiObjectMessages, other.HasMultiObjectMessages);
            Assert.Equal(expected.ObjectAuthors[kind], actual.ObjectAuthors[kind]);
        }
    }
}
