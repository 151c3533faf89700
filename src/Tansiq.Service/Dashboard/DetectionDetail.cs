using Tansiq.Application;
using Tansiq.Core.Detection;
using Tansiq.IO.Output;
using Tansiq.Storage;

namespace Tansiq.Service.Dashboard;

/// <summary>
/// One background detection run kept whole for the dashboard: clusters numbered as <c>GET /v1/clusters</c> numbers
/// them (1, 2, ...), the texts and authors of their shared objects filled in from the stored messages, and the
/// usernames the messages carry.
/// </summary>
internal sealed class DetectionDetail
{
    private DetectionDetail(DetectionResult result, IReadOnlyDictionary<string, string> usernames)
    {
        Result = result;
        Usernames = usernames;
        var clusterOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < result.Clusters.Count; i++)
        {
            foreach (var m in result.Clusters[i].Members)
            {
                clusterOf.TryAdd(m, i + 1);
            }
        }
        ClusterOf = clusterOf;
    }

    public DetectionResult Result { get; }

    /// <summary>Account id → username, from the messages.</summary>
    public IReadOnlyDictionary<string, string> Usernames { get; }

    /// <summary>Account id → the number of its cluster (as in <c>GET /v1/clusters</c>).</summary>
    public IReadOnlyDictionary<string, int> ClusterOf { get; }

    public static DetectionDetail From(DetectionResult result, IReadOnlyList<MessageRecord> messages)
    {
        var (filled, authors) = SharedObjectTexts.Fill(result, [messages.Select(MessageRecords.ToMessage)]);
        var usernames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, name) in authors)
        {
            usernames.TryAdd(id, name);
        }
        foreach (var a in filled.Accounts)
        {
            if (!string.IsNullOrEmpty(a.Username))
            {
                usernames.TryAdd(a.AccountId, a.Username);
            }
        }
        foreach (var m in messages)
        {
            if (!string.IsNullOrEmpty(m.Username))
            {
                usernames.TryAdd(m.AccountId, m.Username);
            }
        }
        return new DetectionDetail(filled, usernames);
    }
}
