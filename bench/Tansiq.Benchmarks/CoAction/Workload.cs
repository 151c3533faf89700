using Tansiq.Core.CoAction;
using Tansiq.Core.Model;
using Tansiq.Core.Simulation;

namespace Tansiq.Benchmarks.CoAction;

/// <summary>
/// The in-memory workload of the kernel benchmarks: one simulated world (seed 1, 14 days, scale 0.3: about 190,000
/// messages, with the leader's fans, friend groups, viral moments and the army), built once per process.
/// </summary>
internal static class Workload
{
    public const double Scale = 0.3;

    private static readonly Lazy<World> LazyWorld = new(() => WorldGenerator.Generate(new WorldParameters { Scale = Scale, Days = 14 }, seed: 1));

    public static World World => LazyWorld.Value;

    /// <summary>A corpus of the world's messages for the given signals.</summary>
    public static Corpus Corpus(params SignalKind[] signals)
    {
        var builder = new CorpusBuilder(signals);
        foreach (var message in World.Messages)
        {
            builder.Add(message);
        }
        return builder.Build();
    }

    /// <summary>The detector's evidence weight of a synchronous object (Newman's collaboration weighting), as in Detector.</summary>
    public static double EvidenceWeight(ObjectStats stats) => 1.0 / Math.Max(1, stats.PeakParticipants - 1);
}
