using Tansiq.Core.Model;

namespace Tansiq.IO.Output;

/// <summary>The report's inline style and script: the page must open from disk with no network, so nothing is linked.</summary>
internal static class ReportAssets
{
    /// <summary>Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.</summary>
    public static readonly IReadOnlyDictionary<string, string> SignalColours = new Dictionary<string, string>
    {
        ["co-repost"] = "#0072B2",
        ["co-link"] = "#E69F00",
        ["co-reply"] = "#009E73",
        ["co-text"] = "#CC79A7",
        ["co-hashtag"] = "#56B4E9",
        ["co-similar"] = "#D55E00",
        ["co-forward"] = "#000000",
        ["co-object"] = "#999933",
    };

    /// <summary>A signal's colour; every per-kind co-object signal (<c>co-object:domain</c>) takes co-object's.</summary>
    public static string Colour(SignalKind signal) =>
        SignalColours.TryGetValue(signal.Name(), out var colour) ? colour : SignalColours["co-object"];

    /// <summary>The CSS class of a signal's badge (a per-kind co-object signal shares co-object's: ':' cannot be in a class).</summary>
    public static string CssClass(SignalKind signal) => SignalNames.IsObjectKind(signal) ? "sig-co-object" : "sig-" + signal.Name();

    public const string Css = """
:root {
  --ink: #1c2230; --muted: #5d6678; --line: #e2e5eb; --bg: #f5f6f8; --card: #fff; --head: #13213c;
  --alert: #a3261f; --ok: #1d6b42; --bar: #a3261f; --link: #1f4f9a;
  --font: system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans Arabic", "Noto Naskh Arabic", "DejaVu Sans",
          Tahoma, "Geeza Pro", "Arial Unicode MS", Arial, sans-serif;
  --mono: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 14px/1.5 var(--font); }
a { color: var(--link); text-decoration: none; }
a:hover { text-decoration: underline; }
header.top { background: var(--head); color: #fff; padding: 22px 0 20px; }
header.top .wrap, main, footer { max-width: 1180px; margin: 0 auto; padding-left: 28px; padding-right: 28px; }
header.top .brand { font-size: 12px; letter-spacing: .14em; text-transform: uppercase; color: #9fb0d3; }
header.top h1 { margin: 2px 0 0; font-size: 24px; font-weight: 600; }
header.top .sub { margin: 6px 0 0; color: #c8d1e4; font-size: 13px; }
main { padding-top: 24px; padding-bottom: 32px; }
section.block { margin: 0 0 30px; }
h2 { font-size: 18px; margin: 0 0 12px; font-weight: 650; }
h3 { font-size: 13px; margin: 20px 0 8px; font-weight: 650; color: var(--muted); text-transform: uppercase; letter-spacing: .05em; }
.verdict { background: var(--card); border: 1px solid var(--line); border-left: 6px solid var(--alert); border-radius: 8px;
  padding: 14px 18px; font-size: 15px; margin-bottom: 18px; }
.verdict.none { border-left-color: var(--ok); }
.verdict strong { font-size: 17px; }
.verdict p { margin: 6px 0 0; color: var(--muted); font-size: 13.5px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(165px, 1fr)); gap: 10px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 11px 14px; }
.card .v { font-size: 21px; font-weight: 650; font-variant-numeric: tabular-nums; }
.card .k { color: var(--muted); font-size: 11.5px; text-transform: uppercase; letter-spacing: .05em; }
.card.hot .v { color: var(--alert); }
table { border-collapse: separate; border-spacing: 0; width: 100%; background: var(--card); border: 1px solid var(--line);
  border-radius: 8px; overflow: hidden; }
th, td { padding: 7px 10px; border-bottom: 1px solid var(--line); text-align: start; vertical-align: baseline; }
tr:last-child td { border-bottom: 0; }
th { background: #eff1f5; font-size: 11.5px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); font-weight: 650; }
td.num, th.num { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.nowrap { white-space: nowrap; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 11.5px; color: #fff; margin: 1px 3px 1px 0;
  white-space: nowrap; font-weight: 600; }
.score { display: inline-flex; align-items: center; gap: 7px; font-variant-numeric: tabular-nums; white-space: nowrap; }
.bar { display: inline-block; width: 70px; height: 7px; background: #e7e9ee; border-radius: 4px; overflow: hidden; }
.bar i { display: block; height: 100%; background: var(--bar); }
.cluster { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 18px 22px 20px; margin: 0 0 22px; }
.cluster > .head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 6px 16px; border-bottom: 1px solid var(--line);
  padding-bottom: 12px; }
.cluster > .head h2 { margin: 0; }
.cluster > .head .rank { color: var(--muted); font-weight: 500; margin-inline-end: 4px; }
.cluster > .head .meta { color: var(--muted); font-size: 13px; }
.cluster table { border-radius: 6px; }
.evidence td.name { font-family: var(--mono); font-size: 12px; color: var(--muted); white-space: nowrap; }
.evidence td.num { font-weight: 650; font-size: 14px; }
.text { font-size: 15px; line-height: 1.75; white-space: pre-wrap; overflow-wrap: anywhere; }
.key { font-family: var(--mono); font-size: 11.5px; color: var(--muted); overflow-wrap: anywhere; }
.note { color: var(--muted); font-size: 12.5px; margin: 6px 0 0; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 12px; color: var(--muted); margin: 4px 0 6px; }
.legend span::before { content: ""; display: inline-block; width: 9px; height: 9px; border-radius: 50%; background: var(--c);
  margin-inline-end: 5px; vertical-align: 0; }
.tl { border: 1px solid var(--line); border-radius: 6px; background: #fcfcfd; overflow-x: auto; }
.tl svg { display: block; width: 100%; min-width: 640px; height: auto; font-family: var(--font); }
.tl .grid { stroke: #e6e8ee; stroke-width: 1; }
.tl .row { stroke: #f0f1f4; stroke-width: 1; }
.tl text { font-size: 11px; fill: var(--muted); }
.tl text.who { fill: var(--ink); }
.tl circle { fill-opacity: .85; }
details > summary { cursor: pointer; color: var(--link); margin: 4px 0 8px; }
tr.member.hit td { background: #fff5d6; }
.dim { opacity: .35; }
.find { display: flex; gap: 10px; align-items: center; margin: 0 0 10px; }
.find input { font: inherit; padding: 6px 10px; border: 1px solid #c9ced8; border-radius: 6px; width: 300px; }
.find output { color: var(--muted); font-size: 13px; }
.empty { color: var(--muted); }
.kv td:first-child { font-family: var(--mono); font-size: 12.5px; width: 32%; }
footer { color: var(--muted); font-size: 12px; padding-top: 8px; padding-bottom: 32px; border-top: 1px solid var(--line); }
code { font-family: var(--mono); font-size: 12px; }
@media print {
  body { background: #fff; }
  .find, details > summary { display: none; }
  details { display: block; }
  .cluster { break-inside: avoid-page; border-color: #ccc; }
}
""";

