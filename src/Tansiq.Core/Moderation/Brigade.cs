using System.Globalization;

namespace Tansiq.Core.Moderation;

public sealed record BrigadeOptions
{
    /// <summary>Two waves belong to one brigade when they share at least this many reporters ...</summary>
    public int MinSharedReporters { get; init; } = 3;

    /// <summary>... and at least this share of the smaller wave.</summary>
    public double MinOverlap { get; init; } = 0.2;
}

public sealed record BrigadeEvidence(string Name, double Value, string Explanation);

/// <summary>A reporting campaign: waves against one or more targets joined by the reporters they share.</summary>
public sealed record Brigade
{
    public required string Id { get; init; }
    public required IReadOnlyList<string> Waves { get; init; }
    public required IReadOnlyList<int> Participants { get; init; }
    public required IReadOnlyList<int> Targets { get; init; }
    public required long Start { get; init; }
    public required long End { get; init; }
    public required int Reports { get; init; }
    public required IReadOnlyList<BrigadeEvidence> Evidence { get; init; }
}

internal static class BrigadeBuilder
{
    public static List<Brigade> Build(IReadOnlyList<Campaign> waves, ModerationWorld world, TansiqPolicy? policy, BrigadeOptions options)
    {
        var parent = new int[waves.Count];
        for (var i = 0; i < parent.Length; i++)
        {
            parent[i] = i;
        }
        var wavesOf = new Dictionary<int, List<int>>();
        foreach (var w in waves)
        {
            foreach (var p in w.Participants.Distinct())
            {
                if (!wavesOf.TryGetValue(p, out var list))
                {
                    wavesOf[p] = list = new List<int>(1);
                }
                list.Add(w.Id);
            }
        }
        var shared = new Dictionary<long, int>(Tansiq.Core.CoAction.PairKeyComparer.Instance);
        foreach (var list in wavesOf.Values)
        {
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count; j++)
                {
                    var key = ((long)list[i] << 32) | (uint)list[j];
                    shared[key] = shared.GetValueOrDefault(key) + 1;
                }
            }
        }
        foreach (var (key, count) in shared)
        {
            var a = (int)(key >> 32);
            var b = (int)(key & 0xFFFFFFFF);
            var smaller = Math.Min(waves[a].Participants.Count, waves[b].Participants.Count);
            if (count >= options.MinSharedReporters && count >= options.MinOverlap * smaller)
            {
                Union(parent, a, b);
            }
        }
        var groups = new SortedDictionary<int, List<Campaign>>();
        foreach (var w in waves)
        {
            var root = Find(parent, w.Id);
            if (!groups.TryGetValue(root, out var g))
            {
                groups[root] = g = [];
            }
            g.Add(w);
        }
        var result = new List<Brigade>(groups.Count);
        foreach (var g in groups.Values)
        {
            result.Add(Describe($"B{result.Count + 1}", g, world, policy));
        }
        return result;
    }

    private static Brigade Describe(string id, List<Campaign> waves, ModerationWorld world, TansiqPolicy? policy)
    {
        var ci = CultureInfo.InvariantCulture;
        var participants = new HashSet<int>();
        var targets = new SortedSet<int>();
        long start = long.MaxValue, end = long.MinValue;
        int reports = 0, unexposed = 0, young = 0, batch = 0, clustered = 0, coReporters = 0, independentDuring = 0;
        var peakPerHour = 0;
        var ages = new List<double>();
        foreach (var w in waves)
        {
            targets.Add(w.Target);
            start = Math.Min(start, w.Start);
            end = Math.Max(end, w.End);
            reports += w.Participants.Count;
            independentDuring += w.IndependentDuring;
            unexposed += w.Count(ReportFlags.Unexposed);
            young += w.Count(ReportFlags.Young);
            batch += w.Count(ReportFlags.Batch);
            clustered += w.Count(ReportFlags.Clustered);
            coReporters += w.Count(ReportFlags.CoReporter);
            for (var i = 0; i < w.Participants.Count; i++)
            {
                var p = w.Participants[i];
                participants.Add(p);
                if (world.CreatedAt[p] != ModerationWorld.Unknown)
                {
                    ages.Add((w.Times[i] - world.CreatedAt[p]) / 86400.0);
                }
            }
            var times = w.Times.ToArray();
            Array.Sort(times);
            for (int lo = 0, hi = 0; hi < times.Length; hi++)
            {
                while (times[hi] - times[lo] >= 3600)
                {
                    lo++;
                }
                peakPerHour = Math.Max(peakPerHour, hi - lo + 1);
            }
        }
        ages.Sort();
        var medianAge = ages.Count == 0 ? double.NaN : ages[ages.Count / 2];
        double Pct(int n) => reports == 0 ? 0 : Math.Round(100.0 * n / reports, 1);
        var evidence = new List<BrigadeEvidence>
        {
            new("reports", reports, "reports that joined the campaign's waves"),
            new("participants", participants.Count, "distinct reporters"),
            new("targets", targets.Count, "accounts the campaign reported"),
            new("span_hours", Math.Round((end - start) / 3600.0, 2), "hours from the first to the last campaign report"),
            new("peak_reports_per_hour", peakPerHour, "most campaign reports against one target inside any hour"),
            new("unexposed_pct", Pct(unexposed), "% of campaign reports from accounts that did not follow, reply to, re-share or mention the target, and were not mentioned by it"),
            new("young_pct", Pct(young), "% of campaign reports from accounts younger than the young-account age"),
            new("batch_created_pct", Pct(batch), "% of campaign reports from accounts created in batches of sign-ups"),
            new("clustered_pct", Pct(clustered), "% of campaign reports from members of coordinated clusters in the messages"),
            new("co_reporter_pct", Pct(coReporters), "% of campaign reports from accounts that had repeatedly reported the same targets as the same partners within an hour"),
            new("median_reporter_age_days", double.IsNaN(medianAge) ? -1 : Math.Round(medianAge, 1), "median age of the reporting accounts at report time (-1: unknown)"),
            new("looked_independent_pct", Pct(independentDuring), "% of campaign reports that, outside a wave, would have counted as independent (exposed, established, no coordination seen)"),
        };
        if (policy is not null && participants.Count > 0)
        {
            double sum = 0;
            foreach (var p in participants)
            {
                sum += policy.DistinctTargets(p);
            }
            evidence.Add(new("mean_targets_per_reporter", Math.Round(sum / participants.Count, 2),
                string.Create(ci, $"distinct accounts each participant reported in the whole input")));
        }
        return new Brigade
        {
            Id = id,
            Waves = waves.Select(w => w.Name).ToList(),
            Participants = [.. participants.Order()],
            Targets = [.. targets],
            Start = start,
            End = end,
            Reports = reports,
            Evidence = evidence,
        };
    }

    private static int Find(int[] parent, int x)
    {
        while (parent[x] != x)
        {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    private static void Union(int[] parent, int a, int b)
    {
        var ra = Find(parent, a);
        var rb = Find(parent, b);
        if (ra != rb)
        {
            parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }
    }
}
