namespace Tansiq.Simulation.Tests.Evaluation;

/// <summary>
/// A cluster that passed at the window extends to the members who join its bursts, without the orders test and on its
/// pasted texts as well as its posts. Seed-2 world 61 has three scheduler squads (47 accounts) with latencies of 1-6 s
/// and a jitter of 34 s, found at 60 s but not extended before because their members' log-delays scatter as widely as
/// people's (88 true positives). Seed-2 world 32 has six scheduler squads of 817 accounts (participation 0.24, among
/// fast fans), and its cluster of 188 members of four of them passed at 60 s on texts and took in nobody (783).
/// </summary>
public class ExtensionAtTheWindowTests
{
    [Theory]
    [InlineData(2, 61, 94)]
    [InlineData(2, 32, 820)]
    public void Detect_ClusterPassedAtTheWindow_TakesInItsMissedMembers(int seed, int index, int minTruePositives)
    {
        var evaluation = FuzzedWorld.DetectAndEvaluate(seed, index);

        Assert.True(evaluation.TruePositives >= minTruePositives, $"{evaluation.TruePositives} of {evaluation.Positives} found");
        Assert.Equal(0, evaluation.FalsePositives);
        Assert.Equal(0, evaluation.Fans.Flagged);
        Assert.Equal(0, evaluation.FriendGroupMembers.Flagged);
    }
}
