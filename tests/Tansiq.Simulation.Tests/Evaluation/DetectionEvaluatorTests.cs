using Tansiq.Core.Evaluation;
using Tansiq.Core.Simulation;

namespace Tansiq.Simulation.Tests.Evaluation;

public class DetectionEvaluatorTests
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
            new("a2", AccountRole.Army, "s1", null, false),
            new("a3", AccountRole.Army, "s2", null, false),
            new("a4", AccountRole.Army, "s2", null, false),
            new("p1", AccountRole.Producer, "producers", null, false),
            new("c", AccountRole.Commander, null, null, false),
            new("f1", AccountRole.Fan, null, null, true),
            new("f2", AccountRole.Fan, null, null, false),
            new("o1", AccountRole.Organic, null, "g1", false),
            new("o2", AccountRole.Organic, null, null, false),
        ],
        Reported = [],
        Campaigns = [],
    };

    [Fact]
    public void Evaluate_MixedDetection_MatchesHandComputedMetrics()
    {
        var detected = new[]
        {
            new DetectedAccount("a1", "X", 0.9), new DetectedAccount("a2", "X", 0.9), new DetectedAccount("f1", "X", 0.8),
            new DetectedAccount("a3", "Y", 0.7), new DetectedAccount("c", "Y", 0.7), new DetectedAccount("o1", "Z", 0.6),
            new DetectedAccount("a4", null, 0.2), new DetectedAccount("f2", "", 0.1),
        };
        var e = DetectionEvaluator.Evaluate(Truth(), detected);
        // tp a1 a2 a3; fp f1 o1; the commander is excluded; positives a1..a4 + p1
        Assert.Equal(6, e.Flagged);
        Assert.Equal(3, e.TruePositives);
        Assert.Equal(2, e.FalsePositives);
        Assert.Equal(1, e.ExcludedFlagged);
        Assert.Equal(5, e.Positives);
        Assert.Equal(2, e.FalseNegatives);
        Assert.Equal(0.6, e.Precision, 12);
        Assert.Equal(0.6, e.Recall, 12);
        Assert.Equal(0.6, e.F1, 12);
        Assert.Equal(new GroupShare(2, 1), e.Fans);
        Assert.Equal(new GroupShare(1, 1), e.FastFans);
        Assert.Equal(new GroupShare(1, 1), e.FriendGroupMembers);
        Assert.Equal(new GroupShare(1, 0), e.OtherOrganic);
        Assert.Equal([new SquadRecall("producers", 1, 0), new SquadRecall("s1", 2, 2), new SquadRecall("s2", 2, 1)], e.Squads);
        // universe a1 a2 a3 a4 p1 f1 o1; index 1, rows 3, columns 2, C(7,2) = 21: (1 - 6/21) / (5/2 - 6/21) = 10/31
        Assert.Equal(10.0 / 31.0, e.ClusterAri, 12);
    }

    [Fact]
    public void Evaluate_PerfectDetection_AllOnes()
    {
        var truth = Truth();
        var detected = truth.Accounts.Where(a => DetectionEvaluator.IsPositive(a.Role)).Select(a => new DetectedAccount(a.AccountId, a.Squad, 1));
        var e = DetectionEvaluator.Evaluate(truth, detected);
        Assert.Equal(1.0, e.Precision);
        Assert.Equal(1.0, e.Recall);
        Assert.Equal(1.0, e.F1);
        Assert.Equal(1.0, e.ClusterAri, 12);
        Assert.Equal(0, e.Fans.Flagged);
    }

    [Fact]
    public void Evaluate_UnknownAccountFlagged_CountsAsFalsePositive()
    {
        var e = DetectionEvaluator.Evaluate(Truth(), [new DetectedAccount("a1", "X", 1), new DetectedAccount("zzz", "X", 1)]);
        Assert.Equal(1, e.UnknownFlagged);
        Assert.Equal(1, e.FalsePositives);
        Assert.Equal(0.5, e.Precision, 12);
    }

    [Fact]
    public void Evaluate_NothingFlagged_ZeroRecallAndNoFans()
    {
        var e = DetectionEvaluator.Evaluate(Truth(), []);
        Assert.Equal(0, e.Flagged);
        Assert.Equal(0.0, e.Recall);
        Assert.Equal(0.0, e.F1);
    }
}
