using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Tansiq.Core.Model;
using Tansiq.Core.Text;
using Tansiq.IO.Readers;
using Tansiq.IO.Text;

namespace Tansiq.Cli.Commands;

/// <summary>
/// <c>texts</c>: the copy-paste campaigns alone. Original posts (reposts re-share someone else's post and are skipped unless asked) are
/// grouped by near-duplicate text and written to DIR/text_clusters.csv, largest cluster first.
/// </summary>
internal static class TextsCommand
{
    public const string FileName = "text_clusters.csv";

    public static Command Create(CliContext context)
    {
        var output = new Option<string>("--out")
        {
            Description = "Directory to write text_clusters.csv into (created when missing).",
            Required = true,
        };
        var threshold = new Option<double>("--threshold")
        {
            Description = "Jaccard similarity of the normalised word sets at or above which two posts are near-duplicates, in (0, 1].",
            DefaultValueFactory = _ => 0.8,
        };
        var minSize = new Option<int>("--min-size")
        {
            Description = "Smallest number of posts for a cluster to be written (>= 2).",
            DefaultValueFactory = _ => 2,
        };
        var minWords = new Option<int>("--min-words")
        {
            Description = "Posts with fewer distinct normalised words are not matched (>= 1).",
            DefaultValueFactory = _ => 3,
        };
        var includeReposts = new Option<bool>("--include-reposts")
        {
            Description = "Match reposts too (for data whose reposts are separate copies of the text rather than re-shares of one post id).",
        };
        var command = new Command("texts", "Finds copy-paste campaigns: original posts whose text is the same after Arabic-aware normalisation "
            + "(diacritics, tatweel, alef/yaa/taa marbuta forms, digits, emoji, links, mentions) or nearly so (word-set Jaccard >= threshold), "
            + "and writes them to DIR/text_clusters.csv (cluster_id,message_id,account_id,timestamp,text), largest cluster first.")
        {
            output, threshold, minSize, minWords, includeReposts,
        };
        var input = new InputOptions();
        input.AddTo(command);
        command.SetAction(parse => CliApp.Guard(context, () =>
        {
            var options = new NearDuplicateOptions
            {
                Threshold = parse.GetValue(threshold),
                MinClusterSize = parse.GetValue(minSize),
                MinWords = parse.GetValue(minWords),
            };
            if (double.IsNaN(options.Threshold) || options.Threshold <= 0 || options.Threshold > 1)
            {
                throw new UsageException($"--threshold must be in (0, 1], got {options.Threshold.ToString(CultureInfo.InvariantCulture)}");
            }
            if (options.MinClusterSize < 2)
            {
                throw new UsageException($"--min-size must be at least 2, got {options.MinClusterSize}");
            }
            if (options.MinWords < 1)
            {
                throw new UsageException($"--min-words must be at least 1, got {options.MinWords}");
            }
            var outDir = parse.GetValue(output)!;
            OutputGuard.Directory(outDir);
            OutputGuard.NoInputOverwritten([.. parse.GetValue(input.Inputs)!, parse.GetValue(input.Pseudonymise)], [Path.Combine(outDir, FileName)]);
            InputFormats.TryParse(parse.GetValue(input.Format), out var inputFormat);
            return Run(context, parse.GetValue(input.Inputs)!, inputFormat, parse.GetValue(output)!, options, new ReadOptions { SkipBadRows = parse.GetValue(input.SkipBadRows), ColumnMap = input.ColumnMap(parse), Pseudonyms = input.Pseudonyms(parse) }, parse.GetValue(includeReposts), parse.GetValue(input.Excel));
        }));
        return command;
    }

    private static int Run(CliContext context, string[] inputs, InputFormat format, string outDir, NearDuplicateOptions options, ReadOptions read, bool includeReposts, bool excel)
    {
        var clock = Stopwatch.StartNew();
        var sources = inputs.Select(path => MessageReaders.Open(path, format, read)).ToList();
        var accounts = new Interner();
        var messageIds = new List<string>();
        var posts = new List<TextPost>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        long messages = 0, reposts = 0, duplicates = 0;
        foreach (var source in sources)
        {
            foreach (var message in source)
            {
                messages++;
                if (!seen.Add(message.MessageId))
                {
                    // The first message with an id wins, as in detect and the toolkit.
                    duplicates++;
                    continue;
                }
                if (message.IsRepost)
                {
                    reposts++;
                    if (!includeReposts)
                    {
                        continue;
                    }
                }
                posts.Add(new TextPost(messageIds.Count, accounts.Intern(message.AccountId), message.Timestamp, message.Text));
                messageIds.Add(message.MessageId);
            }
        }
        seen.Clear();
        Progress(context, $"read {messages:N0} messages ({posts.Count:N0} to match) in {clock.Elapsed.TotalSeconds:F1} s");
        var grouping = clock.Elapsed;
        TextClustering result;
        using (StageProgress.Start(context, "texts: grouping near-duplicate texts"))
        {
            result = TextClusterer.Cluster(posts, options);
        }
        Progress(context, $"grouped near-duplicate texts in {(clock.Elapsed - grouping).TotalSeconds:F1} s");

        Directory.CreateDirectory(outDir);
        var path = Path.Combine(outDir, FileName);
        var rows = Rows(result, posts, messageIds, accounts);
        if (read.Pseudonyms is { } pseudonyms)
        {
            // Names inside the texts (and the account ids inside Bluesky post URIs), once every name is known.
            rows = rows.Select(r => r with { MessageId = pseudonyms.Scrub(r.MessageId), Text = pseudonyms.Scrub(r.Text) });
        }
        TextClustersCsvWriter.Write(path, rows, excel);
        var clustered = result.Clusters.Sum(c => (long)c.Size);
        context.Out.WriteLine($"{posts.Count:N0} posts matched ({messages:N0} messages, {reposts:N0} reposts"
            + (includeReposts ? " included" : " skipped")
            + (duplicates > 0 ? $", {duplicates:N0} repeated ids skipped" : "") + ")"
            + (read.BadRows.Count > 0 ? $"; {read.BadRows.Count:N0} bad rows skipped (first: {read.BadRows.Examples[0]})" : ""));
        context.Out.WriteLine($"{result.Clusters.Count:N0} text clusters of >= {options.MinClusterSize} posts, {clustered:N0} posts in them -> {path}");
        return ExitCodes.Success;
    }

    private static IEnumerable<TextClusterRow> Rows(TextClustering result, List<TextPost> posts, List<string> messageIds, Interner accounts)
    {
        foreach (var cluster in result.Clusters)
        {
            foreach (var p in cluster.Posts)
            {
                var post = posts[p];
                yield return new TextClusterRow(cluster.Id, messageIds[post.MessageIndex], accounts[post.AccountIndex], post.Time, post.Text);
            }
        }
    }

    private static void Progress(CliContext context, string line)
    {
        if (context.Interactive)
        {
            context.Err.WriteLine($"texts: {line}");
        }
    }
}
