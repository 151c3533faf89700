using System.Text.Json;
using Tansiq.Core.Model;
using static Tansiq.IO.Readers.TwitterV2Reader;

namespace Tansiq.IO.Readers;

/// <summary>
/// Bluesky's Jetstream JSON lines: <c>{"did", "time_us", "kind": "commit", "commit": {"operation", "collection",
/// "rkey", "record"}}</c>. Created posts (<c>app.bsky.feed.post</c>: originals, replies, quotes) and reposts
/// (<c>app.bsky.feed.repost</c>) become messages, named by their <c>at://did/collection/rkey</c> URI; accounts are
/// <c>did:</c> ids. Likes, follows, deletions, identity and account events are not posts and are passed over.
/// </summary>
internal static class BlueskyJetstreamReader
{
    private const string Post = "app.bsky.feed.post";
    private const string Repost = "app.bsky.feed.repost";

    /// <summary>True when a JSON object's top-level names are a Jetstream event's.</summary>
    public static bool Matches(IReadOnlySet<string> names) => names.Contains("did") && names.Contains("kind");

    public static IEnumerable<Message> Read(string path, ReadOptions options) => JsonLines.ReadMessages(path, options, Map);

    internal static Message? Map(JsonElement e, ReadOptions options, out string? reason)
    {
        reason = null;
        if (e.ValueKind != JsonValueKind.Object)
        {
            reason = $"expected a JSON object (a Jetstream event), found {Kind(e.ValueKind)}";
            return null;
        }
        if (Str(e, "kind") != "commit" || !e.TryGetProperty("commit", out var commit) || commit.ValueKind != JsonValueKind.Object
            || Str(commit, "operation") != "create")
        {
            return null;
        }
        var collection = Str(commit, "collection");
        if (collection is not (Post or Repost))
        {
            return null;
        }
        var did = Str(e, "did");
        var rkey = Str(commit, "rkey");
        if (did is null || rkey is null)
        {
            reason = "a commit without \"did\" or \"commit.rkey\"";
            return null;
        }
        var uri = $"at://{did}/{collection}/{rkey}";
        if (!commit.TryGetProperty("record", out var record) || record.ValueKind != JsonValueKind.Object)
        {
            reason = $"{uri}: no \"record\"";
            return null;
        }
        double timestamp;
        if (Str(record, "createdAt") is { } createdAt)
        {
            if (!Timestamps.TryParse(createdAt, out timestamp, out var error))
            {
                reason = $"{uri}: createdAt: {error}";
                return null;
            }
        }
        else if (e.TryGetProperty("time_us", out var micros) && micros.TryGetInt64(out var us))
        {
            timestamp = us / 1e6;
        }
        else
        {
            reason = $"{uri}: neither record.createdAt nor time_us";
            return null;
        }
        if (collection == Repost)
        {
            var subject = record.TryGetProperty("subject", out var s) && s.ValueKind == JsonValueKind.Object ? Str(s, "uri") : null;
            return new Message { MessageId = uri, AccountId = did, RepostOf = subject ?? "", Timestamp = timestamp, Platform = "bluesky" };
        }
        var text = Str(record, "text") ?? "";
        var hashtags = new List<string>();
        var urls = new List<string>();
        var mentions = new List<string>();
        if (record.TryGetProperty("facets", out var facets) && facets.ValueKind == JsonValueKind.Array)
        {
            foreach (var facet in facets.EnumerateArray())
            {
                if (facet.ValueKind != JsonValueKind.Object || !facet.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }
                foreach (var feature in features.EnumerateArray())
                {
                    switch (Str(feature, "$type"))
                    {
                        case "app.bsky.richtext.facet#tag" when Str(feature, "tag") is { } tag:
                            hashtags.Add(tag);
                            break;
                        case "app.bsky.richtext.facet#link" when Str(feature, "uri") is { } link:
                            urls.Add(link);
                            break;
                        case "app.bsky.richtext.facet#mention" when Str(feature, "did") is { } mentioned:
                            mentions.Add(mentioned);
                            break;
                    }
                }
            }
        }
        string? replyTo = null;
        if (record.TryGetProperty("reply", out var reply) && reply.ValueKind == JsonValueKind.Object
            && reply.TryGetProperty("parent", out var parent) && parent.ValueKind == JsonValueKind.Object)
        {
            replyTo = Str(parent, "uri");
        }
        string? lang = null;
        if (record.TryGetProperty("langs", out var langs) && langs.ValueKind == JsonValueKind.Array && langs.GetArrayLength() > 0
            && langs[0].ValueKind == JsonValueKind.String)
        {
            lang = langs[0].GetString();
        }
        // A quote (embed of a record) adds its own text: an original post, as quote tweets are.
        return new Message
        {
            MessageId = uri,
            AccountId = did,
            ReplyTo = replyTo,
            Text = options.KeepText ? text : "",
            Timestamp = timestamp,
            Urls = urls,
            Hashtags = hashtags.Count > 0 || !options.ExtractHashtags ? hashtags : TextEntities.Hashtags(text),
            Mentions = mentions,
            Lang = lang,
            Platform = "bluesky",
        };
    }
}
