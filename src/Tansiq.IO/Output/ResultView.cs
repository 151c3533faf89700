using Tansiq.Core.Detection;

namespace Tansiq.IO.Output;

/// <summary>The orderings and look-ups every writer needs, computed once per result so all outputs agree.</summary>
internal sealed class ResultView
{
    public ResultView(DetectionResult result)
    {
        Result = result;
        AccountsById = new Dictionary<string, AccountResult>(result.Accounts.Count, StringComparer.Ordinal);
        foreach (var account in result.Accounts)
        {
            AccountsById.TryAdd(account.AccountId, account);
        }
        RankedClusters = RankClusters(result.Clusters);
        ClusterRank = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < RankedClusters.Count; i++)
        {
            ClusterRank.TryAdd(RankedClusters[i].ClusterId, i + 1);
        }
    }

    public DetectionResult Result { get; }

    public Dictionary<string, AccountResult> AccountsById { get; }

    /// <summary>Strongest first: score, then size, then id, so equal scores still give one stable order.</summary>
    public IReadOnlyList<ClusterResult> RankedClusters { get; }

    /// <summary>1-based rank of each cluster id in <see cref="RankedClusters"/>.</summary>
    public Dictionary<string, int> ClusterRank { get; }

    public string? Username(string accountId) =>
        AccountsById.TryGetValue(accountId, out var a) && !string.IsNullOrEmpty(a.Username) ? a.Username : null;

    public static IReadOnlyList<ClusterResult> RankClusters(IEnumerable<ClusterResult> clusters) =>
        clusters
            .OrderByDescending(c => OutputText.ClampScore(c.Score))
            .ThenByDescending(c => c.Size)
            .ThenBy(c => c.ClusterId, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// accounts.csv order: accounts in clusters first, grouped by cluster rank and strongest first inside a cluster;
    /// then the unclustered, strongest first; ties by account id.
    /// </summary>
    public IReadOnlyList<AccountResult> OrderedAccounts() =>
        Result.Accounts
            .OrderBy(a => a.ClusterId is null ? 1 : 0)
            .ThenBy(a => a.ClusterId is null ? 0 : ClusterRank.GetValueOrDefault(a.ClusterId, int.MaxValue))
            .ThenBy(a => a.ClusterId, StringComparer.Ordinal)
            .ThenByDescending(a => OutputText.ClampScore(a.Score))
            .ThenBy(a => a.AccountId, StringComparer.Ordinal)
            .ToList();

    /// <summary>The members of a cluster, strongest first (the order the report and clusters.json list them).</summary>
    public IReadOnlyList<string> OrderedMembers(ClusterResult cluster) =>
        cluster.Members
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(id => AccountsById.TryGetValue(id, out var a) ? OutputText.ClampScore(a.Score) : -1)
            .ThenBy(id => id, StringComparer.Ordinal)
            .ToList();
}
