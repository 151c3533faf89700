using Tansiq.Core.Simulation;

namespace Tansiq.Core.Evaluation;

/// <summary>One row of a detector's accounts.csv: flagged when it has a cluster.</summary>
public sealed record DetectedAccount(string AccountId, string? ClusterId, double Score)
{
    public bool Flagged => !string.IsNullOrEmpty(ClusterId);
}

public sealed record SquadRecall(string Squad, int Members, int Flagged)
{
    public double Recall => Members == 0 ? 0 : (double)Flagged / Members;
}

public sealed record GroupShare(int Accounts, int Flagged)
{
    public double Share => Accounts == 0 ? 0 : (double)Flagged / Accounts;
}

/// <summary>How a detector's flagged accounts compare with the army of a simulated world.</summary>
public sealed record DetectionEvaluation
{
    public required int Positives { get; init; }
    public required int Flagged { get; init; }
    public required int TruePositives { get; init; }
    public required int FalsePositives { get; init; }
    public required int FalseNegatives { get; init; }
    public double Precision => Flagged - ExcludedFlagged == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => Positives == 0 ? 0 : (double)TruePositives / Positives;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    /// <summary>Flagged accounts outside the scoring (the commander), counted neither right nor wrong.</summary>
    public required int ExcludedFlagged { get; init; }
    /// <summary>Flagged accounts the truth does not know (not in the simulated world); counted as false positives.</summary>
    public required int UnknownFlagged { get; init; }
    public required GroupShare Fans { get; init; }
    public required GroupShare FastFans { get; init; }
    public required GroupShare FriendGroupMembers { get; init; }
    /// <summary>Organic accounts outside friend groups.</summary>
    public required GroupShare OtherOrganic { get; init; }
    /// <summary>Flagged accounts by role (every role, in the order of <see cref="AccountRole"/>).</summary>
    public required IReadOnlyList<KeyValuePair<string, GroupShare>> ByRole { get; init; }
    public required IReadOnlyList<SquadRecall> Squads { get; init; }
    /// <summary>Adjusted Rand index between detected clusters and squads over flagged ∪ positive accounts.</summary>
    public required double ClusterAri { get; init; }
}

/// <summary>
/// Scores detector output against a world's truth. Positives are the army's fake accounts (role army) and the
/// producers (role producer, squad "producers"): both are orchestrated accounts. The commander is excluded from
/// scoring (an official, public account: flagging it is neither a hit nor a false alarm). Everyone else is a negative.
/// </summary>
public static class DetectionEvaluator
{
    public static bool IsPositive(AccountRole role) => role is AccountRole.Army or AccountRole.Producer;

    public static bool IsExcluded(AccountRole role) => role is AccountRole.Commander;

    public static DetectionEvaluation Evaluate(GroundTruth truth, IEnumerable<DetectedAccount> detected)
    {
        var byId = new Dictionary<string, TruthAccount>(truth.Accounts.Count, StringComparer.Ordinal);
        foreach (var a in truth.Accounts)
        {
            byId[a.AccountId] = a;
        }
        var cluster = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var d in detected)
        {
            if (d.Flagged)
            {
                cluster[d.AccountId] = d.ClusterId!;
            }
        }
        int tp = 0, fp = 0, excluded = 0, unknown = 0;
        foreach (var id in cluster.Keys)
        {
            if (!byId.TryGetValue(id, out var a))
            {
                unknown++;
                fp++;
            }
            else if (IsExcluded(a.Role))
            {
                excluded++;
            }
            else if (IsPositive(a.Role))
            {
                tp++;
            }
            else
            {
                fp++;
            }
        }
        var positives = truth.Accounts.Count(a => IsPositive(a.Role));

        GroupShare Share(Func<TruthAccount, bool> member)
        {
            int n = 0, f = 0;
            foreach (var a in truth.Accounts)
            {
                if (member(a))
                {
                    n++;
                    f += cluster.ContainsKey(a.AccountId) ? 1 : 0;
                }
            }
            return new GroupShare(n, f);
        }

        var squads = truth.Accounts.Where(a => IsPositive(a.Role))
            .GroupBy(a => a.Squad ?? "(none)", StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SquadRecall(g.Key, g.Count(), g.Count(a => cluster.ContainsKey(a.AccountId))))
            .ToList();

        // ARI over flagged ∪ positives; an unflagged account is its own singleton, and so is a non-positive in the truth
        var universe = new List<string>();
        foreach (var a in truth.Accounts)
        {
            if (!IsExcluded(a.Role) && (IsPositive(a.Role) || cluster.ContainsKey(a.AccountId)))
            {
                universe.Add(a.AccountId);
            }
        }
        foreach (var id in cluster.Keys.Where(id => !byId.ContainsKey(id)).Order(StringComparer.Ordinal))
        {
            universe.Add(id);
        }
        var detectedLabels = universe.Select(id => cluster.TryGetValue(id, out var c) ? "c:" + c : "u:" + id).ToList();
        var truthLabels = universe.Select(id => byId.TryGetValue(id, out var a) && IsPositive(a.Role) ? "s:" + (a.Squad ?? "") : "u:" + id).ToList();

        return new DetectionEvaluation
        {
            Positives = positives,
            Flagged = cluster.Count,
            TruePositives = tp,
            FalsePositives = fp,
            FalseNegatives = positives - tp,
            ExcludedFlagged = excluded,
            UnknownFlagged = unknown,
            Fans = Share(a => a.Role == AccountRole.Fan),
            FastFans = Share(a => a.Role == AccountRole.Fan && a.FastFan),
            FriendGroupMembers = Share(a => a.FriendGroup is not null),
            OtherOrganic = Share(a => a.Role == AccountRole.Organic && a.FriendGroup is null),
            ByRole = Enum.GetValues<AccountRole>().Select(r => new KeyValuePair<string, GroupShare>(r.Name(), Share(a => a.Role == r))).ToList(),
            Squads = squads,
            ClusterAri = AdjustedRandIndex.Compute(detectedLabels, truthLabels),
        };
    }
}
