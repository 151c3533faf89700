using Tansiq.Core.Detection;
using Tansiq.Core.Model;

namespace Tansiq.IO.Output;

/// <summary>The bounded content of one report timeline: which members get a row and which actions get a dot.</summary>
internal sealed record TimelinePlot(
    IReadOnlyList<string> Rows,
    int RowsTotal,
    IReadOnlyList<TimelinePlot.Point> Points,
    int PointsTotal,
    bool Sampled,
    double Start,
    double End)
{
    internal readonly record struct Point(int Row, string AccountId, double Time, SignalKind Signal, string ObjectKey);

    private static readonly double[] TickSteps =
    [
        1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200,
        86400, 172800, 604800, 2592000, 7776000, 31536000,
    ];

    /// <summary>
    /// Rows for the most active members (ties: earlier first action), drawn in order of first action so a squad's
    /// relay shows as a diagonal; dots sampled evenly in time order when there are more than <paramref name="maxPoints"/>.
    /// </summary>
    public static TimelinePlot Build(IReadOnlyList<TimelineAction> timeline, int maxRows, int maxPoints)
    {
        var actions = timeline.Where(a => double.IsFinite(a.Time))
            .OrderBy(a => a.Time).ThenBy(a => a.AccountId, StringComparer.Ordinal).ToList();
        var byAccount = actions
            .GroupBy(a => a.AccountId, StringComparer.Ordinal)
            .Select(g => (Id: g.Key, Count: g.Count(), First: g.First().Time))
            .ToList();
        var rows = byAccount
            .OrderByDescending(a => a.Count).ThenBy(a => a.First).ThenBy(a => a.Id, StringComparer.Ordinal)
            .Take(Math.Max(1, maxRows))
            .OrderBy(a => a.First).ThenBy(a => a.Id, StringComparer.Ordinal)
            .Select(a => a.Id)
            .ToList();
        var rowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            rowOf[rows[i]] = i;
        }
        var drawable = actions.Where(a => rowOf.ContainsKey(a.AccountId)).ToList();
        var keep = Math.Max(1, maxPoints);
        var sampled = drawable.Count > keep;
        var points = new List<Point>(Math.Min(drawable.Count, keep));
        var count = sampled ? keep : drawable.Count;
        for (var i = 0; i < count; i++)
        {
            // Even spacing over the time-ordered list keeps the first and the last action and the shape of the bursts.
            var a = drawable[sampled ? (int)((long)i * (drawable.Count - 1) / (keep - 1 == 0 ? 1 : keep - 1)) : i];
            points.Add(new Point(rowOf[a.AccountId], a.AccountId, a.Time, a.Signal, a.ObjectKey));
        }
        double start = 0, end = 0;
        if (points.Count > 0)
        {
            start = points[0].Time;
            end = points[^1].Time;
        }
        if (end - start < 2)
        {
            // A squad acting within the same second still needs a visible axis.
            var mid = (start + end) / 2;
            start = mid - 1;
            end = mid + 1;
        }
        return new TimelinePlot(rows, byAccount.Count, points, drawable.Count, sampled, start, end);
    }

    /// <summary>Round UTC instants between start and end, at most about seven, and the format to label them.</summary>
    public static IEnumerable<double> Ticks(double start, double end, out string format)
    {
        var span = end - start;
        var step = TickSteps[^1];
        foreach (var s in TickSteps)
        {
            if (span / s <= 7)
            {
                step = s;
                break;
            }
        }
        format = step < 60 ? "HH:mm:ss" : step < 86400 ? (span > 86400 ? "MM-dd HH:mm" : "HH:mm") : "yyyy-MM-dd";
        var ticks = new List<double>();
        for (var t = Math.Ceiling(start / step) * step; t <= end && ticks.Count < 40; t += step)
        {
            ticks.Add(t);
        }
        return ticks;
    }
}
