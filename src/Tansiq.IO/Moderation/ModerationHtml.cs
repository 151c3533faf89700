using System.Globalization;
using Tansiq.Core.Moderation;
using Tansiq.IO.Output;

namespace Tansiq.IO.Moderation;

/// <summary>
/// report.html of <c>moderate</c>: one self-contained page in the style of <c>detect</c>'s report (the same inline
/// stylesheet, no script, a CSP that forbids any network use) for a reviewer: what Tansiq decided next to what the naive
/// 25%-of-followers rule would have done to the same accounts, the decisions over time, each brigade with its evidence
/// and a chart of the reports on every account it targeted, every decision explained, and the timeline of changes.
/// Accounts are shown by username with their id beside it; user content carries <c>dir="auto"</c>.
/// </summary>
public static class ModerationHtml
{
    /// <summary>Rows of the per-target table beyond which the page points to decisions.csv instead (a browser chokes on millions).</summary>
    public const int MaxTargetRows = 2000;

    public const int MaxTimelineRows = 500;

    /// <summary>Brigaded accounts that get a report chart (the first ones of each brigade, then the page stops drawing).</summary>
    public const int MaxTargetCharts = 40;

    /// <summary>Targets listed in one brigade's table.</summary>
    public const int MaxBrigadeTargets = 60;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private const string ExtraCss = """
.decision { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; white-space: nowrap; }
.decision.suspend { background: #fbe3e1; color: #a3261f; }
.decision.review-high { background: #fdebd3; color: #8a4b00; }
.decision.review-normal { background: #fff3d6; color: #7a5a00; }
.decision.review-low { background: #eef1f6; color: #4b5568; }
.decision.none { background: #e7f4ec; color: #1d6b42; }
tr.saved td { background: #fff8e6; }
td.reason { font-size: 12.5px; color: var(--muted); max-width: 46em; }
.user { font-weight: 600; }
.user + .key { margin-inline-start: 6px; }
.tl text.mark { font-size: 11px; font-weight: 600; }
.vs { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 12px; margin: 0 0 18px; }
.vs .side { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; }
.vs .side h3 { margin: 0 0 6px; }
.vs .side.naive { border-top: 4px solid #D55E00; }
.vs .side.tansiq { border-top: 4px solid #0072B2; }
.vs .side .big { font-size: 26px; font-weight: 650; font-variant-numeric: tabular-nums; }
.target { border-top: 1px solid var(--line); padding-top: 10px; margin-top: 14px; }
.target .caption { margin: 0 0 6px; }
""";

    public static void Write(TextWriter w, ModerationResult result, ModerationWorld world, ModerationReadStats stats, ModerationRunInfo info, Dictionary<int, string> brigadeOf)
    {
        var comparison = PolicyComparison.Build(result, world, info.Replayed, info.NaiveThreshold);
        new Page(w, result, world, stats, info, brigadeOf, comparison).Write();
    }

    private sealed class Page(TextWriter w, ModerationResult result, ModerationWorld world, ModerationReadStats stats, ModerationRunInfo info, Dictionary<int, string> brigadeOf, PolicyComparison cmp)
    {
        private readonly string _pct = (cmp.Threshold * 100).ToString("0.##", Inv) + "%";
        private int _chartsLeft = MaxTargetCharts;
        private Dictionary<int, List<long>>? _timesOf;

        public void Write()
        {
            w.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
            w.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
            // As detect's report: evidence that may be opened offline or in a sensitive setting, so no fetch of any kind.
            w.Write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
            w.Write($"<meta name=\"generator\" content=\"{H(OutputText.GeneratedBy)}\">\n");
            w.Write("<title>Tansiq moderation report</title>\n<style>");
            w.Write(ReportAssets.Css);
            w.Write(ExtraCss);
            w.Write("</style>\n</head>\n<body>\n");
            w.Write("<header class=\"top\"><div class=\"wrap\"><div class=\"brand\">Tansiq</div><h1>Tansiq moderation report</h1>");
            w.Write($"<p class=\"sub\">{Plural(result.Reports, "report")} on {Plural(result.Decisions.Count, "account")} replayed in time order; policy <b>{H(info.Policy)}</b>. Every decision used only the reports seen up to its time.</p>");
            w.Write("</div></header>\n<main>\n");
            VerdictBox();
            Cards();
            SideBySide();
            OverTime();
            Brigades();
            Decisions();
            Timeline();
            Method();
            w.Write("</main>\n<footer><p>Files beside this report: <code>decisions.csv</code> (every reported account), <code>timeline.csv</code> (every change of decision), ");
            w.Write("<code>brigades.json</code> (the campaigns with their evidence and participants), <code>summary.json</code>.</p>");
            w.Write("<p>Tansiq detects and explains; it never files reports or operates accounts. Report volume says where to look, not what to do: docs/moderation.md explains the policy.</p>");
            w.Write($"<p>{H(OutputText.GeneratedBy)}</p></footer>\n</body>\n</html>\n");
        }

