namespace Tansiq.Core.Graphs;

/// <summary>
/// Louvain modularity optimisation (Blondel et al. 2008) with a resolution parameter, made deterministic by visiting
/// nodes in a seeded random order, followed by a connectivity split so that no community is internally disconnected
/// (the defect that Leiden fixes; here fixed after each run by splitting into connected parts).
/// </summary>
public static class Louvain
{
    /// <summary>Returns a community label per node, labels 0..k-1 in order of first appearance.</summary>
    public static int[] Communities(WeightedGraph graph, double resolution = 1.0, int seed = 1, int maxLevels = 20)
    {
        var n = graph.NodeCount;
        var membership = new int[n];
        for (var i = 0; i < n; i++)
        {
            membership[i] = i;
        }
        var random = new Random(seed);
        var current = graph;
        for (var level = 0; level < maxLevels; level++)
        {
            var local = OneLevel(current, resolution, random, out var moved);
            if (!moved)
            {
                break;
            }
            var relabelled = Relabel(local, out var count);
            for (var i = 0; i < n; i++)
            {
                membership[i] = relabelled[membership[i]];
            }
            if (count == current.NodeCount)
            {
                break;
            }
            current = Aggregate(current, relabelled, count);
        }
        return SplitDisconnected(graph, Relabel(membership, out _));
    }

    private static int[] OneLevel(WeightedGraph g, double resolution, Random random, out bool movedAny)
    {
        var n = g.NodeCount;
        var community = new int[n];
        var strength = new double[n];
        var totals = new double[n];
        double m2 = 0;
        for (var i = 0; i < n; i++)
        {
            community[i] = i;
            strength[i] = g.Strength(i);
            totals[i] = strength[i];
            m2 += strength[i];
        }
        movedAny = false;
        if (m2 <= 0)
        {
            return community;
        }
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }
        random.Shuffle(order);
        var linkWeight = new double[n];
        var touched = new List<int>();
        bool improved;
        var passes = 0;
        do
        {
            improved = false;
            passes++;
            foreach (var node in order)
            {
                var own = community[node];
                touched.Clear();
                double selfLoop = 0;
                for (var e = g.Offsets[node]; e < g.Offsets[node + 1]; e++)
                {
                    var nb = g.Neighbours[e];
                    if (nb == node)
                    {
                        selfLoop += g.Weights[e];
                        continue;
                    }
                    var c = community[nb];
                    if (linkWeight[c] == 0)
                    {
                        touched.Add(c);
                    }
                    linkWeight[c] += g.Weights[e];
                }
                _ = selfLoop;
                totals[own] -= strength[node];
                var best = own;
                var bestGain = linkWeight[own] - resolution * totals[own] * strength[node] / m2;
                foreach (var c in touched)
                {
                    var gain = linkWeight[c] - resolution * totals[c] * strength[node] / m2;
                    if (gain > bestGain + 1e-12 || (Math.Abs(gain - bestGain) <= 1e-12 && c < best && gain > 0))
                    {
                        bestGain = gain;
                        best = c;
                    }
                }
                if (bestGain <= 0 && best != own)
                {
                    best = own;
                }
                totals[best] += strength[node];
                if (best != own)
                {
                    community[node] = best;
                    improved = true;
                    movedAny = true;
                }
                foreach (var c in touched)
                {
                    linkWeight[c] = 0;
                }
                linkWeight[own] = 0;
            }
        }
        while (improved && passes < 100);
        return community;
    }

    private static int[] Relabel(int[] labels, out int count)
    {
        var map = new Dictionary<int, int>();
        var result = new int[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            if (!map.TryGetValue(labels[i], out var id))
            {
                id = map.Count;
                map[labels[i]] = id;
            }
            result[i] = id;
        }
        count = map.Count;
        return result;
    }

    private static WeightedGraph Aggregate(WeightedGraph g, int[] community, int count)
    {
        var edges = new Dictionary<long, double>(Tansiq.Core.CoAction.PairKeyComparer.Instance);
        for (var a = 0; a < g.NodeCount; a++)
        {
            for (var e = g.Offsets[a]; e < g.Offsets[a + 1]; e++)
            {
                var b = g.Neighbours[e];
                if (b < a)
                {
                    continue;
                }
                var ca = community[a];
                var cb = community[b];
                var key = ca <= cb ? ((long)ca << 32) | (uint)cb : ((long)cb << 32) | (uint)ca;
                edges[key] = edges.GetValueOrDefault(key) + g.Weights[e];
            }
        }
        var list = new List<(int, int, double)>(edges.Count);
        foreach (var (key, w) in edges.OrderBy(kv => kv.Key))
        {
            list.Add(((int)(key >> 32), (int)(key & 0xFFFFFFFF), w));
        }
        return FromEdgesWithLoops(count, list);
    }

    /// <summary>Like <see cref="WeightedGraph.FromEdges"/> but a self-loop is stored once (its weight counts twice in the strength).</summary>
    private static WeightedGraph FromEdgesWithLoops(int n, List<(int A, int B, double W)> edges)
    {
        var degree = new int[n + 1];
        foreach (var (a, b, _) in edges)
        {
            degree[a + 1]++;
            if (a != b)
            {
                degree[b + 1]++;
            }
        }
        for (var i = 0; i < n; i++)
        {
            degree[i + 1] += degree[i];
        }
        var cursor = (int[])degree.Clone();
        var nb = new int[degree[n]];
        var w = new double[degree[n]];
        foreach (var (a, b, weight) in edges)
        {
            nb[cursor[a]] = b;
            w[cursor[a]++] = weight;
            if (a != b)
            {
                nb[cursor[b]] = a;
                w[cursor[b]++] = weight;
            }
        }
        return new WeightedGraph(n, degree, nb, w);
    }

    private static int[] SplitDisconnected(WeightedGraph g, int[] membership)
    {
        var n = g.NodeCount;
        var result = new int[n];
        Array.Fill(result, -1);
        var next = 0;
        var stack = new Stack<int>();
        for (var start = 0; start < n; start++)
        {
            if (result[start] >= 0)
            {
                continue;
            }
            var label = next++;
            result[start] = label;
            stack.Push(start);
            while (stack.Count > 0)
            {
                var a = stack.Pop();
                for (var e = g.Offsets[a]; e < g.Offsets[a + 1]; e++)
                {
                    var b = g.Neighbours[e];
                    if (result[b] < 0 && membership[b] == membership[a])
                    {
                        result[b] = label;
                        stack.Push(b);
                    }
                }
            }
        }
        return result;
    }
}
