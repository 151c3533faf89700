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

/// <summary>Recall of the positives of one coordinated behaviour (<see cref="Behaviours"/>).</summary>
public sealed record BehaviourRecall(string Behaviour, int Members, int Flagged)
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
    /// <summary>Recall per coordinated behaviour (scheduler squads, human squads, sockpuppets, relays, hashtag games,
    /// producers), in that order, for the behaviours present in the world.</summary>
    public required IReadOnlyList<BehaviourRecall> Behaviours { get; init; }
    /// <summary>Positives who are sleepers (quiet most of the period): how many were flagged.</summary>
    public required GroupShare Sleepers { get; init; }
    /// <summary>Publisher pages: coordinated but declared, excluded from precision and recall, reported here.</summary>
    public required GroupShare Publishers { get; init; }
    /// <summary>Every scored account of the world (commander and publishers left out: they are declared), and how many
    /// were flagged: in a world without an army, the false-positive rate.</summary>
    public required GroupShare AllAccounts { get; init; }
    /// <summary>Adjusted Rand index between detected clusters and squads over flagged ∪ positive accounts.</summary>
    public required double ClusterAri { get; init; }
}

/// <summary>
/// Scores detector output against a world's truth. Positives are the orchestrated accounts: the army (role army:
/// scheduler squads and human squads), the producers (role producer, squad "producers"), and the scenario roles
/// sockpuppet, relay and hashtag_gamer; each has a group id in truth's "squad". The commander and publisher pages are
/// excluded from scoring (public accounts that act for their owner openly: flagging them is neither a hit nor a false
/// alarm; publishers flagged are reported separately). Everyone else is a negative.
/// </summary>
public static class DetectionEvaluator
{
    public static bool IsPositive(AccountRole role) =>
        role is AccountRole.Army or AccountRole.Producer or AccountRole.Sockpuppet or AccountRole.Relay or AccountRole.HashtagGamer;

    public static bool IsExcluded(AccountRole role) => role is AccountRole.Commander or AccountRole.Publisher;

    /// <summary>The behaviours in the order reports list them.</summary>
    public static IReadOnlyList<string> BehaviourOrder { get; } =
        [Simulation.Behaviours.SchedulerSquad, Simulation.Behaviours.HumanSquad, Simulation.Behaviours.Sockpuppets,
            Simulation.Behaviours.Relay, Simulation.Behaviours.HashtagGame, Simulation.Behaviours.Producer];

    /// <summary>A positive's behaviour: truth's "behaviour", else the seed world's (scheduler squad, producer).</summary>
    public static string? BehaviourOf(TruthAccount a) => a.Behaviour ?? a.Role switch
    {
        AccountRole.Army => Simulation.Behaviours.SchedulerSquad,
        AccountRole.Producer => Simulation.Behaviours.Producer,
        _ => null,
    };

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
            Behaviours = BehaviourRecalls(truth, cluster),
            Sleepers = Share(a => IsPositive(a.Role) && a.Sleeper),
            Publishers = Share(a => a.Role == AccountRole.Publisher),
            AllAccounts = Share(a => !IsExcluded(a.Role)),
            ClusterAri = AdjustedRandIndex.Compute(detectedLabels, truthLabels),
        };
    }

    private static List<BehaviourRecall> BehaviourRecalls(GroundTruth truth, Dictionary<string, string> cluster)
    {
        var members = new Dictionary<string, (int Members, int Flagged)>(StringComparer.Ordinal);
        foreach (var a in truth.Accounts)
        {
            if (IsPositive(a.Role) && BehaviourOf(a) is { } kind)
            {
                members.TryGetValue(kind, out var c);
                members[kind] = (c.Members + 1, c.Flagged + (cluster.ContainsKey(a.AccountId) ? 1 : 0));
            }
        }
        var order = BehaviourOrder.Concat(members.Keys.Where(k => !BehaviourOrder.Contains(k)).Order(StringComparer.Ordinal));
        return order.Where(members.ContainsKey).Select(k => new BehaviourRecall(k, members[k].Members, members[k].Flagged)).ToList();
    }
}