        private int NaiveSuspended => cmp.NaiveOf.Values.Count(d => d.Verdict.Decision == Decision.Suspend);

        private bool Brigaded(int target) => Brigades(target).Length > 0;

        private string Brigades(int target) =>
            cmp.TansiqOf.TryGetValue(target, out var d) ? ModerationWriters.Brigades(d.Campaigns, brigadeOf) : "";

        private Verdict? TansiqVerdict(int target) => cmp.Tansiq is null ? null : cmp.TansiqOf.TryGetValue(target, out var d) ? d.Verdict : Verdict.NoAction;

        /// <summary>Accounts the naive rule suspends and Tansiq does not.</summary>
        private List<int> Saved() =>
            [.. cmp.NaiveOf.Values.Where(d => d.Verdict.Decision == Decision.Suspend && TansiqVerdict(d.Target) is { Decision: not Decision.Suspend })
                .Select(d => d.Target)];

        private void VerdictBox()
        {
            var tansiq = cmp.Tansiq;
            var saved = Saved();
            var savedBrigaded = saved.Count(Brigaded);
            var none = result.Decisions.Count == 0;
            w.Write($"<section class=\"verdict{(none || (saved.Count == 0 && result.Brigades.Count == 0) ? " none" : "")}\" id=\"verdict\">");
            if (none)
            {
                w.Write("<strong>Nothing to decide: no report named a known account.</strong></section>\n");
                return;
            }
            if (tansiq is null)
            {
                w.Write($"<strong>The {_pct} rule suspended {Plural(NaiveSuspended, "account")}.</strong><p>Tansiq's policy could not be replayed beside it (the reports were not handed to the writer).</p></section>\n");
                return;
            }
            var tansiqSuspended = tansiq.Decisions.Count(d => d.Verdict.Decision == Decision.Suspend);
            var review = tansiq.Decisions.Count(d => d.Verdict.Decision == Decision.Review);
            w.Write($"<strong>The naive rule (suspend at {_pct} of followers) would suspend {Plural(NaiveSuspended, "account")}; Tansiq suspends {Count(tansiqSuspended)} and sends {Count(review)} to a reviewer.</strong>");
            w.Write("<p>");
            if (saved.Count > 0)
            {
                w.Write($"{Plural(saved.Count, "account")} the rule would close {(saved.Count == 1 ? "is" : "are")} not suspended by Tansiq");
                w.Write(savedBrigaded > 0 ? $", {Count(savedBrigaded)} of them targets of a reporting campaign (highlighted below). " : ". ");
            }
            w.Write(tansiq.Brigades.Count == 0
                ? "No reporting campaign was found."
                : $"{Plural(tansiq.Brigades.Count, "reporting campaign")} (brigade{(tansiq.Brigades.Count == 1 ? "" : "s")}) found: a campaign is counted roughly once and never causes a suspension on its own.");
            w.Write("</p></section>\n");
        }

