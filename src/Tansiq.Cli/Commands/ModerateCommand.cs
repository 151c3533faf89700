using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Tansiq.Application;
using Tansiq.Core.Moderation;
using Tansiq.IO.Moderation;
using Tansiq.IO.Readers;

namespace Tansiq.Cli.Commands;

/// <summary>
/// <c>moderate</c>: replays user reports through a moderation policy and writes decisions, the timeline of changes,
/// the reporting campaigns found and a report. Hidden subcommands generate the worked example's world and the sweep plot.
/// </summary>
internal static class ModerateCommand
{
    public static Command Create(CliContext context)
    {
        var reports = new Option<FileInfo?>("--reports") { Description = "Reports CSV: report_id,reporter_id,target_id,timestamp,reason (required)" };
        var accounts = new Option<FileInfo?>("--accounts") { Description = "Accounts CSV: account_id,username,created_at,followers_count,following_count (required)" };
        var follows = new Option<FileInfo?>("--follows") { Description = "Follow graph CSV: follower_id,followee_id" };
        var messages = new Option<FileInfo?>("--messages") { Description = "Messages (any format detect reads): exposure of reporters to targets and coordinated clusters" };
        var format = new Option<string>("--format") { Description = "Format of --messages: auto (from the file), cnt-csv, tansiq-csv, twitter-v2 (as for detect)", DefaultValueFactory = _ => "auto" };
        format.AcceptOnlyFromAmong([.. InputFormats.Names]);
        var output = new Option<DirectoryInfo?>("--out") { Description = "Output directory (required)" };
        var policy = new Option<string>("--policy") { Description = "tansiq (default) or threshold (the naive baseline)", DefaultValueFactory = _ => "tansiq" };
        policy.AcceptOnlyFromAmong("tansiq", "threshold");
        var pseudonymise = new Option<string?>("--pseudonymise") { Description = "Replace every account id and username in every output by a keyed pseudonym (HMAC-SHA256 under the key in this file; as detect --pseudonymise)." };
        var excel = new Option<bool>("--excel") { Description = "Start decisions.csv and timeline.csv with a UTF-8 byte-order mark, for Excel." };
        var threshold = new Option<double>("--threshold") { Description = "For --policy threshold: suspend at this fraction of followers", DefaultValueFactory = _ => 0.25 };

        var command = new Command("moderate", "Replays user reports in time order and decides none / review / suspend per reported account, flagging reporting campaigns (brigades).")
        {
            reports, accounts, follows, messages, format, output, policy, threshold, pseudonymise, excel,
        };
        command.SetAction(parse => CliApp.Guard(context, () =>
        {
            var request = new ModerateRequest(
                Required(parse.GetValue(reports), "--reports").FullName,
                Required(parse.GetValue(accounts), "--accounts").FullName,
                parse.GetValue(follows)?.FullName,
                parse.GetValue(messages)?.FullName,
                Required(parse.GetValue(output), "--out").FullName,
                parse.GetValue(policy) ?? "tansiq",
                parse.GetValue(threshold),
                parse.GetValue(format) ?? "auto",
                parse.GetValue(pseudonymise),
                parse.GetValue(excel));
            return Run(context, request);
        }));
        command.Subcommands.Add(WorldCommand(context));
        command.Subcommands.Add(SweepCommand(context));
        return command;
    }

    private static T Required<T>(T? value, string name) where T : class =>
        value ?? throw new UsageException($"{name} is required");

    internal sealed record ModerateRequest(string Reports, string Accounts, string? Follows, string? Messages, string Out, string Policy, double Threshold, string Format = "auto", string? KeyFile = null, bool Excel = false);

