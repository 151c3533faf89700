using Tansiq.Core.Model;

namespace Tansiq.Core.Detection;

/// <summary>What an accounts file adds to a detection: usernames, and whether a cluster's members were created in batches.</summary>
public static class AccountEvidence
{
    public static DetectionResult WithProfiles(DetectionResult result, IReadOnlyDictionary<string, AccountProfile> profiles)
    {
        var accounts = result.Accounts
            .Select(a => a.Username is null && profiles.TryGetValue(a.AccountId, out var p) && p.Username is not null ? a with { Username = p.Username } : a)
            .ToList();
        var clusters = result.Clusters.Select(c => c with { Evidence = [.. c.Evidence, .. CreationEvidence(c, profiles)] }).ToList();
        return result with { Accounts = accounts, Clusters = clusters };
    }

    /// <summary>
    /// The share of members created inside the busiest 7-day span. Fake accounts are made in batches; a real
    /// crowd's accounts are spread over years.
    /// </summary>
    private static IEnumerable<EvidenceItem> CreationEvidence(ClusterResult cluster, IReadOnlyDictionary<string, AccountProfile> profiles)
    {
        var created = cluster.Members
            .Select(m => profiles.TryGetValue(m, out var p) ? p.CreatedAt : null)
            .Where(t => t is not null)
            .Select(t => t!.Value)
            .Order()
            .ToList();
        if (created.Count < 2)
        {
            yield break;
        }
        const long week = 7 * 86400;
        var best = 0;
        var lo = 0;
        for (var hi = 0; hi < created.Count; hi++)
        {
            while (created[hi] - created[lo] > week)
            {
                lo++;
            }
            best = Math.Max(best, hi - lo + 1);
        }
        var share = (double)best / created.Count;
        yield return new EvidenceItem("created_within_one_week_share", Math.Round(share, 4),
            $"{best} of the {created.Count} members with a known creation date were created within one 7-day span ({share:P0}): accounts made in a batch.");
    }
}
