using Tansiq.Core.Simulation;

namespace Tansiq.Core.Evaluation;

/// <summary>One fuzzed world: what was drawn, its size, and how detection scored on it.</summary>
public sealed record FuzzWorldResult
{
    public required FuzzWorld World { get; init; }
    public required int Accounts { get; init; }
    public required int Messages { get; init; }
    public required DetectionEvaluation Evaluation { get; init; }
    public required double Seconds { get; init; }

    public bool HasPositives => Evaluation.Positives > 0;

    /// <summary>Recall of one behaviour, or null when the world has none of it.</summary>
    public double? RecallOf(string behaviour) =>
        Evaluation.Behaviours.FirstOrDefault(b => b.Behaviour == behaviour) is { Members: > 0 } b ? b.Recall : null;
}

/// <summary>Recall of one behaviour over many worlds.</summary>
public sealed record BehaviourSummary(string Behaviour, int Worlds, int Members, int Flagged, double MedianRecall, double MinRecall)
{
    /// <summary>All members of the behaviour in all worlds pooled.</summary>
    public double PooledRecall => Members == 0 ? 0 : (double)Flagged / Members;
}

/// <summary>The distribution of detection quality over fuzzed worlds, and the targets it is held to.</summary>
public sealed record FuzzSummary
{
    public required int Worlds { get; init; }
    public required int ArmyWorlds { get; init; }
    public required int NoArmyWorlds { get; init; }
    public required double F1Median { get; init; }
    public required double F1P5 { get; init; }
    public required double F1Min { get; init; }
    public required double PrecisionMedian { get; init; }
    public required double RecallMedian { get; init; }
    /// <summary>Worlds where more than 1% of fans, or of friend-group members, were flagged.</summary>
    public required int WorldsFansOver1Percent { get; init; }
    public required int WorldsFriendsOver1Percent { get; init; }
    /// <summary>Worlds without an army where more than 0.2% of all accounts were flagged.</summary>
    public required int NoArmyWorldsOver02Percent { get; init; }
    /// <summary>Largest share of all accounts flagged in a world without an army.</summary>
    public required double NoArmyMaxFlaggedShare { get; init; }
    public required double FansFlaggedMax { get; init; }
    public required double FriendsFlaggedMax { get; init; }
    public required IReadOnlyList<BehaviourSummary> Behaviours { get; init; }
    public required BehaviourSummary Sleepers { get; init; }
    public required int Publishers { get; init; }
    public required int PublishersFlagged { get; init; }

    /// <summary>The targets of issue 9: median F1 ≥ 0.97, 5th percentile ≥ 0.90, fans and friends under 1% in every
    /// world, and at most 0.2% flagged in at least 95% of the worlds without an army.</summary>
    public bool MeetsTargets =>
        F1Median >= 0.97 && F1P5 >= 0.90 && WorldsFansOver1Percent == 0 && WorldsFriendsOver1Percent == 0
        && (NoArmyWorlds == 0 || NoArmyWorlds - NoArmyWorldsOver02Percent >= 0.95 * NoArmyWorlds);

    public static FuzzSummary Of(IReadOnlyList<FuzzWorldResult> results)
    {
        var army = results.Where(r => r.HasPositives).ToList();
        var noArmy = results.Where(r => !r.HasPositives).ToList();
        var f1 = army.Select(r => r.Evaluation.F1).ToList();
        var behaviours = DetectionEvaluator.BehaviourOrder
            .Select(b => Summarise(b, army.Select(r => r.Evaluation.Behaviours.FirstOrDefault(x => x.Behaviour == b)).OfType<BehaviourRecall>().ToList()))
            .Where(s => s.Worlds > 0)
            .ToList();
        var sleepers = army.Where(r => r.Evaluation.Sleepers.Accounts > 0)
            .Select(r => new BehaviourRecall("sleepers", r.Evaluation.Sleepers.Accounts, r.Evaluation.Sleepers.Flagged)).ToList();
        return new FuzzSummary
        {
            Worlds = results.Count,
            ArmyWorlds = army.Count,
            NoArmyWorlds = noArmy.Count,
            F1Median = Percentile(f1, 0.5),
            F1P5 = Percentile(f1, 0.05),
            F1Min = f1.Count == 0 ? 0 : f1.Min(),
            PrecisionMedian = Percentile(army.Select(r => r.Evaluation.Precision).ToList(), 0.5),
            RecallMedian = Percentile(army.Select(r => r.Evaluation.Recall).ToList(), 0.5),
            WorldsFansOver1Percent = results.Count(r => r.Evaluation.Fans.Share > 0.01),
            WorldsFriendsOver1Percent = results.Count(r => r.Evaluation.FriendGroupMembers.Share > 0.01),
            NoArmyWorldsOver02Percent = noArmy.Count(r => r.Evaluation.AllAccounts.Share > 0.002),
            NoArmyMaxFlaggedShare = noArmy.Count == 0 ? 0 : noArmy.Max(r => r.Evaluation.AllAccounts.Share),
            FansFlaggedMax = results.Count == 0 ? 0 : results.Max(r => r.Evaluation.Fans.Share),
            FriendsFlaggedMax = results.Count == 0 ? 0 : results.Max(r => r.Evaluation.FriendGroupMembers.Share),
            Behaviours = behaviours,
            Sleepers = Summarise("sleepers", sleepers),
            Publishers = results.Sum(r => r.Evaluation.Publishers.Accounts),
            PublishersFlagged = results.Sum(r => r.Evaluation.Publishers.Flagged),
        };
    }

    private static BehaviourSummary Summarise(string behaviour, IReadOnlyList<BehaviourRecall> perWorld)
    {
        var recalls = perWorld.Where(b => b.Members > 0).Select(b => b.Recall).ToList();
        return new BehaviourSummary(behaviour, recalls.Count, perWorld.Sum(b => b.Members), perWorld.Sum(b => b.Flagged),
            Percentile(recalls, 0.5), recalls.Count == 0 ? 0 : recalls.Min());
    }

    /// <summary>The q-quantile with linear interpolation between order statistics (R's type 7); 0 for no values.</summary>
    public static double Percentile(IReadOnlyList<double> values, double q)
    {
        if (values.Count == 0)
        {
            return 0;
        }
        var sorted = values.Order().ToArray();
        var h = (sorted.Length - 1) * Math.Clamp(q, 0, 1);
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }
}
