using System.Text.RegularExpressions;
using Tansiq.Core.CoAction;
using Tansiq.Core.Detection;
using Tansiq.Core.Model;
using Tansiq.Core.Text;
using Tansiq.IO.Output;
using Tansiq.IO.Readers;

namespace Tansiq.Application;

/// <summary>
/// What a front-end hears of a long run: a stage starting (its end when the returned handle is disposed) and how many
/// messages were read so far. The CLI shows them on a terminal; the service logs nothing of it.
/// </summary>
public interface IPipelineObserver
{
    /// <summary>A stage begins (<paramref name="description"/> in words, e.g. "reading the input"); disposing the result ends it.</summary>
    IDisposable? Stage(string description);

    /// <summary>Messages read so far, every million (and once at the end when there were at least a million).</summary>
    void MessagesRead(long count, bool final);
}

/// <summary>What <c>detect</c> reads: message files, optionally an accounts file, and how to read them.</summary>
public sealed record DetectionInputs
{
    /// <summary>Message files, read in this order (any format <see cref="MessageReaders"/> reads; .gz transparently).</summary>
    public required IReadOnlyList<string> Paths { get; init; }

    public InputFormat Format { get; init; } = InputFormat.Auto;

    /// <summary>Optional accounts CSV (account_id,username,created_at,followers_count,following_count).</summary>
    public string? Accounts { get; init; }

    /// <summary>How rows are read; its <see cref="ReadOptions.BadRows"/> collects the rows skipped.</summary>
    public required ReadOptions Read { get; init; }

    /// <summary>co-similar's near-duplicate clustering (null: its defaults).</summary>
    public NearDuplicateOptions? Similarity { get; init; }

    /// <summary>Parse on a second thread while the corpus takes messages in (<see cref="ReadAhead"/>), as <c>detect</c> does.</summary>
    public bool ReadAhead { get; init; } = true;

    /// <summary>Read the inputs a second time for the texts and authors of the shared posts (<see cref="SharedObjectTexts"/>).</summary>
    public bool SharedTexts { get; init; } = true;
}

/// <summary>A detection run: the result, the corpus counts, the shared posts' authors' usernames (null when the texts
/// were not read) and what each stage took.</summary>
public sealed record DetectionRun(
    DetectionResult Result,
    int MessageCount,
    int AccountCount,
    IReadOnlyDictionary<string, string>? AuthorUsernames,
    IReadOnlyList<KeyValuePair<string, double>> StageSeconds)
{
    /// <summary>Seconds spent parsing the inputs and taking the messages in (<c>parse</c>) and laying out the events (<c>build events</c>).</summary>
    public double ParseSeconds { get; init; }

    public double BuildSeconds { get; init; }
}

/// <summary>
/// The detection pipeline every front-end calls (<c>detect</c>, <c>bench</c>, <c>fuzz</c>, <c>moderate --messages</c>,
/// the service's background job): messages in (files or memory) → corpus → <see cref="Detector"/> → result, and the
/// result → <see cref="DetectionWriter"/>'s files.
/// </summary>
public static class DetectionPipeline
{
    /// <summary>
    /// <c>detect</c> on files: reads every input into a corpus, runs the detector, adds the accounts' profiles (from
    /// <see cref="DetectionInputs.Accounts"/> or from the rows of formats that carry them) and the shared posts' texts.
    /// The summary counts the rows skipped (<c>--skip-bad-rows</c>) and carries every stage's time.
    /// </summary>
    public static DetectionRun Run(DetectionInputs inputs, DetectOptions options, TimeProvider time, IPipelineObserver? observer = null, CancellationToken cancel = default)
    {
        var read = inputs.Read;
        var start = time.GetTimestamp();
        Corpus corpus;
        double parseSeconds, buildSeconds;
        using (observer?.Stage("reading the input"))
        {
            var builder = NewCorpus(options.Signals, inputs.Similarity);
            ReadInto(builder, inputs, observer, observe: null, cancel);
            parseSeconds = time.GetElapsedTime(start).TotalSeconds;
            var built = time.GetTimestamp();
            corpus = builder.Build();
            builder = null;
            // What reading kept only until the corpus was built (the message-id table, the texts co-similar clustered,
            // the events before their layout, the parser's garbage) is dead now, but the collector keeps its memory
            // committed: at 10^7 messages 2 GB more than the corpus for the rest of the run, under the sweeps' pair
            // tables and judging. One compacting collection gives it back to the system before the detector starts.
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            buildSeconds = time.GetElapsedTime(built).TotalSeconds;
        }
        var readSeconds = time.GetElapsedTime(start).TotalSeconds;
        cancel.ThrowIfCancellationRequested();
        var profiles = inputs.Accounts is not null
            ? AccountReaders.Open(inputs.Accounts, read).ToDictionary(p => p.AccountId, StringComparer.Ordinal)
            : read.Profiles is { Count: > 0 } fromRows
                ? read.Pseudonyms is { } pseudonyms
                    ? fromRows.Values.Select(pseudonyms.Profile).ToDictionary(p => p.AccountId, StringComparer.Ordinal)
                    : fromRows
                : null;
        var detector = new Detector(options, time);
        DetectionResult result;
        using (observer?.Stage("sweeping, weighing the evidence, clustering"))
        {
            result = detector.Run(corpus, summary => summary with
            {
                SkippedRows = read.BadRows.Count,
                // A bad row's reason may quote an account id or a username: with pseudonyms only where it was is kept.
                SkippedRowExamples = read.Pseudonyms is null ? read.BadRows.Examples
                    : [.. read.BadRows.Examples.Select(e => Regex.Match(e, @"^.*?:\d+(?=: )") is { Success: true } m ? m.Value + ": (reason withheld with --pseudonymise)" : "(withheld with --pseudonymise)")],
                StageSeconds = [new("read", readSeconds), .. detector.Stages],
            });
        }
        cancel.ThrowIfCancellationRequested();
        if (profiles is not null)
        {
            result = AccountEvidence.WithProfiles(result, profiles);
        }
        IReadOnlyDictionary<string, string>? authorUsernames = null;
        if (inputs.SharedTexts)
        {
            // Shared objects shown with their text and author: a second, selective read of the inputs (rows already
            // checked by the first; bad ones were reported or counted there).
            var again = new ReadOptions { SkipBadRows = true, ExtractHashtags = false, ExtractMentions = false, ColumnMap = read.ColumnMap, Pseudonyms = read.Pseudonyms, ObjectKind = read.ObjectKind };
            using (observer?.Stage("reading the shared posts' texts"))
            {
                (result, authorUsernames) = SharedObjectTexts.Fill(result, inputs.Paths.Select(path => MessageReaders.Open(path, inputs.Format, again)));
            }
        }
        if (read.Pseudonyms is { } scrub)
        {
            // Names inside texts and object keys (a profile link, "RT name:", a Bluesky URI) once every name is known.
            result = scrub.Scrub(result);
        }
        return new DetectionRun(result, corpus.MessageCount, corpus.AccountCount, authorUsernames, [new("parse", parseSeconds), new("build events", buildSeconds), .. detector.Stages])
        {
            ParseSeconds = parseSeconds,
            BuildSeconds = buildSeconds,
        };
    }

