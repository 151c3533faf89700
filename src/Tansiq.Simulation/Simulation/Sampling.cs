namespace Tansiq.Core.Simulation;

/// <summary>The distributions the simulator draws from, all on one seeded <see cref="Random"/> so a world is a function of its seed.</summary>
internal static class Sampling
{
    public static double Normal(this Random rng)
    {
        // Box-Muller; 1 - NextDouble() keeps the logarithm's argument in (0, 1].
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A lognormal draw parameterised by its median (e^mu) and the sigma of its logarithm.</summary>
    public static double LogNormal(this Random rng, double median, double sigma) => median * Math.Exp(sigma * rng.Normal());

    public static double Exponential(this Random rng, double mean) => -mean * Math.Log(1.0 - rng.NextDouble());

    public static double Uniform(this Random rng, double min, double max) => min + ((max - min) * rng.NextDouble());

    public static bool Chance(this Random rng, double probability) => rng.NextDouble() < probability;

    public static int Poisson(this Random rng, double lambda)
    {
        if (lambda <= 0)
        {
            return 0;
        }
        if (lambda > 30)
        {
            return Math.Max(0, (int)Math.Round(lambda + (Math.Sqrt(lambda) * rng.Normal())));
        }
        // Knuth's multiplication method: fine for the small rates used here.
        var limit = Math.Exp(-lambda);
        var k = 0;
        var p = rng.NextDouble();
        while (p > limit)
        {
            k++;
            p *= rng.NextDouble();
        }
        return k;
    }

    /// <summary>Pareto (power-law tail) with the given minimum and tail exponent alpha, capped.</summary>
    public static double Pareto(this Random rng, double min, double alpha, double cap) =>
        Math.Min(cap, min / Math.Pow(1.0 - rng.NextDouble(), 1.0 / alpha));

    public static T Pick<T>(this Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    /// <summary>k distinct indices from [0, n) (Floyd's algorithm), in the order drawn.</summary>
    public static List<int> Distinct(this Random rng, int n, int k)
    {
        k = Math.Min(k, n);
        var chosen = new HashSet<int>();
        var order = new List<int>(k);
        for (var j = n - k; j < n; j++)
        {
            var t = rng.Next(j + 1);
            var pick = chosen.Add(t) ? t : j;
            if (pick == j)
            {
                chosen.Add(j);
            }
            order.Add(pick);
        }
        return order;
    }

    public static void Shuffle<T>(this Random rng, IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}

/// <summary>Draws indices in proportion to fixed non-negative weights (cumulative table + binary search).</summary>
internal sealed class WeightedSampler
{
    private readonly double[] _cumulative;

    public WeightedSampler(IReadOnlyList<double> weights)
    {
        _cumulative = new double[weights.Count];
        var total = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            total += Math.Max(0, weights[i]);
            _cumulative[i] = total;
        }
    }

    public int Count => _cumulative.Length;

    public int Next(Random rng)
    {
        var total = _cumulative[^1];
        var x = rng.NextDouble() * total;
        var i = Array.BinarySearch(_cumulative, x);
        i = i < 0 ? ~i : i + 1;
        return Math.Min(i, _cumulative.Length - 1);
    }
}

/// <summary>
/// Human daily rhythm in Baghdad (UTC+3): quiet before dawn, busy in the evening. Weights per local hour.
/// </summary>
internal static class DailyRhythm
{
    public const int BaghdadOffsetSeconds = 3 * 3600;

    private static readonly double[] LocalHourWeights =
    [
        0.9, 0.6, 0.35, 0.2, 0.15, 0.2, 0.35, 0.6, 0.9, 1.1, 1.2, 1.2,
        1.3, 1.3, 1.2, 1.2, 1.3, 1.4, 1.6, 1.8, 2.0, 2.1, 1.9, 1.4,
    ];

    private static readonly WeightedSampler Hours = new(LocalHourWeights);

    /// <summary>A time in [start, start + days) that follows the rhythm; <paramref name="shiftHours"/> moves a person's day a little.</summary>
    public static double Draw(Random rng, long start, double days, double shiftHours = 0)
    {
        var wholeDays = Math.Max(1, (int)Math.Ceiling(days));
        for (var attempt = 0; attempt < 16; attempt++)
        {
            var day = rng.Next(wholeDays);
            var localHour = Hours.Next(rng);
            var utcSecondOfDay = (localHour * 3600) - BaghdadOffsetSeconds + (shiftHours * 3600) + rng.Next(3600);
            var t = start + (day * 86400.0) + utcSecondOfDay;
            if (t >= start && t < start + (days * 86400))
            {
                return Math.Floor(t);
            }
        }
        return Math.Floor(start + (rng.NextDouble() * days * 86400));
    }

    /// <summary>A time within local working hours [fromHour, toHour) Baghdad time on a random day.</summary>
    public static double DrawInShift(Random rng, long start, double days, int fromHour, int toHour)
    {
        var wholeDays = Math.Max(1, (int)Math.Ceiling(days));
        var span = ((toHour - fromHour + 24) % 24) + (toHour == fromHour ? 24 : 0);
        for (var attempt = 0; attempt < 16; attempt++)
        {
            var day = rng.Next(wholeDays);
            var localSecond = (fromHour * 3600) + rng.Next(span * 3600);
            var t = start + (day * 86400.0) + localSecond - BaghdadOffsetSeconds;
            if (t >= start && t < start + (days * 86400))
            {
                return Math.Floor(t);
            }
        }
        return Math.Floor(start + (rng.NextDouble() * days * 86400));
    }
}
