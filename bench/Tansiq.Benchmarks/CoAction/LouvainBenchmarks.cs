using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Tansiq.Core.CoAction;
using Tansiq.Core.Graphs;
using Tansiq.Core.Model;

namespace Tansiq.Benchmarks.CoAction;

/// <summary>
/// Louvain on the simulated world's co-repost network (pairs of toolkit weight at least 2, weighted by their
/// synchronous-object evidence): tens of thousands of nodes and hundreds of thousands of edges, far more than the
/// significant edges detect clusters, so this is an upper bound for the clustering stage.
/// Run: <c>dotnet run -c Release --project bench/Tansiq.Benchmarks -- --filter '*Louvain*'</c>
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class LouvainBenchmarks
{
    private WeightedGraph _graph = null!;

    [GlobalSetup]
    public void Setup()
    {
        var corpus = Workload.Corpus(SignalKind.CoRepost);
        var table = CoActionSweep.Run(corpus.Signals[SignalKind.CoRepost], corpus.AccountCount, new SweepOptions
        {
            Window = 60,
            ObjectWeight = Workload.EvidenceWeight,
        });
        var edges = new List<(int, int, double)>();
        foreach (var (lo, hi, stats) in table.Pairs())
        {
            if (stats.Weight >= 2)
            {
                edges.Add((lo, hi, stats.Evidence));
            }
        }
        edges.Sort();
        _graph = WeightedGraph.FromEdges(corpus.AccountCount, edges);
        Console.WriteLine($"// Louvain graph: {_graph.NodeCount:N0} nodes, {edges.Count:N0} edges");
    }

    [Benchmark]
    public int Communities() => Louvain.Communities(_graph).Max() + 1;
}
