using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Tansiq.Core.Moderation;

namespace Tansiq.Benchmarks.Moderation;

/// <summary>
/// Replays about a million generated reports (brigades, petitions, abuse, stray reports) through each policy.
/// Run: <c>dotnet run -c Release --project bench/Tansiq.Benchmarks -- --filter '*ModerationReplay*'</c>
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class ModerationReplayBenchmark
{
    private GeneratedReportWorld _world = null!;

    [GlobalSetup]
    public void Setup() => _world = ReportWorld.Generate(ReportWorldOptions.Million());

    [Benchmark]
    public int Tansiq() => ModerationReplay.Run(new TansiqPolicy(_world.World), (Report[])_world.Reports.Clone(), _world.World).Decisions.Count;

    [Benchmark(Baseline = true)]
    public int Threshold() => ModerationReplay.Run(new ThresholdPolicy(_world.World), (Report[])_world.Reports.Clone(), _world.World).Decisions.Count;
}