    /// <summary>Writes <c>detect</c>'s files (<see cref="DetectionWriter.Files"/>) into <paramref name="directory"/>.</summary>
    public static void Write(DetectionRun run, string directory, DetectionWriterOptions? options = null, IPipelineObserver? observer = null)
    {
        using (observer?.Stage("writing the outputs"))
        {
            var o = options ?? new DetectionWriterOptions();
            DetectionWriter.WriteAll(run.Result, directory, run.AuthorUsernames is null ? o : o with { AuthorUsernames = run.AuthorUsernames });
        }
    }

    /// <summary>Detection over messages already in memory (the service's stored messages, a simulated world): detect's pipeline without files.</summary>
    public static DetectionResult Detect(IEnumerable<Message> messages, DetectOptions options, TimeProvider time, NearDuplicateOptions? similarity = null, CancellationToken cancel = default)
    {
        var builder = NewCorpus(options.Signals, similarity);
        long n = 0;
        foreach (var message in messages)
        {
            builder.Add(message);
            if ((++n & 0xFFFF) == 0)
            {
                cancel.ThrowIfCancellationRequested();
            }
        }
        cancel.ThrowIfCancellationRequested();
        return Detect(builder.Build(), options, time);
    }

    /// <summary>The detector over a built corpus.</summary>
    public static DetectionResult Detect(Corpus corpus, DetectOptions options, TimeProvider time) => new Detector(options, time).Run(corpus);

    /// <summary>An empty corpus for the given signals (co-similar clustered with <paramref name="similarity"/>).</summary>
    public static CorpusBuilder NewCorpus(IEnumerable<SignalKind> signals, NearDuplicateOptions? similarity = null, bool skipDegenerateObjects = true) =>
        new(signals, similarity) { SkipDegenerateObjects = skipDegenerateObjects };

    /// <summary>
    /// Streams every input into <paramref name="builder"/> (on a read-ahead thread unless <see cref="DetectionInputs.ReadAhead"/>
    /// is off), calling <paramref name="observe"/> with each message the corpus took and telling the observer the count.
    /// </summary>
    public static void ReadInto(CorpusBuilder builder, DetectionInputs inputs, IPipelineObserver? observer = null, Action<Message>? observe = null, CancellationToken cancel = default)
    {
        var sources = inputs.Paths.Select(path => MessageReaders.Open(path, inputs.Format, inputs.Read)).ToList();
        long read = 0;
        foreach (var source in sources)
        {
            foreach (var message in inputs.ReadAhead ? ReadAhead.Of(source) : source)
            {
                if (builder.Add(message))
                {
                    observe?.Invoke(message);
                }
                if (++read % 1_000_000 == 0)
                {
                    cancel.ThrowIfCancellationRequested();
                    observer?.MessagesRead(read, final: false);
                }
            }
        }
        if (read >= 1_000_000)
        {
            observer?.MessagesRead(read, final: true);
        }
    }
}
