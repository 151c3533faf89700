
namespace Tansiq.Simulation.Tests.Evaluation;

/// <summary>
/// Fuzzed worlds (the seed-2 draw) in which a leader's fans were flagged with the army that pushes his posts: the fans
/// re-share his posts within minutes of one another (a third to a half of them within seconds), the squad pushes the
/// same posts and its producers', and at minutes the merged community owned the leader's posts by sheer numbers: 85%
/// of the fans in world 22, all of them in world 30, 6% in world 88. At the window (world 39) the fast fans were in the
/// squad's bursts on the leader's posts and nowhere in its other work. The army must still be found, the leader not.
/// </summary>
public class FanBaseFalsePositiveTests
{
    [Theory]
    [InlineData(22, 2)] // a scheduler squad of 359 (participation 0.13) and 191 fans, 46% fast (median 5.5 s): 163 flagged before, 2 (1.05%) now
    [InlineData(30, 0)] // a squad of 31 on orders and its leader's 33 fans: all flagged before
    [InlineData(88, 0)] // six squads of 2 to 6 and two human squads beside 495 fans (30 flagged before) and friend groups
    [InlineData(39, 0)] // scheduler squads of 285 and 367 at 1-2 s: 44 of the leader's 52 fast fans (median 19 s) rode on the first at the window, the leader joined it as a producer
    public void Detect_FuzzedWorldWithAFanBase_FansNotFlaggedArmyIs(int index, int maxFans)
    {
        var evaluation = FuzzedWorld.DetectAndEvaluate(2, index);
        Assert.True(evaluation.Fans.Flagged <= maxFans, $"{evaluation.Fans.Flagged} of {evaluation.Fans.Accounts} fans flagged");
        Assert.Equal(0, evaluation.ByRole.Single(r => r.Key == "leader").Value.Flagged);
        Assert.True(evaluation.FriendGroupMembers.Flagged <= 0.01 * evaluation.FriendGroupMembers.Accounts,
            $"{evaluation.FriendGroupMembers.Flagged} of {evaluation.FriendGroupMembers.Accounts} friends flagged");
        var army = evaluation.Behaviours.Where(b => b.Behaviour != "producer").ToList();
        Assert.True(army.Sum(b => b.Flagged) >= 0.6 * army.Sum(b => b.Members), string.Join(", ", army.Select(b => $"{b.Behaviour} {b.Flagged}/{b.Members}")));
    }

    /// <summary>
    /// Seed-3 world 78 (a draw no rule was made on): five of the leader's 117 fans were kept beside a scheduler squad at
    /// the window. Besides the leader's posts, which the squad pushes, each was in replies beside one member (bursts of
    /// two) and in at most one larger burst; bursts of two no longer count as the army's other work.
    /// </summary>
    [Fact]
    public void Detect_FansBesideOneMemberInTheirOtherBursts_NotFlagged()
    {
        var evaluation = FuzzedWorld.DetectAndEvaluate(3, 78);

        Assert.True(evaluation.Fans.Flagged <= 1, $"{evaluation.Fans.Flagged} of {evaluation.Fans.Accounts} fans flagged");
        var army = evaluation.Behaviours.Where(b => b.Behaviour != "producer").ToList();
        Assert.True(army.Sum(b => b.Flagged) >= 0.9 * army.Sum(b => b.Members), string.Join(", ", army.Select(b => $"{b.Behaviour} {b.Flagged}/{b.Members}")));
    }

    /// <summary>
    /// Seed-4 world 13, a world without an army (drawn after the rules of stop 19 were made): in a community of 52 of the
    /// leader's fans and others, whose pair edges came from re-sharing his posts, five slow fans were each in two of ten
    /// bursts of two within 16 minutes (replies to the same journalists, one canned answer) and passed as a squad, 5.75%
    /// of the fans. No two of the five were together on more than one occasion: a squad's members meet again and again.
    /// </summary>
    [Fact]
    public void Detect_FansMetPairByPairOnceEach_NotASquad()
    {
        var evaluation = FuzzedWorld.DetectAndEvaluate(4, 13);

        Assert.Equal(0, evaluation.Fans.Flagged);
        Assert.Equal(0, evaluation.FalsePositives);
    }
}
