using Tansiq.Core.Model;
using Tansiq.IO.Readers;

namespace Tansiq.IO.Tests.Readers;

public class TansiqCsvReaderTests
{
    private static List<Message> ReadFixture() =>
        [.. MessageReaders.Open(TempFiles.Fixture("tansiq-sample.csv"), InputFormat.TansiqCsv, new ReadOptions())];

    [Fact]
    public void Open_ColumnsInAnyOrderWithAliases_AreFoundByName()
    {
        var messages = ReadFixture();

        Assert.Equal(["m1", "m2", "m3", "m4"], messages.Select(m => m.MessageId));
        Assert.Equal(["a1", "a2", "a3", "a4"], messages.Select(m => m.AccountId));
        Assert.Equal(["بيان عاجل, انشر", "RT بيان", "plain \"text\" #notcounted", "naive time"], messages.Select(m => m.Text));
        Assert.Equal([null, "m1", null, null], messages.Select(m => m.RepostOf));
        Assert.All(messages, m => Assert.Null(m.ReplyTo));
        Assert.All(messages, m => Assert.Null(m.Username));
    }

    [Fact]
    public void Open_IsoAndUnixTimestamps_BecomeUnixSeconds()
    {
        // 2021-02-03T10:15:30Z = 1612347330; +03:00 shifts 13:15:31 back to 10:15:31Z; a naive time is UTC.
        Assert.Equal([1612347330, 1612347331, 1612347330.25, 1612347333], ReadFixture().Select(m => m.Timestamp));
    }

    [Fact]
    public void Open_HashtagAndMentionColumns_AreSplitAndWinOverTheText()
    {
        var messages = ReadFixture();

        Assert.Equal(["العراق", "عاجل"], messages[0].Hashtags);
        Assert.Equal(["sadr_news", "ali"], messages[0].Mentions);
        Assert.Empty(messages[2].Hashtags);
        Assert.Equal(["a", "b"], messages[3].Hashtags);
    }

    [Fact]
    public void Open_LangAndPlatform_AreKeptAndEmptyIsNull()
    {
        var messages = ReadFixture();

        Assert.Equal(["ar", "ar", "en", null], messages.Select(m => m.Lang));
        Assert.Equal(["twitter", "twitter", "telegram", "twitter"], messages.Select(m => m.Platform));
    }

    [Fact]
    public void Open_WithoutHashtagColumn_TakesHashtagsFromText()
    {
        using var files = new TempFiles();
        var path = files.Text("t.csv", "account_id,message_id,timestamp,message\nx,1,5,#وسم_عربي and #Second @someone\n");

        var message = Assert.Single(MessageReaders.Open(path, InputFormat.TansiqCsv, new ReadOptions()));

        Assert.Equal(["وسم_عربي", "Second"], message.Hashtags);
        Assert.Equal(["someone"], message.Mentions);
        Assert.Equal(5, message.Timestamp);
    }

    [Fact]
    public void Open_BothNameAndAlias_TheCanonicalNameWins()
    {
        using var files = new TempFiles();
        var path = files.Text("t.csv", "user_id,account_id,message_id,timestamp\nalias,canonical,1,5\n");

        Assert.Equal("canonical", Assert.Single(MessageReaders.Open(path, InputFormat.TansiqCsv, new ReadOptions())).AccountId);
    }

    [Theory]
    [InlineData("account_id,timestamp", "message_id")]
    [InlineData("message_id,timestamp,text", "account_id (or user_id)")]
    [InlineData("message_id,user_id,text", "timestamp")]
    public void Open_MissingRequiredColumn_NamesIt(string header, string missing)
    {
        using var files = new TempFiles();
        var path = files.Text("t.csv", header + "\n");

        var error = Assert.Throws<InputException>(() => MessageReaders.Open(path, InputFormat.TansiqCsv, new ReadOptions()).ToList());

        Assert.Equal(1, error.Line);
        Assert.Contains($"required column {missing}", error.Reason);
    }
}
