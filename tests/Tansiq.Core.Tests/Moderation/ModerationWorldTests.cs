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
        Assert.True(w.Exposure.Exposed(author, replier, 500)); // being replied to: the reply reached the author's notifications
        Assert.False(w.Exposure.Exposed(author, replier, 499));
        Assert.False(w.Exposure.Exposed(author, mentioner, 699));
        Assert.True(w.Exposure.Exposed(mentioner, author, 700));
        Assert.True(w.Exposure.Exposed(author, mentioner, 700)); // was mentioned by it
    }

    [Fact]
    public void Replay_ReportersInOneDetectedCluster_AreNotIndependent()
    {
        var b = new ModerationWorldBuilder();
        var target = b.AddAccount("t", null, 0, 100);
        var reporters = Enumerable.Range(0, 12).Select(i => b.AddAccount($"r{i}", null, -(i * 20_000L) - 100_000_000, 10)).ToArray();
        foreach (var r in reporters)
        {
            b.AddFollow(r, target);
        }
        b.SetClusters([["r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "ghost"]]);
        var w = b.Build();
        Assert.Equal(w.ClusterOf[reporters[0]], w.ClusterOf[reporters[7]]);
        Assert.Equal(-1, w.ClusterOf[reporters[8]]);
        var result = ModerationReplay.Run(new TansiqPolicy(w), [.. reporters.Select((r, i) => new Report(r, target, i * 86400L, i))], w);
        // Only r8..r11 (4 of 12, each weight 1) count as independent: below the bar of 7.0, and below high review (5).
        Assert.StartsWith("12 reports from 12 reporters; independent evidence 4 from 4", result.Decisions.Single().Reason, StringComparison.Ordinal);
        Assert.Equal(new Verdict(Decision.Review, Priority.Normal), result.Decisions.Single().Verdict);
    }
}
