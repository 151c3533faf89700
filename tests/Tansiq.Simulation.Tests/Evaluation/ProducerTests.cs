using Tansiq.Core.Simulation;

namespace Tansiq.Simulation.Tests.Evaluation;

/// <summary>
/// Producers whose posts a cluster carries without making most of them its synchronous objects. Seed-2 world 34 has four
/// scheduler squads of two or three accounts: each of the three producers' 56-62 re-shared posts gets one or two squad
/// members and a stranger or two, so only 8-10 of them were the cluster's synchronous objects and no producer was found.
/// In seed-2 world 26 the squads that push the producers' posts are four clusters, none of which carries half of any
/// producer's posts alone. Both worlds have a leader and a commander whose posts the squads push too, re-shared again
/// and again by their fans.
/// </summary>
public class ProducerTests
{
    [Theory]
    [InlineData(34)]
    [InlineData(26)]
    public void Detect_SquadsCarryTheirProducersPosts_ProducersJoinNoFanOrLeader(int world)
    {
        var evaluation = FuzzedWorld.DetectAndEvaluate(2, world);

        var producers = Assert.Single(evaluation.Behaviours, b => b.Behaviour == Behaviours.Producer);
        Assert.Equal(producers.Members, producers.Flagged);
        Assert.True(evaluation.FalsePositives <= 1, $"{evaluation.FalsePositives} false positives");
        Assert.Equal(0, evaluation.Fans.Flagged);
    }

    /// <summary>
    /// Seed-1 world 64 and seed-2 world 91 each had two organic authors as producers while MinProducerPosts was 2: small
    /// clusters had pushed two of their few re-shared posts.
    /// </summary>
    [Theory]
    [InlineData(1, 64)]
    [InlineData(2, 91)]
    public void Detect_SmallClusterPushedTwoOfAnAuthorsPosts_AuthorNotAProducer(int seed, int world)
    {
        var evaluation = FuzzedWorld.DetectAndEvaluate(seed, world);

        Assert.Equal(0, evaluation.FalsePositives);
    }
}
