using Tansiq.Core.Evidence;

namespace Tansiq.Core.Tests.Evidence;

public class ChiSquareTests
{
    [Theory]
    [InlineData(0.5)]
    [InlineData(2)]
    [InlineData(9)]
    public void LowerTail_TwoDegreesOfFreedom_IsOneMinusExp(double x) =>
        // With two degrees of freedom the chi-square is exponential with mean 2.
        Assert.Equal(1 - Math.Exp(-x / 2), ChiSquare.LowerTail(x, 2), 1e-12);

    [Theory]
    // Critical values from the standard tables (Abramowitz & Stegun, table 26.8).
    [InlineData(3.841, 1, 0.95)]
    [InlineData(0.00393, 1, 0.05)]
    [InlineData(3.940, 10, 0.05)]
    [InlineData(18.307, 10, 0.95)]
    [InlineData(0.554, 5, 0.01)]
    [InlineData(63.691, 40, 0.99)]
    [InlineData(22.164, 40, 0.01)]
    [InlineData(26.509, 40, 0.05)]
    public void LowerTail_TableCriticalValues_Match(double x, int degrees, double p) =>
        Assert.Equal(p, ChiSquare.LowerTail(x, degrees), 3);

    [Fact]
    public void LowerTail_ZeroOrNegative_IsZero()
    {
        Assert.Equal(0, ChiSquare.LowerTail(0, 3));
        Assert.Equal(0, ChiSquare.LowerTail(-1, 3));
    }

    [Fact]
    public void LowerTail_NoDegreesOfFreedom_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ChiSquare.LowerTail(1, 0));
}
