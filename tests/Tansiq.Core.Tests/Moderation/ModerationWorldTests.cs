using Tansiq.Core.Model;
using Tansiq.Core.Moderation;

namespace Tansiq.Core.Tests.Moderation;

public class ModerationWorldTests
{
    private static Message Post(string id, string account, double time, string? replyTo = null, string? repostOf = null, string text = "", string[]? mentions = null) =>
        new() { MessageId = id, AccountId = account, Timestamp = time, ReplyTo = replyTo, RepostOf = repostOf, Text = text, Mentions = mentions ?? [] };

    [Fact]
    public void AddMessages_ReplyBeforeParentAndMentionByUsername_GiveDirectedExposureFromTheirTime()
    {
        var b = new ModerationWorldBuilder();
        var author = b.AddAccount("1", "author", 0, 10);
        var replier = b.AddAccount("2", "replier", 0, 10);
        var mentioner = b.AddAccount("3", "mentioner", 0, 10);
        b.AddMessages(
        [
            Post("r", "2", 500, replyTo: "p"), // the reply comes first in the file
            Post("p", "1", 100),
            Post("m", "3", 700, mentions: ["@Author"]),
        ]);
        var w = b.Build();
        Assert.True(w.Exposure.HasData);
        Assert.True(w.Exposure.Exposed(replier, author, 500));
        Assert.False(w.Exposure.Exposed(replier, author, 499));
        Assert.False(w.Exposure.Exposed(author, replier, 1000)); // being replied to is not seeing the replier
        Assert.True(w.Exposure.Exposed(mentioner, author, 700));
        Assert.True(w.Exposure.Exposed(author, mentioner, 700)); // was mentioned by it
    }

    [Fact]
    public void AddMessages_FourAccountsRepostThreePostsTogether_FormOneClusterButViralRepostsDoNot()
    {
        var b = new ModerationWorldBuilder();
        var members = Enumerable.Range(0, 4).Select(i => b.AddAccount($"c{i}", null, 0, 0)).ToArray();
        var fans = Enumerable.Range(0, 80).Select(i => b.AddAccount($"f{i}", null, 0, 0)).ToArray();
        var messages = new List<Message>();
        for (var p = 0; p < 3; p++)
        {
            for (var i = 0; i < 4; i++)
            {
                messages.Add(Post($"c{p}-{i}", $"c{i}", (p * 10_000) + (i * 5), repostOf: $"small{p}"));
            }
            // A leader's post re-shared by 80 fans within a minute, three times: not evidence between any two fans.
            for (var i = 0; i < 80; i++)
            {
                messages.Add(Post($"f{p}-{i}", $"f{i}", 500_000 + (p * 10_000) + (i * 0.5), repostOf: $"viral{p}"));
            }
        }
        b.AddMessages(messages);
        var w = b.Build();
        var cluster = w.ClusterOf[members[0]];
        Assert.True(cluster >= 0);
        Assert.All(members, m => Assert.Equal(cluster, w.ClusterOf[m]));
        Assert.All(fans, f => Assert.Equal(-1, w.ClusterOf[f]));
    }
}
