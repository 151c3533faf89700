using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Tansiq.Application;
using Tansiq.Core.Detection;
using Tansiq.Core.Model;
using Tansiq.Core.Simulation;
using Tansiq.Core.Text;
using Tansiq.IO.Output;
using Tansiq.IO.Readers;
using Tansiq.IO.Simulation;

namespace Tansiq.Cli.Commands;

/// <summary>
/// The benchmark suite: simulated workloads of growing size (cached on disk), each run through every stage of
/// <c>detect</c> in this process, with time, throughput and peak memory per size.
/// </summary>
internal static class BenchCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("bench", "Measures detect stage by stage (parse, sweep per signal, weighing, clustering, outputs) on simulated workloads of growing size: time, messages/s and peak memory. Workloads are cached on disk.");
        var sizes = new Option<string>("--sizes") { Description = "Comma-separated workload sizes in messages (1e4, 100000, 1e7 ...).", DefaultValueFactory = _ => "1e4,1e5,1e6" };
        var cache = new Option<string>("--cache") { Description = "Directory holding the generated workloads (reused when present).", DefaultValueFactory = _ => Path.Combine(".tansiq", "bench-cache") };
        var output = new Option<string?>("--out") { Description = "Also write the results as a markdown file." };
        var seed = new Option<int>("--seed") { Description = "Simulator seed of the workloads.", DefaultValueFactory = _ => 1 };
        var maxScale = new Option<double>("--max-scale") { Description = "Workloads grow the simulated population (simulate --scale) with the size up to this scale; beyond it they grow the period (--days) with the same population.", DefaultValueFactory = _ => Workloads.DefaultMaxScale };
        var window = new Option<double>("--window") { Description = "Co-action window in seconds, as in detect.", DefaultValueFactory = _ => new DetectOptions().Window };
        var signals = new Option<string>("--signals") { Description = "Signals to run, as in detect ('all' or a comma-separated list).", DefaultValueFactory = _ => "all" };
        var threads = new Option<int>("--threads") { Description = "Worker threads (default: all cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var generateOnly = new Option<bool>("--generate-only") { Description = "Only create (or check) the cached workloads and print their paths; measure nothing." };
        Option[] all = [sizes, cache, output, seed, maxScale, window, signals, threads, generateOnly];
        foreach (var option in all)
        {
            command.Options.Add(option);
        }
        command.SetAction(parse => CliApp.Guard(context, () =>
        {
            if (parse.GetValue(output) is { } mdPath)
            {
                OutputGuard.FilePath(mdPath);
            }
            OutputGuard.Directory(parse.GetValue(cache)!, "--cache");
            var sizeList = ParseSizes(parse.GetValue(sizes));
            var scaleCap = parse.GetValue(maxScale);
            if (!(scaleCap > 0) || scaleCap > 1000)
            {
                throw new UsageException("--max-scale must be in (0, 1000]");
            }
            var w = parse.GetValue(window);
            if (!(w >= 0) || double.IsInfinity(w))
            {
                throw new UsageException("--window must be a number of seconds >= 0");
            }
            var options = new DetectOptions
            {
                Window = w,
                Signals = InputOptions.ParseSignals(parse.GetValue(signals)),
                Parallelism = DetectCommand.AtLeast(parse.GetValue(threads), 1, "--threads"),
            };
            var cacheDir = parse.GetValue(cache)!;
            var workloads = new List<Workload>();
            foreach (var size in sizeList)
            {
                var workload = Workloads.Ensure(cacheDir, size, parse.GetValue(seed), scaleCap, context);
                workloads.Add(workload);
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"workload {size:N0}: {(workload.Cached ? "cached" : "generated")} {workload.Path} (scale {workload.Scale:0.####}, {workload.Days:0.##} days, seed {workload.Seed})"));
            }
            if (parse.GetValue(generateOnly))
            {
                return ExitCodes.Success;
            }
            var machine = Machine.Describe();
            var loadBefore = Machine.LoadAverage();
            var results = new List<BenchResult>();
            foreach (var workload in workloads)
            {
                results.Add(Measure(workload, options));
                if (context.Interactive)
                {
                    context.Err.WriteLine($"measured {workload.Messages:N0}");
                }
            }
            var loadAfter = Machine.LoadAverage();
            var table = BenchReport.Table(results);
            context.Out.WriteLine();
            context.Out.Write(table);
            context.Out.WriteLine($"load average before {loadBefore}, after {loadAfter}; {machine}");
            if (parse.GetValue(output) is { } md)
            {
                var commandLine = "./tansiq bench " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1).SkipWhile(a => a != "bench").Skip(1));
                AtomicFile.WriteText(md, writer => writer.Write(BenchReport.Markdown(results, options, machine, loadBefore, loadAfter, commandLine)));
                context.Out.WriteLine($"written: {md}");
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    internal static List<long> ParseSizes(string? text)
    {
        var result = new List<long>();
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value != Math.Floor(value)
                || value < Workloads.MinMessages || value > Workloads.MaxMessages)
            {
                throw new UsageException($"--sizes: '{part}' is not a whole number of messages between {Workloads.MinMessages:N0} and {Workloads.MaxMessages:0e0}");
            }
            result.Add((long)value);
        }
        if (result.Count == 0)
        {
            throw new UsageException("--sizes: give at least one size");
        }
        return [.. result.Distinct().Order()];
    }

    /// <summary>One size: parse, detect (its own stage timings), outputs; peak memory measured for this size alone where the OS allows.</summary>
    private static BenchResult Measure(Workload workload, DetectOptions options)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var peakReset = Machine.ResetPeak();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var pausesBefore = GC.GetTotalPauseDuration();
        var time = TimeProvider.System;
        // detect's pipeline on the workload, parsing on the main thread (no read-ahead: parse and build events apart)
        // and without the second read for the shared posts' texts.
        var inputs = new DetectionInputs
        {
            Paths = [workload.Path],
            Format = InputFormat.CntCsv,
            Read = new ReadOptions(),
            Similarity = new NearDuplicateOptions { Parallelism = options.Parallelism },
            ReadAhead = false,
            SharedTexts = false,
        };
        var run = DetectionPipeline.Run(inputs, options, time);
        var result = run.Result;
        var stages = new List<KeyValuePair<string, double>>(run.StageSeconds);

        var outDir = Path.Combine(Path.GetTempPath(), "tansiq-bench-" + Guid.NewGuid().ToString("N"));
        var start = time.GetTimestamp();
        try
        {
            DetectionPipeline.Write(run, outDir);
            stages.Add(new("outputs", time.GetElapsedTime(start).TotalSeconds));
        }
        finally
        {
            try
            {
                Directory.Delete(outDir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
        return new BenchResult
        {
            Workload = workload,
            MessagesRead = run.MessageCount,
            Accounts = run.AccountCount,
            RawPairs = result.Summary.Signals.Values.Sum(s => s.RawPairs),
            Clusters = result.Clusters.Count,
            Flagged = result.Summary.FlaggedAccounts,
            Stages = stages,
            PeakBytes = Machine.PeakBytes(),
            PeakIsPerSize = peakReset,
            AllocatedBytes = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore,
            GcPauseSeconds = (GC.GetTotalPauseDuration() - pausesBefore).TotalSeconds,
        };
    }
}

internal sealed record Workload(string Path, long Messages, int Seed, double Scale, double Days, bool Cached);

internal sealed record BenchResult
{
    public required Workload Workload { get; init; }
    public required int MessagesRead { get; init; }
    public required int Accounts { get; init; }
    public required long RawPairs { get; init; }
    public required int Clusters { get; init; }
    public required int Flagged { get; init; }
    public required List<KeyValuePair<string, double>> Stages { get; init; }
    public required long PeakBytes { get; init; }
    public required bool PeakIsPerSize { get; init; }
    public required long AllocatedBytes { get; init; }
    public required double GcPauseSeconds { get; init; }

    public double Seconds(Func<string, bool> which) => Stages.Where(s => which(s.Key)).Sum(s => s.Value);

    public double Total => Stages.Sum(s => s.Value);
}

/// <summary>
/// Simulated workloads of an exact number of messages in the toolkit's CSV (cnt-csv), so the same file feeds
/// <c>detect</c>, <c>networks</c> and the coordination-network-toolkit. The population grows with the size up to a
/// scale cap (scale 1: about 640,000 messages in 14 days); beyond it the period grows instead, so larger workloads are
/// the same world observed for longer.
/// </summary>
internal static class Workloads
{
    public const long MinMessages = 1000;
    public const long MaxMessages = 100_000_000;
    public const double DefaultMaxScale = 1.0;
    /// <summary>Messages the simulator writes at scale 1 in 14 days (seed 1: 633,749), rounded; only a first guess.</summary>
    private const double MessagesPerScaleFortnight = 640_000;
    private const double MinScale = 0.01;
    /// <summary>Bump when the workload recipe changes, so stale caches are regenerated.</summary>
    private const int Recipe = 1;

    public static Workload Ensure(string cacheDir, long messages, int seed, double maxScale, CliContext context)
    {
        var dir = Path.Combine(cacheDir, string.Create(CultureInfo.InvariantCulture, $"n{messages}-seed{seed}-maxscale{maxScale:0.####}"));
        var path = Path.Combine(dir, "messages.csv");
        var meta = Path.Combine(dir, "workload.json");
        if (File.Exists(path) && File.Exists(meta) && TryRead(meta, messages, seed, maxScale) is { } cached)
        {
            return cached with { Path = path, Cached = true };
        }
        var scale = Math.Clamp(messages / MessagesPerScaleFortnight, MinScale, maxScale);
        var days = 14 * messages / (MessagesPerScaleFortnight * scale);
        // A little more than needed, then the first `messages` in time order: the size is exact.
        days *= 1.1;
        World world;
        while (true)
        {
            if (context.Interactive)
            {
                context.Err.WriteLine(string.Create(CultureInfo.InvariantCulture, $"simulating {messages:N0} messages: scale {scale:0.####}, {days:0.##} days..."));
            }
            var parameters = new WorldParameters { Scale = scale, Days = days };
            parameters.Validate();
            world = WorldGenerator.Generate(parameters, seed);
            if (world.Messages.Count >= messages)
            {
                break;
            }
            days *= 1.15 * messages / Math.Max(1, world.Messages.Count);
            if (days > 3650)
            {
                throw new UsageException($"cannot simulate {messages:N0} messages with --max-scale {maxScale}: raise --max-scale");
            }
        }
        Directory.CreateDirectory(dir);
        AtomicFile.WriteText(path, w => WorldWriter.WriteCntCsv(w, world.Messages.Take((int)messages)));
        var workload = new Workload(path, messages, seed, scale, days, Cached: false);
        AtomicFile.Write(meta, stream =>
        {
            using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            json.WriteStartObject();
            json.WriteNumber("recipe", Recipe);
            json.WriteNumber("messages", messages);
            json.WriteNumber("seed", seed);
            json.WriteNumber("max_scale", maxScale);
            json.WriteNumber("scale", scale);
            json.WriteNumber("days", Math.Round(days, 6));
            json.WriteNumber("simulated_messages", world.Messages.Count);
            json.WriteNumber("simulated_accounts", world.Accounts.Count);
            json.WriteString("format", "cnt-csv");
            json.WriteEndObject();
        });
        return workload;
    }

    private static Workload? TryRead(string meta, long messages, int seed, double maxScale)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(meta));
            var root = doc.RootElement;
            if (root.GetProperty("recipe").GetInt32() != Recipe || root.GetProperty("messages").GetInt64() != messages
                || root.GetProperty("seed").GetInt32() != seed || Math.Abs(root.GetProperty("max_scale").GetDouble() - maxScale) > 1e-9)
            {
                return null;
            }
            return new Workload("", messages, seed, root.GetProperty("scale").GetDouble(), root.GetProperty("days").GetDouble(), true);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}

