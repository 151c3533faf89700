using Tansiq.Core.Model;
using Tansiq.IO.Readers;

namespace Tansiq.IO.Tests.Readers;

/// <summary>The fixture is written by us after the column list of Twitter's information-operations releases
/// (transparency.twitter.com, "tweets_csv_hashed"): every column of a release, hashed and numeric user ids.</summary>
public class TwitterIoCsvReaderTests
{
    private const string Leader = "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2";

    private static List<Message> ReadFixture(ReadOptions? options = null) =>
        [.. MessageReaders.Open(TempFiles.Fixture("twitter-io-sample.csv"), InputFormat.Auto, options ?? new ReadOptions())];

    [Fact]
    public void Detect_ArchiveHeader_IsTwitterIoCsv()
    {
        Assert.Equal(InputFormat.TwitterIoCsv, MessageReaders.Detect(TempFiles.Fixture("twitter-io-sample.csv")));
    }

    [Fact]
    public void Read_Fixture_MapsIdsAuthorsRetweetsRepliesAndMinuteTimes()
    {
        var messages = ReadFixture();

        Assert.Equal(["1100000000000000001", "1100000000000000002", "1100000000000000003", "1100000000000000004"], messages.Select(m => m.MessageId));
        Assert.Equal(Leader, messages[0].AccountId);
        Assert.Equal(["leader_news", "squad_01", "squad_01", "squad_02"], messages.Select(m => m.Username));
        // 2019-03-01 10:00 UTC = 1551434400.
        Assert.Equal([1551434400.0, 1551434400, 1551434460, 1551434520], messages.Select(m => m.Timestamp));
        Assert.Equal([null, "1100000000000000001", null, null], messages.Select(m => m.RepostOf));
        Assert.Equal("1100000000000000001", messages[2].ReplyTo);
        Assert.Null(messages[3].RepostOf); // a quote tweet is an original post
        Assert.All(messages, m => Assert.Equal("twitter", m.Platform));
    }

    [Fact]
    public void Read_BracketedLists_BecomeHashtagsUrlsAndMentions()
    {
        var messages = ReadFixture();

        Assert.Equal(["العراق"], messages[0].Hashtags);
        Assert.Equal(["https://example.com/statement?utm_source=tw"], messages[0].Urls);
        Assert.Empty(messages[0].Mentions);
        Assert.Equal(["Iraq", "news"], messages[3].Hashtags);
        Assert.Equal(["https://example.com/a", "https://example.com/b"], messages[3].Urls);
        Assert.Equal([Leader], messages[1].Mentions);
    }

    [Fact]
    public void Read_WithProfileSink_GivesOneProfilePerAccountFromTheSameRows()
    {
        var options = new ReadOptions { Profiles = new(StringComparer.Ordinal) };

        _ = ReadFixture(options);

        Assert.Equal(3, options.Profiles!.Count);
        var leader = options.Profiles[Leader];
        Assert.Equal(("leader_news", 12000L, 35L, 1399075200L), (leader.Username, leader.FollowersCount, leader.FollowingCount, leader.CreatedAt));
        Assert.Equal(1547195400L, options.Profiles["9988776655"].CreatedAt);
    }

    [Theory]
    [InlineData("[]", new string[0])]
    [InlineData("", new string[0])]
    [InlineData("['a', 'b']", new[] { "a", "b" })]
    [InlineData("[#a,  @b ]", new[] { "a", "b" })]
    public void BracketedList_Forms_AreSplit(string cell, string[] expected)
    {
        Assert.Equal(expected, TwitterIoCsvReader.BracketedList(cell));
    }

    [Fact]
    public void Read_BadTweetTime_NamesLineAndColumn()
    {
        using var files = new TempFiles();
        var path = files.Text("io.csv", "tweetid,userid,tweet_time\n1,u,2019-03-01 10:00\n2,u,yesterday\n");

        var error = Assert.Throws<InputException>(() => MessageReaders.Open(path, InputFormat.Auto, new ReadOptions()).ToList());

        Assert.Equal(3, error.Line);
        Assert.StartsWith("tweet_time:", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingUserid_NamesOnlyUserid()
    {
        using var files = new TempFiles();
        var path = files.Text("io.csv", "tweetid,user,tweet_time\n1,u,2019-03-01 10:00\n");

        var error = Assert.Throws<InputException>(() => MessageReaders.Open(path, InputFormat.TwitterIoCsv, new ReadOptions()).ToList());

        Assert.Contains("lacks the required column userid (header:", error.Reason);
    }

    [Fact]
    public void AccountReaders_ArchiveUsersFile_ReadByItsOwnColumnNames()
    {
        using var files = new TempFiles();
        var path = files.Text("users.csv", "userid,user_display_name,user_screen_name,follower_count,following_count,account_creation_date\nx1,X,xname,10,2,2014-05-03\n");

        var profile = Assert.Single(AccountReaders.Open(path, new ReadOptions()));

        Assert.Equal(("x1", "xname", 10L, 2L, 1399075200L), (profile.AccountId, profile.Username, profile.FollowersCount, profile.FollowingCount, profile.CreatedAt));
    }
}
