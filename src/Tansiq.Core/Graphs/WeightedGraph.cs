namespace Tansiq.Core.Graphs;

/// <summary>An undirected weighted graph in compressed sparse row form; each edge is stored in both directions.</summary>
public sealed class WeightedGraph
{
    public WeightedGraph(int nodeCount, int[] offsets, int[] neighbours, double[] weights)
    {
        NodeCount = nodeCount;
        Offsets = offsets;
        Neighbours = neighbours;
        Weights = weights;
    }

    public int NodeCount { get; }
    public int[] Offsets { get; }
    public int[] Neighbours { get; }
    public double[] Weights { get; }

    public static WeightedGraph FromEdges(int nodeCount, IReadOnlyList<(int A, int B, double Weight)> edges)
    {
        var degree = new int[nodeCount + 1];
        foreach (var (a, b, _) in edges)
        {
            degree[a + 1]++;
            degree[b + 1]++;
        }
        for (var i = 0; i < nodeCount; i++)
        {
            degree[i + 1] += degree[i];
        }
        var offsets = (int[])degree.Clone();
        var cursor = (int[])degree.Clone();
        var neighbours = new int[offsets[nodeCount]];
        var weights = new double[offsets[nodeCount]];
        foreach (var (a, b, w) in edges)
        {
            neighbours[cursor[a]] = b;
            weights[cursor[a]++] = w;
            neighbours[cursor[b]] = a;
            weights[cursor[b]++] = w;
        }
        return new WeightedGraph(nodeCount, offsets, neighbours, weights);
    }

    public double Strength(int node)
    {
        var s = 0.0;
        for (var e = Offsets[node]; e < Offsets[node + 1]; e++)
        {
            s += Neighbours[e] == node ? 2 * Weights[e] : Weights[e];
        }
        return s;
    }
}
