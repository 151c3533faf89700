using Tansiq.Core.Evidence;

namespace Tansiq.Core.Tests.Evidence;

public class PoissonBinomialTests
{
    /// <summary>The tail over every outcome of the trials, enumerated.</summary>
    private static double Enumerated(int k, double[] chances)
    {
        var sum = 0.0;
        for (var mask = 0; mask < 1 << chances.Length; mask++)
        {
            var probability = 1.0;
            var successes = 0;
            for (var i = 0; i < chances.Length; i++)
            {
                var success = (mask >> i & 1) == 1;
                probability *= success ? chances[i] : 1 - chances[i];
                successes += success ? 1 : 0;
            }
            if (successes >= k)
            {
                sum += probability;
            }
        }
        return sum;
    }

    [Theory]
    [InlineData(2, new[] { 0.1, 0.2 })]
    [InlineData(2, new[] { 0.1, 0.2, 0.9 })]
    [InlineData(3, new[] { 0.05, 0.3, 0.6, 0.15, 0.5 })]
    [InlineData(1, new[] { 0.01, 0.02, 0.03 })]
    [InlineData(5, new[] { 0.7, 0.8, 0.9, 0.6, 0.5, 0.1 })]
    public void UpperTail_DifferentChances_MatchesTheEnumeratedOutcomes(int k, double[] chances)
    {
        var expected = Enumerated(k, chances);

        Assert.Equal(expected, PoissonBinomial.UpperTail(k, chances), expected * 1e-12 + 1e-300);
    }

    [Fact]
    public void UpperTail_EqualChances_IsTheBinomialTail()
    {
        var chances = Enumerable.Repeat(0.15, 40).ToArray();

        Assert.Equal(Binomial.UpperTail(9, 40, 0.15), PoissonBinomial.UpperTail(9, chances), 1e-9);
    }

    [Fact]
    public void UpperTail_EdgeCases_ProbabilitiesOfCertainAndImpossibleEvents()
    {
        Assert.Equal(1, PoissonBinomial.UpperTail(0, [0.2, 0.3]));
        Assert.Equal(0, PoissonBinomial.UpperTail(3, [0.2, 0.3]));
        Assert.Equal(1, PoissonBinomial.UpperTail(2, [1.0, 1.0]));
        Assert.Equal(0, PoissonBinomial.UpperTail(1, [0.0, 0.0]));
    }
}
