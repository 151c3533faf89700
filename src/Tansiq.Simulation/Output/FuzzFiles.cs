using System.Globalization;
using Tansiq.Core.Evaluation;
using Tansiq.Core.Simulation;
using Tansiq.IO.Output;

namespace Tansiq.IO.Simulation;

/// <summary>Writes the fuzzer's fuzz.csv (one row per world) and fuzz.md (the distribution). Both are deterministic for a seed.</summary>
public static class FuzzFiles
{
    public const string CsvFile = "fuzz.csv";
    public const string MarkdownFile = "fuzz.md";

    /// <summary>The columns of fuzz.csv, in order.</summary>
    public static IReadOnlyList<string> CsvColumns { get; } =
    [
        "world", "seed", "no_army", .. ScenarioFuzzer.DrawnNames,
        "accounts", "messages", "positives", "flagged", "true_positives", "false_positives", "precision", "recall", "f1",
        "fans", "fans_flagged_share", "friend_group_members", "friends_flagged_share", "all_flagged_share",
        "publisher_pages", "publisher_pages_flagged", "sleepers", "sleepers_flagged",
        .. DetectionEvaluator.BehaviourOrder.Select(b => "recall_" + b),
    ];

    public static void WriteCsv(string path, IReadOnlyList<FuzzWorldResult> results) => AtomicFile.WriteText(path, w => WriteCsv(w, results));

    public static void WriteCsv(TextWriter w, IReadOnlyList<FuzzWorldResult> results)
    {
        w.Write(string.Join(',', CsvColumns));
        w.Write('\n');
        foreach (var r in results)
        {
            var e = r.Evaluation;
            var cells = new List<string>
            {
                I(r.World.Index), I(r.World.Seed), r.World.NoArmy ? "1" : "0",
            };
            cells.AddRange(r.World.Drawn.Select(d => d.Value));
            cells.AddRange(
            [
                I(r.Accounts), I(r.Messages), I(e.Positives), I(e.Flagged), I(e.TruePositives), I(e.FalsePositives),
                r.HasPositives ? F(e.Precision) : "", r.HasPositives ? F(e.Recall) : "", r.HasPositives ? F(e.F1) : "",
                I(e.Fans.Accounts), F(e.Fans.Share), I(e.FriendGroupMembers.Accounts), F(e.FriendGroupMembers.Share), F(e.AllAccounts.Share),
                I(e.Publishers.Accounts), I(e.Publishers.Flagged), I(e.Sleepers.Accounts), I(e.Sleepers.Flagged),
            ]);
            cells.AddRange(DetectionEvaluator.BehaviourOrder.Select(b => r.RecallOf(b) is { } x ? F(x) : ""));
            w.Write(string.Join(',', cells));
            w.Write('\n');
        }
    }

    public static void WriteMarkdown(string path, IReadOnlyList<FuzzWorldResult> results, FuzzSummary summary, string command) =>
        AtomicFile.WriteText(path, w => WriteMarkdown(w, results, summary, command));

