using Tansiq.Core.Evidence;

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
        var selfPaced = SelfPaced(own.Where(s => IsPost(s.Signal) && s.Author >= 0 && !double.IsNaN(s.PostTime)));
        return selfPaced.Count == 0 ? own : own.Where(s => !selfPaced.Contains(s)).ToList();
    }

    /// <summary>
    /// The shared articles among <paramref name="own"/> that their copiers share at their own pace: a shared link, or a
    /// copied text or near-duplicate that carries one, tested as its originator's post (the first poster as author, its
    /// first post as the post time, the later copies, less the originator and whoever posted within
    /// <see cref="CoOriginSeconds"/> of it, as the reactions), push by push (<see cref="Pushes"/>), by the scatter test of
    /// <see cref="SelfPaced"/> for copies. An outlet's readers share its articles a minute to hours after they appear,
    /// each at a pace of its own; a squad that pastes a producer's link on an order pastes it together. Material a member of the community posted
    /// first is not tested when <paramref name="chainHeads"/> holds the members: a relay copies its chain head's linked
    /// text hop by hop, and those copies scatter after the first post as a readership's do (seed-4 fuzz world 6).
    /// </summary>
    private HashSet<SharedAction> SelfPacedCopies(List<SharedAction> own, HashSet<int>? chainHeads)
    {
        var copyOf = new Dictionary<SharedAction, SharedAction>();
        foreach (var shared in own)
        {
            if (shared.SharesLink && shared.Originator >= 0 && chainHeads?.Contains(shared.Originator) != true && !double.IsNaN(shared.OriginTime))
            {
                foreach (var (start, copies) in Pushes(shared))
                {
                    var post = new SharedAction
                    {
                        Signal = shared.Signal,
                        Object = shared.Object,
                        Participants = shared.Participants,
                        Acting = shared.Acting,
                        Author = shared.Originator,
                        Owner = shared.Originator,
                        PostTime = start,
                        BeyondChance = shared.BeyondChance,
                    };
                    post.Actions.AddRange(copies.Where(a => a.Time - start > CoOriginSeconds));
                    copyOf[post] = shared;
                }
            }
        }
        return [.. SelfPaced(copyOf.Keys, copies: true).Select(post => copyOf[post])];
    }

    /// <summary>
    /// The copies of an article (less the originator's), cut into pushes: at the longest silence between two copies,
    /// when it is longer than the longest scale at minutes and <see cref="PushSilenceRatio"/> times as long as the
    /// copies on either side of it take (the first side from the article's first post), then within each side the same
    /// way. Each push starts at its first copy (the first at the first post). A squad pastes one canned text with its
    /// link on one order and again on another a day later (seed-3 fuzz world 12: two bursts of two or three minutes
    /// each, 35 hours apart); measured from the first post, the second burst is a reaction of 35 hours among reactions of
    /// a minute, and the whole looks as self-paced as a readership. Readers' copies come at a falling rate over hours
    /// and are never cut: a silence as long as ten times the copies before it is followed by copies as spread out as
    /// itself, or by a straggler or two (a push is a cluster's worth of copies at least: a lone late copy cut off left a
    /// readership's first copies less scattered than they are). Cutting where the silence was long only against the
    /// copies before it split an outlet's fast readers from its slow ones, and the fast ones alone passed for a squad
    /// again (independent worlds 8 and 10).
    /// </summary>
    private List<(double Start, List<(int Account, double Time)> Copies)> Pushes(SharedAction shared)
    {
        var copies = shared.Actions.Where(a => a.Account != shared.Originator).OrderBy(a => a.Time).ToList();
        var pushes = new List<(double, List<(int, double)>)>();
        var minGap = _options.MaxPostScale * _options.Window;
        Cut(shared.OriginTime, 0, copies.Count);
        return pushes;

        // Copies [from, to), the push starting at start (the first post, or the first of these copies).
        void Cut(double start, int from, int to)
        {
            var (longest, at) = (0.0, -1);
            for (var i = from; i < to; i++)
            {
                var gap = copies[i].Time - (i == from ? start : copies[i - 1].Time);
                if (i > from && gap > longest)
                {
                    (longest, at) = (gap, i);
                }
            }
            if (at > from && to - at >= _options.MinClusterSize && longest > minGap && longest > PushSilenceRatio * (copies[at - 1].Time - start)
                && longest > PushSilenceRatio * (copies[to - 1].Time - copies[at].Time))
            {
                Cut(start, from, at);
                Cut(copies[at].Time, at, to);
            }
            else
            {
                pushes.Add((start, copies.GetRange(from, to - from)));
            }
        }
    }

    /// <summary>How many times longer than a push so far the silence after it is before the next copy starts a new push (see <see cref="Pushes"/>).</summary>
    private const double PushSilenceRatio = 10;

    /// <summary>
    /// The sigma of the log-delays that copies on orders do not exceed (see <see cref="SelfPaced"/>). Copies are measured
    /// from the first copy, not from the order, which the data does not show: a squad pasting on one order spreads its
    /// copies evenly over its members' jitter, and the log of an even spread from its start varies by at most about
    /// 0.75 (whatever the jitter, less on a coarse clock); two squads on one link at latencies ten times apart, about
    /// 1.1. An outlet's readers, each at a pace of their own, fast ones among slow ones, scatter over 1.7 to 3.5.
    /// </summary>
    private const double CopiesOnOrdersSigma = 1.0;

    /// <summary>
    /// The posts whose re-sharers react at their own pace, author by author (see <see cref="WithoutSelfPacedPosts"/>).
    /// Re-shares of a post are self-paced unless they are concentrated beyond the least dispersed human delays (the
    /// orders test). Copies of an article (<paramref name="copies"/>) are measured from the first copy, and a squad
    /// that pastes on orders scatters from there as evenly as its jitter: they are self-paced only when scattered
    /// beyond <see cref="CopiesOnOrdersSigma"/> at <see cref="DetectOptions.Alpha"/> (several squads on one link at
    /// latencies of their own scatter more than one does, and are not readers: seed-3 fuzz world 12).
    /// </summary>
    private HashSet<SharedAction> SelfPaced(IEnumerable<SharedAction> posts, bool copies = false)
    {
        var byAuthor = new Dictionary<int, List<SharedAction>>();
        foreach (var shared in posts)
        {
            if (!byAuthor.TryGetValue(shared.Author, out var list))
            {
                list = [];
                byAuthor[shared.Author] = list;
            }
            list.Add(shared);
        }
        var selfPaced = new HashSet<SharedAction>();
        if (byAuthor.Count == 0)
        {
            return selfPaced;
        }
        var small = new List<SharedAction>();
        foreach (var (_, authored) in byAuthor.OrderBy(p => p.Key))
        {
            var (paced, degrees) = OwnPace(authored, copies);
            if (degrees < _options.MinOrdersDegrees)
            {
                small.AddRange(authored);
            }
            else if (paced)
            {
                selfPaced.UnionWith(authored);
            }
        }
        if (small.Count > 0 && !_coBurstPass && OwnPace(small, copies) is { Paced: true, Degrees: var pooled } && pooled >= _options.MinOrdersDegrees)
        {
            selfPaced.UnionWith(small);
        }
        return selfPaced;
    }

    /// <summary>Whether the reactions to <paramref name="posts"/> are self-paced (see <see cref="SelfPaced"/>), and on how many degrees of freedom.</summary>
    private (bool Paced, int Degrees) OwnPace(List<SharedAction> posts, bool copies)
    {
        if (!copies)
        {
            var (onOrders, degrees) = OrdersTest(posts);
            return (!onOrders, degrees);
        }
        var (statistic, scattered) = DelayScatter(posts, CopiesOnOrdersSigma);
        return (scattered >= 2 && 1 - ChiSquare.LowerTail(statistic, scattered) < _options.Alpha, scattered);
    }
}
