using System.CommandLine;
using Tansiq.Application;
using Tansiq.Core.Detection;
using Tansiq.Core.Model;
using Tansiq.Core.Text;
using Tansiq.IO.Output;
using Tansiq.IO.Readers;

namespace Tansiq.Cli.Commands;

/// <summary>The main job: posts in; co-action networks, weighed evidence, judged clusters and a report out.</summary>
internal static class DetectCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("detect", "Finds coordinated clusters (electronic armies) in posts and explains the evidence. Writes accounts.csv, edges.csv, clusters.json, network.graphml, network.gexf, report.html and summary.json.");
        var input = new InputOptions();
        input.AddTo(command);
        var d = new DetectOptions();
        var output = new Option<string>("--out") { Description = "Output directory (created if missing).", Required = true };
        var accounts = new Option<string?>("--accounts") { Description = "Optional accounts CSV: account_id,username,created_at,followers_count,following_count." };
        var window = new Option<double>("--window") { Description = "Seconds within which two actions on one object are co-actions (inclusive).", DefaultValueFactory = _ => d.Window };
        var signals = new Option<string>("--signals") { Description = "Comma-separated signals, or 'all': co-repost,co-link,co-reply,co-text,co-hashtag,co-similar (and co-forward when an input is a Telegram export).", DefaultValueFactory = _ => "all" };
        var minWeight = new Option<int>("--min-weight") { Description = "Raw co-action edges in edges.csv need at least this toolkit weight (the Gephi files hold the significant edges).", DefaultValueFactory = _ => d.MinWeight };
        var alpha = new Option<double>("--alpha") { Description = "Significance level of the timing null-model test per pair and signal.", DefaultValueFactory = _ => d.Alpha };
        var minSync = new Option<int>("--min-sync-objects") { Description = "A pair needs at least this many distinct objects acted on within the window.", DefaultValueFactory = _ => d.MinSyncObjects };
        var controlFactor = new Option<double>("--control-factor") { Description = "The control band of the timing test: gaps in (window, factor x window].", DefaultValueFactory = _ => d.ControlFactor };
        var exclusivity = new Option<double>("--exclusivity") { Description = "An object is a cluster's own when at least this share of everyone who acted on it are members.", DefaultValueFactory = _ => d.Exclusivity };
        var minExclusive = new Option<int>("--min-exclusive-objects") { Description = "A cluster is coordinated when it acted together on at least this many of its own objects.", DefaultValueFactory = _ => d.MinExclusiveObjects };
        var synchronyShare = new Option<double>("--min-synchrony-share") { Description = "Share of a cluster's own objects that must have been acted on within the window.", DefaultValueFactory = _ => d.MinSynchronyShare };
        var burstShare = new Option<double>("--min-burst-share") { Description = "Share of members acting on an object who must do so inside one window for it to count.", DefaultValueFactory = _ => d.MinBurstShare };
        var minMember = new Option<int>("--min-member-objects") { Description = "A member must have taken part in at least this many of the cluster's own objects.", DefaultValueFactory = _ => d.MinMemberObjects };
        var maxSpread = new Option<double?>("--max-member-spread") { Description = "A cluster's members must act on its objects within this many seconds from first to last (median over objects). Default: four windows." };
        var minSize = new Option<int>("--min-cluster-size") { Description = "Smallest cluster reported.", DefaultValueFactory = _ => d.MinClusterSize };
        var resolution = new Option<double>("--resolution") { Description = "Modularity resolution of the community detection (higher: smaller clusters).", DefaultValueFactory = _ => d.Resolution };
        var similarity = new Option<double>("--similarity") { Description = "co-similar: two original posts are near-duplicates when the Jaccard similarity of their normalised word sets is at least this.", DefaultValueFactory = _ => new NearDuplicateOptions().Threshold };
        var noEdges = new Option<bool>("--no-edges") { Description = "Do not write edges.csv (the raw networks; it can be larger than the input). The network files keep the significant edges." };
        var threads = new Option<int>("--threads") { Description = "Worker threads (default: all cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        Option[] all = [output, accounts, window, signals, minWeight, alpha, minSync, controlFactor, exclusivity, minExclusive, synchronyShare, burstShare, minMember, maxSpread, minSize, resolution, similarity, threads, noEdges];
        foreach (var option in all)
        {
            command.Options.Add(option);
        }
        command.SetAction(parse => CliApp.Guard(context, () =>
        {
            var dir = parse.GetValue(output)!;
            OutputGuard.Directory(dir);
            OutputGuard.NoInputOverwritten([.. parse.GetValue(input.Inputs)!, parse.GetValue(accounts), parse.GetValue(input.Pseudonymise)], OutputGuard.In(dir, DetectionWriter.Files));
            var options = new DetectOptions
            {
                Window = Positive(parse.GetValue(window), "--window", allowZero: true),
                Signals = input.WithFormatSignals(parse, InputOptions.ParseSignals(parse.GetValue(signals)), parse.GetValue(signals)),
                MinWeight = AtLeast(parse.GetValue(minWeight), 1, "--min-weight"),
                Alpha = Share(parse.GetValue(alpha), "--alpha"),
                MinSyncObjects = AtLeast(parse.GetValue(minSync), 1, "--min-sync-objects"),
                ControlFactor = Positive(parse.GetValue(controlFactor), "--control-factor", allowZero: false),
                Exclusivity = Share(parse.GetValue(exclusivity), "--exclusivity"),
                MinExclusiveObjects = AtLeast(parse.GetValue(minExclusive), 1, "--min-exclusive-objects"),
                MinSynchronyShare = Share(parse.GetValue(synchronyShare), "--min-synchrony-share"),
                MinBurstShare = Share(parse.GetValue(burstShare), "--min-burst-share"),
                MinMemberObjects = AtLeast(parse.GetValue(minMember), 1, "--min-member-objects"),
                MinClusterSize = AtLeast(parse.GetValue(minSize), 2, "--min-cluster-size"),
                MaxMemberSpread = parse.GetValue(maxSpread) is { } spread ? Positive(spread, "--max-member-spread", allowZero: true) : null,
                Resolution = Positive(parse.GetValue(resolution), "--resolution", allowZero: false),
                Parallelism = AtLeast(parse.GetValue(threads), 1, "--threads"),
            };
            if (options.ControlFactor <= 1)
            {
                throw new UsageException("--control-factor must be greater than 1");
            }
            var accountsPath = parse.GetValue(accounts);
            InputFormats.TryParse(parse.GetValue(input.Format), out var format);
            var inputs = new DetectionInputs
            {
                Paths = parse.GetValue(input.Inputs)!,
                Format = format,
                Accounts = accountsPath,
                Read = new ReadOptions
                {
                    SkipBadRows = parse.GetValue(input.SkipBadRows),
                    ExtractHashtags = options.Signals.Contains(SignalKind.CoHashtag),
                    ExtractMentions = false,
                    ColumnMap = input.ColumnMap(parse),
                    Pseudonyms = input.Pseudonyms(parse),
                    ObjectKind = input.ObjectKindName(parse),
                    // Formats that carry profiles on each row (the information-operations archives) give them without --accounts.
                    Profiles = accountsPath is null ? new(StringComparer.Ordinal) : null,
                },
                Similarity = new NearDuplicateOptions
                {
                    Threshold = Share(parse.GetValue(similarity), "--similarity"),
                    Parallelism = options.Parallelism,
                },
            };
            var observer = new CliObserver(context, "detect");
            var run = DetectionPipeline.Run(inputs, options, TimeProvider.System, observer);
            DetectionPipeline.Write(run, dir, new DetectionWriterOptions { WriteEdges = !parse.GetValue(noEdges), ExcelCsv = parse.GetValue(input.Excel), Parallelism = options.Parallelism }, observer);
            var result = run.Result;
            context.Out.WriteLine($"{run.MessageCount:N0} messages from {run.AccountCount:N0} accounts: {result.Clusters.Count} coordinated clusters, {result.Summary.FlaggedAccounts:N0} accounts flagged.");
            context.Out.WriteLine($"report: {Path.GetFullPath(Path.Combine(dir, DetectionWriter.ReportFile))}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static double Positive(double value, string name, bool allowZero)
    {
        if (double.IsNaN(value) || double.IsInfinity(value) || value < 0 || (!allowZero && value == 0))
        {
            throw new UsageException($"{name} must be a {(allowZero ? "non-negative" : "positive")} number");
        }
        return value;
    }

    /// <summary>A share or probability: in (0, 1].</summary>
    internal static double Share(double value, string name)
    {
        if (double.IsNaN(value) || value <= 0 || value > 1)
        {
            throw new UsageException($"{name} must be greater than 0 and at most 1, got {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }
        return value;
    }

    internal static int AtLeast(int value, int min, string name) =>
        value >= min ? value : throw new UsageException($"{name} must be at least {min}, got {value}");
}
