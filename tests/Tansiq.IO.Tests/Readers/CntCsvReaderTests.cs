using Tansiq.Core.Model;
using Tansiq.IO.Readers;

namespace Tansiq.IO.Tests.Readers;

public class CntCsvReaderTests
{
    private static List<Message> ReadFixture() =>
        [.. MessageReaders.Open(TempFiles.Fixture("cnt-sample.csv"), InputFormat.CntCsv, new ReadOptions())];

    [Fact]
    public void Open_Fixture_ReadsEveryRowByPosition()
    {
        var messages = ReadFixture();

        Assert.Equal(["1001", "1002", "1003", "1004"], messages.Select(m => m.MessageId));
        Assert.Equal(["u1", "u2", "u3", "u4"], messages.Select(m => m.AccountId));
        Assert.Equal(["ali", "zainab", "omar", null], messages.Select(m => m.Username));
        Assert.Equal([1612345678, 1612345680.5, 1612345690, 0], messages.Select(m => m.Timestamp));
    }

    [Fact]
    public void Open_EmptyRepostAndReplyIds_AreNull()
    {
        var messages = ReadFixture();

        Assert.Equal([null, "1001", null, null], messages.Select(m => m.RepostOf));
        Assert.Equal([null, null, "1001", null], messages.Select(m => m.ReplyTo));
        Assert.True(messages[1].IsRepost);
    }

    [Fact]
    public void Open_QuotedFields_KeepCommasQuotesAndNewlines()
    {
        var messages = ReadFixture();

        Assert.Equal("reply, with a comma and \"quotes\"", messages[2].Text);
        Assert.Equal("line one\nline two #tag2", messages[3].Text);
    }

    [Fact]
    public void Open_ArabicText_IsDecodedAndItsHashtagsAndMentionsExtracted()
    {
        var first = ReadFixture()[0];

        Assert.Equal("مرحبا بالجميع #العراق_ينتفض @sadr_news", first.Text);
        Assert.Equal(["العراق_ينتفض"], first.Hashtags);
        Assert.Equal(["sadr_news"], first.Mentions);
    }

    [Fact]
    public void Open_TextNotKept_EmptyTextNoEntitiesSameIdsAndLinks()
    {
        var full = ReadFixture();
        var lean = MessageReaders.Open(TempFiles.Fixture("cnt-sample.csv"), InputFormat.CntCsv,
            new ReadOptions { KeepText = false, ExtractHashtags = false, ExtractMentions = false }).ToList();

        Assert.All(lean, m => Assert.Equal("", m.Text));
        Assert.All(lean, m => Assert.Empty(m.Hashtags));
        Assert.All(lean, m => Assert.Empty(m.Mentions));
        Assert.Equal(full.Select(m => (m.MessageId, m.AccountId, m.RepostOf, m.ReplyTo, m.Timestamp)),
            lean.Select(m => (m.MessageId, m.AccountId, m.RepostOf, m.ReplyTo, m.Timestamp)));
        Assert.Equal(full.Select(m => string.Join(' ', m.Urls)), lean.Select(m => string.Join(' ', m.Urls)));
    }

    [Fact]
    public void Open_HashtagsOnly_MentionsNotExtracted()
    {
        var first = MessageReaders.Open(TempFiles.Fixture("cnt-sample.csv"), InputFormat.CntCsv,
            new ReadOptions { ExtractMentions = false }).First();

        Assert.Equal(["العراق_ينتفض"], first.Hashtags);
        Assert.Empty(first.Mentions);
    }

    [Fact]
    public void Open_Urls_SplitOnSpacesAndEmptyFieldIsNoUrl()
    {
        var messages = ReadFixture();

        Assert.Equal(["https://example.com/a"], messages[0].Urls);
        Assert.Empty(messages[1].Urls);
        Assert.Equal(["https://x.com/1", "https://y.org/2"], messages[2].Urls);
        Assert.Empty(messages[3].Urls);
    }

    [Fact]
    public void Open_HeaderWithOtherNamesAndBomAndCrlf_IsReadByPosition()
    {
        using var files = new TempFiles();
        var path = files.Text("toolkit.csv",
            "\uFEFFtweet_id,uid,name,rt,re,text,time,links\r\n9,7,n,,,hi there,12.25,http://a.b  http://c.d\r\n\r\n");

        var message = Assert.Single(MessageReaders.Open(path, InputFormat.CntCsv, new ReadOptions()));

        Assert.Equal("9", message.MessageId);
        Assert.Equal("7", message.AccountId);
        Assert.Equal("hi there", message.Text);
        Assert.Equal(12.25, message.Timestamp);
        Assert.Equal(["http://a.b", "http://c.d"], message.Urls);
    }

    [Fact]
    public void Open_HeaderOnly_YieldsNoMessages()
    {
        using var files = new TempFiles();
        var path = files.Text("header.csv", "message_id,user_id,username,repost_id,reply_id,message,timestamp,urls\n");

        Assert.Empty(MessageReaders.Open(path, InputFormat.CntCsv, new ReadOptions()));
    }

    [Fact]
    public void Open_EnumeratedTwice_ReadsTheFileAgain()
    {
        var source = MessageReaders.Open(TempFiles.Fixture("cnt-sample.csv"), InputFormat.CntCsv, new ReadOptions());

        Assert.Equal(4, source.Count());
        Assert.Equal(4, source.Count());
    }
}