        private void Cards()
        {
            w.Write("<section class=\"block\"><div class=\"cards\">");
            Card("Reports replayed", Count(result.Reports));
            Card("Reported accounts", Count(result.Decisions.Count));
            if (cmp.Tansiq is { } t)
            {
                Card("Tansiq: suspend", Count(t.Decisions.Count(d => d.Verdict.Decision == Decision.Suspend)));
                Card("Tansiq: review", Count(t.Decisions.Count(d => d.Verdict.Decision == Decision.Review)));
                Card("Brigades", Count(t.Brigades.Count), t.Brigades.Count > 0);
            }
            Card($"{_pct} rule: suspend", Count(NaiveSuspended), NaiveSuspended > 0);
            if (cmp.Tansiq is not null)
            {
                var saved = Saved();
                Card("Rule suspends, Tansiq does not", Count(saved.Count), saved.Count > 0);
            }
            Card("Accounts", Count(stats.Accounts));
            Card("Follows", Count(stats.Follows));
            if (stats.Messages > 0)
            {
                Card("Messages", Count(stats.Messages));
            }
            if (stats.ReportsNamingUnknownAccounts > 0)
            {
                Card("Reports on unknown accounts (left out)", Count(stats.ReportsNamingUnknownAccounts));
            }
            if (stats.DuplicateReportIds > 0)
            {
                Card("Duplicate report ids (ignored)", Count(stats.DuplicateReportIds));
            }
            w.Write("</div></section>\n");
        }

        private void Card(string label, string value, bool hot = false) =>
            w.Write($"<div class=\"card{(hot ? " hot" : "")}\"><div class=\"v\">{value}</div><div class=\"k\">{H(label)}</div></div>");

        private void SideBySide()
        {
            if (cmp.Tansiq is not { } tansiq || result.Decisions.Count == 0)
            {
                return;
            }
            w.Write("<section class=\"block\" id=\"compare\"><h2>The same reports, two policies</h2>\n<div class=\"vs\">");
            var brigaded = tansiq.Decisions.Where(d => Brigaded(d.Target)).ToList();
            var naiveBrigaded = brigaded.Count(d => cmp.NaiveSuspends(d.Target));
            w.Write($"<div class=\"side naive\"><h3>Naive rule: suspend at {_pct} of followers</h3><div class=\"big\">{Count(NaiveSuspended)}</div><p class=\"note\">accounts suspended");
            w.Write(brigaded.Count > 0 ? $", {Count(naiveBrigaded)} of the {Count(brigaded.Count)} targets of reporting campaigns" : "");
            w.Write(". The rule counts reporters; it does not ask who they are, so a campaign closes any account with fewer followers than four times its size.</p></div>");
            var suspended = tansiq.Decisions.Count(d => d.Verdict.Decision == Decision.Suspend);
            var tansiqBrigaded = brigaded.Count(d => d.Verdict.Decision == Decision.Suspend);
            w.Write($"<div class=\"side tansiq\"><h3>Tansiq</h3><div class=\"big\">{Count(suspended)}</div><p class=\"note\">accounts suspended");
            w.Write(brigaded.Count > 0 ? $", {Count(tansiqBrigaded)} of the {Count(brigaded.Count)} campaign targets" : "");
            w.Write($"; {Count(tansiq.Decisions.Count(d => d.Verdict.Decision == Decision.Review))} sent to a reviewer. Reports are weighed by who sent them and how independently; a campaign's targets go to review at most.</p></div>");
            w.Write("</div>\n");
            var saved = Saved();
            if (saved.Count > 0)
            {
                w.Write($"<h3>Accounts the rule would close and Tansiq does not ({Count(saved.Count)})</h3>\n");
                TargetTable(saved.OrderByDescending(Brigaded).ThenByDescending(t => Reporters(t)).Take(50).ToList(), compact: true);
                if (saved.Count > 50)
                {
                    w.Write($"<p class=\"note\">50 of {Count(saved.Count)} shown; the full table is below.</p>\n");
                }
            }
            w.Write("</section>\n");
        }

