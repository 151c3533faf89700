
namespace Tansiq.Simulation.Tests.Evaluation;

/// <summary>
/// Fuzzed worlds in which a fragment of a fast friend group was flagged: Louvain split a group whose members re-share
/// and reply to one another within a minute or two, and a fragment of four owned the posts of friends outside it, at
/// 60 s or 4 minutes. Those friends re-share the rest of the group, not the fragment, so the circle rule did not set
/// their posts aside until the rest of the group (on the same posts as the fragment) counted as the circle. The army
/// must still be found.
/// </summary>
public class FriendGroupFalsePositiveTests
{
    [Theory]
    [InlineData(1, 6, 0.95)] // a fragment of 4 of a friend group at 60 s beside a scheduler squad of 24
    [InlineData(1, 35, 0.75)] // fragments of 3 to 5 (6 friends, 0.92%) beside scheduler squads
    [InlineData(2, 38, 0.5)] // a fragment of 4 at 60 s (precision 0.6) beside two small human squads
    [InlineData(3, 32, 0.95)] // a group of 5 found from its bursts at 4 minutes, all of them on its own friends' posts (stop 21)
    public void Detect_FuzzedWorldWithAFastFriendGroup_FriendsNotFlaggedArmyIs(int seed, int index, double minArmyRecall)
    {
        var evaluation = FuzzedWorld.DetectAndEvaluate(seed, index);
        Assert.True(evaluation.FriendGroupMembers.Flagged == 0, $"{evaluation.FriendGroupMembers.Flagged} of {evaluation.FriendGroupMembers.Accounts} friends flagged");
        var army = evaluation.Behaviours.Where(b => b.Behaviour != "producer").ToList();
        Assert.True(army.Sum(b => b.Flagged) >= minArmyRecall * army.Sum(b => b.Members), string.Join(", ", army.Select(b => $"{b.Behaviour} {b.Flagged}/{b.Members}")));
    }
}
