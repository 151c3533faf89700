using System.Globalization;
using Tansiq.Core.Detection;
using Tansiq.Core.Model;

namespace Tansiq.IO.Output;

/// <summary>
/// report.html: one self-contained page (inline style and script, no external resources, a CSP that forbids any
/// network use) for an analyst: the verdict, the summary, clusters ranked by score with their evidence, shared objects,
/// a timeline and members, then what was examined and how.
/// </summary>
public static class HtmlReportWriter
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Write(DetectionResult result, string path, DetectionWriterOptions? options = null) =>
        Write(new ResultView(result), path, options ?? new DetectionWriterOptions());

    internal static void Write(ResultView view, string path, DetectionWriterOptions options) =>
        AtomicFile.WriteText(path, writer => new Page(view, options, writer).Write());

    private sealed class Page(ResultView view, DetectionWriterOptions options, TextWriter w)
    {
        private readonly DetectionSummary _summary = view.Result.Summary;
        private int _dotsLeft = options.MaxReportTotalDots;
        private int _memberRowsLeft = options.MaxReportTotalMembers;
        private int _sectionsLeft;

        public void Write()
        {
            var clusters = view.RankedClusters;
            var flagged = view.Result.Accounts.Count(a => a.ClusterId is not null);
            w.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
            w.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
            // The page is evidence that may be opened offline or in a sensitive setting: forbid every network fetch outright.
            w.Write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n");
            w.Write("<meta name=\"generator\" content=\"");
            w.Write(H(options.GeneratedBy));
            w.Write("\">\n<title>Tansiq report: ");
            w.Write(clusters.Count == 0 ? "no coordinated clusters" : Plural(clusters.Count, "coordinated cluster"));
            w.Write("</title>\n<style>");
            w.Write(ReportAssets.Css);
            foreach (var (name, colour) in ReportAssets.SignalColours)
            {
                w.Write($".sig-{name}{{background:{colour}}}\n");
            }
            w.Write("</style>\n</head>\n<body>\n");

            w.Write("<header class=\"top\"><div class=\"wrap\"><div class=\"brand\">Tansiq</div><h1>Coordinated behaviour report</h1>");
            w.Write($"<p class=\"sub\">{Count(_summary.Messages)} messages from {Count(_summary.Accounts)} accounts examined for accounts that act together</p>");
            w.Write("</div></header>\n<main>\n");

            Verdict(clusters, flagged);
            Cards(clusters.Count, flagged);
            if (clusters.Count > 0)
            {
                Ranking(clusters);
                var shown = Math.Min(clusters.Count, options.MaxReportClusters);
                _sectionsLeft = shown;
                for (var i = 0; i < shown; i++)
                {
                    Cluster(clusters[i], i + 1);
                }
                if (shown < clusters.Count)
                {
                    w.Write($"<p class=\"note\">Detailed sections are shown for the {shown} strongest clusters; clusters.json has all {Count(clusters.Count)}.</p>\n");
                }
            }
            Leads();
            Method();
            w.Write("</main>\n<footer><p>Files beside this report: <code>accounts.csv</code> (every account in a co-action edge, with its cluster and score), ");
            w.Write("<code>edges.csv</code>, <code>clusters.json</code> (everything on this page, in full), <code>network.graphml</code> and <code>network.gexf</code> (for Gephi, Cytoscape, NetworkX), <code>summary.json</code>.</p>");
            w.Write("<p>Coordination is a pattern of behaviour, not proof of who runs an account: read the evidence and the shared objects before acting on a cluster.</p>");
            w.Write($"<p>{H(options.GeneratedBy)}</p></footer>\n");
            w.Write("<script>");
            w.Write(ReportAssets.Script);
            w.Write("</script>\n</body>\n</html>\n");
        }

        private void Verdict(IReadOnlyList<ClusterResult> clusters, int flagged)
        {
            var signals = SummarySignals();
            var rawPairs = _summary.Signals.Values.Sum(s => s.RawPairs);
            var significant = _summary.Signals.Values.Sum(s => s.SignificantPairs);
            var examined = $"Examined {Count(_summary.Messages)} messages from {Count(_summary.Accounts)} accounts"
                + (signals.Count > 0 ? $" on {Plural(signals.Count, "signal")} ({H(string.Join(", ", signals))})" : "")
                + $": {Count(rawPairs)} co-action pairs within the time window, {Count(significant)} of them beyond what the accounts' own activity explains; "
                + $"{Count(view.Result.Accounts.Count)} accounts are tied by at least one edge.";
            if (clusters.Count == 0)
            {
                w.Write("<section class=\"verdict none\" id=\"verdict\"><strong>No coordinated clusters found.</strong>");
                w.Write($"<p>{examined} No group of accounts passed the thresholds listed under <a href=\"#method\">Method</a>.</p></section>\n");
                return;
            }
            w.Write($"<section class=\"verdict\" id=\"verdict\"><strong>{Plural(clusters.Count, "coordinated cluster")} found, {Plural(flagged, "account")} flagged.</strong>");
            w.Write($"<p>{examined} The strongest cluster, <a href=\"#c-1\">{H(clusters[0].ClusterId)}</a>, has {Plural(clusters[0].Size, "account")} and a score of {OutputText.Score(clusters[0].Score)}.</p></section>\n");
        }

        private void Cards(int clusters, int flagged)
        {
            w.Write("<section class=\"block\"><div class=\"cards\">");
            Card("Messages", Count(_summary.Messages));
            Card("Accounts", Count(_summary.Accounts));
            Card("Accounts in edges", Count(view.Result.Accounts.Count));
            Card("Co-action edges", Count(view.Result.Edges.Count));
            Card("Clusters", Count(clusters), clusters > 0);
            Card("Flagged accounts", Count(flagged), flagged > 0);
            if (_summary.DuplicateMessages > 0)
            {
                Card("Duplicate messages", Count(_summary.DuplicateMessages));
            }
            if (_summary.SkippedRows > 0)
            {
                Card("Skipped rows", Count(_summary.SkippedRows));
            }
            var total = _summary.StageSeconds.Sum(s => double.IsFinite(s.Value) ? s.Value : 0);
            Card("Run time", OutputText.Duration(total));
            w.Write("</div></section>\n");
        }

        private void Card(string label, string value, bool hot = false) =>
            w.Write($"<div class=\"card{(hot ? " hot" : "")}\"><div class=\"v\">{value}</div><div class=\"k\">{H(label)}</div></div>");

        private void Ranking(IReadOnlyList<ClusterResult> clusters)
        {
            w.Write("<section class=\"block\" id=\"ranking\"><h2>Clusters ranked by score</h2>\n");
            w.Write("<div class=\"find\"><input id=\"find\" type=\"search\" placeholder=\"Find an account id or username\" aria-label=\"Find an account\"><output id=\"find-out\"></output></div>\n");
            w.Write("<table><thead><tr><th class=\"num\">#</th><th>Cluster</th><th>Score</th><th class=\"num\">Accounts</th><th>Signals</th><th>First action (UTC)</th><th class=\"num\">Active for</th></tr></thead><tbody>\n");
            var rows = Math.Min(clusters.Count, options.MaxReportRankingRows);
            for (var i = 0; i < rows; i++)
            {
                var c = clusters[i];
                var anchor = i < options.MaxReportClusters ? $"<a href=\"#c-{i + 1}\">{H(c.ClusterId)}</a>" : H(c.ClusterId);
                w.Write($"<tr data-c=\"c-{i + 1}\"><td class=\"num\">{i + 1}</td><td>{anchor}</td><td>{ScoreBar(c.Score)}</td>");
                w.Write($"<td class=\"num\">{Count(c.Size)}</td><td>{Badges(c.Signals)}</td><td class=\"nowrap\">{H(Utc(c.FirstAction))}</td>");
                w.Write($"<td class=\"num\">{H(OutputText.Duration(c.LastAction - c.FirstAction))}</td></tr>\n");
            }
            w.Write("</tbody></table>\n");
            if (rows < clusters.Count)
            {
                w.Write($"<p class=\"note\">The {rows} strongest of {Count(clusters.Count)} clusters are listed; clusters.json and accounts.csv have them all.</p>\n");
            }
            w.Write("</section>\n");
        }

        private void Cluster(ClusterResult c, int rank)
        {
            var members = view.OrderedMembers(c);
            w.Write($"<section class=\"cluster\" id=\"c-{rank}\">\n<div class=\"head\"><h2><span class=\"rank\">#{rank}</span>Cluster {H(c.ClusterId)}</h2>");
            w.Write($"<span>{ScoreBar(c.Score)}</span><span class=\"meta\">{Plural(members.Count, "account")}</span><span>{Badges(c.Signals)}</span>");
            w.Write($"<span class=\"meta\">active {H(OutputText.Duration(c.LastAction - c.FirstAction))}: {H(Utc(c.FirstAction))} to {H(Utc(c.LastAction))} UTC</span></div>\n");

            w.Write("<h3>Why it was flagged</h3>\n");
            if (c.Evidence.Count == 0)
            {
                w.Write("<p class=\"empty\">No evidence items were recorded for this cluster.</p>\n");
            }
            else
            {
                w.Write("<table class=\"evidence\"><thead><tr><th>Measurement</th><th class=\"num\">Value</th><th>What it means</th></tr></thead><tbody>\n");
                foreach (var e in c.Evidence)
                {
                    w.Write($"<tr><td class=\"name\">{H(e.Name)}</td><td class=\"num\">{H(OutputText.Number(e.Value))}</td><td>{Bidi(e.Explanation)}</td></tr>\n");
                }
                w.Write("</tbody></table>\n");
            }

            // Page-wide budgets shared fairly among the sections still to come keep the page a few MB however many
            // large clusters there are; a small cluster leaves its unused share to the next ones.
            var dots = Share(ref _dotsLeft, options.MaxReportTimelinePoints * 2, 100);
            var memberRows = Share(ref _memberRowsLeft, options.MaxReportMembers, 20);
            _sectionsLeft--;
            SharedObjects(c);
            var reactionDots = Reactions(c, Math.Min(options.MaxReportTimelinePoints, dots / 2));
            var timelineDots = Timeline(c, Math.Min(options.MaxReportTimelinePoints, dots - reactionDots));
            _dotsLeft += dots - reactionDots - timelineDots;
            var rows = Members(c, members, memberRows);
            _memberRowsLeft += memberRows - rows;
            w.Write("</section>\n");
        }

        private void SharedObjects(ClusterResult c)
        {
            w.Write("<h3>Strongest shared objects</h3>\n");
            if (c.SharedObjects.Count == 0)
            {
                w.Write("<p class=\"empty\">No shared objects were recorded for this cluster.</p>\n");
                return;
            }
            w.Write("<table><thead><tr><th>Signal</th><th>Object</th><th class=\"num\">Members</th><th class=\"num\">All accounts</th><th>First action (UTC)</th><th class=\"num\">Spread</th></tr></thead><tbody>\n");
            var shown = Math.Min(c.SharedObjects.Count, options.MaxReportSharedObjects);
            for (var i = 0; i < shown; i++)
            {
                var o = c.SharedObjects[i];
                w.Write($"<tr><td>{Badge(o.Signal)}</td><td>");
                if (!string.IsNullOrEmpty(o.Text))
                {
                    w.Write($"<div class=\"text\" dir=\"auto\"{Lang(o.Lang)}>{H(Cut(o.Text))}</div>");
                    if (o.Key != o.Text)
                    {
                        w.Write($"<div class=\"key\" dir=\"auto\">{H(Cut(o.Key))}</div>");
                    }
                }
                else
                {
                    var css = o.Signal is SignalKind.CoHashtag ? "text" : "key";
                    w.Write($"<div class=\"{css}\" dir=\"auto\"{Lang(o.Lang)}>{H(Cut(o.Key))}</div>");
                }
                if (!string.IsNullOrEmpty(o.Author))
                {
                    var authorName = SharedObjectAuthors.Username(o.Author, view, options);
                    w.Write(authorName is null
                        ? $"<div class=\"note\">post by <span class=\"key\" dir=\"auto\">{H(Cut(o.Author))}</span></div>"
                        : $"<div class=\"note\">post by <bdi>@{H(Cut(authorName))}</bdi> <span class=\"key\" dir=\"auto\">{H(Cut(o.Author))}</span></div>");
                }
                w.Write($"</td><td class=\"num\">{Count(o.Members)}</td><td class=\"num\">{Count(o.Participants)}</td>");
                w.Write($"<td class=\"nowrap\">{H(Utc(o.FirstAction))}</td><td class=\"num\">{H(OutputText.Duration(o.Spread))}</td></tr>\n");
            }
            w.Write("</tbody></table>\n");
            if (shown < c.SharedObjects.Count)
            {
                w.Write($"<p class=\"note\">{shown} of {Count(c.SharedObjects.Count)} shared objects shown; clusters.json lists them all.</p>\n");
            }
        }

        /// <summary>This section's part of a page-wide budget: an equal share of what is left, within [floor, max].</summary>
        private int Share(ref int left, int max, int floor)
        {
            var share = Math.Clamp(left / Math.Max(1, _sectionsLeft), Math.Min(floor, max), max);
            left -= share;
            return share;
        }

        /// <summary>
        /// The delay of every member action after the first member action on the same object, for the strongest
        /// objects: the hour-scale timeline cannot show that a squad acts within seconds, this chart does.
        /// </summary>
        private int Reactions(ClusterResult c, int budget)
        {
            var rank = new Dictionary<(SignalKind, string), int>();
            for (var i = 0; i < c.SharedObjects.Count; i++)
            {
                rank.TryAdd((c.SharedObjects[i].Signal, c.SharedObjects[i].Key), i);
            }
            var rows = c.Timeline
                .Where(a => double.IsFinite(a.Time))
                .GroupBy(a => (a.Signal, a.ObjectKey))
                .Select(g => (g.Key.Signal, Key: g.Key.ObjectKey, Actions: g.OrderBy(a => a.Time).ToList()))
                .Where(g => g.Actions.Count > 1)
                .OrderBy(g => rank.GetValueOrDefault((g.Signal, g.Key), int.MaxValue))
                .ThenByDescending(g => g.Actions.Count)
                .ThenBy(g => g.Key, StringComparer.Ordinal)
                .Take(options.MaxReportReactionRows)
                .ToList();
            if (rows.Count == 0)
            {
                return 0;
            }
            w.Write("<h3>How fast the members acted</h3>\n");
            const double labelRight = 238, x0 = 250, x1 = 968, top = 28, rowHeight = 20;
            // The same object can be pushed again hours later (a reused text): scale to the bulk of the delays so one
            // late action does not squeeze the seconds-scale picture into a single column; later ones sit at the edge.
            var delays = rows.SelectMany(r => r.Actions.Select(a => a.Time - r.Actions[0].Time)).Order().ToList();
            var bulk = delays[(int)Math.Floor(0.9 * (delays.Count - 1))];
            var outliers = delays[^1] > 60 && delays[^1] > 10 * bulk;
            var maxDelay = Math.Max(5, outliers ? bulk * 1.25 : delays[^1]);
            var late = 0;
            var height = top + rows.Count * rowHeight + 8;
            double X(double delay) => x0 + delay / maxDelay * (x1 - x0);
            w.Write("<div class=\"tl\">");
            w.Write(string.Create(Inv, $"<svg viewBox=\"0 0 1000 {height}\" role=\"img\" aria-label=\"Delays of member actions after the first member action on each shared object\" xmlns=\"http://www.w3.org/2000/svg\">"));
            foreach (var tick in TimelinePlot.Ticks(0, maxDelay, out _))
            {
                var x = X(tick);
                w.Write(string.Create(Inv, $"<line class=\"grid\" x1=\"{x:0.#}\" y1=\"{top - 6}\" x2=\"{x:0.#}\" y2=\"{height - 4}\"/>"));
                w.Write(string.Create(Inv, $"<text x=\"{x:0.#}\" y=\"{top - 11}\" text-anchor=\"middle\">+{H(OutputText.Duration(tick))}</text>"));
            }
            var drawn = 0;
            for (var r = 0; r < rows.Count; r++)
            {
                var (signal, key, actions) = rows[r];
                var y = top + r * rowHeight + rowHeight / 2;
                var shared = c.SharedObjects.FirstOrDefault(o => o.Signal == signal && o.Key == key);
                var label = string.IsNullOrEmpty(shared?.Text) ? key : shared.Text;
                w.Write(string.Create(Inv, $"<line class=\"row\" x1=\"{x0}\" y1=\"{y}\" x2=\"{x1}\" y2=\"{y}\"/>"));
                w.Write(string.Create(Inv, $"<text class=\"who\" x=\"{labelRight}\" y=\"{y + 4}\" text-anchor=\"end\">"));
                w.Write(H(Cut(label.ReplaceLineEndings(" "), 34)));
                w.Write($"<title>{H(signal.Name())}: {H(Cut(label, 300))}</title></text>");
                var first = actions[0].Time;
                var step = Math.Max(1, (int)Math.Ceiling(actions.Count / (double)Math.Max(1, budget / rows.Count)));
                for (var i = 0; i < actions.Count; i += step)
                {
                    var a = actions[i];
                    var delay = a.Time - first;
                    var colour = ReportAssets.Colour(signal);
                    if (delay > maxDelay)
                    {
                        late++;
                        w.Write(string.Create(Inv, $"<circle cx=\"{x1}\" cy=\"{y}\" r=\"3\" fill=\"#fff\" stroke=\"{colour}\" stroke-width=\"1.5\"><title>"));
                    }
                    else
                    {
                        w.Write(string.Create(Inv, $"<circle cx=\"{X(delay):0.#}\" cy=\"{y}\" r=\"3.4\" fill=\"{colour}\"><title>"));
                    }
                    w.Write(H($"{view.Username(a.AccountId) ?? a.AccountId} · +{OutputText.Duration(delay)} · {UtcPrecise(a.Time)}"));
                    w.Write("</title></circle>");
                    drawn++;
                }
            }
            w.Write("</svg></div>\n");
            w.Write($"<p class=\"note\">One row per shared object (strongest first), one dot per member action placed by its delay after the first member acted on that object. Dots packed at the left mean the members acted within seconds of each other.{(late > 0 ? $" {Plural(late, "action")} more than {H(OutputText.Duration(maxDelay))} after the first (the object pushed again later) are drawn hollow at the right edge." : "")}{(drawn < rows.Sum(r => r.Actions.Count) ? $" {Count(drawn)} of {Count(rows.Sum(r => r.Actions.Count))} actions drawn." : "")}</p>\n");
            return drawn;
        }

        private int Timeline(ClusterResult c, int budget)
        {
            w.Write("<h3>Timeline of actions on shared objects</h3>\n");
            if (c.Timeline.Count == 0)
            {
                w.Write("<p class=\"empty\">No timeline was recorded for this cluster.</p>\n");
                return 0;
            }
            var plot = TimelinePlot.Build(c.Timeline, options.MaxReportTimelineRows, Math.Max(1, budget));
            var present = OutputText.Canonical(plot.Points.Select(p => p.Signal)).ToList();
            w.Write("<div class=\"legend\">");
            foreach (var s in present)
            {
                w.Write($"<span style=\"--c:{ReportAssets.Colour(s)}\">{s.Name()}</span>");
            }
            w.Write("</div>\n<div class=\"tl\">");
            TimelineSvg(plot);
            w.Write("</div>\n");
            var note = $"Each dot is one member's action on a shared object; time in UTC from {H(Utc(plot.Start))} to {H(Utc(plot.End))}.";
            if (plot.RowsTotal > plot.Rows.Count)
            {
                note += $" The {plot.Rows.Count} most active of {Count(plot.RowsTotal)} members are drawn.";
            }
            if (plot.Sampled)
            {
                note += $" {Count(plot.Points.Count)} of {Count(plot.PointsTotal)} actions are drawn, sampled evenly in time order.";
            }
            if (c.Timeline.Count > 0 && plot.PointsTotal < c.Timeline.Count)
            {
                note += $" ({Count(c.Timeline.Count - plot.PointsTotal)} actions of members not drawn are left out.)";
            }
            w.Write($"<p class=\"note\">{note}</p>\n");
            return plot.Points.Count;
        }

        private void TimelineSvg(TimelinePlot plot)
        {
            const double width = 1000, labelRight = 168, x0 = 178, x1 = 962, top = 28, rowHeight = 16;
            var height = top + plot.Rows.Count * rowHeight + 8;
            var span = plot.End - plot.Start;
            double X(double t) => x0 + (t - plot.Start) / span * (x1 - x0);
            w.Write(string.Create(Inv, $"<svg viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"Timeline of the cluster's actions\" xmlns=\"http://www.w3.org/2000/svg\">"));
            foreach (var tick in TimelinePlot.Ticks(plot.Start, plot.End, out var format))
            {
                var x = X(tick);
                w.Write(string.Create(Inv, $"<line class=\"grid\" x1=\"{x:0.#}\" y1=\"{top - 6}\" x2=\"{x:0.#}\" y2=\"{height - 4}\"/>"));
                OutputText.TryUtc(tick, out var t);
                w.Write(string.Create(Inv, $"<text x=\"{x:0.#}\" y=\"{top - 11}\" text-anchor=\"middle\">{t.ToString(format, Inv)}</text>"));
            }
            for (var r = 0; r < plot.Rows.Count; r++)
            {
                var y = top + r * rowHeight + rowHeight / 2;
                var id = plot.Rows[r];
                var label = view.Username(id) ?? id;
                w.Write(string.Create(Inv, $"<line class=\"row\" x1=\"{x0}\" y1=\"{y}\" x2=\"{x1}\" y2=\"{y}\"/>"));
                w.Write(string.Create(Inv, $"<text class=\"who\" x=\"{labelRight}\" y=\"{y + 4}\" text-anchor=\"end\">"));
                w.Write(H(label.Length > 24 ? label[..23] + "…" : label));
                w.Write("<title>");
                w.Write(H(label == id ? id : $"{label} ({id})"));
                w.Write("</title></text>");
            }
            foreach (var p in plot.Points)
            {
                var y = top + p.Row * rowHeight + rowHeight / 2;
                w.Write(string.Create(Inv, $"<circle cx=\"{X(p.Time):0.#}\" cy=\"{y}\" r=\"3.4\" fill=\"{ReportAssets.Colour(p.Signal)}\"><title>"));
                w.Write(H($"{view.Username(p.AccountId) ?? p.AccountId} · {p.Signal.Name()} · {UtcPrecise(p.Time)} · {Cut(p.ObjectKey, 60)}"));
                w.Write("</title></circle>");
            }
            w.Write("</svg>");
        }

        private int Members(ClusterResult c, IReadOnlyList<string> members, int cap)
        {
            var shown = Math.Min(members.Count, cap);
            var open = members.Count <= 30 ? " open" : "";
            w.Write($"<h3>Members</h3>\n<details class=\"members\"{open}><summary>{Plural(members.Count, "account")}");
            w.Write(shown < members.Count ? $", the {shown} strongest listed" : "");
            w.Write("</summary>\n<table><thead><tr><th class=\"num\">#</th><th>Username</th><th>Account id</th><th>Score</th><th>Signals</th><th class=\"num\">Messages</th></tr></thead><tbody>\n");
            for (var i = 0; i < shown; i++)
            {
                var id = members[i];
                view.AccountsById.TryGetValue(id, out var a);
                var username = a?.Username;
                var key = (id + " " + username).ToLowerInvariant();
                w.Write($"<tr class=\"member\" data-k=\"{H(key)}\"><td class=\"num\">{i + 1}</td><td>{UserCell(id, username)}</td>");
                w.Write($"<td><span class=\"key\" dir=\"auto\">{H(id)}</span></td><td>{(a is null ? "-" : ScoreBar(a.Score))}</td>");
                w.Write($"<td>{(a is null ? "" : Badges(a.Signals))}</td><td class=\"num\">{(a is null || a.Messages == 0 ? "-" : Count(a.Messages))}</td></tr>\n");
            }
            w.Write("</tbody></table>\n");
            if (shown < members.Count)
            {
                w.Write($"<p class=\"note\">{Count(members.Count - shown)} more members of cluster {H(c.ClusterId)} are in accounts.csv and clusters.json.</p>\n");
            }
            w.Write("</details>\n");
            return shown;
        }

        private string UserCell(string id, string? username)
        {
            var shown = string.IsNullOrEmpty(username) ? null : username;
            var text = shown is null ? "<span class=\"empty\">(no username)</span>" : $"<span dir=\"auto\">{H(shown)}</span>";
            var url = ProfileUrl(id, shown);
            return url is null ? text : $"<a href=\"{H(url)}\" rel=\"noopener noreferrer\" target=\"_blank\">{text}</a>";
        }

        private string? ProfileUrl(string id, string? username)
        {
            var template = options.ProfileUrlTemplate;
            if (template is null
                || !(template.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || template.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
                || (template.Contains("{username}", StringComparison.Ordinal) && username is null))
            {
                return null;
            }
            return template.Replace("{username}", Uri.EscapeDataString(username ?? ""), StringComparison.Ordinal)
                .Replace("{id}", Uri.EscapeDataString(id), StringComparison.Ordinal);
        }

        /// <summary>The strongest unflagged groups and pairs with the test each failed (leads.csv has them all).</summary>
        private void Leads()
        {
            var leads = view.Result.Leads;
            w.Write("<section class=\"block\" id=\"leads\"><h2>Leads: strong evidence that is not a finding</h2>\n");
            if (_summary.TimeResolutionSeconds >= 60)
            {
                w.Write($"<p class=\"note\">Timestamps in this data are whole minutes (a {_summary.TimeResolutionSeconds:0} s clock): the timing test compares bands of equal numbers of ticks.</p>\n");
            }
            foreach (var warning in _summary.Warnings)
            {
                w.Write($"<p class=\"note\">{H(warning)}</p>\n");
            }
            if (leads.Count == 0)
            {
                w.Write("<p class=\"empty\">No unflagged group or pair beat the timing null model.</p></section>\n");
                return;
            }
            w.Write("<table><thead><tr><th class=\"num\">#</th><th>Kind</th><th>Accounts</th><th>Signals</th><th class=\"num\">Scale</th><th class=\"num\">−log10 p</th><th>Failed test</th><th class=\"num\">Value</th><th class=\"num\">Needed</th></tr></thead><tbody>\n");
            foreach (var lead in leads.Take(25))
            {
                var accounts = string.Join(", ", lead.Accounts.Take(6).Select(a => view.Username(a) is { } u ? $"{u} ({a})" : a));
                if (lead.Size > 6)
                {
                    accounts += $" and {lead.Size - 6} more";
                }
                w.Write($"<tr><td class=\"num\">{lead.Rank}</td><td>{H(lead.Kind)}</td><td dir=\"auto\">{H(accounts)}</td><td>{Badges(lead.Signals)}</td>");
                w.Write($"<td class=\"num\">{H(OutputText.Duration(lead.ScaleSeconds))}</td><td class=\"num\">{lead.StrongestLog10P:0.#}</td><td>{H(lead.FailedTest.Replace('_', ' '))}</td>");
                w.Write($"<td class=\"num\">{lead.Value:0.###}</td><td class=\"num\">{lead.Threshold:0.###}</td></tr>\n");
            }
            w.Write("</tbody></table>\n");
            w.Write($"<p class=\"note\">{Count(leads.Count)} leads in leads.csv, strongest first. A lead is where to look next: its timing beat the null model, but the group failed the named cluster test.</p></section>\n");
        }

        private void Method()
        {
            w.Write("<section class=\"block\" id=\"method\"><h2>Method: what was examined</h2>\n");
            w.Write("<h3>Signals</h3>\n");
            if (_summary.Signals.Count == 0)
            {
                w.Write("<p class=\"empty\">No signal counts were recorded.</p>\n");
            }
            else
            {
                w.Write("<table><thead><tr><th>Signal</th><th class=\"num\">Actions</th><th class=\"num\">Objects</th><th class=\"num\">Co-action pairs</th><th class=\"num\">Significant pairs</th></tr></thead><tbody>\n");
                foreach (var (name, s) in SummaryJsonWriter.OrderedSignals(_summary.Signals))
                {
                    var label = SignalNames.TryParse(name, out var kind) ? Badge(kind) : H(name);
                    w.Write($"<tr><td>{label}</td><td class=\"num\">{Count(s.Events)}</td><td class=\"num\">{Count(s.Objects)}</td><td class=\"num\">{Count(s.RawPairs)}</td><td class=\"num\">{Count(s.SignificantPairs)}</td></tr>\n");
                }
                w.Write("</tbody></table>\n");
            }

            w.Write("<h3>Parameters</h3>\n");
            if (_summary.Parameters.Count == 0)
            {
                w.Write("<p class=\"empty\">No parameters were recorded.</p>\n");
            }
            else
            {
                w.Write("<table class=\"kv\"><tbody>\n");
                foreach (var (name, value) in _summary.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    w.Write($"<tr><td>{H(name)}</td><td dir=\"auto\">{H(SummaryJsonWriter.FormatParameter(value))}</td></tr>\n");
                }
                w.Write("</tbody></table>\n");
            }

            w.Write("<h3>Stage timings</h3>\n");
            if (_summary.StageSeconds.Count == 0)
            {
                w.Write("<p class=\"empty\">No timings were recorded.</p>\n");
            }
            else
            {
                var max = _summary.StageSeconds.Max(s => double.IsFinite(s.Value) ? s.Value : 0);
                w.Write("<table class=\"kv\"><tbody>\n");
                foreach (var (stage, seconds) in _summary.StageSeconds)
                {
                    var share = max > 0 && double.IsFinite(seconds) ? seconds / max : 0;
                    w.Write($"<tr><td>{H(stage)}</td><td><span class=\"score\"><span class=\"bar\" style=\"width:160px\"><i style=\"width:{(share * 100).ToString("0.#", Inv)}%;background:#5d6678\"></i></span>{H(Seconds(seconds))}</span></td></tr>\n");
                }
                w.Write("</tbody></table>\n");
            }

            if (_summary.SkippedRows > 0)
            {
                w.Write($"<h3>Skipped rows</h3>\n<p>{Plural(_summary.SkippedRows, "malformed row")} skipped (<code>--skip-bad-rows</code>).</p>\n");
                if (_summary.SkippedRowExamples.Count > 0)
                {
                    w.Write("<table class=\"kv\"><tbody>\n");
                    foreach (var example in _summary.SkippedRowExamples)
                    {
                        w.Write($"<tr><td colspan=\"2\" dir=\"auto\">{H(Cut(example, 400))}</td></tr>\n");
                    }
                    w.Write("</tbody></table>\n");
                }
            }
            w.Write("</section>\n");
        }

        private List<string> SummarySignals() =>
            SummaryJsonWriter.OrderedSignals(_summary.Signals).Select(p => p.Key).ToList();

        private string Cut(string text) => Cut(text, options.MaxReportTextLength);

        private static string Cut(string text, int max) =>
            text.Length <= max ? text : text[..(char.IsHighSurrogate(text[max - 1]) ? max - 1 : max)] + "…";

        private static string H(string? text) => OutputText.Html(text);

        private static string Bidi(string? text) =>
            OutputText.HasArabicScript(text) ? $"<span dir=\"auto\">{H(text)}</span>" : H(text);

        /// <summary>The source's language tag when known; none is guessed from the script, which Arabic shares with Persian and Urdu.</summary>
        private static string Lang(string? lang) =>
            string.IsNullOrWhiteSpace(lang) ? "" : $" lang=\"{H(lang.Trim())}\"";

        private static string Count(long value) => OutputText.Count(value);

        private static string Plural(long n, string noun) => $"{OutputText.Count(n)} {noun}{(n == 1 ? "" : "s")}";

        /// <summary>To the second: milliseconds are noise in a table; tooltips keep them.</summary>
        private static string Utc(double t) =>
            OutputText.TryUtc(t, out var u) ? u.ToString("yyyy-MM-dd HH:mm:ss", Inv) : "-";

        private static string UtcPrecise(double t) =>
            OutputText.TryUtc(t, out var u) ? u.ToString(u.Millisecond == 0 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm:ss.fff", Inv) : "-";

        private static string Seconds(double s) =>
            !double.IsFinite(s) ? "-" : s < 10 ? s.ToString("0.000", Inv) + " s" : OutputText.Duration(s);

        private static string ScoreBar(double score)
        {
            var s = OutputText.ClampScore(score);
            return $"<span class=\"score\"><span class=\"bar\"><i style=\"width:{(s * 100).ToString("0.#", Inv)}%\"></i></span>{OutputText.Score(s)}</span>";
        }

        private static string Badge(SignalKind s) => $"<span class=\"badge {ReportAssets.CssClass(s)}\">{H(s.Name())}</span>";

        private static string Badges(IEnumerable<SignalKind> signals) => string.Concat(OutputText.Canonical(signals).Select(Badge));
    }
}