    internal static int Run(CliContext context, ModerateRequest r)
    {
        if (r.Threshold is < 0 or > 1000 || double.IsNaN(r.Threshold))
        {
            throw new UsageException("--threshold must be a non-negative fraction of followers (e.g. 0.25)");
        }
        OutputGuard.Directory(r.Out);
        OutputGuard.NoInputOverwritten([r.Reports, r.Accounts, r.Follows, r.Messages, r.KeyFile], OutputGuard.In(r.Out, ModerationWriters.Files));
        InputFormats.TryParse(r.Format, out var messageFormat);
        var pseudonyms = r.KeyFile is null ? null : Tansiq.IO.Pseudonymiser.FromFile(r.KeyFile);
        ModerationRun run;
        using (StageProgress.Start(context, "moderate: reading and replaying the reports"))
        {
            run = ModerationPipeline.Run(new ModerationInputs(r.Reports, r.Accounts, r.Follows, r.Messages, messageFormat, r.Policy, r.Threshold) { Pseudonyms = pseudonyms }, TimeProvider.System);
        }
        var (result, world, stats, options) = (run.Result, run.World, run.Stats, run.Options);
        var stages = new List<KeyValuePair<string, double>>(run.StageSeconds);
        var clock = Stopwatch.StartNew();
        void Stage(string name)
        {
            stages.Add(new(name, clock.Elapsed.TotalSeconds));
            clock.Restart();
        }
        var info = new ModerationRunInfo
        {
            Policy = result.Policy,
            Parameters = r.Policy == "threshold" ? new Dictionary<string, object> { ["threshold"] = r.Threshold } : Parameters(options),
            Inputs = new Dictionary<string, string?> { ["reports"] = r.Reports, ["accounts"] = r.Accounts, ["follows"] = r.Follows, ["messages"] = r.Messages },
            StageSeconds = stages,
            Replayed = run.Replayed,
            NaiveThreshold = r.Policy == "threshold" ? r.Threshold : 0.25,
        };
        ModerationWriters.WriteAll(r.Out, result, world, stats, info, r.Excel);
        Stage("write");

        if (stats.ReportsNamingUnknownAccounts > 0)
        {
            context.Err.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"warning: {stats.ReportsNamingUnknownAccounts} reports name accounts missing from {Path.GetFileName(r.Accounts)} ({stats.UnknownReporters} reporters, {stats.UnknownTargets} targets); they were left out. First: {stats.UnknownExamples[0]}"));
        }
        if (stats.DuplicateReportIds > 0)
        {
            context.Err.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"warning: {stats.DuplicateReportIds} rows repeat a report_id seen before; the first row of each id was kept. First: {stats.DuplicateExamples[0]}"));
        }
        if (stats.FollowsNamingUnknownAccounts > 0)
        {
            context.Err.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warning: {stats.FollowsNamingUnknownAccounts} follows name unknown accounts; they were ignored"));
        }
        if (stats.MessagesByUnknownAccounts > 0)
        {
            context.Err.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warning: {stats.MessagesByUnknownAccounts} messages are by accounts missing from {Path.GetFileName(r.Accounts)}; they give no exposure (detect still sees them)"));
        }
        IEnumerable<string> counts = result.Decisions.Count == 0 ? ["nothing to decide"] : result.Decisions.GroupBy(d => ModerationWriters.Label(d.Verdict)).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} {g.Count()}");
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"moderate ({result.Policy}): {result.Reports} reports on {result.Decisions.Count} accounts: {string.Join(", ", counts)}; {result.Brigades.Count} brigades. Wrote {r.Out}"));
        return ExitCodes.Success;
    }

    private static Dictionary<string, object> Parameters(TansiqPolicyOptions o)
    {
        var result = new Dictionary<string, object>();
        foreach (var p in typeof(TansiqPolicyOptions).GetProperties())
        {
            if (p.GetValue(o) is { } v)
            {
                result[ToSnake(p.Name)] = v;
            }
        }
        return result;
    }

    private static string ToSnake(string name)
    {
        var b = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && b.Length > 0)
            {
                b.Append('_');
            }
            b.Append(char.ToLowerInvariant(c));
        }
        return b.ToString();
    }

    private static Command WorldCommand(CliContext context)
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Directory for accounts.csv, follows.csv, reports.csv, truth.json", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 1 };
        var size = new Option<string>("--size") { Description = "small (about 31,000 reports) or million (about a million, for timing)", DefaultValueFactory = _ => "small" };
        size.AcceptOnlyFromAmong("small", "million");
        var command = new Command("world", "Writes the generated report world used by the tests and the worked example (brigades, petitions, abuse, stray reports).")
        {
            output, seed, size,
        };
        command.Hidden = true;
        command.SetAction(parse => CliApp.Guard(context, () =>
        {
            var dir = parse.GetValue(output)!.FullName;
            OutputGuard.Directory(dir);
            var options = parse.GetValue(size) == "million" ? ReportWorldOptions.Million(parse.GetValue(seed)) : new ReportWorldOptions { Seed = parse.GetValue(seed) };
            var g = ReportWorld.Generate(options);
            ReportWorldFiles.Write(dir, g);
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {g.World.AccountCount} accounts, {g.Follows.Count} follows, {g.Reports.Length} reports, {g.Truth.Count} reported accounts with truth to {dir}"));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command SweepCommand(CliContext context)
    {
        var output = new Option<FileInfo>("--out") { Description = "SVG file to write (a CSV of the numbers is written beside it)", Required = true };
        var seeds = new Option<int>("--seeds") { Description = "Simulated worlds per campaign size (seeds 1..N)", DefaultValueFactory = _ => 3 };
        var scale = new Option<double>("--scale") { Description = "Scale of each simulated world (as simulate --scale)", DefaultValueFactory = _ => 0.5 };
        var command = new Command("sweep", "Plots wrongful suspensions against campaign size for both policies on simulated worlds (the simulate command's world, campaign sizes 1% to 100% of the targets' followers).")
        {
            output, seeds, scale,
        };
        command.Hidden = true;
        command.SetAction(parse => CliApp.Guard(context, () =>
        {
            var file = parse.GetValue(output)!.FullName;
            OutputGuard.FilePath(file);
            var n = parse.GetValue(seeds);
            var s = parse.GetValue(scale);
            if (n < 1)
            {
                throw new UsageException("--seeds must be at least 1");
            }
            if (!(s > 0 && s <= 10))
            {
                throw new UsageException("--scale must be in (0, 10]");
            }
            var sweep = CampaignSizeSweep.Run(new CampaignSizeSweepOptions { Seeds = [.. Enumerable.Range(1, n)], Scale = s });
            SweepPlot.WriteSvg(file, sweep);
            SweepPlot.WriteCsv(Path.ChangeExtension(file, ".csv"), sweep);
            context.Out.WriteLine("| campaign size (nominal) | measured | campaign targets | threshold: suspended | tansiq: suspended | tansiq: review |");
            context.Out.WriteLine("|---:|---:|---:|---:|---:|---:|");
            foreach (var p in sweep)
            {
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {p.Fraction * 100:0.#}% | {p.MeasuredMin * 100:0.#}-{p.MeasuredMax * 100:0.#}% | {p.Targets} | {p.ThresholdWrongful} | {p.TansiqWrongful} | {p.TansiqReviewed} |"));
            }
            context.Out.WriteLine($"wrote {file}");
            return ExitCodes.Success;
        }));
        return command;
    }
}
