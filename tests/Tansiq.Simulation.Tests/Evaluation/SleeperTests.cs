namespace Tansiq.Simulation.Tests.Evaluation;

/// <summary>
/// Fuzzed worlds whose squads are found but whose sleepers — members who join 8% of the squad's
/// actions and chatter little — were mostly left out: they join two to five of the cluster's bursts, short of the
/// Bonferroni bar of the extension's presence test, while four in five of their actions on the squad's objects fall
/// inside the bursts. The extension takes them in when one of its two tests (presence, timing) is a false-discovery-rate
/// discovery and the other is significant on its own.
/// </summary>
public class SleeperTests
{
    [Theory]
    [InlineData(2, 68, 20)] // three scheduler squads and two human squads, 73 sleepers: 15 flagged before, 21 after
    [InlineData(1, 14, 36)] // three scheduler squads of 697, participation 0.62, 238 sleepers: 33 flagged before, 37 after
    public void Detect_FuzzedWorldWithSleepers_MoreSleepersNoOrganicAccount(int seed, int index, int minSleepers)
    {
        var evaluation = FuzzedWorld.DetectAndEvaluate(seed, index);

        Assert.True(evaluation.Sleepers.Flagged >= minSleepers, $"{evaluation.Sleepers.Flagged} of {evaluation.Sleepers.Accounts} sleepers flagged");
        Assert.Equal(0, evaluation.Fans.Flagged);
        Assert.Equal(0, evaluation.FriendGroupMembers.Flagged);
        Assert.Equal(0, evaluation.FalsePositives);
    }
}
