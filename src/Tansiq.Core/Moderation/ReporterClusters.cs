using Tansiq.Core.CoAction;
using Tansiq.Core.Model;

namespace Tansiq.Core.Moderation;

public sealed record ReporterClusterOptions
{
    /// <summary>Seconds within which two accounts must act on the same object (re-share the same post, post the same text).</summary>
    public double Window { get; init; } = 60;

    /// <summary>A pair must act together on at least this many distinct objects.</summary>
    public int MinSharedObjects { get; init; } = 3;

    /// <summary>
    /// Objects on which more accounts than this acted inside one window are not evidence: a leader's post re-shared by
    /// thousands of fans within a minute says nothing about coordination between any two of them.
    /// </summary>
    public int MaxPeakParticipants { get; init; } = 50;

    /// <summary>Smallest cluster kept.</summary>
    public int MinClusterSize { get; init; } = 3;
}

/// <summary>
/// Coordinated clusters among message authors, from the co-action sweep (co-repost and co-text): pairs that acted
/// together within the window on several distinct, not-viral objects, joined into connected components. This is a
/// compact stand-in for <c>detect</c>'s networks; the policy only needs to know which reporters act as one.
/// </summary>
public sealed class ReporterClusters
{
    private readonly ReporterClusterOptions _options;
    private readonly CorpusBuilder _corpus = new([SignalKind.CoRepost, SignalKind.CoText]);

    public ReporterClusters(ReporterClusterOptions options) => _options = options;

    public void Add(Message message) => _corpus.Add(message);

    /// <summary>Cluster index per account of <paramref name="accounts"/>, -1 for accounts in no cluster.</summary>
    public int[] Resolve(Interner accounts)
    {
        var corpus = _corpus.Build();
        var parent = new int[corpus.AccountCount];
        for (var i = 0; i < parent.Length; i++)
        {
            parent[i] = i;
        }
        var maxPeak = _options.MaxPeakParticipants;
        var sweep = new SweepOptions { Window = _options.Window, ObjectWeight = s => s.PeakParticipants <= maxPeak ? 1 : 0 };
        var shared = new Dictionary<long, int>();
        foreach (var events in corpus.Signals.Values)
        {
            var table = CoActionSweep.Run(events, corpus.AccountCount, sweep);
            foreach (var (lo, hi, stats) in table.Pairs())
            {
                var key = PairTable.Key(lo, hi);
                shared[key] = shared.GetValueOrDefault(key) + (int)Math.Round(stats.Evidence);
            }
        }
        foreach (var (key, count) in shared)
        {
            if (count >= _options.MinSharedObjects)
            {
                var (a, b) = PairTable.Unpack(key);
                Union(parent, a, b);
            }
        }
        var size = new int[parent.Length];
        for (var i = 0; i < parent.Length; i++)
        {
            size[Find(parent, i)]++;
        }
        var result = new int[accounts.Count];
        Array.Fill(result, -1);
        for (var i = 0; i < parent.Length; i++)
        {
            var root = Find(parent, i);
            if (size[root] >= _options.MinClusterSize && accounts.TryGet(corpus.Accounts[i], out var id))
            {
                result[id] = root;
            }
        }
        return result;
    }

    private static int Find(int[] parent, int x)
    {
        while (parent[x] != x)
        {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    private static void Union(int[] parent, int a, int b)
    {
        var ra = Find(parent, a);
        var rb = Find(parent, b);
        if (ra != rb)
        {
            parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }
    }
}
