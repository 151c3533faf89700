namespace Tansiq.Core.Moderation;

public sealed record BatchCreationOptions
{
    /// <summary>Accounts created within this many seconds of each other (centred window) count as one burst of creation.</summary>
    public long Window { get; init; } = 3600;

    /// <summary>A burst needs at least this many accounts: a few sign-ups in one hour are ordinary.</summary>
    public int MinAccounts { get; init; } = 10;

    /// <summary>... and this many times more than the local background rate of sign-ups.</summary>
    public double RateFactor { get; init; } = 10;

    /// <summary>The background rate is measured over this many seconds around the account (centred).</summary>
    public long Background { get; init; } = 30 * 86400;
}

/// <summary>
/// Finds accounts created in batches: many sign-ups inside a short span, far above the background rate of the days
/// around them. Armies register accounts by the hundred in an afternoon; real users trickle in.
/// </summary>
public static class BatchCreation
{
    public static bool[] Detect(long[] createdAt, BatchCreationOptions options)
    {
        var result = new bool[createdAt.Length];
        var order = new List<int>(createdAt.Length);
        for (var i = 0; i < createdAt.Length; i++)
        {
            if (createdAt[i] != ModerationWorld.Unknown)
            {
                order.Add(i);
            }
        }
        var ids = order.ToArray();
        var times = new long[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            times[i] = createdAt[ids[i]];
        }
        Array.Sort(times, ids);
        var half = options.Window / 2;
        var bgHalf = options.Background / 2;
        int lo = 0, hi = 0, bgLo = 0, bgHi = 0;
        for (var i = 0; i < times.Length; i++)
        {
            var t = times[i];
            while (times[lo] < t - half)
            {
                lo++;
            }
            while (hi < times.Length && times[hi] <= t + half)
            {
                hi++;
            }
            while (times[bgLo] < t - bgHalf)
            {
                bgLo++;
            }
            while (bgHi < times.Length && times[bgHi] <= t + bgHalf)
            {
                bgHi++;
            }
            var burst = hi - lo;
            // The background excludes the burst itself, otherwise a large batch would raise its own bar.
            var background = (bgHi - bgLo - burst) * (double)options.Window / Math.Max(1, options.Background - options.Window);
            result[ids[i]] = burst >= options.MinAccounts && burst >= options.RateFactor * Math.Max(background, 0.1);
        }
        return result;
    }
}
