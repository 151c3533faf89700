namespace Tansiq.Simulation.Tests.Evaluation;

/// <summary>
/// A cluster that passed at minutes extends on its kept members' bursts on the posts its verdict set aside as
/// self-paced, as long as kept members are at least the exclusivity share of a post's participants. Seed-2 world 17 has
/// three scheduler squads of 134 accounts (latencies 27-306 s, jitter 61 s, participation 0.24); each campaign post is
/// pushed by two of them at different latencies, so 102 of the cluster's 120 posts fail the orders test, and 24 members
/// who joined one of the remaining synchronous objects each were missed (270 true positives before). Seed-2 world 2 is
/// the guard: its leader's posts are the community's own through the fast fans Louvain put beside the squads, and
/// without the kept members' share every one of its fans joined the bursts.
/// </summary>
public class ExtensionOnSetAsidePostsTests
{
    [Fact]
    public void Detect_TwoSquadsPerPostAtDifferentLatencies_TakesInTheMissedMembers()
    {
        var evaluation = FuzzedWorld.DetectAndEvaluate(2, 17);

        Assert.True(evaluation.TruePositives >= 290, $"{evaluation.TruePositives} of {evaluation.Positives} found");
        Assert.True(evaluation.FalsePositives <= 2, $"{evaluation.FalsePositives} false positives");
        Assert.Equal(0, evaluation.Fans.Flagged);
    }

    [Fact]
    public void Detect_LeadersPostsOwnedThroughFans_FansNotTakenIn()
    {
        var evaluation = FuzzedWorld.DetectAndEvaluate(2, 2);

        Assert.Equal(0, evaluation.FalsePositives);
        Assert.Equal(0, evaluation.Fans.Flagged);
        Assert.Equal(evaluation.Positives, evaluation.TruePositives);
    }
}