    public static void WriteMarkdown(TextWriter w, IReadOnlyList<FuzzWorldResult> results, FuzzSummary s, string command)
    {
        w.Write($"# Fuzzed worlds\n\n`{command}`\n\n");
        w.Write($"{s.Worlds} worlds: {s.ArmyWorlds} with coordinated accounts, {s.NoArmyWorlds} without. ");
        w.Write($"{I(results.Sum(r => r.Accounts))} accounts and {I(results.Sum(r => r.Messages))} messages in all; ");
        w.Write($"{I(results.MinOr(r => r.Accounts, 0))}-{I(results.MaxOr(r => r.Accounts, 0))} accounts per world.\n\n");
        w.Write("## Worlds with coordinated accounts\n\n");
        w.Write("| | median | 5th percentile | min |\n|---|---|---|---|\n");
        w.Write($"| F1 | {F(s.F1Median)} | {F(s.F1P5)} | {F(s.F1Min)} |\n");
        var army = results.Where(r => r.HasPositives).ToList();
        var precision = army.Select(r => r.Evaluation.Precision).ToList();
        var recall = army.Select(r => r.Evaluation.Recall).ToList();
        w.Write($"| precision | {F(s.PrecisionMedian)} | {F(FuzzSummary.Percentile(precision, 0.05))} | {F(precision.MinOr(0))} |\n");
        w.Write($"| recall | {F(s.RecallMedian)} | {F(FuzzSummary.Percentile(recall, 0.05))} | {F(recall.MinOr(0))} |\n\n");
        w.Write("Percentiles interpolate linearly between worlds (R's type 7).\n\n");
        w.Write("## Recall per behaviour\n\n");
        w.Write("| behaviour | worlds | members | flagged | pooled recall | median recall | min recall |\n|---|---|---|---|---|---|---|\n");
        foreach (var b in s.Behaviours.Append(s.Sleepers).Where(b => b.Worlds > 0))
        {
            w.Write($"| {b.Behaviour} | {I(b.Worlds)} | {I(b.Members)} | {I(b.Flagged)} | {F(b.PooledRecall)} | {F(b.MedianRecall)} | {F(b.MinRecall)} |\n");
        }
        w.Write("\nSleepers are members of scheduler or human squads (counted in their behaviour too). Producers only author what a squad pushes.\n\n");
        w.Write("F1 by the kind of coordination in the world (producers ignored):\n\n| coordination in the world | worlds | median F1 | min F1 |\n|---|---|---|---|\n");
        foreach (var kind in DetectionEvaluator.BehaviourOrder.Where(b => b != Behaviours.Producer))
        {
            var only = army.Where(r => r.Evaluation.Behaviours.All(b => b.Behaviour == kind || b.Behaviour == Behaviours.Producer)).Select(r => r.Evaluation.F1).ToList();
            if (only.Count > 0)
            {
                w.Write($"| {kind} only | {I(only.Count)} | {F(FuzzSummary.Percentile(only, 0.5))} | {F(only.MinOr(0))} |\n");
            }
        }
        var mixed = army.Where(r => r.Evaluation.Behaviours.Count(b => b.Behaviour != Behaviours.Producer) > 1).Select(r => r.Evaluation.F1).ToList();
        if (mixed.Count > 0)
        {
            w.Write($"| several kinds | {I(mixed.Count)} | {F(FuzzSummary.Percentile(mixed, 0.5))} | {F(mixed.MinOr(0))} |\n");
        }
        var coarse = army.GroupBy(r => r.World.Parameters.Scenarios?.CoarseTimestamps == true).OrderBy(g => g.Key);
        foreach (var g in coarse)
        {
            var f1 = g.Select(r => r.Evaluation.F1).ToList();
            w.Write($"| (any; timestamps {(g.Key ? "to the minute" : "to the second")}) | {I(f1.Count)} | {F(FuzzSummary.Percentile(f1, 0.5))} | {F(f1.MinOr(0))} |\n");
        }
        w.Write("\n");
        w.Write("## False positives\n\n");
        w.Write($"- Worlds where more than 1% of fans were flagged: {I(s.WorldsFansOver1Percent)} of {I(s.Worlds)} (largest share {P(s.FansFlaggedMax)}).\n");
        w.Write($"- Worlds where more than 1% of friend-group members were flagged: {I(s.WorldsFriendsOver1Percent)} of {I(s.Worlds)} (largest share {P(s.FriendsFlaggedMax)}).\n");
        w.Write($"- Worlds without an army where more than 0.2% of all accounts were flagged: {I(s.NoArmyWorldsOver02Percent)} of {I(s.NoArmyWorlds)} (largest share {P(s.NoArmyMaxFlaggedShare)}).\n");
        var fpShares = army.Select(r => (double)r.Evaluation.FalsePositives / Math.Max(1, r.Accounts - r.Evaluation.Positives)).ToList();
        w.Write($"- False-positive rate in worlds with an army (false positives / negatives): median {P(FuzzSummary.Percentile(fpShares, 0.5))}, 95th percentile {P(FuzzSummary.Percentile(fpShares, 0.95))}, max {P(fpShares.MaxOr(0))}.\n");
        w.Write($"- Publisher pages (coordinated but declared; not scored): {I(s.PublishersFlagged)} of {I(s.Publishers)} flagged.\n\n");
        w.Write("## Targets\n\n");
        w.Write($"Median F1 ≥ 0.97: {Mark(s.F1Median >= 0.97)}; 5th percentile ≥ 0.90: {Mark(s.F1P5 >= 0.90)}; ");
        w.Write($"fans and friends flagged < 1% in every world: {Mark(s.WorldsFansOver1Percent == 0 && s.WorldsFriendsOver1Percent == 0)}; ");
        w.Write($"≤ 0.2% flagged in ≥ 95% of worlds without an army: {Mark(s.NoArmyWorlds == 0 || s.NoArmyWorlds - s.NoArmyWorldsOver02Percent >= 0.95 * s.NoArmyWorlds)}.\n\n");
        w.Write("## The ten worst worlds\n\n| world | seed | F1 | precision | recall | positives | flagged | behaviours (recall) |\n|---|---|---|---|---|---|---|---|\n");
        foreach (var r in army.OrderBy(r => r.Evaluation.F1).ThenBy(r => r.World.Index).Take(10))
        {
            var e = r.Evaluation;
            var kinds = string.Join(", ", e.Behaviours.Select(b => $"{b.Behaviour} {F(b.Recall)}"));
            w.Write($"| {I(r.World.Index)} | {I(r.World.Seed)} | {F(e.F1)} | {F(e.Precision)} | {F(e.Recall)} | {I(e.Positives)} | {I(e.Flagged)} | {kinds} |\n");
        }
        w.Write("\nEvery world's drawn parameters and scores: fuzz.csv.\n");
    }

    private static string Mark(bool ok) => ok ? "met" : "**not met**";

    private static double MinOr(this IEnumerable<double> values, double empty) => values.DefaultIfEmpty(empty).Min();

    private static int MinOr(this IEnumerable<FuzzWorldResult> results, Func<FuzzWorldResult, int> f, int empty) => results.Select(f).DefaultIfEmpty(empty).Min();

    private static int MaxOr(this IEnumerable<FuzzWorldResult> results, Func<FuzzWorldResult, int> f, int empty) => results.Select(f).DefaultIfEmpty(empty).Max();

    private static double MaxOr(this IEnumerable<double> values, double empty) => values.DefaultIfEmpty(empty).Max();

    private static string I(int x) => x.ToString(CultureInfo.InvariantCulture);

    private static string F(double x) => x.ToString("F4", CultureInfo.InvariantCulture);

    private static string P(double x) => (100 * x).ToString("F2", CultureInfo.InvariantCulture) + "%";
}
