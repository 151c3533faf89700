using System.Diagnostics;
using Tansiq.Core.Detection;
using Tansiq.Core.Moderation;
using Tansiq.IO.Moderation;
using Tansiq.IO.Readers;

namespace Tansiq.Application;

/// <summary>What batch <c>moderate</c> reads.</summary>
public sealed record ModerationInputs(string Reports, string Accounts, string? Follows, string? Messages, InputFormat MessageFormat, string Policy, double Threshold)
{
    /// <summary>When set, every account id and username is replaced by its keyed pseudonym as the inputs are read.</summary>
    public Tansiq.IO.Pseudonymiser? Pseudonyms { get; init; }
}

/// <summary>A batch moderation run: the result, the world it was decided in, what the readers counted and the stage times.</summary>
public sealed record ModerationRun(ModerationResult Result, ModerationWorld World, ModerationReadStats Stats, IReadOnlyList<KeyValuePair<string, double>> StageSeconds, TansiqPolicyOptions Options)
{
    /// <summary>The reports as replayed (in time order): report.html draws them and replays the other policy beside this one.</summary>
    public IReadOnlyList<Report> Replayed { get; init; } = [];
}

/// <summary>
/// Batch moderation (<c>./tansiq moderate</c>): files in, the replay of <see cref="ModerationSession"/> through the policy,
/// the result out. The live service (<see cref="LiveModeration"/>) runs the same policy and session over its store.
/// </summary>
public static class ModerationPipeline
{
    public static ModerationRun Run(ModerationInputs r, TimeProvider time)
    {
        var clock = Stopwatch.StartNew();
        var stages = new List<KeyValuePair<string, double>>();
        void Stage(string name)
        {
            stages.Add(new(name, clock.Elapsed.TotalSeconds));
            clock.Restart();
        }
        var stats = new ModerationReadStats();
        var builder = new ModerationWorldBuilder();
        ModerationReaders.ReadAccounts(r.Accounts, builder, stats, r.Pseudonyms);
        Stage("read_accounts");
        if (r.Follows is not null)
        {
            ModerationReaders.ReadFollows(r.Follows, builder, stats, r.Pseudonyms);
            Stage("read_follows");
        }
        if (r.Messages is not null)
        {
            // detect's defaults: the same clusters `./tansiq detect` would report on these messages.
            var unknownBefore = builder.UnknownReferences;
            var evidence = ModerationMessages.Add(r.Messages, builder, new DetectOptions(), time, new ReadOptions { Pseudonyms = r.Pseudonyms }, r.MessageFormat);
            stats.Messages = evidence.Messages;
            stats.MessageClusters = evidence.Clusters;
            stats.ClusteredAccounts = evidence.ClusteredAccounts;
            stats.MessagesByUnknownAccounts = builder.UnknownReferences - unknownBefore;
            Stage("read_messages_and_detect");
        }
        var world = builder.Build();
        Stage("accounts_batches");
        var reportArray = ModerationReaders.ReadReports(r.Reports, world, stats, r.Pseudonyms);
        Stage("read_reports");
        var options = new TansiqPolicyOptions();
        IModerationPolicy policy = r.Policy == "threshold" ? new ThresholdPolicy(world, r.Threshold) : new TansiqPolicy(world, options);
        var result = ModerationReplay.Run(policy, reportArray, world);
        Stage("replay");
        return new ModerationRun(result, world, stats, stages, options) { Replayed = reportArray };
    }
}
