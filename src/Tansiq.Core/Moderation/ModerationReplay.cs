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
        SortInTimeOrder(reports);
        var session = new ModerationSession(policy, world);
        foreach (ref readonly var r in reports.AsSpan())
        {
            session.Observe(r);
        }
        return session.Result(brigades);
    }

    /// <summary>The replay order: time, then sequence (input order).</summary>
    public static void SortInTimeOrder(Report[] reports) =>
        Array.Sort(reports, static (a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : a.Sequence.CompareTo(b.Sequence));
}

/// <summary>
/// The replay one report at a time: the batch command feeds it a sorted file, the live service feeds it reports as
/// they are committed. It keeps each target's current verdict and the timeline of changes, and builds the same
/// <see cref="ModerationResult"/> at any moment.
/// </summary>
public sealed class ModerationSession
{
    private readonly IModerationPolicy _policy;
    private readonly ModerationWorld _world;
    private readonly Dictionary<int, (Verdict Verdict, long At)> _current = [];
    private readonly List<TimelineEntry> _timeline = [];
    private long _reports;

    public ModerationSession(IModerationPolicy policy, ModerationWorld world)
    {
        _policy = policy;
        _world = world;
    }

    public IModerationPolicy Policy => _policy;

    public ModerationWorld World => _world;

    /// <summary>Reports observed so far.</summary>
    public long Reports => _reports;

    /// <summary>Time of the last report observed (long.MinValue before the first): a later report may not be earlier.</summary>
    public long LastTime { get; private set; } = long.MinValue;

    public IReadOnlyList<TimelineEntry> Timeline => _timeline;

    /// <summary>Takes the next report in time order; returns the timeline entry when the target's decision changed.</summary>
    public TimelineEntry? Observe(in Report r)
    {
        _reports++;
        LastTime = Math.Max(LastTime, r.Time);
        var verdict = _policy.Observe(r);
        if (!_current.TryGetValue(r.Target, out var before))
        {
            _current[r.Target] = (verdict, r.Time);
            if (verdict != Verdict.NoAction)
            {
                return Add(r, verdict);
            }
        }
        else if (before.Verdict != verdict)
        {
            _current[r.Target] = (verdict, r.Time);
            return Add(r, verdict);
        }
        return null;
    }

    /// <summary>The current decision of one target, or null if it was never reported.</summary>
    public TargetDecision? Decision(int target)
    {
        if (!_current.TryGetValue(target, out var c))
        {
            return null;
        }
        var standing = _policy.Explain(target);
        return new TargetDecision(target, c.Verdict, c.At, standing.Reports, standing.DistinctReporters, standing.EffectiveReports, standing.Campaigns, standing.Reason);
    }

    /// <summary>Every decision so far, the timeline, the campaigns and the brigades joined from them.</summary>
    public ModerationResult Result(BrigadeOptions? brigades = null)
    {
        var decisions = new List<TargetDecision>(_current.Count);
        foreach (var target in _current.Keys)
        {
            decisions.Add(Decision(target)!);
        }
        decisions.Sort((a, b) => string.CompareOrdinal(_world.Accounts[a.Target], _world.Accounts[b.Target]));
        var found = BrigadeBuilder.Build(_policy.Campaigns, _world, _policy as TansiqPolicy, brigades ?? new BrigadeOptions());
        return new ModerationResult(_policy.Name, decisions, [.. _timeline], _policy.Campaigns, found, _reports);
    }

    private TimelineEntry Add(in Report r, Verdict verdict)
    {
        var standing = _policy.Explain(r.Target);
        var entry = new TimelineEntry(r.Time, r.Target, verdict, standing.Reports, standing.EffectiveReports, [.. standing.Campaigns], standing.Reason);
        _timeline.Add(entry);
        return entry;
    }
}