        private void OverTime()
        {
            if (result.Decisions.Count == 0 || cmp.Tansiq is not { } tansiq)
            {
                return;
            }
            long start = long.MaxValue, end = long.MinValue;
            foreach (var r in info.Replayed)
            {
                start = Math.Min(start, r.Time);
                end = Math.Max(end, r.Time);
            }
            foreach (var e in tansiq.Timeline.Concat(cmp.Naive.Timeline))
            {
                start = Math.Min(start, e.Time);
                end = Math.Max(end, e.Time);
            }
            if (start > end)
            {
                return;
            }
            var series = new List<ModerationCharts.Series>
            {
                new($"{_pct} rule: suspended", ModerationCharts.NaiveColour, true, ModerationCharts.Steps(cmp.Naive.Timeline, v => v.Decision == Decision.Suspend)),
                new("Tansiq: suspended", ModerationCharts.SuspendColour, false, ModerationCharts.Steps(tansiq.Timeline, v => v.Decision == Decision.Suspend)),
                new("Tansiq: in review", ModerationCharts.ReviewColour, false, ModerationCharts.Steps(tansiq.Timeline, v => v.Decision == Decision.Review)),
            };
            w.Write("<section class=\"block\" id=\"over-time\"><h2>Decisions over time</h2>\n<div class=\"legend\">");
            foreach (var s in series)
            {
                w.Write($"<span style=\"--c:{s.Colour}\">{H(s.Name)}</span>");
            }
            w.Write("</div>\n<div class=\"tl\">");
            w.Write(ModerationCharts.DecisionsOverTime(series, start, end, "Accounts suspended and in review over time, for both policies"));
            w.Write($"</div>\n<p class=\"note\">Accounts standing at each decision as the reports arrived, {H(Utc(start))} to {H(Utc(end))} UTC. A suspension that a later campaign turns into a review shows as a step down.</p></section>\n");
        }

        private void Brigades()
        {
            w.Write("<section class=\"block\" id=\"brigades\"><h2>Reporting campaigns (brigades)</h2>\n");
            var brigades = cmp.Tansiq?.Brigades ?? [];
            if (brigades.Count == 0)
            {
                w.Write(info.Policy == "threshold" && cmp.Tansiq is null
                    ? "<p class=\"empty\">The threshold policy does not look for campaigns: it counts reporters.</p>\n</section>\n"
                    : "<p class=\"empty\">No reporting campaign was found.</p>\n</section>\n");
                return;
            }
            if (info.Policy == "threshold")
            {
                w.Write("<p class=\"note\">Found by Tansiq's policy replayed beside this run's threshold policy.</p>\n");
            }
            var wavesOn = cmp.Tansiq!.Campaigns.GroupBy(c => c.Target).ToDictionary(g => g.Key, g => g.ToList());
            foreach (var b in brigades)
            {
                w.Write($"<section class=\"cluster\" id=\"{H(b.Id)}\">\n<div class=\"head\"><h2>Brigade {H(b.Id)}</h2>");
                w.Write($"<span class=\"meta\">{Plural(b.Participants.Count, "reporter")}, {Plural(b.Targets.Count, "target")}, {Plural(b.Reports, "report")}</span>");
                w.Write($"<span class=\"meta\">{H(Utc(b.Start))} to {H(Utc(b.End))} UTC ({H(OutputText.Duration(b.End - b.Start))})</span></div>\n");
                w.Write("<h3>Why it is a campaign</h3>\n<table class=\"evidence\"><thead><tr><th>Measurement</th><th class=\"num\">Value</th><th>What it means</th></tr></thead><tbody>\n");
                foreach (var e in b.Evidence)
                {
                    w.Write($"<tr><td class=\"name\">{H(e.Name)}</td><td class=\"num\">{H(OutputText.Number(e.Value))}</td><td>{H(e.Explanation)}</td></tr>\n");
                }
                w.Write("</tbody></table>\n");
                w.Write($"<h3>Targets: the {_pct} rule and Tansiq</h3>\n");
                var targets = b.Targets.Take(MaxBrigadeTargets).ToList();
                TargetTable(targets, compact: true);
                if (b.Targets.Count > targets.Count)
                {
                    w.Write($"<p class=\"note\">{targets.Count} of {Count(b.Targets.Count)} targets listed; brigades.json has them all.</p>\n");
                }
                var charted = 0;
                foreach (var t in b.Targets)
                {
                    if (_chartsLeft <= 0)
                    {
                        break;
                    }
                    _chartsLeft--;
                    charted++;
                    TargetChart(t, wavesOn.GetValueOrDefault(t) ?? []);
                }
                if (charted < b.Targets.Count)
                {
                    w.Write($"<p class=\"note\">Report charts are drawn for {Plural(MaxTargetCharts, "targeted account")} per page; {Count(b.Targets.Count - charted)} of this brigade's targets have none.</p>\n");
                }
                w.Write("</section>\n");
            }
            w.Write("</section>\n");
        }

