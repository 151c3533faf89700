using System.Globalization;
using System.Text;
using Tansiq.Core.Moderation;

namespace Tansiq.IO.Moderation;

/// <summary>The docs' plot: wrongful suspensions against campaign size for both policies, as a plain SVG (no scripts).</summary>
public static class SweepPlot
{
    public static void WriteCsv(string path, IReadOnlyList<SweepPoint> points)
    {
        var b = new StringBuilder("campaign_fraction,measured_min,measured_max,targets,threshold_wrongful_suspensions,tansiq_wrongful_suspensions,tansiq_reviews\n");
        foreach (var p in points)
        {
            b.Append(CultureInfo.InvariantCulture, $"{p.Fraction},{Math.Round(p.MeasuredMin, 4)},{Math.Round(p.MeasuredMax, 4)},{p.Targets},{p.ThresholdWrongful},{p.TansiqWrongful},{p.TansiqReviewed}\n");
        }
        WriteAtomic(path, b.ToString());
    }

    public static void WriteSvg(string path, IReadOnlyList<SweepPoint> points) => WriteAtomic(path, Svg(points));

    public static string Svg(IReadOnlyList<SweepPoint> points)
    {
        const double width = 720, height = 420, left = 70, right = 20, top = 40, bottom = 60;
        var ci = CultureInfo.InvariantCulture;
        var maxY = Math.Max(1, points.Max(p => Math.Max(p.Targets, Math.Max(p.ThresholdWrongful, p.TansiqWrongful))));
        double minX = Math.Log10(points.Min(p => p.Fraction)), maxX = Math.Log10(points.Max(p => p.Fraction));
        double X(double f) => left + ((Math.Log10(f) - minX) / Math.Max(1e-9, maxX - minX) * (width - left - right));
        double Y(double v) => height - bottom - (v / maxY * (height - top - bottom));
        var b = new StringBuilder();
        b.Append(ci, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        b.Append(ci, $"<rect width=\"{width}\" height=\"{height}\" fill=\"white\"/>\n");
        b.Append(ci, $"<text x=\"{width / 2}\" y=\"22\" text-anchor=\"middle\" font-size=\"15\">Wrongful suspensions of brigaded and petitioned accounts, by campaign size</text>\n");
        // Axes, grid and ticks.
        b.Append(ci, $"<line x1=\"{left}\" y1=\"{height - bottom}\" x2=\"{width - right}\" y2=\"{height - bottom}\" stroke=\"black\"/>\n");
        b.Append(ci, $"<line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{height - bottom}\" stroke=\"black\"/>\n");
        foreach (var f in new[] { 0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1.0 })
        {
            if (f < points[0].Fraction || f > points[^1].Fraction)
            {
                continue;
            }
            var x = X(f);
            b.Append(ci, $"<line x1=\"{x:0.#}\" y1=\"{top}\" x2=\"{x:0.#}\" y2=\"{height - bottom}\" stroke=\"#eee\"/>\n");
            b.Append(ci, $"<text x=\"{x:0.#}\" y=\"{height - bottom + 16}\" text-anchor=\"middle\">{f * 100:0}%</text>\n");
        }
        var step = Math.Max(1, (int)Math.Ceiling(maxY / 6.0));
        for (var v = 0; v <= maxY; v += step)
        {
            var y = Y(v);
            b.Append(ci, $"<line x1=\"{left}\" y1=\"{y:0.#}\" x2=\"{width - right}\" y2=\"{y:0.#}\" stroke=\"#eee\"/>\n");
            b.Append(ci, $"<text x=\"{left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{v}</text>\n");
        }
        b.Append(ci, $"<text x=\"{(left + width - right) / 2}\" y=\"{height - 18}\" text-anchor=\"middle\">campaign size (reporters as a share of the target's followers, log scale)</text>\n");
        b.Append(ci, $"<text x=\"18\" y=\"{(top + height - bottom) / 2}\" text-anchor=\"middle\" transform=\"rotate(-90 18 {(top + height - bottom) / 2})\">campaign targets suspended (of {points[0].Targets} per size)</text>\n");
        Series(b, points, p => p.Targets, "#bbb", "4 3", X, Y);
        Series(b, points, p => p.ThresholdWrongful, "#c0392b", null, X, Y);
        Series(b, points, p => p.TansiqWrongful, "#1f6fb2", null, X, Y);
        // The legend sits in the empty middle band: the lines run along the top and the bottom.
        var lx = left + 12;
        var ly = top + ((height - top - bottom) * 0.35);
        Legend(b, lx, ly, "#c0392b", null, "threshold policy (suspend at 25% of followers)");
        Legend(b, lx, ly + 18, "#1f6fb2", null, "tansiq policy");
        Legend(b, lx, ly + 36, "#bbb", "4 3", "all campaign targets at this size");
        b.Append("</svg>\n");
        return b.ToString();
    }

    private static void Series(StringBuilder b, IReadOnlyList<SweepPoint> points, Func<SweepPoint, int> value, string color, string? dash, Func<double, double> x, Func<double, double> y)
    {
        var ci = CultureInfo.InvariantCulture;
        b.Append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").Append(color).Append('"');
        if (dash is not null)
        {
            b.Append(" stroke-dasharray=\"").Append(dash).Append('"');
        }
        b.Append(" points=\"");
        foreach (var p in points)
        {
            b.Append(ci, $"{x(p.Fraction):0.#},{y(value(p)):0.#} ");
        }
        b.Append("\"/>\n");
        foreach (var p in points)
        {
            b.Append(ci, $"<circle cx=\"{x(p.Fraction):0.#}\" cy=\"{y(value(p)):0.#}\" r=\"3\" fill=\"{color}\"/>\n");
        }
    }

    private static void Legend(StringBuilder b, double x, double y, string color, string? dash, string text)
    {
        var ci = CultureInfo.InvariantCulture;
        b.Append(ci, $"<line x1=\"{x}\" y1=\"{y}\" x2=\"{x + 24}\" y2=\"{y}\" stroke=\"{color}\" stroke-width=\"2\"{(dash is null ? "" : $" stroke-dasharray=\"{dash}\"")}/>\n");
        b.Append(ci, $"<text x=\"{x + 30}\" y=\"{y + 4}\">{text}</text>\n");
    }

    private static void WriteAtomic(string path, string text)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
        }
        Output.AtomicFile.WriteText(path, w => w.Write(text));
    }
}
