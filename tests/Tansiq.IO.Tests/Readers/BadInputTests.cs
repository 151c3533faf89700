using System.Text;
using Tansiq.IO.Readers;

namespace Tansiq.IO.Tests.Readers;

/// <summary>Every malformed input names the file, the physical line where the bad record starts, and the reason;
/// with SkipBadRows the row is skipped and logged instead.</summary>
public class BadInputTests
{
    private const string CntHeader = "message_id,user_id,username,repost_id,reply_id,message,timestamp,urls\n";
    private const string GoodRow = "1,u1,a,,,hello,100,\n";

    private static InputException ReadError(string path, InputFormat format = InputFormat.Auto) =>
        Assert.Throws<InputException>(() => MessageReaders.Open(path, format, new ReadOptions()).ToList());

    private static (List<string> Ids, BadRowLog Log) ReadSkipping(string path, InputFormat format = InputFormat.Auto)
    {
        var options = new ReadOptions { SkipBadRows = true };
        var ids = MessageReaders.Open(path, format, options).Select(m => m.MessageId).ToList();
        return (ids, options.BadRows);
    }

    [Fact]
    public void Open_MissingFile_SaysSoWithoutLine()
    {
        var error = Assert.Throws<InputException>(() => MessageReaders.Open("/no/such/dir/x.csv", InputFormat.CntCsv, new ReadOptions()));

        Assert.Equal(0, error.Line);
        Assert.StartsWith("/no/such/dir/x.csv: no such file", error.Message);
    }

    [Fact]
    public void Open_Directory_IsReportedAsNotAFile()
    {
        using var files = new TempFiles();
        Directory.CreateDirectory(files.Path("d"));

        var error = Assert.Throws<InputException>(() => MessageReaders.Open(files.Path("d"), InputFormat.Auto, new ReadOptions()));

        Assert.Contains("directory", error.Reason);
    }

    [Theory]
    [InlineData(InputFormat.Auto)]
    [InlineData(InputFormat.CntCsv)]
    [InlineData(InputFormat.TansiqCsv)]
    [InlineData(InputFormat.TwitterV2)]
    public void Open_EmptyFile_IsFatalEvenWhenSkipping(InputFormat format)
    {
        using var files = new TempFiles();
        var path = files.Text("empty.csv", "");

        var error = Assert.Throws<InputException>(() =>
            MessageReaders.Open(path, format, new ReadOptions { SkipBadRows = true }).ToList());

        Assert.Contains("empty file", error.Reason);
        Assert.Equal(0, error.Line);
    }

    [Fact]
    public void Open_WrongColumnCount_NamesTheLine()
    {
        using var files = new TempFiles();
        var path = files.Text("f.csv", CntHeader + GoodRow + "2,u2,b,,,too few,100\n");

        var error = ReadError(path);

        Assert.Equal(3, error.Line);
        Assert.Equal("expected 8 columns, found 7", error.Reason);
        Assert.Equal($"{path}:3: expected 8 columns, found 7", error.Message);
    }

    [Fact]
    public void Open_LineNumbers_CountNewlinesInsideQuotedFieldsAndCrlf()
    {
        using var files = new TempFiles();
        var path = files.Text("f.csv", CntHeader.Replace("\n", "\r\n") + "1,u1,a,,,\"two\r\nlines\",100,\r\n2,u2,b,,,\"three\nlines\rhere\",100,\r\n3,u3,c,,,x,bad,\r\n");

        var error = ReadError(path);

        // 1 header; 2-3 first record (CRLF inside quotes); 4-6 second record (\n and a lone \r inside quotes); 7 bad.
        Assert.Equal(7, error.Line);
    }

    [Fact]
    public void Open_HeaderWithWrongColumnCount_IsFatal()
    {
        using var files = new TempFiles();
        var path = files.Text("f.csv", "a,b,c\n1,2,3\n");

        var error = Assert.Throws<InputException>(() =>
            MessageReaders.Open(path, InputFormat.CntCsv, new ReadOptions { SkipBadRows = true }).ToList());

        Assert.Equal(1, error.Line);
        Assert.Contains("header has 3 columns", error.Reason);
    }

