using Tansiq.Core.Evaluation;
using Tansiq.Core.Simulation;

namespace Tansiq.Simulation.Tests.Evaluation;

public class ScenarioEvaluationTests
{
    private static GroundTruth Truth() => new()
    {
        Seed = 1,
        Scale = 1,
        Days = 1,
        Start = 0,
        Parameters = [],
        Accounts =
        [
            new("a1", AccountRole.Army, "s1", null, false),
            new("a2", AccountRole.Army, "s1", null, false) { Sleeper = true },
            new("h1", AccountRole.Army, "h1", null, false) { Behaviour = Behaviours.HumanSquad },
            new("h2", AccountRole.Army, "h1", null, false) { Behaviour = Behaviours.HumanSquad, Sleeper = true },
            new("k1", AccountRole.Sockpuppet, "o1", null, false) { Behaviour = Behaviours.Sockpuppets },
            new("k2", AccountRole.Sockpuppet, "o1", null, false) { Behaviour = Behaviours.Sockpuppets },
            new("r1", AccountRole.Relay, "r1", null, false) { Behaviour = Behaviours.Relay },
            new("g1", AccountRole.HashtagGamer, "hg1", null, false) { Behaviour = Behaviours.HashtagGame },
            new("pub1", AccountRole.Publisher, "p1", null, false) { Behaviour = Behaviours.Publisher },
            new("pub2", AccountRole.Publisher, "p1", null, false) { Behaviour = Behaviours.Publisher },
            new("o1", AccountRole.Organic, null, null, false),
            new("o2", AccountRole.Organic, null, null, false),
        ],
        Reported = [],
        Campaigns = [],
    };

    [Fact]
    public void Evaluate_ScenarioRoles_PositivesPerBehaviourAndPublishersApart()
    {
        var detected = new[]
        {
            new DetectedAccount("a1", "X", 0.9), new DetectedAccount("a2", "X", 0.9), new DetectedAccount("h1", "Y", 0.8),
            new DetectedAccount("k1", "Z", 0.7), new DetectedAccount("k2", "Z", 0.7), new DetectedAccount("pub1", "P", 0.9),
            new DetectedAccount("pub2", "P", 0.9), new DetectedAccount("o1", "Y", 0.6),
        };
        var e = DetectionEvaluator.Evaluate(Truth(), detected);
        Assert.Equal(8, e.Positives);
        Assert.Equal(5, e.TruePositives);
        Assert.Equal(1, e.FalsePositives);
        Assert.Equal(2, e.ExcludedFlagged);
        Assert.Equal(5.0 / 6, e.Precision, 12);
        Assert.Equal(5.0 / 8, e.Recall, 12);
        Assert.Equal(new GroupShare(2, 2), e.Publishers);
        // scored accounts: everyone but the publishers
        Assert.Equal(new GroupShare(10, 6), e.AllAccounts);
        Assert.Equal(new GroupShare(2, 1), e.Sleepers);
        Assert.Equal(
            [
                new BehaviourRecall(Behaviours.SchedulerSquad, 2, 2), new BehaviourRecall(Behaviours.HumanSquad, 2, 1),
                new BehaviourRecall(Behaviours.Sockpuppets, 2, 2), new BehaviourRecall(Behaviours.Relay, 1, 0),
                new BehaviourRecall(Behaviours.HashtagGame, 1, 0),
            ],
            e.Behaviours);
    }

    [Fact]
    public void Evaluate_OnlyPublishersFlagged_NoFalsePositives()
    {
        var e = DetectionEvaluator.Evaluate(Truth(), [new DetectedAccount("pub1", "P", 0.9), new DetectedAccount("pub2", "P", 0.9)]);
        Assert.Equal(0, e.FalsePositives);
        Assert.Equal(0, e.AllAccounts.Flagged);
        Assert.Equal(2, e.Publishers.Flagged);
        Assert.Equal(0, e.F1);
    }

    [Theory]
    [InlineData(0.5, 3.0)]
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, 5.0)]
    [InlineData(0.05, 1.2)]
    public void Percentile_FiveValues_InterpolatesLinearly(double q, double expected)
    {
        Assert.Equal(expected, FuzzSummary.Percentile([5, 1, 4, 2, 3], q), 12);
    }

    [Fact]
    public void Percentile_NoValues_Zero() => Assert.Equal(0, FuzzSummary.Percentile([], 0.5));
}
