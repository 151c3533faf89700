namespace Tansiq.Core.Evidence;

/// <summary>Chi-square tail probabilities, through the regularised incomplete gamma function.</summary>
public static class ChiSquare
{
    /// <summary>P(X &lt;= x) for X ~ chi-square with <paramref name="degreesOfFreedom"/> degrees of freedom.</summary>
    public static double LowerTail(double x, int degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        return x <= 0 ? 0 : RegularisedLowerGamma(degreesOfFreedom / 2.0, x / 2);
    }

    /// <summary>P(a, x) = γ(a, x) / Γ(a): the series below a + 1, Lentz's continued fraction for the upper part above.</summary>
    internal static double RegularisedLowerGamma(double a, double x)
    {
        if (x <= 0)
        {
            return 0;
        }
        var logPrefix = a * Math.Log(x) - x - LogGamma(a);
        if (x < a + 1)
        {
            var term = 1 / a;
            var sum = term;
            for (var n = 1; n < 10_000; n++)
            {
                term *= x / (a + n);
                sum += term;
                if (term < sum * 1e-15)
                {
                    break;
                }
            }
            return Math.Min(1, sum * Math.Exp(logPrefix));
        }
        const double tiny = 1e-300;
        var b = x + 1 - a;
        var c = 1 / tiny;
        var d = 1 / b;
        var h = d;
        for (var i = 1; i < 10_000; i++)
        {
            var an = -i * (i - a);
            b += 2;
            d = an * d + b;
            d = Math.Abs(d) < tiny ? tiny : d;
            c = b + an / c;
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < 1e-15)
            {
                break;
            }
        }
        return Math.Max(0, 1 - Math.Exp(logPrefix) * h);
    }

    /// <summary>ln Γ(x) for x &gt; 0 (Lanczos, g = 7, nine terms: about 15 digits).</summary>
    internal static double LogGamma(double x)
    {
        if (x < 0.5)
        {
            // Reflection: Γ(x) Γ(1 - x) = π / sin(πx).
            return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x);
        }
        ReadOnlySpan<double> g =
        [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        ];
        x -= 1;
        var sum = g[0];
        for (var i = 1; i < g.Length; i++)
        {
            sum += g[i] / (x + i);
        }
        var t = x + 7.5;
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }
}
