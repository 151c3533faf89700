namespace Tansiq.Core.Detection;

public sealed partial class Detector
{
    /// <summary>
    /// At minutes, the timing null model (actions in the adjacent band of the same width) says nothing about a post: every
    /// re-sharer of a fresh post acts within minutes of the post, so a leader's fans are as synchronous on his posts as a
    /// squad is, and a community that mixes the two owns his posts by sheer numbers. What tells them apart is what they
    /// react to: fans react to the post itself, each after a delay of their own (heavy-tailed and independent, as
    /// <see cref="ReactsOnOrders"/> tests for the circle's posts), a squad to an order, all together. So at minutes the
    /// posts of an author are evidence only when the members' reactions to that author's posts are concentrated beyond
    /// independent human delays; authors with too few reactions to be tested alone
    /// (<see cref="DetectOptions.MinOrdersDegrees"/>) are tested together, except in the co-burst pass, whose groups
    /// pass only when their kept members react on orders (<see cref="BurstsOnOrders"/>): there the pool would mix a
    /// sparse squad's obscure posts with the reactions of strangers Louvain put beside it. Returns
    /// <paramref name="own"/> itself when every author passes.
    /// </summary>
    private List<SharedAction> WithoutSelfPacedPosts(List<SharedAction> own)
    {
        var byAuthor = new Dictionary<int, List<SharedAction>>();
        foreach (var shared in own)
        {
            if (IsPost(shared.Signal) && shared.Author >= 0 && !double.IsNaN(shared.PostTime))
            {
                if (!byAuthor.TryGetValue(shared.Author, out var posts))
                {
                    posts = [];
                    byAuthor[shared.Author] = posts;
                }
                posts.Add(shared);
            }
        }
        if (byAuthor.Count == 0)
        {
            return own;
        }
        var selfPaced = new HashSet<SharedAction>();
        var small = new List<SharedAction>();
        foreach (var (_, posts) in byAuthor.OrderBy(p => p.Key))
        {
            var (onOrders, degrees) = OrdersTest(posts);
            if (degrees < _options.MinOrdersDegrees)
            {
                small.AddRange(posts);
            }
            else if (!onOrders)
            {
                selfPaced.UnionWith(posts);
            }
        }
        if (small.Count > 0 && !_coBurstPass && OrdersTest(small) is { OnOrders: false, Degrees: var pooled } && pooled >= _options.MinOrdersDegrees)
        {
            selfPaced.UnionWith(small);
        }
        return selfPaced.Count == 0 ? own : own.Where(s => !selfPaced.Contains(s)).ToList();
    }
}
