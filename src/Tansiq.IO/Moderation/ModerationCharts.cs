using System.Globalization;
using System.Text;
using Tansiq.Core.Moderation;
using Tansiq.IO.Output;

namespace Tansiq.IO.Moderation;

/// <summary>
/// The moderation report's inline SVG charts (no script, no external resource; the page's own CSS styles them): how
/// many accounts each policy had suspended or sent to review over time, and the reports on one brigaded account.
/// </summary>
internal static class ModerationCharts
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public const string NaiveColour = "#D55E00";
    public const string SuspendColour = "#0072B2";
    public const string ReviewColour = "#E69F00";
    public const string CampaignColour = "#CC79A7";
    public const string OtherColour = "#56B4E9";

    /// <summary>One step series: the count after each change, in time order.</summary>
    internal sealed record Series(string Name, string Colour, bool Dashed, IReadOnlyList<(long Time, int Count)> Steps);

    /// <summary>How many accounts stood at <paramref name="counted"/> after each change of the timeline.</summary>
    public static List<(long Time, int Count)> Steps(IReadOnlyList<TimelineEntry> timeline, Func<Verdict, bool> counted)
    {
        var current = new Dictionary<int, bool>();
        var steps = new List<(long, int)>();
        var count = 0;
        foreach (var e in timeline)
        {
            var now = counted(e.Verdict);
            var before = current.GetValueOrDefault(e.Target);
            if (now != before)
            {
                count += now ? 1 : -1;
                current[e.Target] = now;
                if (steps.Count > 0 && steps[^1].Item1 == e.Time)
                {
                    steps[^1] = (e.Time, count);
                }
                else
                {
                    steps.Add((e.Time, count));
                }
            }
        }
        return steps;
    }

    /// <summary>Accounts suspended and in review over time, one step line per series.</summary>
    public static string DecisionsOverTime(IReadOnlyList<Series> series, long start, long end, string label)
    {
        const double width = 1000, height = 260, x0 = 56, x1 = 975, top = 22, bottom = 226;
        if (end <= start)
        {
            end = start + 3600;
        }
        var max = Math.Max(1, series.SelectMany(s => s.Steps).Select(s => s.Count).DefaultIfEmpty(0).Max());
        var yMax = NiceCeiling(max);
        double X(long t) => x0 + ((double)(t - start) / (end - start) * (x1 - x0));
        double Y(double v) => bottom - (v / yMax * (bottom - top));
        var b = new StringBuilder();
        b.Append(Inv, $"<svg viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{Html(label)}\">");
        TimeAxis(b, start, end, X, top, bottom);
        foreach (var v in YTicks(yMax))
        {
            b.Append(Inv, $"<line class=\"grid\" x1=\"{x0}\" y1=\"{Y(v):0.#}\" x2=\"{x1}\" y2=\"{Y(v):0.#}\"/>");
            b.Append(Inv, $"<text x=\"{x0 - 6}\" y=\"{Y(v) + 4:0.#}\" text-anchor=\"end\">{OutputText.Count(v)}</text>");
        }
        foreach (var s in series)
        {
            var points = new StringBuilder();
            var last = 0;
            points.Append(Inv, $"{X(start):0.#},{Y(0):0.#} ");
            foreach (var (t, c) in s.Steps)
            {
                points.Append(Inv, $"{X(t):0.#},{Y(last):0.#} {X(t):0.#},{Y(c):0.#} ");
                last = c;
            }
            points.Append(Inv, $"{X(end):0.#},{Y(last):0.#}");
            b.Append(Inv, $"<polyline fill=\"none\" stroke=\"{s.Colour}\" stroke-width=\"2.2\"{(s.Dashed ? " stroke-dasharray=\"7 4\"" : "")} points=\"{points}\"><title>{Html(s.Name)}: {OutputText.Count(last)} at the end</title></polyline>");
        }
        b.Append("</svg>");
        return b.ToString();
    }

    /// <summary>
    /// Reports on one account per time bin, stacked: reports that joined a campaign wave and the others; dashed
    /// vertical lines where the naive rule suspended and where Tansiq's decision changed.
    /// </summary>
    public static string TargetReports(IReadOnlyList<long> times, IReadOnlyList<long> waveTimes, long? naiveSuspendedAt, string naiveLabel, IReadOnlyList<(long Time, string Label)> changes, string label)
    {
        const double width = 1000, height = 206, x0 = 56, x1 = 975, top = 50, bottom = 176;
        long start = times.Count == 0 ? 0 : times.Min(), end = times.Count == 0 ? 1 : times.Max();
        if (end - start < 600)
        {
            var mid = (start + end) / 2;
            start = mid - 300;
            end = mid + 300;
        }
        var bins = 60;
        var binWidth = (end - start) / (double)bins;
        var all = new int[bins];
        var wave = new int[bins];
        int Bin(long t) => Math.Clamp((int)((t - start) / binWidth), 0, bins - 1);
        foreach (var t in times)
        {
            all[Bin(t)]++;
        }
        foreach (var t in waveTimes)
        {
            wave[Bin(t)]++;
        }
        var yMax = NiceCeiling(Math.Max(1, all.Max()));
        double X(double t) => x0 + ((t - start) / (end - start) * (x1 - x0));
        double Y(double v) => bottom - (v / yMax * (bottom - top));
        var b = new StringBuilder();
        b.Append(Inv, $"<svg viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{Html(label)}\">");
        TimeAxis(b, start, end, t => X(t), top, bottom);
        b.Append(Inv, $"<text x=\"{x1}\" y=\"12\" text-anchor=\"end\">reports per {Html(OutputText.Duration(binWidth))}</text>");
        foreach (var v in YTicks(yMax))
        {
            b.Append(Inv, $"<line class=\"grid\" x1=\"{x0}\" y1=\"{Y(v):0.#}\" x2=\"{x1}\" y2=\"{Y(v):0.#}\"/>");
            b.Append(Inv, $"<text x=\"{x0 - 6}\" y=\"{Y(v) + 4:0.#}\" text-anchor=\"end\">{OutputText.Count(v)}</text>");
        }
        var w = (x1 - x0) / bins;
        for (var i = 0; i < bins; i++)
        {
            if (all[i] == 0)
            {
                continue;
            }
            var x = x0 + (i * w);
            var inWave = Math.Min(wave[i], all[i]);
            var other = all[i] - inWave;
            OutputText.TryUtc(start + (i * binWidth), out var from);
            var tip = $"{from.ToString("yyyy-MM-dd HH:mm", Inv)} UTC + {OutputText.Duration(binWidth)}: {all[i]} reports, {inWave} in a campaign wave";
            if (inWave > 0)
            {
                b.Append(Inv, $"<rect x=\"{x + 0.5:0.#}\" y=\"{Y(inWave):0.#}\" width=\"{Math.Max(1, w - 1):0.#}\" height=\"{Y(0) - Y(inWave):0.#}\" fill=\"{CampaignColour}\"><title>{Html(tip)}</title></rect>");
            }
            if (other > 0)
            {
                b.Append(Inv, $"<rect x=\"{x + 0.5:0.#}\" y=\"{Y(all[i]):0.#}\" width=\"{Math.Max(1, w - 1):0.#}\" height=\"{Y(inWave) - Y(all[i]):0.#}\" fill=\"{OtherColour}\"><title>{Html(tip)}</title></rect>");
            }
        }
        if (naiveSuspendedAt is { } n && n >= start && n <= end)
        {
            var x = X(n);
            b.Append(Inv, $"<line x1=\"{x:0.#}\" y1=\"{top - 12}\" x2=\"{x:0.#}\" y2=\"{bottom}\" stroke=\"{NaiveColour}\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>");
            b.Append(Inv, $"<text class=\"mark\" x=\"{x + 4:0.#}\" y=\"{top - 3}\" style=\"fill:{NaiveColour}\">{Html(naiveLabel)}: suspend</text>");
        }
        var row = 0;
        foreach (var (t, text) in changes)
        {
            if (t < start || t > end)
            {
                continue;
            }
            var x = X(t);
            var y = top - 18 - (12 * (row++ % 2));
            b.Append(Inv, $"<line x1=\"{x:0.#}\" y1=\"{y - 8}\" x2=\"{x:0.#}\" y2=\"{bottom}\" stroke=\"{SuspendColour}\" stroke-width=\"1.6\" stroke-dasharray=\"2 3\"/>");
            b.Append(Inv, $"<text class=\"mark\" x=\"{x + 4:0.#}\" y=\"{y}\" style=\"fill:{SuspendColour}\">Tansiq: {Html(text)}</text>");
        }
        b.Append("</svg>");
        return b.ToString();
    }

    private static void TimeAxis(StringBuilder b, long start, long end, Func<long, double> x, double top, double bottom)
    {
        foreach (var tick in TimelinePlot.Ticks(start, end, out var format))
        {
            var at = x((long)tick);
            OutputText.TryUtc(tick, out var t);
            b.Append(Inv, $"<line class=\"grid\" x1=\"{at:0.#}\" y1=\"{top}\" x2=\"{at:0.#}\" y2=\"{bottom}\"/>");
            b.Append(Inv, $"<text x=\"{at:0.#}\" y=\"{bottom + 16}\" text-anchor=\"middle\">{t.ToString(format, Inv)}</text>");
        }
        b.Append(Inv, $"<line x1=\"{x(start):0.#}\" y1=\"{bottom}\" x2=\"{x(end):0.#}\" y2=\"{bottom}\" stroke=\"#9aa3b2\"/>");
    }

    private static IEnumerable<int> YTicks(int yMax)
    {
        var step = Math.Max(1, yMax / 4);
        for (var v = 0; v <= yMax; v += step)
        {
            yield return v;
        }
    }

    /// <summary>1, 2, 5 × 10^k at or above <paramref name="value"/>, so the axis reads in round numbers.</summary>
    private static int NiceCeiling(int value)
    {
        var p = 1;
        while (true)
        {
            foreach (var m in (int[])[1, 2, 4, 5, 8])
            {
                if ((long)m * p >= value)
                {
                    return m * p;
                }
            }
            p *= 10;
        }
    }

    private static string Html(string s) => OutputText.Html(s);
}
