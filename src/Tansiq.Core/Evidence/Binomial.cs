namespace Tansiq.Core.Evidence;

/// <summary>Binomial tail probabilities, computed in log space so that tiny p-values stay exact enough to compare.</summary>
public static class Binomial
{
    /// <summary>P(X &gt;= k) for X ~ Binomial(n, p).</summary>
    public static double UpperTail(int k, int n, double p)
    {
        if (k <= 0)
        {
            return 1;
        }
        if (k > n || p <= 0)
        {
            return 0;
        }
        if (p >= 1)
        {
            return 1;
        }
        // Sum the terms from k upward; past the mean they fall geometrically.
        var logTerm = LogChoose(n, k) + k * Math.Log(p) + (n - k) * Math.Log(1 - p);
        var term = Math.Exp(logTerm);
        var ratio = p / (1 - p);
        var sum = 0.0;
        for (var j = k; j <= n; j++)
        {
            sum += term;
            term *= (double)(n - j) / (j + 1) * ratio;
            if (term < sum * 1e-15 && j > n * p)
            {
                break;
            }
        }
        return Math.Min(1, sum);
    }

    private static double LogChoose(int n, int k) => Poisson.LogFactorial(n) - Poisson.LogFactorial(k) - Poisson.LogFactorial(n - k);
}
