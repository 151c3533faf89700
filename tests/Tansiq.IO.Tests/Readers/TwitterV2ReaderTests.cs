using Tansiq.Core.Model;
using Tansiq.IO.Readers;

namespace Tansiq.IO.Tests.Readers;

public class TwitterV2ReaderTests
{
    private static List<Message> ReadFixture() =>
        [.. MessageReaders.Open(TempFiles.Fixture("twarc2-sample.jsonl"), InputFormat.TwitterV2, new ReadOptions())];

    [Fact]
    public void Open_Twarc2Fixture_ReadsDataTweetsButNotIncludedTweets()
    {
        var messages = ReadFixture();

        Assert.Equal(["1356900000000000001", "1356900000000000002", "1356900000000000003", "1356900000000000004",
            "1356900000000000005", "1356900000000000006"], messages.Select(m => m.MessageId));
        Assert.Equal(["111", "222", "333", "333", "444", "555"], messages.Select(m => m.AccountId));
        Assert.All(messages, m => Assert.Equal("twitter", m.Platform));
    }

    [Fact]
    public void Open_Usernames_ComeFromIncludesUsersOrTheFlattenedAuthor()
    {
        Assert.Equal(["leader", "fan1", "critic", "critic", "squad_01", null], ReadFixture().Select(m => m.Username));
    }

    [Fact]
    public void Open_ReferencedTweets_RetweetIsRepostReplyIsReplyQuoteIsNeither()
    {
        var messages = ReadFixture();

        Assert.Equal([null, "1356900000000000001", null, null, null, null], messages.Select(m => m.RepostOf));
        Assert.Equal([null, null, "1356900000000000001", null, null, null], messages.Select(m => m.ReplyTo));
    }

    [Fact]
    public void Open_CreatedAt_BecomesUnixSeconds()
    {
        Assert.Equal([1612347330, 1612347332, 1612347360, 1612347420, 1612347480, 1612347540], ReadFixture().Select(m => m.Timestamp));
    }

    [Fact]
    public void Open_Entities_GiveExpandedUrlsWithFallbackTagsAndMentions()
    {
        var messages = ReadFixture();

        Assert.Equal(["https://example.com/news?utm_source=tw"], messages[0].Urls);
        Assert.Equal(["https://t.co/xyz"], messages[3].Urls);
        Assert.Equal(["العراق"], messages[0].Hashtags);
        Assert.Equal(["leader"], messages[1].Mentions);
        Assert.Empty(messages[3].Hashtags);
        Assert.Equal(["ar", "ar", null, null, "ar", null], messages.Select(m => m.Lang));
    }

    [Fact]
    public void Open_NoteTweet_GivesTheFullTextAndWithoutEntitiesTagsComeFromText()
    {
        var messages = ReadFixture();

        Assert.Equal("#عاجل بيان طويل جدا #ثورة", messages[4].Text);
        Assert.Equal(["عاجل", "ثورة"], messages[4].Hashtags);
        Assert.Equal(["hello"], messages[5].Hashtags);
        Assert.Equal(["World"], messages[5].Mentions);
    }

    [Fact]
    public void Open_SingleObjectData_IsOneTweet()
    {
        using var files = new TempFiles();
        var path = files.Text("one.jsonl",
            """{"data":{"id":"7","author_id":"8","text":"x","created_at":"2020-01-01T00:00:00Z"},"includes":{"users":[{"id":"8","username":"u8"}]}}""");

        var message = Assert.Single(MessageReaders.Open(path, InputFormat.TwitterV2, new ReadOptions()));

        Assert.Equal("u8", message.Username);
        Assert.Equal(1577836800, message.Timestamp);
    }
}
