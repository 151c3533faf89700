namespace Tansiq.Core.Moderation;

/// <summary>One user report as the engine replays it: interned account ids, unix seconds.</summary>
/// <param name="Sequence">Position in the input (after duplicate ids are dropped): breaks ties between equal timestamps.</param>
public readonly record struct Report(int Reporter, int Target, long Time, int Sequence = 0);

public enum Decision
{
    None,
    Review,
    Suspend,
}

/// <summary>How soon a person should look; only meaningful for <see cref="Decision.Review"/>.</summary>
public enum Priority
{
    None,
    Low,
    Normal,
    High,
}

public readonly record struct Verdict(Decision Decision, Priority Priority)
{
    public static readonly Verdict NoAction = new(Decision.None, Priority.None);
}

public static class DecisionNames
{
    public static string Name(this Decision decision) => decision switch
    {
        Decision.None => "none",
        Decision.Review => "review",
        Decision.Suspend => "suspend",
        _ => throw new ArgumentOutOfRangeException(nameof(decision)),
    };

    public static string Name(this Priority priority) => priority switch
    {
        Priority.None => "",
        Priority.Low => "low",
        Priority.Normal => "normal",
        Priority.High => "high",
        _ => throw new ArgumentOutOfRangeException(nameof(priority)),
    };
}

/// <summary>A policy's view of one reported account at the moment it is asked.</summary>
public readonly record struct TargetStanding(
    int Reports,
    int DistinctReporters,
    double EffectiveReports,
    IReadOnlyList<int> Campaigns,
    string Reason);

/// <summary>
/// A moderation policy: sees reports one at a time in time order and keeps whatever small per-target state it needs.
/// It never sees a report before its time, so every verdict is one an online system could have given at that moment.
/// </summary>
public interface IModerationPolicy
{
    string Name { get; }

    /// <summary>Takes one report and returns the target's verdict after it.</summary>
    Verdict Observe(in Report report);

    /// <summary>The target's counts and an explanation of its current verdict, in words for a reviewer.</summary>
    TargetStanding Explain(int target);

    /// <summary>Reporting campaigns detected so far (empty for policies that do not look for them).</summary>
    IReadOnlyList<Campaign> Campaigns { get; }
}
