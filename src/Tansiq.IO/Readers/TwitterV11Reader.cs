using System.Text.Json;
using Tansiq.Core.Model;
using static Tansiq.IO.Readers.TwitterV2Reader;

namespace Tansiq.IO.Readers;

/// <summary>
/// Twitter API v1.1 JSON lines: one status per line as the v1.1 REST and streaming APIs (and twarc 1, tweepy) wrote
/// them: <c>id_str</c>, <c>created_at</c> (<c>Thu Jan 21 10:00:00 +0000 2021</c>), <c>user</c> {<c>id_str</c>,
/// <c>screen_name</c>}, <c>retweeted_status</c>, <c>in_reply_to_status_id_str</c>, <c>full_text</c> or <c>text</c> (or
/// <c>extended_tweet.full_text</c>), <c>entities</c> {<c>urls[].expanded_url</c>, <c>hashtags[].text</c>,
/// <c>user_mentions[].screen_name</c>}, <c>lang</c>. Streaming notices (<c>delete</c>, <c>limit</c>,
/// <c>scrub_geo</c>...) carry no status and are passed over.
/// </summary>
internal static class TwitterV11Reader
{
    public static IEnumerable<Message> Read(string path, ReadOptions options) => JsonLines.ReadMessages(path, options, MapLine);

    private static Message? MapLine(JsonElement root, ReadOptions options, out string? reason)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            reason = $"expected a JSON object (a v1.1 status), found {Kind(root.ValueKind)}";
            return null;
        }
        if (!root.TryGetProperty("created_at", out _) && !root.TryGetProperty("id_str", out _) && !root.TryGetProperty("id", out _))
        {
            // A streaming notice such as {"delete": ...} or {"limit": ...}: nothing to read.
            reason = null;
            return null;
        }
        return Map(root, options, out reason);
    }

    internal static Message? Map(JsonElement status, ReadOptions options, out string? reason)
    {
        var id = Id(status, "id_str") ?? Id(status, "id");
        if (id is null)
        {
            reason = "status has no \"id_str\"";
            return null;
        }
        if (!status.TryGetProperty("user", out var user) || user.ValueKind != JsonValueKind.Object)
        {
            reason = $"status {id} has no \"user\" object";
            return null;
        }
        var accountId = Id(user, "id_str") ?? Id(user, "id");
        if (accountId is null)
        {
            reason = $"status {id}: its user has no \"id_str\"";
            return null;
        }
        var createdAt = Str(status, "created_at");
        if (createdAt is null)
        {
            reason = $"status {id} has no \"created_at\"";
            return null;
        }
        if (!Timestamps.TryParse(createdAt, out var timestamp, out var timeError))
        {
            reason = $"status {id}: created_at: {timeError}";
            return null;
        }
        string? repostOf = null;
        if (status.TryGetProperty("retweeted_status", out var original) && original.ValueKind == JsonValueKind.Object)
        {
            repostOf = Id(original, "id_str") ?? Id(original, "id") ?? "";
        }
        var hasExtended = status.TryGetProperty("extended_tweet", out var extended) && extended.ValueKind == JsonValueKind.Object;
        var text = (hasExtended ? Str(extended, "full_text") : null) ?? Str(status, "full_text") ?? Str(status, "text") ?? "";
        var hasEntities = (hasExtended && extended.TryGetProperty("entities", out var entities) && entities.ValueKind == JsonValueKind.Object)
            || (status.TryGetProperty("entities", out entities) && entities.ValueKind == JsonValueKind.Object);
        reason = null;
        return new Message
        {
            MessageId = id,
            AccountId = accountId,
            Username = Str(user, "screen_name"),
            RepostOf = repostOf,
            ReplyTo = Id(status, "in_reply_to_status_id_str") ?? Id(status, "in_reply_to_status_id"),
            Text = options.KeepText ? text : "",
            Timestamp = timestamp,
            Urls = hasEntities ? Entities(entities, "urls", "expanded_url", "url") : [],
            Hashtags = hasEntities ? Entities(entities, "hashtags", "text", null) : options.ExtractHashtags ? TextEntities.Hashtags(text) : [],
            Mentions = hasEntities ? Entities(entities, "user_mentions", "screen_name", null) : options.ExtractMentions ? TextEntities.Mentions(text) : [],
            Lang = Str(status, "lang"),
            Platform = "twitter",
        };
    }
}
