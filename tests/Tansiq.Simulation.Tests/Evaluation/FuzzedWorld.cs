using Tansiq.Core.CoAction;
using Tansiq.Core.Detection;
using Tansiq.Core.Evaluation;
using Tansiq.Core.Simulation;

namespace Tansiq.Simulation.Tests.Evaluation;

/// <summary>
/// A world of a fuzzer draw as a regression fixture: world <c>index</c> of <c>./tansiq fuzz --seed seed</c> (the same
/// world whatever the number of worlds drawn), detected with <c>detect</c>'s default options on one thread and scored
/// against its truth, as the fuzzer scores it.
/// </summary>
internal static class FuzzedWorld
{
    public static DetectionEvaluation DetectAndEvaluate(int seed, int index)
    {
        var drawn = ScenarioFuzzer.Draw(new FuzzOptions { Worlds = index + 1, Seed = seed })[index];
        var world = WorldGenerator.Generate(drawn.Parameters, drawn.Seed);
        var options = new DetectOptions { Parallelism = 1 };
        var builder = new CorpusBuilder(options.Signals);
        foreach (var m in world.Messages.OrderBy(m => m.Timestamp))
        {
            builder.Add(m);
        }

        var result = new Detector(options, TimeProvider.System).Run(builder.Build());

        return DetectionEvaluator.Evaluate(world.Truth, result.Accounts.Select(a => new DetectedAccount(a.AccountId, a.ClusterId, a.Score)));
    }
}
