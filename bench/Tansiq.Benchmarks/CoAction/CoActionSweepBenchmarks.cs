using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Tansiq.Core.CoAction;
using Tansiq.Core.Model;

namespace Tansiq.Benchmarks.CoAction;

/// <summary>
/// The co-action sweep on the co-repost and co-hashtag events of the simulated world (see <see cref="Workload"/>):
/// the toolkit's network alone (what <c>networks</c> computes) and the detector's sweep with synchronous-object
/// evidence and the timing null model's control counts, on one thread and on all cores.
/// Run: <c>dotnet run -c Release --project bench/Tansiq.Benchmarks -- --filter '*CoActionSweep*'</c>
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class CoActionSweepBenchmarks
{
    private Corpus _corpus = null!;

    [Params(1, 2)]
    public int Threads { get; set; }

    [Params("co-repost", "co-hashtag")]
    public string Signal { get; set; } = "co-repost";

    private SignalEvents Events => _corpus.Signals[SignalNames.TryParse(Signal, out var kind) ? kind : SignalKind.CoRepost];

    [GlobalSetup]
    public void Setup() => _corpus = Workload.Corpus(SignalKind.CoRepost, SignalKind.CoHashtag);

    [Benchmark(Baseline = true)]
    public int ToolkitNetwork() => CoActionSweep.Run(Events, _corpus.AccountCount, new SweepOptions { Window = 60, Parallelism = Threads }).Count;

    [Benchmark]
    public int DetectorSweep() => CoActionSweep.Run(Events, _corpus.AccountCount, new SweepOptions
    {
        Window = 60,
        ObjectWeight = Workload.EvidenceWeight,
        ControlFactor = 2,
        Parallelism = Threads,
    }).Count;
}
