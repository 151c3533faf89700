
namespace Tansiq.Simulation.Tests.Evaluation;

/// <summary>
/// Fuzzed worlds in which a scheduler squad draws on a pool of canned texts for days: two members who paste the same
/// line on different days own it without ever using it together, and those texts counted against the squad's synchrony
/// share until texts used alone were set aside (Detector.CannedTexts.cs). World 98 of the seed-1 draw is the guard: an
/// army and its leader's fans, on a minute clock, whose community passed at the window once their pasted texts were set
/// aside, with the fans kept through their bursts on his posts.
/// </summary>
public class CannedTextTests
{
    [Theory]
    [InlineData(2, 56, 0.9)] // one squad of 348 (participation 0.44, jitter 44 s): 52 of 348 flagged before, all now
    [InlineData(1, 75, 0.9)] // one squad of 269 reusing its texts on up to 8 days: 97 of 269 before, all now
    [InlineData(1, 98, 0.8)] // four squads of 12-16 beside 139 fans (25 fast) on a minute clock: the fans must stay out
    public void Detect_SquadReusingCannedTexts_SquadFlaggedFansAndFriendsNot(int seed, int index, double minSchedulerRecall)
    {
        var evaluation = FuzzedWorld.DetectAndEvaluate(seed, index);
        var squads = evaluation.Behaviours.Single(b => b.Behaviour == "scheduler_squad");
        Assert.True(squads.Flagged >= minSchedulerRecall * squads.Members, $"{squads.Flagged} of {squads.Members} scheduler-squad members flagged");
        Assert.True(evaluation.Fans.Flagged <= 0.01 * evaluation.Fans.Accounts, $"{evaluation.Fans.Flagged} of {evaluation.Fans.Accounts} fans flagged");
        Assert.True(evaluation.FriendGroupMembers.Flagged <= 0.01 * evaluation.FriendGroupMembers.Accounts,
            $"{evaluation.FriendGroupMembers.Flagged} of {evaluation.FriendGroupMembers.Accounts} friends flagged");
    }

    /// <summary>
    /// Seed-1 world 45: relays, hashtag games and a small scheduler squad beside 396 fans. With texts used alone set aside
    /// in the co-burst pass too, whose groups keep their members' posts in, a co-burst community of 7 squad members, 16
    /// fans and 16 organic accounts passed at 16 minutes (33 false positives; none without either rule).
    /// </summary>
    [Fact]
    public void Detect_CoBurstGroupWithTextsUsedAlone_FansAndOrganicAccountsNotFlagged()
    {
        var evaluation = FuzzedWorld.DetectAndEvaluate(1, 45);
        Assert.True(evaluation.Fans.Flagged <= 0.01 * evaluation.Fans.Accounts, $"{evaluation.Fans.Flagged} of {evaluation.Fans.Accounts} fans flagged");
        Assert.True(evaluation.FalsePositives <= 2, $"{evaluation.FalsePositives} false positives");
        Assert.True(evaluation.TruePositives >= 0.8 * evaluation.Positives, $"{evaluation.TruePositives} of {evaluation.Positives} found");
    }
}
