namespace Tansiq.Core.Detection;

/// <summary>
/// Small human squads found from their bursts. A chat-group squad of six whose members each join a third of the orders
/// shares one or two objects pair by pair, and as a group shows a handful of bursts a week, half of them on its own
/// members' posts (half of such a squad's orders are "push this" on a member's post). Two rules of the co-burst pass
/// cost it that evidence: the circle rule set the members' posts aside, and the group's timing evidence had to reach the
/// bar alone, although the group must also pass the orders test, an independent line of evidence.
/// </summary>
public sealed partial class Detector
{
    /// <summary>
    /// The circle rule sets a circle's own posts aside unless the members react to them on orders, tested on the circle's
    /// posts alone; a squad of six that pushed four of its members' posts gives that test a handful of reactions, too few
    /// to pass, and so loses its strongest bursts. A group found from its bursts must show orders on every post among its
    /// synchronous objects anyway (<see cref="BurstsOnOrders"/>), circle posts or not: there the circle's posts stay in,
    /// and the orders test is taken once, on all of the group's burst posts together. Friends who re-share one another's
    /// posts within minutes react after delays of their own and fail it (GroupEvidenceTests: thirty fast friend groups).
    /// </summary>
    private bool KeepsCircleForOrdersTest() => _coBurstPass;

    /// <summary>
    /// A co-burst community's group evidence (−log10 p) on the scale of <see cref="DetectOptions.CoBurstLog10P"/>: its
    /// timing (<see cref="CoBurstEvidence"/>), or, when the timing falls short of that bar but the group's reactions to
    /// its burst posts are concentrated as orders make them, the two combined. Timing and orders are independent lines
    /// of evidence under the null (where a group's actions fall against the adjacent band; how its members' delays after
    /// each post scatter), and the group must pass both anyway (the orders test at <see cref="DetectOptions.Alpha"/> in
    /// <see cref="BurstsOnOrders"/>), so together they demanded at least 10^-6 and 10^-3. Combined by Fisher's method, a
    /// group whose timing and orders are each significant at <see cref="DetectOptions.Alpha"/> passes when the combination
    /// reaches that of the two bars together (<see cref="CoBurstBar"/>): a squad of six whose few bursts are timed at
    /// 10^-5 and whose reactions crowd around the orders at 10^-5 is as unlikely by chance as one at 10^-6 and 10^-3.
    /// Every group that passed before passes (the combination grows with each line's evidence); one that fails reports
    /// its timing, as before.
    /// </summary>
    private double CoBurstGroupEvidence(List<SharedAction> own, Verdict verdict)
    {
        var timing = CoBurstEvidence(own, verdict);
        var floor = -Math.Log10(_options.Alpha);
        if (timing >= _options.CoBurstLog10P || timing < floor)
        {
            return timing;
        }
        var orders = BurstOrdersLog10P(verdict);
        return orders >= floor && FisherLog10(timing, orders) >= CoBurstBar ? _options.CoBurstLog10P : timing;
    }

    /// <summary>The Fisher-combined bar: the combined evidence of timing at exactly its bar and orders at exactly theirs.</summary>
    private double CoBurstBar => FisherLog10(_options.CoBurstLog10P, -Math.Log10(_options.Alpha));

    /// <summary>−log10 p of the orders test on the kept members' reactions to the synchronous posts (0 with fewer than the minimum posts).</summary>
    private double BurstOrdersLog10P(Verdict verdict)
    {
        var posts = KeptReactionsToBurstPosts(verdict);
        if (posts.Count < _options.MinExclusiveObjects)
        {
            return 0;
        }
        return -Math.Log10(Math.Max(OrdersChiSquare(posts).P, 1e-300));
    }

    /// <summary>
    /// Fisher's combination of two independent p-values given as −log10 p: with q = p1·p2, P[combined ≤ q] = q·(1 − ln q)
    /// (chi-square with four degrees of freedom), returned as −log10.
    /// </summary>
    private static double FisherLog10(double log10P1, double log10P2)
    {
        var lnQ = -(log10P1 + log10P2) * Math.Log(10);
        return -(lnQ + Math.Log(1 - lnQ)) / Math.Log(10);
    }

