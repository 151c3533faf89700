using Tansiq.Core.Detection;
using Tansiq.Core.Model;

namespace Tansiq.IO.Output;

/// <summary>
/// Shows shared objects with what they are: the text and author of a re-shared or replied-to post (whose key is only a
/// post id), and the author's username. The detector keeps no texts (memory), so once the clusters are known the inputs
/// are read once more and only the few posts named by shared objects are kept.
/// </summary>
public static class SharedObjectTexts
{
    /// <summary>The result with the texts and authors of its co-repost and co-reply objects filled in where the inputs
    /// hold those posts, and the usernames of the authors of all shared objects (account id → username).</summary>
    public static (DetectionResult Result, IReadOnlyDictionary<string, string> AuthorUsernames) Fill(DetectionResult result, IEnumerable<IEnumerable<Message>> sources)
    {
        var objects = result.Clusters.SelectMany(c => c.SharedObjects).ToList();
        var wanted = objects.Where(o => o.Signal is SignalKind.CoRepost or SignalKind.CoReply && (o.Text is null || o.Author is null))
            .Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
        var authors = objects.Select(o => o.Author).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var usernames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var account in result.Accounts)
        {
            if (authors.Contains(account.AccountId) && !string.IsNullOrEmpty(account.Username))
            {
                usernames.TryAdd(account.AccountId, account.Username);
            }
        }
        if (wanted.Count == 0 && usernames.Count == authors.Count)
        {
            return (result, usernames);
        }
        var found = new Dictionary<string, (string Text, string Account, string? Lang)>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            foreach (var m in source)
            {
                if (wanted.Contains(m.MessageId) && !m.IsRepost)
                {
                    found.TryAdd(m.MessageId, (m.Text, m.AccountId, m.Lang));
                    authors.Add(m.AccountId);
                }
                if (m.Username is { Length: > 0 } name && authors.Contains(m.AccountId))
                {
                    usernames.TryAdd(m.AccountId, name);
                }
            }
        }
        if (found.Count == 0)
        {
            return (result, usernames);
        }
        var clusters = result.Clusters.Select(c => c with
        {
            SharedObjects = [.. c.SharedObjects.Select(o => o.Signal is SignalKind.CoRepost or SignalKind.CoReply && found.TryGetValue(o.Key, out var post)
                ? o with { Text = o.Text ?? (post.Text.Length > 0 ? post.Text : null), Author = o.Author ?? post.Account, Lang = o.Lang ?? post.Lang }
                : o)],
        }).ToList();
        // Usernames of authors learned on the way (an original's author may post nothing else).
        return (result with { Clusters = clusters }, usernames);
    }
}