        private void TargetChart(int target, List<Campaign> waves)
        {
            var times = TimesOf(target);
            if (times.Count == 0)
            {
                return;
            }
            var waveTimes = waves.SelectMany(c => c.Times).ToList();
            var changes = (cmp.Tansiq?.Timeline ?? []).Where(e => e.Target == target).Select(e => (e.Time, ModerationWriters.Label(e.Verdict).Replace('_', ' '))).ToList();
            long? naiveAt = cmp.NaiveSuspendedAt.TryGetValue(target, out var at) ? at : null;
            var followers = world.Followers[target];
            var reporters = Reporters(target);
            w.Write($"<div class=\"target\" id=\"t-{target.ToString(Inv)}\"><p class=\"caption\">{Account(target)}: {Plural(times.Count, "report")} from {Plural(reporters, "reporter")}, ");
            w.Write(followers > 0 ? $"{Share(reporters, followers)} of its {Plural(followers, "follower")}. " : "followers unknown. ");
            w.Write(naiveAt is { } n ? $"The {_pct} rule suspends it at {H(Utc(n))} UTC. " : $"The {_pct} rule does not suspend it. ");
            w.Write($"Tansiq: {DecisionBadge(TansiqVerdict(target))}.</p>\n");
            w.Write($"<div class=\"legend\"><span style=\"--c:{ModerationCharts.CampaignColour}\">reports in a campaign wave</span><span style=\"--c:{ModerationCharts.OtherColour}\">other reports</span></div>");
            w.Write("<div class=\"tl\">");
            w.Write(ModerationCharts.TargetReports(times, waveTimes, naiveAt, $"{_pct} rule", changes, $"Reports on {Name(target)} over time"));
            w.Write("</div></div>\n");
        }

        /// <summary>Report times on the brigaded accounts, gathered in one pass over the replayed reports.</summary>
        private List<long> TimesOf(int target)
        {
            if (_timesOf is null)
            {
                var wanted = new HashSet<int>();
                var left = MaxTargetCharts;
                foreach (var b in cmp.Tansiq?.Brigades ?? [])
                {
                    foreach (var t in b.Targets)
                    {
                        if (left-- > 0)
                        {
                            wanted.Add(t);
                        }
                    }
                }
                _timesOf = wanted.ToDictionary(t => t, _ => new List<long>());
                foreach (var r in info.Replayed)
                {
                    if (_timesOf.TryGetValue(r.Target, out var list))
                    {
                        list.Add(r.Time);
                    }
                }
            }
            return _timesOf.GetValueOrDefault(target) ?? [];
        }

        private int Reporters(int target) =>
            cmp.NaiveOf.TryGetValue(target, out var n) ? n.Reporters : cmp.TansiqOf.TryGetValue(target, out var t) ? t.Reporters : 0;

        private void Decisions()
        {
            w.Write("<section class=\"block\" id=\"decisions\"><h2>Every reported account: the rule and Tansiq</h2>\n");
            if (result.Decisions.Count == 0)
            {
                w.Write("<p class=\"empty\">No account was reported.</p></section>\n");
                return;
            }
            // Where the policies disagree first, then Tansiq's most severe decisions.
            var ordered = result.Decisions.Select(d => d.Target)
                .OrderByDescending(t => cmp.NaiveSuspends(t) && TansiqVerdict(t) is { Decision: not Decision.Suspend })
                .ThenByDescending(t => TansiqVerdict(t)?.Decision ?? Decision.None)
                .ThenByDescending(t => TansiqVerdict(t)?.Priority ?? Priority.None)
                .ThenByDescending(t => cmp.NaiveSuspends(t))
                .ThenByDescending(Reporters)
                .ThenBy(t => world.Accounts[t], StringComparer.Ordinal)
                .ToList();
            if (ordered.Count > MaxTargetRows)
            {
                w.Write($"<p class=\"note\">The first {MaxTargetRows} of {Count(ordered.Count)} accounts; all are in <code>decisions.csv</code>.</p>\n");
            }
            TargetTable(ordered.Take(MaxTargetRows).ToList(), compact: false);
            w.Write($"<p class=\"note\">Rows where the {_pct} rule would suspend and Tansiq does not are highlighted. Share = distinct reporters as a share of the profile's follower count (the rule's measure).</p></section>\n");
        }

