using System.CommandLine;
using System.Globalization;
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
            Description = "co-repost | co-link | co-reply | co-text | co-hashtag",
            Required = true,
        };
        signal.AcceptOnlyFromAmong("co-repost", "co-link", "co-reply", "co-text", "co-hashtag");
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
            SignalNames.TryParse(parse.GetValue(signal)!, out var kind);
            var w = parse.GetValue(window);
            if (!(w >= 0) || double.IsInfinity(w))
            {
                throw new UsageException("--window must be a number of seconds >= 0");
            }
            var min = Math.Max(1, parse.GetValue(minWeight));
            var corpus = input.ReadCorpus(parse, [kind], context, new ReadOptions { SkipBadRows = parse.GetValue(input.SkipBadRows) });
            var table = CoActionSweep.Run(corpus.Signals[kind], corpus.AccountCount, new SweepOptions { Window = w, Parallelism = Math.Max(1, parse.GetValue(threads)) });
            var rows = new List<(string Source, string Target, int Weight)>();
            foreach (var (lo, hi, stats) in table.Pairs())
            {
                if (stats.Weight >= min)
                {
                    var a = corpus.Accounts[lo];
                    var b = corpus.Accounts[hi];
                    rows.Add(string.CompareOrdinal(a, b) < 0 ? (a, b, stats.Weight) : (b, a, stats.Weight));
                }
            }
            rows.Sort(static (x, y) => string.CompareOrdinal(x.Source, y.Source) is var c && c != 0 ? c : string.CompareOrdinal(x.Target, y.Target));
            var path = parse.GetValue(output)!;
            AtomicFile.WriteText(path, writer =>
            {
                writer.Write("source,target,weight\n");
                foreach (var (s, t, weight) in rows)
                {
                    OutputText.WriteCsvField(writer, s);
                    writer.Write(',');
                    OutputText.WriteCsvField(writer, t);
                    writer.Write(',');
                    writer.Write(weight.ToString(CultureInfo.InvariantCulture));
                    writer.Write('\n');
                }
            });
            context.Err.WriteLine($"{kind.Name()}: {corpus.MessageCount:N0} messages, {corpus.AccountCount:N0} accounts, {rows.Count:N0} pairs -> {path}");
            return ExitCodes.Success;
        }));
        return command;
    }
}