/// <summary>What the process's memory peaked at, and the machine it ran on.</summary>
internal static class Machine
{
    /// <summary>Resets the kernel's peak resident set (VmHWM) so the next reading is this size's own peak; false where unsupported.</summary>
    public static bool ResetPeak()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Peak resident set in bytes: VmHWM on Linux, else the process's peak working set.</summary>
    public static long PeakBytes()
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                foreach (var line in File.ReadLines("/proc/self/status"))
                {
                    if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    {
                        var kb = line["VmHWM:".Length..].Trim().Split(' ')[0];
                        return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
            }
        }
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64;
    }

    public static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    public static string Describe()
    {
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores, {memory:0.#} GiB, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");
    }
}

/// <summary>The results as a terminal table and as markdown.</summary>
internal static class BenchReport
{
    private static readonly string[] Columns =
        ["messages", "accounts", "parse s", "build s", "sweep s", "weigh s", "cluster s", "outputs s", "total s", "messages/s", "peak MiB", "alloc MiB"];

    public static string[] Row(BenchResult r)
    {
        var i = CultureInfo.InvariantCulture;
        return
        [
            r.MessagesRead.ToString("N0", i),
            r.Accounts.ToString("N0", i),
            r.Seconds(s => s == "parse").ToString("0.00", i),
            r.Seconds(s => s == "build events").ToString("0.00", i),
            r.Seconds(s => s.StartsWith("sweep ", StringComparison.Ordinal)).ToString("0.00", i),
            r.Seconds(s => s == "weigh evidence").ToString("0.00", i),
            r.Seconds(s => s is "cluster" or "judge clusters" or "explain").ToString("0.00", i),
            r.Seconds(s => s == "outputs").ToString("0.00", i),
            r.Total.ToString("0.00", i),
            (r.MessagesRead / Math.Max(r.Total, 1e-9)).ToString("N0", i),
            (r.PeakBytes / 1048576.0).ToString("N0", i),
            (r.AllocatedBytes / 1048576.0).ToString("N0", i),
        ];
    }

