namespace Tansiq.Simulation.Tests.Evaluation;

/// <summary>
/// Fuzzed worlds whose squads are found but whose sleepers — members who join 8% of the squad's
/// actions and chatter little — were mostly left out: they join two to five of the cluster's bursts, short of the
/// Bonferroni bar of the extension's presence test, while four in five of their actions on the squad's objects fall
/// inside the bursts. The extension takes them in when one of its two tests (presence, timing) is a false-discovery-rate
/// discovery and the other is significant on its own, or when the two combined are such a discovery, the presence
/// p-value is below 0.1 and the account shows no habit of reacting fast.
/// </summary>
public class SleeperTests
{
    [Theory]
    [InlineData(2, 68, 20)] // three scheduler squads and two human squads, 73 sleepers: 15 flagged before, 21 after
    [InlineData(1, 14, 90)] // three scheduler squads of 697, participation 0.62, 238 sleepers: 33, then 37 (timing test), 56 (no fast habit), 75 (stop 18), now 97 (presence and timing combined)
    [InlineData(3, 8, 52)] // two scheduler squads and a human squad (army of 232), 88 sleepers: 46 before presence and timing were combined, 54 after
    public void Detect_FuzzedWorldWithSleepers_MoreSleepersNoOrganicAccount(int seed, int index, int minSleepers)
    {
        var evaluation = FuzzedWorld.DetectAndEvaluate(seed, index);

        Assert.True(evaluation.Sleepers.Flagged >= minSleepers, $"{evaluation.Sleepers.Flagged} of {evaluation.Sleepers.Accounts} sleepers flagged");
        Assert.Equal(0, evaluation.Fans.Flagged);
        Assert.Equal(0, evaluation.FriendGroupMembers.Flagged);
        Assert.Equal(0, evaluation.FalsePositives);
    }

    /// <summary>
    /// Fans inside a squad's bursts: seed-1 world 4 has 47 fast fans (median delay 5 s) whose timing p-values are
    /// 10^-7 to 10^-14 and whose presence p-values go down to 0.005, but who react as fast to the leader's posts the army
    /// does not push; seed-1 world 90 has slow fans (median delay ten minutes) inside the bursts of a scheduler whose
    /// latency reaches 96 s, with no fast habit but presence p-values of 0.2 to 1: a timing discovery taken in on "no
    /// fast habit" alone took 19 of its 58 fans.
    /// </summary>
    [Theory]
    [InlineData(1, 4)]
    [InlineData(1, 90)]
    public void Detect_FansInsideTheBursts_NotTakenIn(int seed, int index)
    {
        var evaluation = FuzzedWorld.DetectAndEvaluate(seed, index);

        Assert.True(evaluation.Fans.Accounts > 50, $"{evaluation.Fans.Accounts} fans");
        Assert.Equal(0, evaluation.Fans.Flagged);
        Assert.Equal(0, evaluation.FalsePositives);
    }
}