    [Fact]
    public void Open_UnterminatedQuote_NamesTheLineWhereItOpens()
    {
        using var files = new TempFiles();
        var path = files.Text("f.csv", CntHeader + GoodRow + "2,u2,b,,,\"never closed,100,\n3,u3,c,,,x,100,\n4,u4,d,,,y,100,\n");

        var error = ReadError(path);

        Assert.Equal(3, error.Line);
        Assert.StartsWith("unterminated quote", error.Reason);
    }

    [Fact]
    public void Open_StrayQuoteInUnquotedField_IsRejectedNotMergedWithTheNextLines()
    {
        using var files = new TempFiles();
        var path = files.Text("f.csv", CntHeader + "1,u1,a,,,a 5\" screen,100,\n2,u2,b,,,x,100,\n3,u3,c,,,the \"end,100,\n4,u4,d,,,y,100,\n");

        var error = ReadError(path);

        Assert.Equal(2, error.Line);
        Assert.Contains("quote inside an unquoted value", error.Reason);
    }

    [Fact]
    public void Open_TextAfterClosingQuote_IsRejected()
    {
        using var files = new TempFiles();
        var path = files.Text("f.csv", CntHeader + GoodRow + "2,u2,b,,,\"quoted\"tail,100,\n");

        Assert.Contains("after its closing quote", ReadError(path).Reason);
    }

    [Theory]
    [InlineData("NaN", "not a finite number")]
    [InlineData("Infinity", "not a finite number")]
    [InlineData("1e400", "not a finite number")]
    [InlineData("-1", "negative")]
    [InlineData("1612345678901", "beyond the year 9999")]
    [InlineData("253402300800", "beyond the year 9999")]
    [InlineData("abc", "not a number")]
    [InlineData("2021-02-03T10:15:30Z", "not a number")]
    [InlineData("", "empty timestamp")]
    public void Open_BadCntTimestamp_IsRejectedWithReason(string timestamp, string reason)
    {
        using var files = new TempFiles();
        var path = files.Text("f.csv", CntHeader + GoodRow + $"2,u2,b,,,x,{timestamp},\n");

        var error = ReadError(path, InputFormat.CntCsv);

        Assert.Equal(3, error.Line);
        Assert.Contains(reason, error.Reason);
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("253402300799.5", 253402300799.5)]
    [InlineData(" 12 ", 12)]
    [InlineData("1.5e3", 1500)]
    public void Open_EdgeTimestamps_AreAccepted(string timestamp, double expected)
    {
        using var files = new TempFiles();
        var path = files.Text("f.csv", CntHeader + $"2,u2,b,,,x,{timestamp},\n");

        Assert.Equal(expected, Assert.Single(MessageReaders.Open(path, InputFormat.CntCsv, new ReadOptions())).Timestamp);
    }

    [Theory]
    [InlineData("2021-02-30T00:00:00Z")]
    [InlineData("2021-13-01")]
    [InlineData("2021-02-03T25:00:00Z")]
    [InlineData("2021-02-03T10:15:30+0")]
    [InlineData("1969-12-31T23:59:59Z")]
    [InlineData("yesterday")]
    public void Open_BadTansiqTimestamp_IsRejected(string timestamp)
    {
        using var files = new TempFiles();
        var path = files.Text("f.csv", $"message_id,account_id,timestamp\n1,a,5\n2,b,{timestamp}\n");

        var error = ReadError(path, InputFormat.TansiqCsv);

        Assert.Equal(3, error.Line);
        Assert.Contains("ISO-8601", error.Reason);
    }

    [Fact]
    public void Open_EmptyIds_AreRejected()
    {
        using var files = new TempFiles();
        var path = files.Text("f.csv", CntHeader + ",u1,a,,,x,1,\n2,,a,,,x,1,\n");

        var (ids, log) = ReadSkipping(path);

        Assert.Empty(ids);
        Assert.Equal(2, log.Count);
        Assert.Equal([$"{path}:2: empty message_id", $"{path}:3: empty user_id"], log.Examples);
    }

