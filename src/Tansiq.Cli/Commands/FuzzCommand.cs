using System.CommandLine;
using System.Globalization;
using Tansiq.Application;
using Tansiq.Core.Detection;
using Tansiq.Core.Evaluation;
using Tansiq.Core.Simulation;
using Tansiq.Core.Text;
using Tansiq.IO.Simulation;

namespace Tansiq.Cli.Commands;

/// <summary>
/// The scenario fuzzer: draws many worlds from wide ranges of coordinated behaviour and hard negatives, simulates each,
/// runs detect's pipeline on it in process (default options, as <c>detect</c> runs them) and scores it against the
/// truth. Writes fuzz.csv (one row per world) and fuzz.md (the distribution).
/// </summary>
internal static class FuzzCommand
{
    public static Command Create(CliContext context)
    {
        var worlds = new Option<int>("--worlds") { Description = "Number of worlds to draw, simulate, detect and score.", DefaultValueFactory = _ => 100 };
        var seed = new Option<int>("--seed") { Description = "Seed of the draw: the same seed and options give the same fuzz.csv and fuzz.md.", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "Directory for fuzz.csv and fuzz.md (created if missing).", DefaultValueFactory = _ => "fuzz" };
        var noArmyShare = new Option<double>("--no-army-share") { Description = "Share of worlds with no coordinated accounts at all.", DefaultValueFactory = _ => 0.2 };
        var scaleMax = new Option<double>("--scale-max") { Description = "Multiplies the drawn world scale (1: 0.08-0.7 of the seed world, about 2,000-19,000 accounts).", DefaultValueFactory = _ => 1.0 };
        var daysMax = new Option<double>("--days-max") { Description = "Longest period drawn (days are drawn in [min(3, this), this]).", DefaultValueFactory = _ => 14.0 };
        var writeWorlds = new Option<string?>("--write-worlds") { Description = "Also write these worlds' files (comma-separated world numbers, as in fuzz.csv) to DIR/world-N/, as simulate writes them, to run detect on one by hand." };
        var only = new Option<string?>("--only") { Description = "Run only these worlds (comma-separated world numbers of the same draw; the summary covers them alone): to look again at a bad world." };
        var threads = new Option<int>("--threads") { Description = "Worlds simulated and detected in parallel (each on one thread).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("fuzz", "Draws many simulated worlds from wide ranges of coordinated behaviour and hard negatives, runs detect on each and scores it: fuzz.csv and fuzz.md.")
        {
            worlds, seed, output, noArmyShare, scaleMax, daysMax, writeWorlds, only, threads,
        };
        command.SetAction(parse => CliApp.Guard(context, () =>
        {
            var n = parse.GetValue(worlds);
            if (n < 1)
            {
                throw new UsageException("--worlds must be at least 1");
            }
            var share = parse.GetValue(noArmyShare);
            if (double.IsNaN(share) || share < 0 || share > 1)
            {
                throw new UsageException("--no-army-share must be between 0 and 1");
            }
            var scale = parse.GetValue(scaleMax);
            if (double.IsNaN(scale) || scale <= 0 || scale > 10)
            {
                throw new UsageException("--scale-max must be in (0, 10]");
            }
            var maxDays = parse.GetValue(daysMax);
            if (double.IsNaN(maxDays) || maxDays < 0.5 || maxDays > 60)
            {
                throw new UsageException("--days-max must be in [0.5, 60]");
            }
            var options = new FuzzOptions
            {
                Worlds = n,
                Seed = parse.GetValue(seed),
                NoArmyShare = share,
                ScaleMax = scale,
                DaysMin = Math.Min(3, maxDays),
                DaysMax = maxDays,
            };
            var dir = parse.GetValue(output)!;
            var keep = WorldNumbers(parse.GetValue(writeWorlds), "--write-worlds", n);
            var selected = WorldNumbers(parse.GetValue(only), "--only", n);
            var parallel = Math.Max(1, parse.GetValue(threads));
            var time = TimeProvider.System;
            var start = time.GetTimestamp();
            var drawn = ScenarioFuzzer.Draw(options).Where(w => selected.Count == 0 || selected.Contains(w.Index)).ToList();
            var results = new FuzzWorldResult[drawn.Count];
            var done = 0;
            var progress = new Lock();
            Parallel.For(0, drawn.Count, new ParallelOptions { MaxDegreeOfParallelism = parallel }, i =>
            {
                var index = drawn[i].Index;
                results[i] = RunWorld(drawn[i], time, keep.Contains(index) ? Path.Combine(dir, $"world-{index}") : null);
                lock (progress)
                {
                    done++;
                    var r = results[i];
                    var f1 = r.HasPositives ? r.Evaluation.F1.ToString("F3", CultureInfo.InvariantCulture) : "-";
                    context.Err.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"world {r.World.Index} (seed {r.World.Seed}): {r.Accounts} accounts, {r.Messages} messages, positives {r.Evaluation.Positives}, flagged {r.Evaluation.Flagged}, F1 {f1} [{done}/{drawn.Count}, {r.Seconds:F1} s]"));
                }
            });
            var summary = FuzzSummary.Of(results);
            Directory.CreateDirectory(dir);
            var csv = Path.Combine(dir, FuzzFiles.CsvFile);
            var md = Path.Combine(dir, FuzzFiles.MarkdownFile);
            FuzzFiles.WriteCsv(csv, results);
            FuzzFiles.WriteMarkdown(md, results, summary, CommandLine(options, selected));
            var o = context.Out;
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{summary.Worlds} worlds ({summary.ArmyWorlds} with coordinated accounts) in {time.GetElapsedTime(start).TotalSeconds:F0} s: F1 median {summary.F1Median:F3}, 5th percentile {summary.F1P5:F3}, min {summary.F1Min:F3}"));
            o.WriteLine("recall per behaviour (pooled): " + string.Join(", ",
                summary.Behaviours.Append(summary.Sleepers).Where(b => b.Worlds > 0).Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.Behaviour} {b.PooledRecall:F3}"))));
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"worlds with fans > 1% flagged {summary.WorldsFansOver1Percent}, friends > 1% {summary.WorldsFriendsOver1Percent}; worlds without an army with > 0.2% flagged {summary.NoArmyWorldsOver02Percent} of {summary.NoArmyWorlds}; publishers (declared) flagged {summary.PublishersFlagged} of {summary.Publishers}"));
            o.WriteLine($"wrote {csv}");
            o.WriteLine($"wrote {md}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static HashSet<int> WorldNumbers(string? list, string option, int worlds)
    {
        var numbers = new HashSet<int>();
        foreach (var item in (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(item, NumberStyles.Integer, CultureInfo.InvariantCulture, out var k) || k < 0 || k >= worlds)
            {
                throw new UsageException($"{option}: '{item}' is not a world number in 0..{worlds - 1}");
            }
            numbers.Add(k);
        }
        return numbers;
    }

    private static string CommandLine(FuzzOptions o, IReadOnlyCollection<int> only) => string.Create(CultureInfo.InvariantCulture,
        $"./tansiq fuzz --worlds {o.Worlds} --seed {o.Seed} --no-army-share {o.NoArmyShare} --scale-max {o.ScaleMax} --days-max {o.DaysMax}")
        + (only.Count == 0 ? "" : " --only " + string.Join(',', only.Order()));

    /// <summary>
    /// One world: simulate, then detect's own pipeline (the corpus builder and detector with detect's default options,
    /// on the generator's messages, which are what the readers produce from the written files), then eval.
    /// </summary>
    internal static FuzzWorldResult RunWorld(FuzzWorld drawn, TimeProvider time, string? writeTo = null)
    {
        var start = time.GetTimestamp();
        var world = WorldGenerator.Generate(drawn.Parameters, drawn.Seed);
        if (writeTo is not null)
        {
            WorldWriter.Write(world, writeTo, SimulationFormat.TansiqCsv);
        }
        var options = new DetectOptions { Parallelism = 1 };
        var result = DetectionPipeline.Detect(world.Messages, options, time, new NearDuplicateOptions { Parallelism = 1 });
        var detected = result.Accounts.Select(a => new DetectedAccount(a.AccountId, a.ClusterId, a.Score));
        var evaluation = DetectionEvaluator.Evaluate(world.Truth, detected);
        return new FuzzWorldResult
        {
            World = drawn,
            Accounts = world.Accounts.Count,
            Messages = world.Messages.Count,
            Evaluation = evaluation,
            Seconds = time.GetElapsedTime(start).TotalSeconds,
        };
    }
}
