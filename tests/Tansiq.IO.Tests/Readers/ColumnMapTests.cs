using Tansiq.IO.Readers;

namespace Tansiq.IO.Tests.Readers;

/// <summary><c>--columns</c>: any CSV whose columns carry other names is read by renaming them.</summary>
public class ColumnMapTests
{
    [Fact]
    public void Open_RenamedColumns_AutoDetectedAndRead()
    {
        using var files = new TempFiles();
        var path = files.Text("export.csv", "post,author,when,body\np1,a,21/01/2021 10:00,hello\np2,b,1611223200000,hi\n");
        Assert.True(ColumnMaps.TryParse("post=message_id, author=account_id,WHEN=timestamp,body=text", out var map, out _));
        var options = new ReadOptions { ColumnMap = map };

        var source = MessageReaders.Open(path, InputFormat.Auto, options);
        var messages = source.ToList();

        Assert.Equal(InputFormat.TansiqCsv, source.Format);
        Assert.Equal([("p1", "a", 1611223200.0, "hello"), ("p2", "b", 1611223200.0, "hi")], messages.Select(m => (m.MessageId, m.AccountId, m.Timestamp, m.Text)));
    }

    [Fact]
    public void Open_WithoutTheMap_ErrorNamesOnlyTheMissingColumns()
    {
        using var files = new TempFiles();
        var path = files.Text("export.csv", "message_id,author,when\np1,a,5\n");

        var error = Assert.Throws<InputException>(() => MessageReaders.Open(path, InputFormat.Auto, new ReadOptions()));

        Assert.Contains("lacks tansiq-csv's account_id (or user_id), timestamp;", error.Reason);
        Assert.DoesNotContain("message_id", error.Reason.Split("lacks")[1]);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("=b")]
    [InlineData("a=")]
    [InlineData("a=b,a=c")]
    public void TryParse_Malformed_IsRejectedNamingTheItem(string text)
    {
        Assert.False(ColumnMaps.TryParse(text, out _, out var error));
        Assert.StartsWith("--columns:", error);
    }
}
