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
}
