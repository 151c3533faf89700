using Tansiq.IO.Readers;

namespace Tansiq.IO.Tests.Readers;

/// <summary>The fixture is written by us after Twitter's v1.1 "Tweet object" documentation: statuses with
/// <c>user</c>, <c>entities</c>, <c>retweeted_status</c>, a reply, and a streaming delete notice.</summary>
public class TwitterV11ReaderTests
{
    [Fact]
    public void Detect_V11Status_IsTwitterV1()
    {
        Assert.Equal(InputFormat.TwitterV11, MessageReaders.Detect(TempFiles.Fixture("twitter-v1-sample.jsonl")));
    }

    [Fact]
    public void Detect_V2Page_StaysTwitterV2()
    {
        Assert.Equal(InputFormat.TwitterV2, MessageReaders.Detect(TempFiles.Fixture("twarc2-sample.jsonl")));
    }

    [Fact]
    public void Read_Fixture_MapsStatusesAndSkipsNotices()
    {
        var messages = MessageReaders.Open(TempFiles.Fixture("twitter-v1-sample.jsonl"), InputFormat.Auto, new ReadOptions()).ToList();

        Assert.Equal(["1352208011110000001", "1352208011110000002", "1352208011110000003"], messages.Select(m => m.MessageId));
        Assert.Equal(["1001", "2002", "3003"], messages.Select(m => m.AccountId));
        Assert.Equal(["leader", "follower_a", "replier"], messages.Select(m => m.Username));
        // Thu Jan 21 10:00:00 +0000 2021 = 1611223200; 13:00:40 +0300 is 10:00:40 UTC.
        Assert.Equal([1611223200.0, 1611223220, 1611223240], messages.Select(m => m.Timestamp));
        Assert.Equal([null, "1352208011110000001", null], messages.Select(m => m.RepostOf));
        Assert.Equal("1352208011110000001", messages[2].ReplyTo);
        Assert.Equal(["https://example.org/results"], messages[0].Urls);
        Assert.Equal(["Election"], messages[0].Hashtags);
        Assert.Equal(["leader"], messages[1].Mentions);
        Assert.Equal(["election"], messages[2].Hashtags); // no entities: taken from the text
    }

    [Fact]
    public void Read_StatusWithoutUser_IsABadRowNamingTheStatus()
    {
        using var files = new TempFiles();
        var path = files.Text("v1.jsonl", "{\"created_at\":\"Thu Jan 21 10:00:00 +0000 2021\",\"id_str\":\"9\",\"user\":{\"id_str\":\"1\"}}\n{\"created_at\":\"Thu Jan 21 10:00:00 +0000 2021\",\"id_str\":\"10\"}\n");

        var error = Assert.Throws<InputException>(() => MessageReaders.Open(path, InputFormat.Auto, new ReadOptions()).ToList());

        Assert.Equal(2, error.Line);
        Assert.Contains("status 10 has no \"user\"", error.Reason);
    }
}
