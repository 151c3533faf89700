namespace Tansiq.Core.Evidence;

/// <summary>
/// The number of successes among independent trials with different chances (the Poisson binomial distribution): how
/// many of the objects an account acted on it acted on at a given moment, when that moment's chance differs by object.
/// </summary>
public static class PoissonBinomial
{
    /// <summary>P(X &gt;= k) for X the number of successes of independent trials with success chances <paramref name="chances"/>.</summary>
    public static double UpperTail(int k, IReadOnlyList<double> chances)
    {
        if (k <= 0)
        {
            return 1;
        }
        if (k > chances.Count)
        {
            return 0;
        }
        // Dynamic programme over the trials: distribution[j] = P(j successes so far). Only counts below k need keeping
        // apart; the mass that reaches k is the tail.
        var distribution = new double[k];
        distribution[0] = 1;
        var tail = 0.0;
        foreach (var raw in chances)
        {
            var p = Math.Clamp(raw, 0, 1);
            tail += distribution[k - 1] * p;
            for (var j = k - 1; j > 0; j--)
            {
                distribution[j] = distribution[j] * (1 - p) + distribution[j - 1] * p;
            }
            distribution[0] *= 1 - p;
        }
        return Math.Min(1, tail);
    }
}
