using Tansiq.Core.Evidence;

namespace Tansiq.Core.Tests.Evidence;

public class FalseDiscoveryTests
{
    [Fact]
    public void Cutoff_TextbookExample_RejectsTheStepUpPrefix()
    {
        // m = 5, alpha = 0.05: sorted, 0.001, 0.012, 0.035, 0.039, 0.2 against the bars 0.01, 0.02, 0.03, 0.04, 0.05. The
        // third (0.035) misses its bar but the fourth (0.039) meets its own, so the step-up procedure rejects the four smallest.
        double[] p = [0.039, 0.001, 0.2, 0.035, 0.012];

        Assert.Equal(0.039, FalseDiscovery.Cutoff(p, 0.05));
    }

    [Fact]
    public void Cutoff_NothingBelowItsBar_NoDiscovery()
    {
        Assert.Equal(-1, FalseDiscovery.Cutoff([0.02, 0.5, 0.9], 0.05));
        Assert.Equal(-1, FalseDiscovery.Cutoff([], 0.05));
    }

    [Fact]
    public void Cutoff_ManyStrongDiscoveries_AdmitsWhatBonferroniWouldNot()
    {
        // Twenty p-values of 1e-7 and one of 5e-4, 21 tests at alpha 1e-3: Bonferroni's bar is 4.8e-5, the procedure's bar
        // for the 21st is 21 * 1e-3 / 21 = 1e-3.
        var p = Enumerable.Repeat(1e-7, 20).Append(5e-4).ToArray();

        Assert.Equal(5e-4, FalseDiscovery.Cutoff(p, 1e-3));
        Assert.True(5e-4 > 1e-3 / p.Length);
    }
}
