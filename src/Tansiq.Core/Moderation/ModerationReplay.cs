namespace Tansiq.Core.Moderation;

/// <summary>One change of a target's decision during the replay.</summary>
public sealed record TimelineEntry(long Time, int Target, Verdict Verdict, int Reports, double EffectiveReports, IReadOnlyList<int> Campaigns, string Reason);

/// <summary>A reported account's final decision.</summary>
public sealed record TargetDecision(int Target, Verdict Verdict, long DecidedAt, int Reports, int Reporters, double EffectiveReports, IReadOnlyList<int> Campaigns, string Reason);

public sealed record ModerationResult(
    string Policy,
    IReadOnlyList<TargetDecision> Decisions,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<Campaign> Campaigns,
    IReadOnlyList<Brigade> Brigades,
    long Reports);

/// <summary>Replays reports in time order through a policy and records every change of decision.</summary>
public static class ModerationReplay
{
    /// <summary>Sorts by (time, sequence) in place and replays.</summary>
    public static ModerationResult Run(IModerationPolicy policy, Report[] reports, ModerationWorld world, BrigadeOptions? brigades = null)
    {
        Array.Sort(reports, static (a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : a.Sequence.CompareTo(b.Sequence));
        var current = new Dictionary<int, (Verdict Verdict, long At)>();
        var timeline = new List<TimelineEntry>();
        foreach (ref readonly var r in reports.AsSpan())
        {
            var verdict = policy.Observe(r);
            if (!current.TryGetValue(r.Target, out var before))
            {
                current[r.Target] = (verdict, r.Time);
                if (verdict != Verdict.NoAction)
                {
                    timeline.Add(Entry(policy, r, verdict));
                }
            }
            else if (before.Verdict != verdict)
            {
                current[r.Target] = (verdict, r.Time);
                timeline.Add(Entry(policy, r, verdict));
            }
        }
        var decisions = new List<TargetDecision>(current.Count);
        foreach (var (target, (verdict, at)) in current)
        {
            var standing = policy.Explain(target);
            decisions.Add(new TargetDecision(target, verdict, at, standing.Reports, standing.DistinctReporters, standing.EffectiveReports, standing.Campaigns, standing.Reason));
        }
        decisions.Sort((a, b) => string.CompareOrdinal(world.Accounts[a.Target], world.Accounts[b.Target]));
        var found = BrigadeBuilder.Build(policy.Campaigns, world, policy as TansiqPolicy, brigades ?? new BrigadeOptions());
        return new ModerationResult(policy.Name, decisions, timeline, policy.Campaigns, found, reports.Length);
    }

    private static TimelineEntry Entry(IModerationPolicy policy, in Report r, Verdict verdict)
    {
        var standing = policy.Explain(r.Target);
        return new TimelineEntry(r.Time, r.Target, verdict, standing.Reports, standing.EffectiveReports, [.. standing.Campaigns], standing.Reason);
    }
}
