using Tansiq.IO.Readers;

namespace Tansiq.IO.Tests.Readers;

/// <summary>The fixture is written by us after Jetstream's documented event shape (github.com/bluesky-social/jetstream):
/// a post with tag and link facets, a repost, a like, a reply with a mention, a quote, a delete and an identity event.</summary>
public class BlueskyJetstreamReaderTests
{
    private const string Leader = "did:plc:leader000000000000000000";
    private const string LeaderPost = "at://did:plc:leader000000000000000000/app.bsky.feed.post/3l3qo2vutsw2a";

    [Fact]
    public void Detect_JetstreamEvent_IsBlueskyJetstream()
    {
        Assert.Equal(InputFormat.BlueskyJetstream, MessageReaders.Detect(TempFiles.Fixture("bluesky-jetstream-sample.jsonl")));
    }

    [Fact]
    public void Read_Fixture_PostsRepostsRepliesAndQuotesOnly()
    {
        var messages = MessageReaders.Open(TempFiles.Fixture("bluesky-jetstream-sample.jsonl"), InputFormat.Auto, new ReadOptions()).ToList();

        Assert.Equal(4, messages.Count);
        Assert.Equal(LeaderPost, messages[0].MessageId);
        Assert.Equal(Leader, messages[0].AccountId);
        Assert.Equal(["العراق"], messages[0].Hashtags);
        Assert.Equal(["https://example.com/s"], messages[0].Urls);
        Assert.Equal("ar", messages[0].Lang);
        // 2024-09-09T19:46:02Z = 1725911162.
        Assert.Equal([1725911162.0, 1725911172, 1725911180, 1725911190], messages.Select(m => m.Timestamp));
        Assert.Equal(LeaderPost, messages[1].RepostOf);
        Assert.Equal(LeaderPost, messages[2].ReplyTo);
        Assert.Equal([Leader], messages[2].Mentions);
        Assert.Null(messages[3].RepostOf); // a quote is an original post
        Assert.All(messages, m => Assert.Equal("bluesky", m.Platform));
    }

    [Fact]
    public void Read_CommitWithoutRecord_IsABadRowNamingItsUri()
    {
        using var files = new TempFiles();
        var path = files.Text("j.jsonl", "{\"did\":\"did:plc:a\",\"time_us\":1,\"kind\":\"commit\",\"commit\":{\"operation\":\"create\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\"k\"}}\n");

        var error = Assert.Throws<InputException>(() => MessageReaders.Open(path, InputFormat.Auto, new ReadOptions()).ToList());

        Assert.Equal(1, error.Line);
        Assert.Contains("at://did:plc:a/app.bsky.feed.post/k: no \"record\"", error.Reason);
    }
}
