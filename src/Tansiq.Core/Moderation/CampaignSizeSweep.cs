namespace Tansiq.Core.Moderation;

/// <summary>Wrongful suspensions at one campaign size, summed over the generated worlds.</summary>
/// <summary>How one policy's final decisions fall for the accounts of one truth label.</summary>
public sealed record LabelOutcome(string Policy, ReportedLabel Label, int Accounts, int Suspended, int ReviewHigh, int ReviewOther, int None);

public sealed record SweepPoint(double Fraction, int Targets, int ThresholdWrongful, int TansiqWrongful, int TansiqReviewed);

/// <summary>
/// Replays generated worlds through both policies and counts, per campaign size (as a fraction of the target's
/// followers), the brigaded innocents and petition targets that were suspended at any moment.
/// </summary>
public static class CampaignSizeSweep
{
    public static readonly IReadOnlyList<double> Fractions = [0.01, 0.02, 0.03, 0.05, 0.075, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.75, 1.0];

    public static IReadOnlyList<SweepPoint> Run(IReadOnlyList<int> seeds)
    {
        var totals = new Dictionary<double, (int Targets, int Threshold, int Tansiq, int Reviewed)>();
        foreach (var seed in seeds)
        {
            var g = ReportWorld.Generate(new ReportWorldOptions { Seed = seed, CampaignFractions = Fractions });
            var threshold = ModerationReplay.Run(new ThresholdPolicy(g.World), (Report[])g.Reports.Clone(), g.World);
            var tansiq = ModerationReplay.Run(new TansiqPolicy(g.World), (Report[])g.Reports.Clone(), g.World);
            var thresholdSuspended = EverSuspended(threshold);
            var tansiqSuspended = EverSuspended(tansiq);
            var tansiqReviewed = tansiq.Decisions.Where(d => d.Verdict.Decision == Decision.Review).Select(d => d.Target).ToHashSet();
            foreach (var t in g.Truth)
            {
                if (t.Label is not (ReportedLabel.BrigadedInnocent or ReportedLabel.PetitionTarget))
                {
                    continue;
                }
                var (n, a, b, r) = totals.GetValueOrDefault(t.CampaignFraction);
                totals[t.CampaignFraction] = (n + 1,
                    a + (thresholdSuspended.Contains(t.Target) ? 1 : 0),
                    b + (tansiqSuspended.Contains(t.Target) ? 1 : 0),
                    r + (tansiqReviewed.Contains(t.Target) ? 1 : 0));
            }
        }
        return [.. totals.OrderBy(kv => kv.Key).Select(kv => new SweepPoint(kv.Key, kv.Value.Targets, kv.Value.Threshold, kv.Value.Tansiq, kv.Value.Reviewed))];
    }

    /// <summary>Final decisions per truth label for both policies on one generated world (the docs' side-by-side table).</summary>
    public static IReadOnlyList<LabelOutcome> Compare(int seed)
    {
        var g = ReportWorld.Generate(new ReportWorldOptions { Seed = seed });
        var rows = new List<LabelOutcome>();
        foreach (var policy in new IModerationPolicy[] { new ThresholdPolicy(g.World), new TansiqPolicy(g.World) })
        {
            var result = ModerationReplay.Run(policy, (Report[])g.Reports.Clone(), g.World);
            var final = result.Decisions.ToDictionary(d => d.Target, d => d.Verdict);
            foreach (var label in Enum.GetValues<ReportedLabel>())
            {
                var targets = g.Truth.Where(t => t.Label == label).Select(t => final.GetValueOrDefault(t.Target, Verdict.NoAction)).ToList();
                rows.Add(new LabelOutcome(policy.Name, label, targets.Count,
                    targets.Count(v => v.Decision == Decision.Suspend),
                    targets.Count(v => v is { Decision: Decision.Review, Priority: Priority.High }),
                    targets.Count(v => v is { Decision: Decision.Review, Priority: Priority.Normal or Priority.Low }),
                    targets.Count(v => v.Decision == Decision.None)));
            }
        }
        return rows;
    }

    private static HashSet<int> EverSuspended(ModerationResult result) =>
        result.Timeline.Where(e => e.Verdict.Decision == Decision.Suspend).Select(e => e.Target).ToHashSet();
}
