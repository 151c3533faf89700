using System.Text.Json;
using System.Text.Unicode;
using Tansiq.Core.Model;

namespace Tansiq.IO.Readers;

/// <summary>
/// Twitter/X API v2 JSON lines as twarc2 writes them: each line a response page <c>{"data":[...],"includes":{...}}</c>;
/// also a line holding one tweet object, bare or in twarc's flattened form (with an "author" object).
/// Only the tweets in <c>data</c> become messages; <c>includes.tweets</c> are the posts they refer to, not collected posts.
/// </summary>
internal static class TwitterV2Reader
{
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 256 };

    public static IEnumerable<Message> Read(string path, ReadOptions options)
    {
        using var lines = new JsonLines(InputFiles.Open(path), path);
        var page = new List<Message>();
        var users = new Dictionary<string, string>(StringComparer.Ordinal);
        var sawContent = false;
        while (lines.TryRead(out var line))
        {
            if (line.Span.Trim(" \t\r"u8).IsEmpty)
            {
                continue;
            }
            sawContent = true;
            page.Clear();
            ReadLine(path, lines.LineNumber, line, page, users, options);
            foreach (var message in page)
            {
                yield return message;
            }
        }
        if (!sawContent)
        {
            throw new InputException(path, 0, "empty file: no JSON lines");
        }
    }

    private static void ReadLine(string path, long lineNumber, ReadOnlyMemory<byte> line, List<Message> page,
        Dictionary<string, string> users, ReadOptions options)
    {
        if (LineProblem(line.Span) is { } problem)
        {
            options.Reject(path, lineNumber, problem);
            return;
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line, JsonOptions);
        }
        catch (JsonException e)
        {
            options.Reject(path, lineNumber, $"bad JSON: {JsonError(e)}");
            return;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                options.Reject(path, lineNumber, $"expected a JSON object (a twarc2 response page or a tweet), found {Kind(root.ValueKind)}");
                return;
            }
            if (root.TryGetProperty("data", out var data))
            {
                users.Clear();
                if (root.TryGetProperty("includes", out var includes) && includes.ValueKind == JsonValueKind.Object
                    && includes.TryGetProperty("users", out var userList) && userList.ValueKind == JsonValueKind.Array)
                {
                    foreach (var user in userList.EnumerateArray())
                    {
                        if (Id(user, "id") is { } id && Str(user, "username") is { } username)
                        {
                            users[id] = username;
                        }
                    }
                }
                if (data.ValueKind == JsonValueKind.Array)
                {
                    var index = 0;
                    foreach (var tweet in data.EnumerateArray())
                    {
                        Add(path, lineNumber, $"data[{index}]: ", tweet, users, page, options);
                        index++;
                    }
                }
                else if (data.ValueKind == JsonValueKind.Object)
                {
                    Add(path, lineNumber, "data: ", data, users, page, options);
                }
                else
                {
                    options.Reject(path, lineNumber, $"\"data\" is {Kind(data.ValueKind)}, expected an array of tweets");
                }
                return;
            }
            if (root.TryGetProperty("id", out _))
            {
                users.Clear();
                Add(path, lineNumber, "", root, users, page, options);
                return;
            }
            if (root.TryGetProperty("errors", out _) || root.TryGetProperty("meta", out _))
            {
                // A page without results (only errors or meta): twarc2 writes these; nothing to read.
                return;
            }
            options.Reject(path, lineNumber, "neither a twarc2 response page (no \"data\") nor a tweet (no \"id\")");
        }
    }

    private static void Add(string path, long lineNumber, string where, JsonElement tweet, Dictionary<string, string> users,
        List<Message> page, ReadOptions options)
    {
        var message = Map(tweet, users, out var reason);
        if (message is null)
        {
            options.Reject(path, lineNumber, where + reason);
            return;
        }
        page.Add(message);
    }

    private static Message? Map(JsonElement tweet, Dictionary<string, string> users, out string? reason)
    {
        if (tweet.ValueKind != JsonValueKind.Object)
        {
            reason = $"a tweet must be an object, found {Kind(tweet.ValueKind)}";
            return null;
        }
        var id = Id(tweet, "id");
        if (id is null)
        {
            reason = "tweet has no \"id\"";
            return null;
        }
        var hasAuthor = tweet.TryGetProperty("author", out var author) && author.ValueKind == JsonValueKind.Object;
        var authorId = Id(tweet, "author_id") ?? (hasAuthor ? Id(author, "id") : null);
        if (authorId is null)
        {
            reason = $"tweet {id} has no \"author_id\"";
            return null;
        }
        var createdAt = Str(tweet, "created_at");
        if (createdAt is null)
        {
            reason = $"tweet {id} has no \"created_at\"";
            return null;
        }
        if (!Timestamps.TryParseIso(createdAt, out var timestamp))
        {
            reason = $"tweet {id}: created_at '{Timestamps.Clip(createdAt)}' is not an ISO-8601 date-time";
            return null;
        }
        string? username = null;
        if (!users.TryGetValue(authorId, out username) && hasAuthor)
        {
            username = Str(author, "username");
        }
        string? repostOf = null, replyTo = null;
        if (tweet.TryGetProperty("referenced_tweets", out var references) && references.ValueKind == JsonValueKind.Array)
        {
            foreach (var reference in references.EnumerateArray())
            {
                var type = Str(reference, "type");
                if (type == "retweeted")
                {
                    repostOf ??= Id(reference, "id");
                }
                else if (type == "replied_to")
                {
                    replyTo ??= Id(reference, "id");
                }
            }
        }
        // Posts longer than 280 characters carry their full text and entities in note_tweet.
        var hasNote = tweet.TryGetProperty("note_tweet", out var note) && note.ValueKind == JsonValueKind.Object;
        var text = (hasNote ? Str(note, "text") : null) ?? Str(tweet, "text") ?? "";
        var hasEntities = (hasNote && note.TryGetProperty("entities", out var entities) && entities.ValueKind == JsonValueKind.Object)
            || (tweet.TryGetProperty("entities", out entities) && entities.ValueKind == JsonValueKind.Object);
        reason = null;
        return new Message
        {
            MessageId = id,
            AccountId = authorId,
            Username = username,
            RepostOf = repostOf,
            ReplyTo = replyTo,
            Text = text,
            Timestamp = timestamp,
            Urls = hasEntities ? Entities(entities, "urls", "expanded_url", "url") : [],
            Hashtags = hasEntities ? Entities(entities, "hashtags", "tag", null) : TextEntities.Hashtags(text),
            Mentions = hasEntities ? Entities(entities, "mentions", "username", null) : TextEntities.Mentions(text),
            Lang = Str(tweet, "lang"),
            Platform = "twitter",
        };
    }

    internal static IReadOnlyList<string> Entities(JsonElement entities, string kind, string field, string? fallback)
    {
        if (!entities.TryGetProperty(kind, out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            return [];
        }
        var values = new List<string>(list.GetArrayLength());
        foreach (var entity in list.EnumerateArray())
        {
            var value = Str(entity, field) ?? (fallback is null ? null : Str(entity, fallback));
            if (!string.IsNullOrEmpty(value))
            {
                values.Add(value);
            }
        }
        return values;
    }

    internal static string? LineProblem(ReadOnlySpan<byte> line)
    {
        if (line.IndexOf((byte)0) >= 0)
        {
            return "NUL byte (binary data, not text)";
        }
        if (Utf8.IsValid(line))
        {
            return null;
        }
        var offset = 0;
        while (offset < line.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(line[offset..], out _, out var used) != System.Buffers.OperationStatus.Done)
            {
                return $"invalid UTF-8 (byte 0x{line[offset]:X2} at byte {offset + 1} of the line)";
            }
            offset += used;
        }
        return "invalid UTF-8";
    }

    internal static string JsonError(JsonException e)
    {
        // The parser's message ends with its own "LineNumber: 0 | BytePositionInLine: n." which misleads for JSON lines.
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut].TrimEnd(' ', '|', '.', '$').TrimEnd(' ', '|');
            var path = message.IndexOf(" Path:", StringComparison.Ordinal);
            if (path > 0)
            {
                message = message[..path].TrimEnd();
            }
        }
        return e.BytePositionInLine is { } position ? $"{message} (at byte {position + 1})" : message;
    }

    internal static string? Id(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() is { Length: > 0 } s ? s : null,
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }

    internal static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    internal static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => kind.ToString(),
    };
}