    /// <summary>Find an account: marks matching member rows and dims the clusters without a match.</summary>
    public const string Script = """
(function () {
  var input = document.getElementById('find');
  var out = document.getElementById('find-out');
  if (!input) { return; }
  input.addEventListener('input', function () {
    var q = input.value.trim().toLowerCase();
    var clusters = 0, accounts = 0;
    document.querySelectorAll('section.cluster').forEach(function (section) {
      var hit = false;
      section.querySelectorAll('tr.member').forEach(function (row) {
        var match = q.length > 0 && (row.getAttribute('data-k') || '').indexOf(q) >= 0;
        row.classList.toggle('hit', match);
        if (match) { hit = true; accounts++; }
      });
      section.classList.toggle('dim', q.length > 0 && !hit);
      var rankRow = document.querySelector('tr[data-c="' + section.id + '"]');
      if (rankRow) { rankRow.classList.toggle('dim', q.length > 0 && !hit); }
      if (hit) {
        clusters++;
        var members = section.querySelector('details.members');
        if (members) { members.open = true; }
      }
    });
    out.textContent = q.length === 0 ? '' : clusters > 0
      ? accounts + ' matching member' + (accounts === 1 ? '' : 's') + ' in ' + clusters + ' cluster' + (clusters === 1 ? '' : 's')
      : 'not a member of any cluster shown here (accounts.csv lists every account)';
  });
})();
""";
}