    [Fact]
    public void Open_InvalidUtf8_NamesItsLineAndSkipKeepsTheRest()
    {
        using var files = new TempFiles();
        var bytes = Concat(CntHeader, GoodRow, "2,u2,b,,,caf", new byte[] { 0xC3, 0x28 }, ",100,\n", "3,u3,c,,,ok,100,\n");
        var path = files.Bytes("f.csv", bytes);

        var error = ReadError(path);
        var (ids, log) = ReadSkipping(path);

        Assert.Equal(3, error.Line);
        Assert.Contains("invalid UTF-8", error.Reason);
        Assert.Equal(["1", "3"], ids);
        Assert.Equal(1, log.Count);
    }

    [Fact]
    public void Open_InvalidUtf8OnSecondLineOfRecord_BlamesTheRecordAndSaysWhichLine()
    {
        using var files = new TempFiles();
        var path = files.Bytes("f.csv", Concat(CntHeader, "1,u1,a,,,\"first\nsecond ", new byte[] { 0xFF }, "\",100,\n", "2,u2,b,,,ok,100,\n"));

        var error = ReadError(path);

        Assert.Equal(2, error.Line);
        Assert.Contains("(on line 3)", error.Reason);
    }

    [Fact]
    public void Open_TruncatedUtf8SequenceAtEndOfFile_IsInvalid()
    {
        using var files = new TempFiles();
        var path = files.Bytes("f.csv", Concat(CntHeader, GoodRow, "2,u2,b,,,x,100,", new byte[] { 0xD8 }));

        var error = ReadError(path);

        Assert.Equal(3, error.Line);
        Assert.Contains("invalid UTF-8", error.Reason);
    }

    [Fact]
    public void Open_NulBytes_AreRejectedAsBinary()
    {
        using var files = new TempFiles();
        var path = files.Bytes("f.csv", Concat(CntHeader, GoodRow, GoodRow.Replace("1,", "2,"), "3,u3,c,,,x", new byte[] { 0, 0, 0 }, ",100,\n"));

        var error = ReadError(path);

        Assert.Equal(4, error.Line);
        Assert.Contains("NUL byte", error.Reason);
    }

    [Fact]
    public void Open_BinaryJunkAfterHeader_SkipsEveryBadRowAndNeverThrows()
    {
        using var files = new TempFiles();
        var junk = new byte[20_000];
        new Random(42).NextBytes(junk);
        var path = files.Bytes("f.csv", Concat(CntHeader, GoodRow, junk, "\n9,u9,z,,,last,100,\n"));

        var error = ReadError(path);
        var (ids, log) = ReadSkipping(path);

        Assert.Equal(3, error.Line);
        Assert.Equal("1", ids[0]);
        Assert.True(log.Count > 0);
        Assert.Equal(Math.Min(log.Count, BadRowLog.MaxExamples), log.Examples.Count);
    }

