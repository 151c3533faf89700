namespace Tansiq.Core.Evidence;

/// <summary>Poisson tail probabilities, computed in log space so that tiny p-values stay exact enough to rank.</summary>
public static class Poisson
{
    /// <summary>P(X &gt;= k) for X ~ Poisson(lambda).</summary>
    public static double UpperTail(int k, double lambda)
    {
        if (k <= 0)
        {
            return 1;
        }
        if (lambda <= 0)
        {
            return 0;
        }
        // Sum the terms from k upward; they decrease once j > lambda, so a few dozen past the peak suffice.
        var logTerm = k * Math.Log(lambda) - lambda - LogFactorial(k);
        var sum = 0.0;
        var term = Math.Exp(logTerm);
        for (var j = k; j < k + 1000; j++)
        {
            sum += term;
            term *= lambda / (j + 1);
            if (term < sum * 1e-15 && j > lambda)
            {
                break;
            }
        }
        return Math.Min(1, sum);
    }

    /// <summary>ln n! (exact sum below 32, Stirling's series above); shared with <see cref="Binomial"/>.</summary>
    internal static double LogFactorial(int n)
    {
        if (n < 2)
        {
            return 0;
        }
        if (n < 32)
        {
            var f = 0.0;
            for (var i = 2; i <= n; i++)
            {
                f += Math.Log(i);
            }
            return f;
        }
        // Stirling's series: exact to ~1e-10 for n >= 32.
        double x = n;
        return x * Math.Log(x) - x + 0.5 * Math.Log(2 * Math.PI * x) + 1 / (12 * x) - 1 / (360 * x * x * x);
    }
}
