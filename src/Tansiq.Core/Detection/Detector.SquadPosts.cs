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
    /// A co-burst community's group evidence (−log10 p): its timing (<see cref="CoBurstEvidence"/>) and, when at least
    /// <see cref="DetectOptions.MinExclusiveObjects"/> of its synchronous objects are posts with their time in the data,
    /// the orders test on the kept members' reactions to them, combined by Fisher's method (the two are independent under
    /// the null: where a group's actions fall against the adjacent band, and how their delays after each post scatter).
    /// The group passes when the combination reaches what the two bars together demanded before (<see cref="CoBurstBar"/>,
    /// timing at <see cref="DetectOptions.CoBurstLog10P"/> and orders at <see cref="DetectOptions.Alpha"/>) and each is
    /// significant on its own at <see cref="DetectOptions.Alpha"/>: a small squad whose few bursts are timed beyond chance
    /// (10^-5) and whose reactions crowd around the orders (10^-5) is as unlikely by chance as a large squad at 10^-6 and
    /// 10^-3. Every group that passed before passes (Fisher's combination grows with each p-value's evidence).
    /// </summary>
    private double CoBurstGroupEvidence(List<SharedAction> own, Verdict verdict)
    {
        var timing = CoBurstEvidence(own, verdict);
        var floor = -Math.Log10(_options.Alpha);
        var orders = BurstOrdersLog10P(verdict);
        return timing < floor || orders < floor ? Math.Min(timing, CoBurstBar - 1e-9) : FisherLog10(timing, orders);
    }

    /// <summary>The Fisher-combined bar: the combined evidence of timing at exactly its bar and orders at exactly theirs.</summary>
    private double CoBurstBar => FisherLog10(_options.CoBurstLog10P, -Math.Log10(_options.Alpha));

    /// <summary>−log10 p of the orders test on the kept members' reactions to the synchronous posts (0 with fewer than the minimum posts).</summary>
    private double BurstOrdersLog10P(Verdict verdict)
    {
        var kept = verdict.Kept.ToHashSet();
        var posts = new List<SharedAction>();
        foreach (var s in verdict.Synchronous)
        {
            if (double.IsNaN(s.Shared.PostTime))
            {
                continue;
            }
            var copy = s.Shared.WithoutActions();
            copy.Actions.AddRange(s.Shared.Actions.Where(a => kept.Contains(a.Account)));
            posts.Add(copy);
        }
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
