using System.Globalization;
using System.Net;
using Tansiq.Core.Moderation;

namespace Tansiq.IO.Moderation;

/// <summary>report.html: one self-contained page (no scripts, no network) with the summary, the campaigns and every decision explained.</summary>
public static class ModerationHtml
{
    /// <summary>Rows of the per-target table beyond which the page points to decisions.csv instead (a browser chokes on millions).</summary>
    public const int MaxTargetRows = 2000;

    public const int MaxTimelineRows = 500;

    public static void Write(TextWriter w, ModerationResult result, ModerationWorld world, ModerationReadStats stats, ModerationRunInfo info, Dictionary<int, string> brigadeOf)
    {
        var ci = CultureInfo.InvariantCulture;
        w.Write("""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Tansiq moderation report</title>
            <style>
            body{font-family:system-ui,"Noto Sans Arabic","Segoe UI",sans-serif;margin:2em;max-width:1200px;color:#222}
            table{border-collapse:collapse;margin:.5em 0 1.5em}
            td,th{border:1px solid #ccc;padding:.25em .5em;vertical-align:top;text-align:start}
            th{background:#f3f3f3}
            .suspend{color:#a00;font-weight:bold}.review-high{color:#b50}.review-normal{color:#850}.review-low{color:#666}
            .none{color:#999}.reason{font-size:.9em;max-width:60em}
            code{background:#f6f6f6;padding:0 .2em}
            </style>
            </head>
            <body>
            <h1>Tansiq moderation report</h1>

            """);
        w.Write(string.Create(ci, $"<p>Policy: <b>{H(info.Policy)}</b>. {result.Reports} reports replayed in time order against {result.Decisions.Count} reported accounts; every decision below used only the reports seen up to its time.</p>\n"));
        w.Write("<h2>Summary</h2>\n<table><tr><th>decision</th><th>accounts</th></tr>\n");
        foreach (var g in result.Decisions.GroupBy(d => d.Verdict).OrderByDescending(g => g.Key.Decision).ThenByDescending(g => g.Key.Priority))
        {
            w.Write(string.Create(ci, $"<tr><td class=\"{Css(g.Key)}\">{H(ModerationWriters.Label(g.Key))}</td><td>{g.Count()}</td></tr>\n"));
        }
        w.Write("</table>\n<table><tr><th>input</th><th>count</th></tr>\n");
        Row(w, "accounts", stats.Accounts);
        Row(w, "follows", stats.Follows);
        Row(w, "messages", stats.Messages);
        Row(w, "report rows", stats.ReportRows);
        Row(w, "duplicate report ids (ignored)", stats.DuplicateReportIds);
        Row(w, "reports naming unknown accounts (left out)", stats.ReportsNamingUnknownAccounts);
        Row(w, "campaign waves", result.Campaigns.Count);
        Row(w, "brigades", result.Brigades.Count);
        w.Write("</table>\n");

        w.Write("<h2>Reporting campaigns</h2>\n");
        if (result.Brigades.Count == 0)
        {
            w.Write(info.Policy == "threshold"
                ? "<p>The threshold policy does not look for campaigns: it counts reporters.</p>\n"
                : "<p>No reporting campaign was found.</p>\n");
        }
        foreach (var b in result.Brigades)
        {
            w.Write(string.Create(ci, $"<h3 id=\"{H(b.Id)}\">{H(b.Id)}: {b.Participants.Count} reporters, {b.Targets.Count} targets, {ModerationWriters.Iso(b.Start)} to {ModerationWriters.Iso(b.End)}</h3>\n"));
            w.Write("<p>Targets: ");
            var shown = 0;
            foreach (var t in b.Targets)
            {
                if (shown++ == 30)
                {
                    w.Write(string.Create(ci, $" and {b.Targets.Count - 30} more"));
                    break;
                }
                w.Write(string.Create(ci, $"<span dir=\"auto\">{H(world.Accounts[t])}</span> "));
            }
            w.Write("</p>\n<table><tr><th>evidence</th><th>value</th><th>meaning</th></tr>\n");
            foreach (var e in b.Evidence)
            {
                w.Write(string.Create(ci, $"<tr><td><code>{H(e.Name)}</code></td><td>{e.Value.ToString("0.##", ci)}</td><td>{H(e.Explanation)}</td></tr>\n"));
            }
            w.Write("</table>\n");
        }

        w.Write("<h2>Decisions, explained</h2>\n");
        var ordered = result.Decisions.OrderByDescending(d => d.Verdict.Decision).ThenByDescending(d => d.Verdict.Priority)
            .ThenByDescending(d => d.EffectiveReports).ToList();
        if (ordered.Count > MaxTargetRows)
        {
            w.Write(string.Create(ci, $"<p>The {MaxTargetRows} most severe of {ordered.Count} decisions; all are in <code>decisions.csv</code>.</p>\n"));
        }
        w.Write("<table><tr><th>account</th><th>decision</th><th>decided (UTC)</th><th>reports</th><th>effective</th><th>brigade</th><th>why</th></tr>\n");
        foreach (var d in ordered.Take(MaxTargetRows))
        {
            var brigades = ModerationWriters.Brigades(d.Campaigns, brigadeOf);
            w.Write(string.Create(ci, $"<tr><td dir=\"auto\">{H(world.Accounts[d.Target])}</td><td class=\"{Css(d.Verdict)}\">{H(ModerationWriters.Label(d.Verdict))}</td><td>{ModerationWriters.Iso(d.DecidedAt)}</td><td>{d.Reports}</td><td>{d.EffectiveReports.ToString("0.##", ci)}</td><td>{Links(brigades)}</td><td class=\"reason\" dir=\"auto\">{H(d.Reason)}</td></tr>\n"));
        }
        w.Write("</table>\n");

        w.Write("<h2>Timeline of changes</h2>\n");
        if (result.Timeline.Count > MaxTimelineRows)
        {
            w.Write(string.Create(ci, $"<p>The first {MaxTimelineRows} of {result.Timeline.Count} changes; all are in <code>timeline.csv</code>.</p>\n"));
        }
        w.Write("<table><tr><th>time (UTC)</th><th>account</th><th>decision</th><th>reports</th><th>effective</th></tr>\n");
        foreach (var e in result.Timeline.Take(MaxTimelineRows))
        {
            w.Write(string.Create(ci, $"<tr><td>{ModerationWriters.Iso(e.Time)}</td><td dir=\"auto\">{H(world.Accounts[e.Target])}</td><td class=\"{Css(e.Verdict)}\">{H(ModerationWriters.Label(e.Verdict))}</td><td>{e.Reports}</td><td>{e.EffectiveReports.ToString("0.##", ci)}</td></tr>\n"));
        }
        w.Write("</table>\n");
        w.Write("<h2>Parameters</h2>\n<table>\n");
        foreach (var (k, v) in info.Parameters)
        {
            w.Write(string.Create(ci, $"<tr><td><code>{H(k)}</code></td><td>{H(Convert.ToString(v, ci) ?? "")}</td></tr>\n"));
        }
        w.Write("</table>\n<p>Tansiq detects and explains; it never files reports or operates accounts. See docs/moderation.md for the policy.</p>\n</body>\n</html>\n");
    }

    private static void Row(TextWriter w, string name, long value) => w.Write(string.Create(CultureInfo.InvariantCulture, $"<tr><td>{H(name)}</td><td>{value}</td></tr>\n"));

    private static string Css(Verdict v) => v.Decision switch
    {
        Decision.Suspend => "suspend",
        Decision.Review => "review-" + v.Priority.Name(),
        _ => "none",
    };

    private static string H(string s) => WebUtility.HtmlEncode(s);

    /// <summary>Brigade ids ("B1;B3") as links to their sections on the page.</summary>
    private static string Links(string brigades) =>
        string.Join(' ', brigades.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(b => $"<a href=\"#{H(b)}\">{H(b)}</a>"));
}