        private void TargetTable(IReadOnlyList<int> targets, bool compact)
        {
            w.Write("<table class=\"targets\"><thead><tr><th>Account</th><th class=\"num\">Followers</th><th class=\"num\">Reports</th><th class=\"num\">Reporters</th><th class=\"num\">Share</th>");
            w.Write($"<th>{_pct} rule</th><th>Tansiq</th><th>Brigade</th>");
            if (!compact)
            {
                w.Write("<th>Decided (UTC)</th><th>Why (Tansiq)</th>");
            }
            w.Write("</tr></thead><tbody>\n");
            foreach (var t in targets)
            {
                var naive = cmp.NaiveSuspends(t);
                var tansiq = TansiqVerdict(t);
                var saved = naive && tansiq is { Decision: not Decision.Suspend };
                var followers = world.Followers[t];
                var reporters = Reporters(t);
                var reports = cmp.TansiqOf.TryGetValue(t, out var td) ? td.Reports : cmp.NaiveOf.TryGetValue(t, out var nd) ? nd.Reports : 0;
                w.Write($"<tr class=\"target-row{(saved ? " saved" : "")}\" data-account=\"{H(world.Accounts[t])}\" data-naive=\"{(naive ? "suspend" : "none")}\" data-tansiq=\"{(tansiq is { } v ? ModerationWriters.Label(v) : "")}\">");
                w.Write($"<td>{Account(t)}</td><td class=\"num\">{(followers > 0 ? Count(followers) : "-")}</td><td class=\"num\">{Count(reports)}</td><td class=\"num\">{Count(reporters)}</td>");
                w.Write($"<td class=\"num\">{(followers > 0 ? Share(reporters, followers) : "-")}</td>");
                w.Write($"<td>{(naive ? "<span class=\"decision suspend\">suspend</span>" : "<span class=\"decision none\">keep</span>")}</td><td>{DecisionBadge(tansiq)}</td><td>{Links(Brigades(t))}</td>");
                if (!compact)
                {
                    var d = cmp.TansiqOf.GetValueOrDefault(t) ?? result.Decisions.First(x => x.Target == t);
                    w.Write($"<td class=\"nowrap\">{H(Utc(d.DecidedAt))}</td><td class=\"reason\">{H(d.Reason)}</td>");
                }
                w.Write("</tr>\n");
            }
            w.Write("</tbody></table>\n");
        }