    [Fact]
    public void Detect_BinaryFile_IsNotAFormat()
    {
        using var files = new TempFiles();
        var junk = new byte[4096];
        new Random(3).NextBytes(junk);
        junk[0] = 0x50;
        junk[10] = 0;

        var error = Assert.Throws<InputException>(() => MessageReaders.Open(files.Bytes("junk.bin", junk), InputFormat.Auto, new ReadOptions()));

        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void BadRowLog_KeepsCountAndFirstTwentyInOrder()
    {
        using var files = new TempFiles();
        var text = new StringBuilder(CntHeader);
        for (var i = 0; i < 25; i++)
        {
            text.Append(i).Append(",u,a,,,x,not-a-time,\n").Append(GoodRow.Replace("1,", $"ok{i},"));
        }
        var path = files.Text("f.csv", text.ToString());

        var (ids, log) = ReadSkipping(path);

        Assert.Equal(25, ids.Count);
        Assert.Equal(25, log.Count);
        Assert.Equal(20, log.Examples.Count);
        Assert.Equal($"{path}:2: timestamp 'not-a-time' is not a number of unix seconds", log.Examples[0]);
        Assert.StartsWith($"{path}:40: ", log.Examples[19]);
    }

    [Fact]
    public void Open_SharedOptionsAcrossFiles_AccumulateOneLog()
    {
        using var files = new TempFiles();
        var a = files.Text("a.csv", CntHeader + "1,u,a,,,x,bad,\n");
        var b = files.Text("b.csv", CntHeader + "2,u,a,,,x,bad,\n");
        var options = new ReadOptions { SkipBadRows = true };

        _ = MessageReaders.Open(a, InputFormat.Auto, options).Concat(MessageReaders.Open(b, InputFormat.Auto, options)).ToList();

        Assert.Equal(2, options.BadRows.Count);
        Assert.StartsWith($"{b}:2:", options.BadRows.Examples[1]);
    }

    [Fact]
    public void Open_BadJsonLines_NameTheLineAndSkipKeepsGoodTweets()
    {
        using var files = new TempFiles();
        var good = """{"id":"1","author_id":"a","text":"t","created_at":"2021-01-01T00:00:00Z"}""";
        var lines = new[]
        {
            good,
            """{"id":"2","author_id":"a","text":"t","created_at":""",
            "[1,2,3]",
            """{"data":[{"id":"3","text":"t","created_at":"2021-01-01T00:00:00Z"},{"id":"4","author_id":"b","created_at":"2021-01-01T00:00:01Z"}]}""",
            """{"id":"5","author_id":"a","text":"t"}""",
            """{"id":"6","author_id":"a","created_at":"Jan 1 2021"}""",
            """{"meta":{"result_count":0}}""",
            """{"something":"else"}""",
            """{"data":"oops"}""",
        };
        var path = files.Text("t.jsonl", string.Join("\n", lines) + "\n");

        var (ids, log) = ReadSkipping(path, InputFormat.TwitterV2);

        Assert.Equal(["1", "4"], ids);
        Assert.Equal(7, log.Count);
        Assert.StartsWith($"{path}:2: bad JSON", log.Examples[0]);
        Assert.StartsWith($"{path}:3: expected a JSON object", log.Examples[1]);
        Assert.Equal($"{path}:4: data[0]: tweet 3 has no \"author_id\"", log.Examples[2]);
        Assert.Equal($"{path}:5: tweet 5 has no \"created_at\"", log.Examples[3]);
        Assert.StartsWith($"{path}:6: tweet 6: created_at 'Jan 1 2021'", log.Examples[4]);
        Assert.StartsWith($"{path}:8: neither", log.Examples[5]);
        Assert.StartsWith($"{path}:9: \"data\" is a string", log.Examples[6]);
    }

    [Fact]
    public void Open_JsonLineWithInvalidUtf8OrNul_IsRejectedByLine()
    {
        using var files = new TempFiles();
        var good = """{"id":"1","author_id":"a","text":"t","created_at":"2021-01-01T00:00:00Z"}""" + "\n";
        var path = files.Bytes("t.jsonl", Concat(good, """{"id":"2","author_id":"a","text":"x""", new byte[] { 0xFE }, "\",\"created_at\":\"2021-01-01T00:00:00Z\"}\n",
            """{"id":"3","author_id":"a","text":"x""", new byte[] { 0 }, "\",\"created_at\":\"2021-01-01T00:00:00Z\"}\n", good.Replace("\"1\"", "\"4\"")));

        var error = ReadError(path, InputFormat.TwitterV2);
        var (ids, log) = ReadSkipping(path, InputFormat.TwitterV2);

        Assert.Equal(2, error.Line);
        Assert.Contains("invalid UTF-8 (byte 0xFE at byte 36 of the line)", error.Reason);
        Assert.Equal(["1", "4"], ids);
        Assert.StartsWith($"{path}:3: NUL byte", log.Examples[1]);
    }

    private static byte[] Concat(params object[] parts)
    {
        var all = new List<byte>();
        foreach (var part in parts)
        {
            all.AddRange(part is string s ? Encoding.UTF8.GetBytes(s) : (byte[])part);
        }
        return [.. all];
    }
}
