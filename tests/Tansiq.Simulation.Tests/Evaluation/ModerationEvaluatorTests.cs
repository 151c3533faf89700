using Tansiq.Core.Evaluation;
using Tansiq.Core.Simulation;

namespace Tansiq.Simulation.Tests.Evaluation;

public class ModerationEvaluatorTests
{
    private static GroundTruth Truth() => new()
    {
        Seed = 1,
        Scale = 1,
        Days = 1,
        Start = 0,
        Parameters = [],
        Accounts = [],
        Reported =
        [
            new("j1", ReportLabel.BrigadedInnocent, "c1"),
            new("j2", ReportLabel.BrigadedInnocent, "c1"),
            new("m1", ReportLabel.PetitionTarget, "c2"),
            new("x1", ReportLabel.Abusive, null),
            new("x2", ReportLabel.Abusive, null),
            new("x3", ReportLabel.Abusive, null),
            new("n1", ReportLabel.Noise, null),
            new("n2", ReportLabel.Noise, null),
            new("n3", ReportLabel.Noise, null),
            new("n4", ReportLabel.Noise, null),
        ],
        Campaigns = [],
    };

    [Fact]
    public void Evaluate_MixedDecisions_MatchesHandCountedTable()
    {
        var decisions = new ModerationDecision[]
        {
            new("j1", "suspend", null), new("j2", "review", "high"), new("m1", "review", ""),
            new("x1", "suspend", null), new("x2", "review", "high"), new("x3", "review", "low"),
            new("n1", "none", null), new("n2", "suspend", null), new("n3", "none", null),
            new("other", "review", "normal"),
        };
        var e = ModerationEvaluator.Evaluate(Truth(), decisions);
        var row = e.Confusion.ToDictionary(r => r.Label);
        Assert.Equal([0, 0, 0, 1, 1], row["brigaded_innocent"].Counts);
        Assert.Equal([0, 0, 1, 0, 0], row["petition_target"].Counts);
        Assert.Equal([0, 1, 0, 1, 1], row["abusive"].Counts);
        Assert.Equal([3, 0, 0, 0, 1], row["noise"].Counts); // n4 has no row: counted as none
        Assert.Equal([0, 0, 1, 0, 0], row["unlabeled"].Counts);
        Assert.Equal(2, e.WrongfulSuspensions);
        Assert.Equal(1, e.MissingDecisions);
        Assert.Equal(0.75, e.NoiseLeftAlone, 12);
        Assert.Equal(2.0 / 3.0, e.AbusiveActioned, 12);
    }

    [Fact]
    public void Column_UnknownDecision_IsNull()
    {
        Assert.Null(ModerationEvaluator.Column("ban", null));
        Assert.Equal(DecisionColumn.ReviewNormal, ModerationEvaluator.Column("review", null));
    }
}
