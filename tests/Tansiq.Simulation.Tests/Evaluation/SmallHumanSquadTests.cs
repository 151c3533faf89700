
namespace Tansiq.Simulation.Tests.Evaluation;

/// <summary>
/// Fuzzed worlds (the seed-1 draw) with small human squads that take orders from a chat group and were missed entirely:
/// no member pair shares enough objects for an edge, so only the co-burst pass can find them, and half of their orders
/// push their own members' posts. The circle rule set those posts aside (too few reactions for the orders test on the
/// circle alone), and the group's timing had to reach its bar without the orders evidence.
/// </summary>
public class SmallHumanSquadTests
{
    [Theory]
    [InlineData(82, 6)] // squad h1: 6 members, participation ~0.4, bursts on 4 posts (3 by members) and one pasted text: 0 of 6 before
    [InlineData(93, 6)] // squad h2: 6 members (and h1, 2) pushing their members' posts: 0 of 8 before
    // squads of 4 and 3 acting on 20-39 objects each: 0 of 7 before. Since a two-game hashtag group of this world is
    // found (HashtagGameTests), its 20 players are out of the co-burst hypergraph and Louvain parts it otherwise: the
    // squad of 3 ends in a part of 4 with an organic account that fails on its spread (7 of 7 before that, 4 now).
    [InlineData(51, 4)]
    public void Detect_FuzzedWorldWithASmallHumanSquad_SquadFoundNoOrganicAccount(int index, int minHumanSquad)
    {
        var evaluation = FuzzedWorld.DetectAndEvaluate(1, index);
        var human = evaluation.Behaviours.Single(b => b.Behaviour == "human_squad");
        Assert.True(human.Flagged >= minHumanSquad, $"{human.Flagged} of {human.Members} human-squad members flagged");
        Assert.Equal(0, evaluation.Fans.Flagged);
        Assert.Equal(0, evaluation.FriendGroupMembers.Flagged);
        Assert.True(evaluation.FalsePositives <= 1, $"{evaluation.FalsePositives} false positives");
    }
}
