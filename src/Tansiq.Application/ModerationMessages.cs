using Tansiq.Core.CoAction;
using Tansiq.Core.Detection;
using Tansiq.Core.Model;
using Tansiq.Core.Moderation;
using Tansiq.IO.Readers;

namespace Tansiq.Application;

/// <summary>What the messages gave the moderation world.</summary>
public sealed record MessageEvidence(long Messages, int Clusters, int ClusteredAccounts, double DetectSeconds);

/// <summary>
/// Feeds a messages file to the moderation world in one pass: exposure (replies, re-shares, mentions) for every
/// reporter-target pair, and <c>detect</c>'s coordinated clusters, so that members of one cluster are not taken for
/// independent reporters.
/// </summary>
public static class ModerationMessages
{
    /// <summary>Reads any format <c>detect</c> reads (auto-detected unless given, .gz transparently).</summary>
    public static MessageEvidence Add(string path, ModerationWorldBuilder world, DetectOptions detect, TimeProvider time, ReadOptions? options = null, InputFormat format = InputFormat.Auto)
    {
        var source = MessageReaders.Open(path, format, options ?? new ReadOptions());
        var corpus = DetectionPipeline.NewCorpus(detect.Signals);
        long count = 0;
        world.AddMessages(Tee(source, corpus, () => count++));
        var start = time.GetTimestamp();
        var result = DetectionPipeline.Detect(corpus.Build(), detect, time);
        world.SetClusters(result.Clusters.Select(c => c.Members));
        return new MessageEvidence(count, result.Clusters.Count, result.Clusters.Sum(c => c.Size), time.GetElapsedTime(start).TotalSeconds);
    }

    private static IEnumerable<Message> Tee(IEnumerable<Message> messages, CorpusBuilder corpus, Action onEach)
    {
        foreach (var m in messages)
        {
            onEach();
            corpus.Add(m);
            yield return m;
        }
    }
}
