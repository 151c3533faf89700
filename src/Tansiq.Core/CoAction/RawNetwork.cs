namespace Tansiq.Core.CoAction;

/// <summary>
/// One signal's raw co-action network as the toolkit gives it: every pair with at least a minimum weight, ordered by
/// (source, target) id. Keys are <see cref="OrdinalPairs"/> keys, so the rows sort as integers.
/// </summary>
public sealed class RawNetwork
{
    private RawNetwork(long[] keys, int[] weights, OrdinalPairs pairs)
    {
        Keys = keys;
        Weights = weights;
        Pairs = pairs;
    }

    /// <summary>The pairs' ordinal keys, ascending.</summary>
    public long[] Keys { get; }

    /// <summary>The undirected weight of each pair, as <see cref="PairStats.Weight"/>.</summary>
    public int[] Weights { get; }

    public OrdinalPairs Pairs { get; }

    public int Count => Keys.Length;

    /// <summary>
    /// Takes the pairs of <paramref name="table"/> with weight at least <paramref name="minWeight"/>. Each shard is
    /// gathered and sorted on a thread of its own (millions of pairs), then the sorted shards are merged.
    /// </summary>
    public static RawNetwork From(PairTable table, OrdinalPairs pairs, int minWeight, int parallelism)
    {
        var shards = new (long[] Keys, int[] Weights)[table.ShardCount];
        Parallel.For(0, table.ShardCount, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) }, s =>
        {
            var keys = new List<long>();
            var weights = new List<int>();
            table.Shard(s).ForEach((int lo, int hi, ref PairStats stats) =>
            {
                if (stats.Weight >= minWeight)
                {
                    keys.Add(pairs.Key(lo, hi));
                    weights.Add(stats.Weight);
                }
            });
            var (k, w) = (keys.ToArray(), weights.ToArray());
            Array.Sort(k, w);
            shards[s] = (k, w);
        });
        return FromSortedRuns(shards, pairs);
    }

    /// <summary>The network of sorted runs of (ordinal key, weight), one per pair-table shard (keys disjoint).</summary>
    internal static RawNetwork FromSortedRuns((long[] Keys, int[] Weights)[] runs, OrdinalPairs pairs) =>
        runs.Length == 1 ? new RawNetwork(runs[0].Keys, runs[0].Weights, pairs) : Merge(runs, pairs);

    /// <summary>Merges sorted runs (a few: one per thread) by repeatedly taking the smallest head.</summary>
    private static RawNetwork Merge((long[] Keys, int[] Weights)[] runs, OrdinalPairs pairs)
    {
        var total = runs.Sum(r => r.Keys.Length);
        var keys = new long[total];
        var weights = new int[total];
        var heads = new int[runs.Length];
        for (var i = 0; i < total; i++)
        {
            var best = -1;
            for (var r = 0; r < runs.Length; r++)
            {
                if (heads[r] < runs[r].Keys.Length && (best < 0 || runs[r].Keys[heads[r]] < runs[best].Keys[heads[best]]))
                {
                    best = r;
                }
            }
            keys[i] = runs[best].Keys[heads[best]];
            weights[i] = runs[best].Weights[heads[best]];
            heads[best]++;
        }
        return new RawNetwork(keys, weights, pairs);
    }
}
