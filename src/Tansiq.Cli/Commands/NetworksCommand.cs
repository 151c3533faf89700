using System.CommandLine;
using Tansiq.Core.CoAction;
using Tansiq.Core.Model;
using Tansiq.IO.Output;
using Tansiq.IO.Readers;

namespace Tansiq.Cli.Commands;

/// <summary>
/// The raw co-action network alone, with the coordination-network-toolkit's semantics (and CooRTweet's pair weight):
/// for users who come from those tools and want the same network, faster.
/// </summary>
internal static class NetworksCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("networks", "Writes one raw co-action network (source,target,weight; undirected; weight = the larger of the toolkit's two directed counts).");
        var input = new InputOptions();
        input.AddTo(command);
        var signal = new Option<string>("--signal")
        {
            Description = "co-repost | co-link | co-reply | co-text | co-hashtag | co-forward (Telegram) | co-object (object table)",
            Required = true,
        };
        signal.AcceptOnlyFromAmong("co-repost", "co-link", "co-reply", "co-text", "co-hashtag", "co-forward", "co-object");
        var window = new Option<double>("--window") { Description = "Seconds between two actions on one object (inclusive).", DefaultValueFactory = _ => 60 };
        var minWeight = new Option<int>("--min-weight") { Description = "Keep pairs with at least this weight (the toolkit's default is 2).", DefaultValueFactory = _ => 2 };
        var threads = new Option<int>("--threads") { Description = "Worker threads (default: all cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var output = new Option<string>("--out") { Description = "The CSV file to write.", Required = true };
        command.Options.Add(signal);
        command.Options.Add(window);
        command.Options.Add(minWeight);
        command.Options.Add(threads);
        command.Options.Add(output);
        command.SetAction(parse => CliApp.Guard(context, () =>
        {
            var path = parse.GetValue(output)!;
            OutputGuard.FilePath(path);
            OutputGuard.NoInputOverwritten([.. parse.GetValue(input.Inputs)!, parse.GetValue(input.Pseudonymise)], [path]);
            SignalNames.TryParse(parse.GetValue(signal)!, out var kind);
            var w = parse.GetValue(window);
            if (!(w >= 0) || double.IsInfinity(w))
            {
                throw new UsageException("--window must be a number of seconds >= 0");
            }
            var min = DetectCommand.AtLeast(parse.GetValue(minWeight), 1, "--min-weight");
            var threadCount = DetectCommand.AtLeast(parse.GetValue(threads), 1, "--threads");
            var time = TimeProvider.System;
            var stages = new List<string>();
            var start = time.GetTimestamp();
            void Stage(string name)
            {
                stages.Add($"{name} {time.GetElapsedTime(start).TotalSeconds:F1} s");
                start = time.GetTimestamp();
            }
            var progress = StageProgress.Start(context, "networks: reading the input");
            var readOptions = new ReadOptions { SkipBadRows = parse.GetValue(input.SkipBadRows), ExtractHashtags = kind == SignalKind.CoHashtag, ExtractMentions = false, KeepText = kind is SignalKind.CoText or SignalKind.CoHashtag, ColumnMap = input.ColumnMap(parse), Pseudonyms = input.Pseudonyms(parse), ObjectKind = input.ObjectKindName(parse), ObjectKindSignals = false };
            // Plain CSV files go straight from bytes to the corpus (co-repost, co-reply); anything else, or a file with
            // quotes or bad rows, is read the general way, which gives the same corpus and reports what it must.
            InputFormats.TryParse(parse.GetValue(input.Format), out var format);
            var sources = parse.GetValue(input.Inputs)!.Select(p => MessageReaders.Open(p, format, readOptions)).ToList();
            var corpus = Utf8CsvCorpus.TryRead(sources, kind, threadCount)
                ?? input.ReadCorpus(parse, [kind], context, readOptions, skipDegenerateObjects: false);
            Stage("read");
            progress.Dispose();
            progress = StageProgress.Start(context, "networks: sweeping");
            var events = corpus.Signals[kind];
            // The reading's tables (message ids, events before their layout) are garbage now: their memory goes back
            // to the system before the sweep allocates its table, so that the two never add up in the peak.
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            RawNetwork network;
            if (NetworkSweep.Supports(events))
            {
                // Directed counts only, in a table half the size of the detector's (co-repost, co-reply: one object a message).
                network = NetworkSweep.Run(events, corpus.AccountCount, w, new OrdinalPairs(corpus.Accounts), min, threadCount);
                Stage("sweep and sort");
            }
            else
            {
                var table = CoActionSweep.Run(events, corpus.AccountCount, new SweepOptions { Window = w, Parallelism = threadCount });
                Stage("sweep");
                progress.Dispose();
                progress = StageProgress.Start(context, "networks: sorting and writing");
                network = RawNetwork.From(table, new OrdinalPairs(corpus.Accounts), min, threadCount);
                Stage("sort");
            }
            NetworkCsvWriter.Write(path, network, parse.GetValue(input.Excel));
            Stage("write");
            progress.Dispose();
            context.Err.WriteLine($"{kind.Name()}: {corpus.MessageCount:N0} messages, {corpus.AccountCount:N0} accounts, {network.Count:N0} pairs -> {path} ({string.Join(", ", stages)})");
            return ExitCodes.Success;
        }));
        return command;
    }
}
