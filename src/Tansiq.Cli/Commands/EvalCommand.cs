using System.CommandLine;
using System.Globalization;
using Tansiq.Core.Evaluation;
using Tansiq.IO.Simulation;

namespace Tansiq.Cli.Commands;

internal static class EvalCommand
{
    public static Command Create(CliContext context)
    {
        var truthOption = new Option<string>("--truth") { Description = "The simulator's truth.json.", Required = true };
        var detectOption = new Option<string?>("--detect") { Description = "A detect output directory: its accounts.csv is scored (flagged = non-empty cluster_id)." };
        var moderateOption = new Option<string?>("--moderate") { Description = "A moderate output directory: its decisions.csv is scored against the reported targets' labels." };
        var outOption = new Option<string?>("--out") { Description = "Where to write eval.json (default: eval.json in the --detect directory, else in the --moderate directory)." };
        var command = new Command("eval", "Scores detect (and moderate) output against a simulated world's truth: precision, recall, F1, fans and friends flagged, per-squad recall, cluster ARI; moderation confusion table.")
        {
            truthOption, detectOption, moderateOption, outOption,
        };
        command.SetAction(result => CliApp.Guard(context, () =>
        {
            var truthPath = result.GetValue(truthOption)!;
            var detectDir = result.GetValue(detectOption);
            var moderateDir = result.GetValue(moderateOption);
            if (detectDir is null && moderateDir is null)
            {
                throw new UsageException("give --detect DIR, --moderate DIR or both");
            }
            var outPath = result.GetValue(outOption) ?? Path.Combine(detectDir ?? moderateDir!, "eval.json");
            OutputGuard.FilePath(outPath);
            OutputGuard.NoInputOverwritten([truthPath, detectDir is null ? null : Path.Combine(detectDir, "accounts.csv"),
                moderateDir is null ? null : Path.Combine(moderateDir, "decisions.csv")], [outPath]);
            var truth = TruthJson.Read(truthPath);
            var inputs = new Dictionary<string, string>(StringComparer.Ordinal) { ["truth"] = truthPath };
            DetectionEvaluation? detection = null;
            if (detectDir is not null)
            {
                var accounts = Path.Combine(detectDir, "accounts.csv");
                inputs["detect"] = accounts;
                detection = DetectionEvaluator.Evaluate(truth, EvaluationFiles.ReadDetectedAccounts(accounts));
                PrintDetection(context.Out, detection);
            }
            ModerationEvaluation? moderation = null;
            if (moderateDir is not null)
            {
                var decisions = Path.Combine(moderateDir, "decisions.csv");
                inputs["moderate"] = decisions;
                moderation = ModerationEvaluator.Evaluate(truth, EvaluationFiles.ReadDecisions(decisions));
                PrintModeration(context.Out, moderation);
            }
            EvaluationFiles.WriteJson(outPath, detection, moderation, inputs);
            context.Out.WriteLine($"wrote {outPath}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static string Pct(double x) => (100 * x).ToString("F1", CultureInfo.InvariantCulture) + "%";

    private static string F(double x) => x.ToString("F3", CultureInfo.InvariantCulture);

    private static void PrintDetection(TextWriter o, DetectionEvaluation d)
    {
        o.WriteLine("detection (positives: army, producers, sockpuppets, relays, hashtag gamers; commander and publishers excluded)");
        o.WriteLine($"  flagged {d.Flagged}, positives {d.Positives}, true positives {d.TruePositives}, false positives {d.FalsePositives}, false negatives {d.FalseNegatives}");
        o.WriteLine($"  precision {F(d.Precision)}  recall {F(d.Recall)}  F1 {F(d.F1)}");
        o.WriteLine($"  fans flagged {d.Fans.Flagged}/{d.Fans.Accounts} ({Pct(d.Fans.Share)}), fast fans {d.FastFans.Flagged}/{d.FastFans.Accounts} ({Pct(d.FastFans.Share)})");
        o.WriteLine($"  friend-group members flagged {d.FriendGroupMembers.Flagged}/{d.FriendGroupMembers.Accounts} ({Pct(d.FriendGroupMembers.Share)}), other organic {d.OtherOrganic.Flagged}/{d.OtherOrganic.Accounts} ({Pct(d.OtherOrganic.Share)})");
        var roles = d.ByRole.Where(r => r.Value.Flagged > 0).Select(r => $"{r.Key} {r.Value.Flagged}");
        o.WriteLine("  flagged by role: " + (roles.Any() ? string.Join(", ", roles) : "none"));
        if (d.Squads.Count > 0)
        {
            o.WriteLine("  recall per squad: " + string.Join(", ", d.Squads.Select(s => $"{s.Squad} {s.Flagged}/{s.Members}")));
        }
        if (d.Behaviours.Count > 1 || d.Behaviours.Any(b => b.Behaviour is not (Tansiq.Core.Simulation.Behaviours.SchedulerSquad or Tansiq.Core.Simulation.Behaviours.Producer)))
        {
            o.WriteLine("  recall per behaviour: " + string.Join(", ", d.Behaviours.Select(b => $"{b.Behaviour} {b.Flagged}/{b.Members}")));
        }
        if (d.Sleepers.Accounts > 0)
        {
            o.WriteLine($"  sleepers flagged {d.Sleepers.Flagged}/{d.Sleepers.Accounts}");
        }
        if (d.Publishers.Accounts > 0)
        {
            o.WriteLine($"  publishers (declared, not scored) flagged {d.Publishers.Flagged}/{d.Publishers.Accounts}");
        }
        o.WriteLine($"  cluster purity (adjusted Rand index vs squads) {F(d.ClusterAri)}");
    }

    private static void PrintModeration(TextWriter o, ModerationEvaluation m)
    {
        o.WriteLine("moderation (rows: truth label; columns: decision)");
        var names = ModerationEvaluation.ColumnNames;
        o.WriteLine("  " + "label".PadRight(18) + string.Concat(names.Select(n => n.PadLeft(14))) + "total".PadLeft(8));
        foreach (var row in m.Confusion)
        {
            o.WriteLine("  " + row.Label.PadRight(18) + string.Concat(row.Counts.Select(c => c.ToString(CultureInfo.InvariantCulture).PadLeft(14))) + row.Total.ToString(CultureInfo.InvariantCulture).PadLeft(8));
        }
        o.WriteLine($"  wrongful suspensions {m.WrongfulSuspensions} (" + string.Join(", ", m.WrongfulSuspensionsByLabel.Select(w => $"{w.Key} {w.Value}")) + ")");
        o.WriteLine($"  noise targets left without action {Pct(m.NoiseLeftAlone)}; abusive suspended or high-priority review {Pct(m.AbusiveActioned)}");
        if (m.MissingDecisions > 0)
        {
            o.WriteLine($"  {m.MissingDecisions} reported targets have no decision row (counted as none)");
        }
    }
}
