using Tansiq.Core.Evaluation;

namespace Tansiq.Simulation.Tests.Evaluation;

public class AdjustedRandIndexTests
{
    [Fact]
    public void Compute_TextbookSplitCluster_IsFourSevenths()
    {
        // scikit-learn's documented example: adjusted_rand_score([0, 0, 1, 1], [0, 0, 1, 2]) = 0.57142857
        // by hand: sum C(n_ij,2) = 1; rows 1 + 1 = 2; columns 1; expected 2 * 1 / C(4,2) = 1/3; max 3/2 -> (2/3) / (7/6) = 4/7
        Assert.Equal(4.0 / 7.0, AdjustedRandIndex.Compute(new[] { 0, 0, 1, 1 }, new[] { 0, 0, 1, 2 }), 12);
        Assert.Equal(4.0 / 7.0, AdjustedRandIndex.Compute(new[] { 0, 0, 1, 2 }, new[] { 0, 0, 1, 1 }), 12);
    }

    [Fact]
    public void Compute_SixItemsThreeByTwo_MatchesHandComputation()
    {
        // index 2, rows 6, columns 3, expected 6 * 3 / 15 = 1.2, max 4.5 -> 0.8 / 3.3
        Assert.Equal(0.8 / 3.3, AdjustedRandIndex.Compute(new[] { "a", "a", "a", "b", "b", "b" }, new[] { "x", "x", "y", "y", "z", "z" }), 12);
    }

    [Fact]
    public void Compute_RenamedLabels_IsOne()
    {
        Assert.Equal(1.0, AdjustedRandIndex.Compute(new[] { 0, 0, 1, 1 }, new[] { 1, 1, 0, 0 }), 12);
    }

    [Fact]
    public void Compute_OneBlockAgainstSingletons_IsZero()
    {
        Assert.Equal(0.0, AdjustedRandIndex.Compute(new[] { 0, 0, 0, 0 }, new[] { 0, 1, 2, 3 }), 12);
    }

    [Fact]
    public void Compute_BothAllSingletons_IsOne()
    {
        Assert.Equal(1.0, AdjustedRandIndex.Compute(new[] { 1, 2, 3 }, new[] { 7, 8, 9 }), 12);
    }

    [Fact]
    public void Compute_WorseThanChance_IsNegative()
    {
        // pairs together in one partition are always apart in the other
        Assert.True(AdjustedRandIndex.Compute(new[] { 0, 0, 1, 1 }, new[] { 0, 1, 0, 1 }) < 0);
    }
}
