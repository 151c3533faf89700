namespace Tansiq.Core.Evidence;

/// <summary>Multiple testing by the false discovery rate (Benjamini and Hochberg, 1995).</summary>
public static class FalseDiscovery
{
    /// <summary>
    /// The largest p-value that the Benjamini–Hochberg procedure at level <paramref name="alpha"/> rejects among
    /// <paramref name="pValues"/> (every p-value at most it is a discovery), or −1 when none is: with the p-values sorted,
    /// the largest p(i) with p(i) ≤ i·α/m. The expected share of false discoveries among the discoveries is then at most
    /// α when the tests are independent or positively dependent.
    /// </summary>
    public static double Cutoff(IEnumerable<double> pValues, double alpha)
    {
        var sorted = pValues.Order().ToArray();
        var cutoff = -1.0;
        for (var i = 0; i < sorted.Length; i++)
        {
            if (sorted[i] <= (i + 1) * alpha / sorted.Length)
            {
                cutoff = sorted[i];
            }
        }
        return cutoff;
    }
}