    /// <summary>Aligned plain-text table, one row per size.</summary>
    public static string Table(IReadOnlyList<BenchResult> results)
    {
        var rows = new List<string[]> { Columns };
        rows.AddRange(results.Select(Row));
        var widths = Enumerable.Range(0, Columns.Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var sb = new StringBuilder();
        foreach (var row in rows)
        {
            sb.Append(string.Join("  ", row.Select((cell, c) => cell.PadLeft(widths[c])))).Append('\n');
        }
        return sb.ToString();
    }

    public static string Markdown(IReadOnlyList<BenchResult> results, DetectOptions options, string machine, string loadBefore, string loadAfter, string commandLine)
    {
        var i = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append("# tansiq bench\n\n");
        sb.Append("```\n").Append(commandLine.TrimEnd()).Append("\n```\n\n");
        sb.Append(i, $"Machine: {machine}. Load average before {loadBefore}, after {loadAfter}. ");
        sb.Append(i, $"Window {options.Window} s, signals {string.Join(',', options.Signals.Select(s => s.Name()))}, {options.Parallelism} threads.\n\n");
        sb.Append("| ").Append(string.Join(" | ", Columns)).Append(" |\n");
        sb.Append('|').Append(string.Concat(Columns.Select(_ => "---:|"))).Append('\n');
        foreach (var r in results)
        {
            sb.Append("| ").Append(string.Join(" | ", Row(r))).Append(" |\n");
        }
        sb.Append("\nSeconds per stage (parse = reading and tokenising the CSV; build events = laying out each signal's events by object and time, ")
            .Append("including the near-duplicate text clustering of co-similar; sweep = the co-action network of one signal, with the timing null model's control counts):\n\n");
        var stageNames = results.SelectMany(r => r.Stages.Select(s => s.Key)).Distinct().ToList();
        sb.Append("| stage | ").Append(string.Join(" | ", results.Select(r => r.MessagesRead.ToString("N0", i)))).Append(" |\n");
        sb.Append("|---|").Append(string.Concat(results.Select(_ => "---:|"))).Append('\n');
        foreach (var name in stageNames)
        {
            sb.Append("| ").Append(name).Append(" | ");
            sb.Append(string.Join(" | ", results.Select(r => r.Stages.Where(s => s.Key == name).Sum(s => s.Value).ToString("0.000", i))));
            sb.Append(" |\n");
        }
        sb.Append("\n| workload | ").Append(string.Join(" | ", results.Select(r => r.MessagesRead.ToString("N0", i)))).Append(" |\n");
        sb.Append("|---|").Append(string.Concat(results.Select(_ => "---:|"))).Append('\n');
        void Line(string name, Func<BenchResult, string> value) =>
            sb.Append("| ").Append(name).Append(" | ").Append(string.Join(" | ", results.Select(value))).Append(" |\n");
        Line("simulator scale", r => r.Workload.Scale.ToString("0.####", i));
        Line("simulated days", r => r.Workload.Days.ToString("0.##", i));
        Line("raw pairs (all signals)", r => r.RawPairs.ToString("N0", i));
        Line("clusters / flagged accounts", r => string.Create(i, $"{r.Clusters} / {r.Flagged:N0}"));
        Line("GC pause s", r => r.GcPauseSeconds.ToString("0.00", i));
        Line("peak RSS of this size alone", r => r.PeakIsPerSize ? "yes" : "no (process peak so far)");
        sb.Append("\nPeak MiB is the process's peak resident set while this size ran (Linux VmHWM, reset before each size); ");
        sb.Append("alloc MiB is what the managed heap allocated in total during the size (GC.GetTotalAllocatedBytes).\n");
        return sb.ToString();
    }
}