    /// <summary>
    /// The group evidence of a community and the bar it must reach: its pairs' summed evidence against
    /// <see cref="DetectOptions.OverwhelmingLog10P"/>; for a co-burst community at minutes its timing (or timing and
    /// orders, <see cref="CoBurstGroupEvidence"/>) against <see cref="DetectOptions.CoBurstLog10P"/>; at the window the
    /// timing of its bursts on material that is not its circle's posts, alone, against the bar of timing and orders
    /// together (<see cref="SecondsCoBurstEvidence"/>).
    /// </summary>
    private (double Evidence, double Bar) GroupEvidenceAndBar(List<SharedAction> own, Verdict verdict, Dictionary<long, SignificantEdge> edgeOf)
    {
        if (!_coBurstPass)
        {
            return (GroupEvidence(verdict.Kept, edgeOf), _options.OverwhelmingLog10P);
        }
        if (verdict.Scale <= _options.Window)
        {
            verdict.WithoutOrders = true;
            var keptOnMaterial = KeptOnReusedMaterial(verdict);
            verdict.Kept.RemoveAll(m => !keptOnMaterial.Contains(m));
            return (SecondsCoBurstEvidence(own, verdict), CoBurstBar);
        }
        return (CoBurstGroupEvidence(own, verdict), _options.CoBurstLog10P);
    }

    /// <summary>
    /// The kept members in at least <see cref="DetectOptions.MinMemberObjects"/> bursts on material that is not the
    /// circle's posts: the evidence at the window without orders comes from those bursts alone, so a member kept only by
    /// bursts on its friends' posts is not shown to be in the squad (seed-1 fuzz world 68: three fast fans of one friend
    /// group, reposting one another within seconds, were kept beside a squad of five that shared a few of their posts).
    /// </summary>
    private HashSet<int> KeptOnReusedMaterial(Verdict verdict)
    {
        var counts = new Dictionary<int, int>();
        CountBursts(verdict.Synchronous.Where(s => !_circlePosts.Contains(s.Shared)), counts);
        return [.. verdict.Kept.Where(m => counts.GetValueOrDefault(m) >= _options.MinMemberObjects)];
    }

    /// <summary>The circle's own posts of the community being judged (see Decide).</summary>
    private HashSet<SharedAction> _circlePosts = [];

    /// <summary>True when a co-burst community at the window was judged on its reused material without the orders test.</summary>
    private bool SecondsWithoutOrders(Verdict verdict) => _coBurstPass && verdict.WithoutOrders;

    /// <summary>
    /// A scheduler squad whose members each take part in a fifth of the operations shares two or three objects pair by
    /// pair, and a group found from its bursts cannot show orders at the window: the orders test on posts is taken on
    /// bursts selected for falling within seconds, which truncates any group's delays (a co-burst group of twelve friends
    /// from different friend groups, reposting one another within seconds, passed it at 10^-8.8 in seed-1 fuzz world 10),
    /// and several squads at their own latencies on one post scatter their delays as fast fans do (section 3). What
    /// the squad does show is its material taken up by a handful of members within seconds, operation after operation:
    /// pasted texts, near-duplicates, links, tags and the campaign posts it pushes. So at the window a co-burst group is
    /// judged on its synchronous own objects that are not its circle's posts (posts by members or by accounts that
    /// re-share or reply to members: what friends re-share of one another within seconds, seed-1 fuzz worlds 10 and 50):
    /// S of them against C, those acted on within twice the window but not within it, each counted once per occasion
    /// (one pasted message is a text, a near-duplicate cluster and a tag: objects whose burst begins with the same
    /// account at the same time are one), S ~ Poisson(2·(C + 0.5)) as in <see cref="CoBurstEvidence"/>. Without the
    /// orders evidence (10^-3) the timing alone must reach the bar of the two together (<see cref="CoBurstBar"/>), on at
    /// least <see cref="DetectOptions.MinExclusiveObjects"/> occasions.
    /// </summary>
    private double SecondsCoBurstEvidence(List<SharedAction> own, Verdict verdict)
    {
        var o = _options;
        var counts = _windowCounts ?? throw new InvalidOperationException("judging's scratch is made in JudgeAndRefine");
        var synchronousObjects = new HashSet<SharedAction>();
        var synchronous = new HashSet<(int, double)>();
        foreach (var s in verdict.Synchronous)
        {
            if (!_circlePosts.Contains(s.Shared))
            {
                synchronousObjects.Add(s.Shared);
                synchronous.Add(s.Shared.Actions[0]);
            }
        }
        if (synchronous.Count < o.MinExclusiveObjects)
        {
            return 0;
        }
        var control = new HashSet<(int, double)>();
        foreach (var shared in own)
        {
            if (_circlePosts.Contains(shared) || synchronousObjects.Contains(shared) || synchronous.Contains(shared.Actions[0]))
            {
                continue;
            }
            if (IsControlObject(shared, verdict.Scale, counts))
            {
                control.Add(shared.Actions[0]);
            }
        }
        return CoBurstLog10P(synchronous.Count, control.Count);
    }
}
