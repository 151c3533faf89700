namespace Tansiq.Core.Text;

/// <summary>An original post to match: indices are the caller's (message and account tables), time in unix seconds.</summary>
public readonly record struct TextPost(int MessageIndex, int AccountIndex, double Time, string Text);

/// <summary>A copy-paste campaign: posts whose normalised word sets are chained by Jaccard &gt;= the threshold.</summary>
public sealed record TextCluster
{
    /// <summary>0 for the largest cluster, then by size (descending), earliest post, first message index.</summary>
    public required int Id { get; init; }
    public required int Size { get; init; }
    public required int Accounts { get; init; }
    public required double FirstTime { get; init; }
    public required double LastTime { get; init; }
    /// <summary>The earliest post of the cluster (ties: the lowest message index): its message index and original text.</summary>
    public required int RepresentativeMessageIndex { get; init; }
    public required string RepresentativeText { get; init; }
    /// <summary>Positions in the input list of the cluster's posts, in time order (ties: message index).</summary>
    public required int[] Posts { get; init; }
}

public sealed class TextClustering
{
    internal TextClustering(int[] clusterOfPost, IReadOnlyList<TextCluster> clusters, NearDuplicateStats stats)
    {
        ClusterOfPost = clusterOfPost;
        Clusters = clusters;
        Stats = stats;
    }

    /// <summary>For each input post (same position), its cluster id, or -1 when it is in no cluster of MinClusterSize posts.</summary>
    public int[] ClusterOfPost { get; }

    /// <summary>Clusters by id (largest first).</summary>
    public IReadOnlyList<TextCluster> Clusters { get; }

    public NearDuplicateStats Stats { get; }
}

/// <summary>What clustering reads of the posts, by position.</summary>
internal interface ITextPosts
{
    int Count { get; }
    int MessageIndex(int post);
    int AccountIndex(int post);
    double Time(int post);
    string Text(int post);
}

/// <summary>Finds copy-paste campaigns among original posts: normalise, MinHash + LSH, verify, union-find.</summary>
public static class TextClusterer
{
    public static TextClustering Cluster(IReadOnlyList<TextPost> posts, NearDuplicateOptions options)
    {
        var texts = new string[posts.Count];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = posts[i].Text;
        }
        var sets = TokenSets.Build(texts, options.Parallelism);
        return Cluster(new PostList(posts), sets, options);
    }

    /// <summary>As <see cref="Cluster(IReadOnlyList{TextPost}, NearDuplicateOptions)"/> for posts kept in a table.</summary>
    public static TextClustering Cluster(TextPostTable posts, NearDuplicateOptions options)
    {
        var sets = TokenSets.Build(posts.Count, posts.TextOf, options.Parallelism);
        return Cluster(posts, sets, options);
    }

    private static TextClustering Cluster(ITextPosts posts, TokenSets sets, NearDuplicateOptions options)
    {
        var index = NearDuplicateIndex.Build(sets, options);
        var (component, stats) = index.Components();
        return Group(posts, index.DistinctOf, component, options.MinClusterSize, stats);
    }

    private sealed class PostList(IReadOnlyList<TextPost> posts) : ITextPosts
    {
        public int Count => posts.Count;
        public int MessageIndex(int post) => posts[post].MessageIndex;
        public int AccountIndex(int post) => posts[post].AccountIndex;
        public double Time(int post) => posts[post].Time;
        public string Text(int post) => posts[post].Text;
    }

    private static TextClustering Group(ITextPosts posts, ReadOnlySpan<int> distinctOf, int[] component, int minSize, NearDuplicateStats stats)
    {
        var n = posts.Count;
        var root = new int[n];
        var sizeOfRoot = new int[component.Length];
        for (var i = 0; i < n; i++)
        {
            var d = distinctOf[i];
            root[i] = d < 0 ? -1 : component[d];
            if (d >= 0)
            {
                sizeOfRoot[root[i]]++;
            }
        }
        // Members of each kept component, gathered by a counting sort on the root.
        var start = new int[component.Length + 1];
        for (var r = 0; r < component.Length; r++)
        {
            start[r + 1] = start[r] + (sizeOfRoot[r] >= minSize ? sizeOfRoot[r] : 0);
        }
        var members = new int[start[component.Length]];
        var fill = (int[])start.Clone();
        for (var i = 0; i < n; i++)
        {
            if (root[i] >= 0 && sizeOfRoot[root[i]] >= minSize)
            {
                members[fill[root[i]]++] = i;
            }
        }
        var clusters = new List<TextCluster>();
        var accounts = new HashSet<int>();
        for (var r = 0; r < component.Length; r++)
        {
            var count = start[r + 1] - start[r];
            if (count == 0)
            {
                continue;
            }
            var ordered = members.AsSpan(start[r], count).ToArray();
            Array.Sort(ordered, (x, y) =>
            {
                var c = posts.Time(x).CompareTo(posts.Time(y));
                return c != 0 ? c : posts.MessageIndex(x).CompareTo(posts.MessageIndex(y));
            });
            accounts.Clear();
            foreach (var p in ordered)
            {
                accounts.Add(posts.AccountIndex(p));
            }
            var first = ordered[0];
            clusters.Add(new TextCluster
            {
                Id = -1,
                Size = count,
                Accounts = accounts.Count,
                FirstTime = posts.Time(first),
                LastTime = posts.Time(ordered[^1]),
                RepresentativeMessageIndex = posts.MessageIndex(first),
                RepresentativeText = posts.Text(first),
                Posts = ordered,
            });
        }
        clusters.Sort((x, y) =>
        {
            var c = y.Size.CompareTo(x.Size);
            if (c == 0)
            {
                c = x.FirstTime.CompareTo(y.FirstTime);
            }
            return c != 0 ? c : x.RepresentativeMessageIndex.CompareTo(y.RepresentativeMessageIndex);
        });
        var clusterOfPost = new int[n];
        Array.Fill(clusterOfPost, -1);
        for (var id = 0; id < clusters.Count; id++)
        {
            clusters[id] = clusters[id] with { Id = id };
            foreach (var p in clusters[id].Posts)
            {
                clusterOfPost[p] = id;
            }
        }
        return new TextClustering(clusterOfPost, clusters, stats);
    }
}