        private void Timeline()
        {
            var timeline = result.Timeline;
            w.Write($"<section class=\"block\" id=\"timeline\"><h2>Timeline of changes ({H(info.Policy)})</h2>\n");
            if (timeline.Count == 0)
            {
                w.Write("<p class=\"empty\">No decision ever left <code>none</code>.</p></section>\n");
                return;
            }
            if (timeline.Count > MaxTimelineRows)
            {
                w.Write($"<p class=\"note\">The first {MaxTimelineRows} of {Count(timeline.Count)} changes; all are in <code>timeline.csv</code>.</p>\n");
            }
            w.Write("<table><thead><tr><th>Time (UTC)</th><th>Account</th><th>Decision</th><th class=\"num\">Reports</th><th class=\"num\">Effective</th><th>Brigade</th></tr></thead><tbody>\n");
            foreach (var e in timeline.Take(MaxTimelineRows))
            {
                w.Write($"<tr><td class=\"nowrap\">{H(Utc(e.Time))}</td><td>{Account(e.Target)}</td><td>{DecisionBadge(e.Verdict)}</td><td class=\"num\">{Count(e.Reports)}</td>");
                w.Write($"<td class=\"num\">{e.EffectiveReports.ToString("0.##", Inv)}</td><td>{Links(ModerationWriters.Brigades(e.Campaigns, brigadeOf))}</td></tr>\n");
            }
            w.Write("</tbody></table></section>\n");
        }

        private void Method()
        {
            w.Write("<section class=\"block\" id=\"method\"><h2>Method: what was read and how it was decided</h2>\n");
            w.Write("<h3>Inputs</h3>\n<table class=\"kv\"><tbody>\n");
            Row("accounts", stats.Accounts);
            Row("follows", stats.Follows);
            Row("follows naming unknown accounts (ignored)", stats.FollowsNamingUnknownAccounts);
            Row("messages", stats.Messages);
            Row("coordinated clusters in the messages", stats.MessageClusters);
            Row("report rows", stats.ReportRows);
            Row("duplicate report ids (ignored)", stats.DuplicateReportIds);
            Row("reports naming unknown accounts (left out)", stats.ReportsNamingUnknownAccounts);
            Row("campaign waves", result.Campaigns.Count);
            Row("brigades", result.Brigades.Count);
            w.Write("</tbody></table>\n<h3>Parameters</h3>\n<table class=\"kv\"><tbody>\n");
            w.Write($"<tr><td>policy</td><td>{H(info.Policy)}</td></tr>\n");
            foreach (var (k, v) in info.Parameters)
            {
                w.Write($"<tr><td>{H(k)}</td><td>{H(Convert.ToString(v, Inv) ?? "")}</td></tr>\n");
            }
            w.Write($"<tr><td>naive rule shown beside it</td><td>suspend when distinct reporters &#8805; {H(cmp.Threshold.ToString("0.###", Inv))} &#215; followers_count</td></tr>\n");
            w.Write("</tbody></table>\n");
            if (info.StageSeconds.Count > 0)
            {
                w.Write("<h3>Stage timings</h3>\n<table class=\"kv\"><tbody>\n");
                foreach (var (stage, seconds) in info.StageSeconds)
                {
                    w.Write($"<tr><td>{H(stage)}</td><td>{seconds.ToString("0.000", Inv)} s</td></tr>\n");
                }
                w.Write("</tbody></table>\n");
            }
            w.Write("</section>\n");
        }

        private void Row(string name, long value) => w.Write($"<tr><td>{H(name)}</td><td>{Count(value)}</td></tr>\n");

        /// <summary>The username in bold and the account id beside it (the id alone when the profile has no username).</summary>
        private string Account(int account)
        {
            var id = world.Accounts[account];
            var username = world.Username(account);
            return username is null
                ? $"<span class=\"key\" dir=\"auto\">{H(id)}</span>"
                : $"<span class=\"user\" dir=\"auto\">@{H(username)}</span><span class=\"key\" dir=\"auto\">{H(id)}</span>";
        }

        private string Name(int account) => world.Username(account) is { } u ? "@" + u : world.Accounts[account];

        private static string DecisionBadge(Verdict? v)
        {
            if (v is not { } verdict)
            {
                return "<span class=\"empty\">-</span>";
            }
            var css = verdict.Decision switch
            {
                Core.Moderation.Decision.Suspend => "suspend",
                Core.Moderation.Decision.Review => "review-" + verdict.Priority.Name(),
                _ => "none",
            };
            var label = verdict.Decision switch
            {
                Core.Moderation.Decision.Review => "review " + verdict.Priority.Name(),
                Core.Moderation.Decision.None => "keep",
                _ => verdict.Decision.Name(),
            };
            return $"<span class=\"decision {css}\">{H(label)}</span>";
        }

        private static string Share(long part, long whole) =>
            (100.0 * part / whole).ToString(100.0 * part / whole < 10 ? "0.#" : "0", Inv) + "%";

        /// <summary>Brigade ids ("B1;B3") as links to their sections on the page.</summary>
        private static string Links(string brigades) =>
            string.Join(' ', brigades.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(b => $"<a href=\"#{H(b)}\">{H(b)}</a>"));

        private static string Utc(long t) =>
            OutputText.TryUtc(t, out var u) ? u.ToString("yyyy-MM-dd HH:mm:ss", Inv) : "-";

        private static string H(string? s) => OutputText.Html(s);

        private static string Count(long value) => OutputText.Count(value);

        private static string Plural(long n, string noun) => $"{OutputText.Count(n)} {noun}{(n == 1 ? "" : "s")}";
    }
}
