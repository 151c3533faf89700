using Tansiq.Core.Simulation;

namespace Tansiq.Core.Evaluation;

/// <summary>One row of moderate's decisions.csv, as far as evaluation needs it.</summary>
public sealed record ModerationDecision(string TargetId, string Decision, string? Priority);

/// <summary>
/// The columns of the confusion table: a decision, with review split by priority (a review without priority counts as
/// normal).
/// </summary>
public enum DecisionColumn
{
    None,
    ReviewLow,
    ReviewNormal,
    ReviewHigh,
    Suspend,
}

public sealed record ConfusionRow(string Label, IReadOnlyList<int> Counts)
{
    public int Total => Counts.Sum();

    public int this[DecisionColumn column] => Counts[(int)column];
}

public sealed record ModerationEvaluation
{
    public static readonly IReadOnlyList<string> ColumnNames = ["none", "review_low", "review_normal", "review_high", "suspend"];

    /// <summary>One row per truth label (brigaded_innocent, petition_target, abusive, noise), then "unlabeled" for decided
    /// targets the truth does not list as reported.</summary>
    public required IReadOnlyList<ConfusionRow> Confusion { get; init; }
    /// <summary>Suspensions of brigaded innocents, petition targets and noise targets.</summary>
    public required int WrongfulSuspensions { get; init; }
    public required IReadOnlyList<KeyValuePair<string, int>> WrongfulSuspensionsByLabel { get; init; }
    /// <summary>Share of noise targets left with no action.</summary>
    public required double NoiseLeftAlone { get; init; }
    /// <summary>Share of abusive accounts suspended or sent to high-priority review.</summary>
    public required double AbusiveActioned { get; init; }
    /// <summary>Reported targets in the truth with no row in decisions.csv (counted as none).</summary>
    public required int MissingDecisions { get; init; }
}

public static class ModerationEvaluator
{
    /// <summary>Maps a decision and priority to its column; null when the decision is not none|review|suspend.</summary>
    public static DecisionColumn? Column(string decision, string? priority) => decision.Trim().ToLowerInvariant() switch
    {
        "none" or "" => DecisionColumn.None,
        "suspend" => DecisionColumn.Suspend,
        "review" => (priority ?? "").Trim().ToLowerInvariant() switch
        {
            "high" => DecisionColumn.ReviewHigh,
            "low" => DecisionColumn.ReviewLow,
            _ => DecisionColumn.ReviewNormal,
        },
        _ => null,
    };

    public static ModerationEvaluation Evaluate(GroundTruth truth, IEnumerable<ModerationDecision> decisions)
    {
        var columns = Enum.GetValues<DecisionColumn>().Length;
        var decided = new Dictionary<string, DecisionColumn>(StringComparer.Ordinal);
        foreach (var d in decisions)
        {
            decided[d.TargetId] = Column(d.Decision, d.Priority)
                ?? throw new ArgumentException($"unknown decision '{d.Decision}' for {d.TargetId}", nameof(decisions));
        }
        var labels = Enum.GetValues<ReportLabel>();
        var table = labels.ToDictionary(l => l, _ => new int[columns]);
        var labelled = new HashSet<string>(StringComparer.Ordinal);
        var missing = 0;
        foreach (var r in truth.Reported)
        {
            labelled.Add(r.TargetId);
            if (!decided.TryGetValue(r.TargetId, out var column))
            {
                missing++;
                column = DecisionColumn.None;
            }
            table[r.Label][(int)column]++;
        }
        var unlabeled = new int[columns];
        foreach (var (id, column) in decided)
        {
            if (!labelled.Contains(id))
            {
                unlabeled[(int)column]++;
            }
        }
        var rows = labels.Select(l => new ConfusionRow(l.Name(), table[l])).ToList();
        rows.Add(new ConfusionRow("unlabeled", unlabeled));

        var wrongful = new[] { ReportLabel.BrigadedInnocent, ReportLabel.PetitionTarget, ReportLabel.Noise }
            .Select(l => new KeyValuePair<string, int>(l.Name(), table[l][(int)DecisionColumn.Suspend])).ToList();
        var noise = table[ReportLabel.Noise];
        var abusive = table[ReportLabel.Abusive];
        return new ModerationEvaluation
        {
            Confusion = rows,
            WrongfulSuspensions = wrongful.Sum(w => w.Value),
            WrongfulSuspensionsByLabel = wrongful,
            NoiseLeftAlone = Share(noise[(int)DecisionColumn.None], noise.Sum()),
            AbusiveActioned = Share(abusive[(int)DecisionColumn.Suspend] + abusive[(int)DecisionColumn.ReviewHigh], abusive.Sum()),
            MissingDecisions = missing,
        };
    }

    private static double Share(int part, int total) => total == 0 ? 0 : (double)part / total;
}
