using Tansiq.Core.Evidence;

namespace Tansiq.Core.Tests.Evidence;

public class BinomialTests
{
    /// <summary>The tail summed term by term from the definition, with exact binomial coefficients.</summary>
    private static double BruteForce(int k, int n, double p)
    {
        var sum = 0.0;
        for (var j = k; j <= n; j++)
        {
            var choose = 1.0;
            for (var i = 1; i <= j; i++)
            {
                choose = choose * (n - j + i) / i;
            }
            sum += choose * Math.Pow(p, j) * Math.Pow(1 - p, n - j);
        }
        return sum;
    }

    [Theory]
    [InlineData(2, 2, 0.05)]
    [InlineData(2, 4, 0.7)]
    [InlineData(3, 10, 0.3)]
    [InlineData(30, 40, 0.5)]
    [InlineData(177, 185, 0.8)]
    [InlineData(1, 60, 0.01)]
    public void UpperTail_SmallAndLargeN_MatchesTheSumOfTerms(int k, int n, double p)
    {
        var expected = BruteForce(k, n, p);

        Assert.Equal(expected, Binomial.UpperTail(k, n, p), expected * 1e-9 + 1e-300);
    }

    [Fact]
    public void UpperTail_EdgeCases_ProbabilitiesOfCertainAndImpossibleEvents()
    {
        Assert.Equal(1, Binomial.UpperTail(0, 5, 0.3));
        Assert.Equal(0, Binomial.UpperTail(6, 5, 0.3));
        Assert.Equal(0, Binomial.UpperTail(1, 5, 0));
        Assert.Equal(1, Binomial.UpperTail(5, 5, 1));
    }
}
