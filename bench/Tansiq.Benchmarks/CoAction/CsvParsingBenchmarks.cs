using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Tansiq.Core.CoAction;
using Tansiq.Core.Model;
using Tansiq.IO.Readers;
using Tansiq.IO.Simulation;

namespace Tansiq.Benchmarks.CoAction;

/// <summary>
/// Reading the simulated world's messages (about 190,000 rows) from the toolkit's CSV and from tansiq-csv with
/// <see cref="MessageReaders"/>, alone and into a corpus of every signal but co-similar (events per signal); and into
/// a co-repost corpus the general way and straight from bytes (<see cref="Utf8CsvCorpus"/>).
/// Run: <c>dotnet run -c Release --project bench/Tansiq.Benchmarks -- --filter '*CsvParsing*'</c>
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class CsvParsingBenchmarks
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "tansiq-bench-csv-" + Environment.ProcessId);
    private string _cnt = "";
    private string _tansiq = "";

    [GlobalSetup]
    public void Setup()
    {
        Directory.CreateDirectory(_dir);
        _cnt = Path.Combine(_dir, "cnt.csv");
        _tansiq = Path.Combine(_dir, "tansiq.csv");
        var messages = Workload.World.Messages;
        using (var w = new StreamWriter(_cnt))
        {
            WorldWriter.WriteCntCsv(w, messages);
        }
        using (var w = new StreamWriter(_tansiq))
        {
            WorldWriter.WriteTansiqCsv(w, messages);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    [Benchmark(Baseline = true)]
    public int ReadCntCsv() => Count(_cnt, InputFormat.CntCsv);

    [Benchmark]
    public int ReadTansiqCsv() => Count(_tansiq, InputFormat.TansiqCsv);

    [Benchmark]
    public int CntCsvIntoCorpus()
    {
        var builder = new CorpusBuilder([SignalKind.CoRepost, SignalKind.CoLink, SignalKind.CoReply, SignalKind.CoText, SignalKind.CoHashtag]);
        foreach (var message in MessageReaders.Open(_cnt, InputFormat.CntCsv, new ReadOptions()))
        {
            builder.Add(message);
        }
        return builder.Build().MessageCount;
    }

    /// <summary>What <c>networks --signal co-repost</c> reads: the general reader into a one-signal corpus...</summary>
    [Benchmark]
    public int CntCsvIntoRepostCorpus()
    {
        var builder = new CorpusBuilder([SignalKind.CoRepost]) { SkipDegenerateObjects = false };
        foreach (var message in MessageReaders.Open(_cnt, InputFormat.CntCsv, RepostOnly))
        {
            builder.Add(message);
        }
        return builder.Build().MessageCount;
    }

    /// <summary>...and the byte path that replaces it on plain files (<see cref="Utf8CsvCorpus"/>), on 2 threads.</summary>
    [Benchmark]
    public int CntCsvBytesIntoRepostCorpus() =>
        Utf8CsvCorpus.TryRead([MessageReaders.Open(_cnt, InputFormat.CntCsv, RepostOnly)], SignalKind.CoRepost, threads: 2)?.MessageCount
        ?? throw new InvalidOperationException("the workload is not a plain file");

    private static ReadOptions RepostOnly => new() { ExtractHashtags = false, ExtractMentions = false, KeepText = false };

    private static int Count(string path, InputFormat format)
    {
        var n = 0;
        foreach (var message in MessageReaders.Open(path, format, new ReadOptions()))
        {
            n += message.Timestamp > 0 ? 1 : 0;
        }
        return n;
    }
}
