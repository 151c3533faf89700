using Tansiq.Core.Moderation;

namespace Tansiq.IO.Moderation;

/// <summary>
/// The naive rule and Tansiq's policy side by side on the same reports and the same world: report.html shows what the
/// rule of the case (suspend once distinct reporters reach a share of the followers, 25% by default) would have done
/// to every reported account next to what Tansiq did. Whichever policy the run used, the other one is replayed here
/// over the same reports in the same order (the threshold replay is a hash-set per report: about a second for a
/// million reports).
/// </summary>
public sealed class PolicyComparison
{
    private PolicyComparison(ModerationResult naive, ModerationResult? tansiq, double threshold)
    {
        Naive = naive;
        Tansiq = tansiq;
        Threshold = threshold;
        NaiveOf = naive.Decisions.ToDictionary(d => d.Target);
        TansiqOf = tansiq?.Decisions.ToDictionary(d => d.Target) ?? [];
        foreach (var e in naive.Timeline)
        {
            if (e.Verdict.Decision == Decision.Suspend)
            {
                NaiveSuspendedAt.TryAdd(e.Target, e.Time);
            }
        }
    }

    /// <summary>The naive rule's share of followers (0.25 unless the run itself was <c>--policy threshold --threshold X</c>).</summary>
    public double Threshold { get; }

    /// <summary>The threshold policy's replay.</summary>
    public ModerationResult Naive { get; }

    /// <summary>The tansiq policy's replay, or null when it could not be replayed (no reports were handed over).</summary>
    public ModerationResult? Tansiq { get; }

    public IReadOnlyDictionary<int, TargetDecision> NaiveOf { get; }

    public IReadOnlyDictionary<int, TargetDecision> TansiqOf { get; }

    /// <summary>When the naive rule first suspended each account it suspended.</summary>
    public Dictionary<int, long> NaiveSuspendedAt { get; } = [];

    /// <summary>
    /// Builds the comparison for a finished run: <paramref name="result"/> is kept as the side it was computed with, the
    /// other policy is replayed over <paramref name="reports"/> (any order; they are copied and sorted).
    /// </summary>
    public static PolicyComparison Build(ModerationResult result, ModerationWorld world, IReadOnlyList<Report> reports, double threshold, TansiqPolicyOptions? options = null)
    {
        if (result.Policy == "threshold")
        {
            ModerationResult? tansiq = null;
            if (reports.Count > 0 || result.Reports == 0)
            {
                tansiq = ModerationReplay.Run(new TansiqPolicy(world, options), [.. reports], world);
            }
            return new PolicyComparison(result, tansiq, threshold);
        }
        ModerationResult naive;
        if (reports.Count > 0 || result.Reports == 0)
        {
            naive = ModerationReplay.Run(new ThresholdPolicy(world, threshold), [.. reports], world);
        }
        else
        {
            // Without the reports the final outcome still follows from the counts (the rule only ever adds reporters),
            // but not its moment.
            var decisions = result.Decisions.Select(d =>
            {
                var suspended = d.Reporters > 0 && d.Reporters >= threshold * world.Followers[d.Target];
                return d with
                {
                    Verdict = suspended ? new Verdict(Decision.Suspend, Priority.None) : Verdict.NoAction,
                    EffectiveReports = d.Reporters,
                    Campaigns = [],
                    Reason = "",
                };
            }).ToList();
            naive = new ModerationResult("threshold", decisions, [], [], [], result.Reports);
        }
        return new PolicyComparison(naive, result, threshold);
    }

    /// <summary>The naive rule's final decision on an account: suspend or none.</summary>
    public bool NaiveSuspends(int target) => NaiveOf.TryGetValue(target, out var d) && d.Verdict.Decision == Decision.Suspend;
}
