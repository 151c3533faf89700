using System.Text;
using System.Text.Json;
using Tansiq.Core.Model;
using Tansiq.Core.Signals;

namespace Tansiq.IO.Readers;

/// <summary>
/// Telegram Desktop's JSON export (<c>result.json</c>): one chat or channel (<c>{"name", "type", "id", "messages": [...]}</c>)
/// or the whole account (<c>{"chats": {"list": [chat, ...]}, "left_chats": {...}, ...}</c>). The file is one JSON
/// document, often gigabytes, so it is streamed with <see cref="Utf8JsonReader"/>: only one message object is held
/// at a time. Every array named "messages" is read; its chat is the object that holds it (its <c>id</c> and
/// <c>name</c>, which the export writes before the messages).
/// </summary>
internal static class TelegramReader
{
    private const int InitialBuffer = 1 << 16;
    private const int MaxMessageBytes = 1 << 28;

    /// <summary>True when a JSON object's top-level names are a Telegram export's.</summary>
    public static bool Matches(IReadOnlySet<string> names) =>
        names.Contains("messages") || names.Contains("chats") || names.Contains("left_chats")
        || (names.Contains("personal_information") && names.Contains("about"));

    private sealed class Frame
    {
        public bool IsArray;
        public bool IsMessages;
        public string? Property;
        public string? Id;
        public string? Name;
    }

    public static IEnumerable<Message> Read(string path, ReadOptions options)
    {
        using var stream = InputFiles.Open(path);
        var buffer = new byte[InitialBuffer];
        int start = 0, end = 0;
        var eof = false;
        var state = new JsonReaderState(new JsonReaderOptions { MaxDepth = 256 });
        var stack = new List<Frame>();
        var pending = new List<(Message? Message, string? Reason, long Line)>();
        long lineBase = 1; // line number of buffer[start]
        var sawMessages = false;
        var sawRoot = false;
        while (true)
        {
            if (!eof && (end - start) < buffer.Length / 2)
            {
                if (start > 0)
                {
                    lineBase += CountLines(buffer.AsSpan(0, start));
                    buffer.AsSpan(start, end - start).CopyTo(buffer);
                    end -= start;
                    start = 0;
                }
                try
                {
                    var read = stream.Read(buffer, end, buffer.Length - end);
                    eof = read == 0;
                    end += read;
                }
                catch (Exception e) when (InputFiles.IsReadFailure(e))
                {
                    throw InputFiles.ReadFailure(path, lineBase, e);
                }
            }
            var consumed = Step(path, buffer.AsSpan(start, end - start), eof, ref state, stack, pending, lineBase, options, ref sawMessages, ref sawRoot);
            if (consumed == 0 && pending.Count == 0)
            {
                if (eof)
                {
                    if (!sawRoot)
                    {
                        throw new InputException(path, 0, "empty file: no JSON");
                    }
                    if (stack.Count > 0)
                    {
                        throw new InputException(path, lineBase, "the JSON ends before its last object closes (a truncated export?)");
                    }
                    break;
                }
                if (end - start >= buffer.Length / 2)
                {
                    if (buffer.Length >= MaxMessageBytes)
                    {
                        throw new InputException(path, lineBase, $"one message of the export is larger than {MaxMessageBytes >> 20} MiB");
                    }
                    var bigger = new byte[buffer.Length * 2];
                    buffer.AsSpan(start, end - start).CopyTo(bigger);
                    lineBase += CountLines(buffer.AsSpan(0, start));
                    end -= start;
                    start = 0;
                    buffer = bigger;
                }
                continue;
            }
            // Lines are counted only up to where the messages were found, for error messages.
            foreach (var (message, reason, line) in pending)
            {
                if (message is not null)
                {
                    yield return message;
                }
                else
                {
                    options.Reject(path, line, reason!);
                }
            }
            pending.Clear();
            start += consumed;
        }
        if (!sawMessages)
        {
            throw new InputException(path, 1, "a JSON document without a \"messages\" array: not a Telegram Desktop export (for JSON lines the first line must be a whole object)");
        }
    }

    /// <summary>Reads tokens from <paramref name="data"/> until it runs out of whole tokens (or whole messages); returns the
    /// bytes consumed. Messages found go to <paramref name="pending"/>.</summary>
    private static int Step(string path, ReadOnlySpan<byte> data, bool final, ref JsonReaderState state, List<Frame> stack,
        List<(Message?, string?, long)> pending, long lineBase, ReadOptions options, ref bool sawMessages, ref bool sawRoot)
    {
        var reader = new Utf8JsonReader(data, final, state);
        var consumed = 0;
        var countedTo = 0;
        var countedLine = lineBase;
        try
        {
            while (true)
            {
                var checkpoint = reader;
                if (!reader.Read())
                {
                    break;
                }
                sawRoot = true;
                var top = stack.Count > 0 ? stack[^1] : null;
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject when top is { IsMessages: true }:
                        var probe = checkpoint;
                        probe.Read();
                        if (!probe.TrySkip())
                        {
                            reader = checkpoint;
                            goto done;
                        }
                        countedLine += CountLines(data[countedTo..(int)reader.TokenStartIndex]);
                        countedTo = (int)reader.TokenStartIndex;
                        var line = countedLine;
                        using (var document = JsonDocument.ParseValue(ref reader))
                        {
                            var chat = stack.Count >= 2 ? stack[^2] : null;
                            var message = Map(document.RootElement, chat?.Id ?? "", chat?.Name, options, out var reason);
                            if (message is not null || reason is not null)
                            {
                                pending.Add((message, reason, line));
                            }
                        }
                        break;
                    case JsonTokenType.StartObject:
                        stack.Add(new Frame());
                        break;
                    case JsonTokenType.StartArray:
                        var isMessages = top is { IsArray: false, Property: "messages" };
                        sawMessages |= isMessages;
                        stack.Add(new Frame { IsArray = true, IsMessages = isMessages });
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        stack.RemoveAt(stack.Count - 1);
                        break;
                    case JsonTokenType.PropertyName when top is not null:
                        top.Property = reader.GetString();
                        break;
                    case JsonTokenType.String or JsonTokenType.Number when top is { IsArray: false }:
                        if (top.Property == "id")
                        {
                            top.Id = reader.TokenType == JsonTokenType.String ? reader.GetString() : Encoding.UTF8.GetString(reader.ValueSpan);
                        }
                        else if (top.Property == "name" && reader.TokenType == JsonTokenType.String)
                        {
                            top.Name = reader.GetString();
                        }
                        break;
                }
                consumed = (int)reader.BytesConsumed;
                state = reader.CurrentState;
            }
        done:
            consumed = (int)reader.BytesConsumed;
            state = reader.CurrentState;
            return consumed;
        }
        catch (JsonException e)
        {
            throw new InputException(path, lineBase + (e.LineNumber ?? 0), $"bad JSON: {TwitterV2Reader.JsonError(e)}");
        }
    }

    private static long CountLines(ReadOnlySpan<byte> bytes) => bytes.Count((byte)'\n');

    /// <summary>One message object of the export; service messages (joins, pins, calls) are not posts and give null
    /// with no reason.</summary>
    internal static Message? Map(JsonElement m, string chatId, string? chatName, ReadOptions options, out string? reason)
    {
        reason = null;
        if (m.ValueKind != JsonValueKind.Object)
        {
            reason = $"a message must be an object, found {TwitterV2Reader.Kind(m.ValueKind)}";
            return null;
        }
        if (TwitterV2Reader.Str(m, "type") is { } type && type != "message")
        {
            return null;
        }
        var id = TwitterV2Reader.Id(m, "id");
        if (id is null)
        {
            reason = $"a message in chat {chatName ?? chatId} has no \"id\"";
            return null;
        }
        // Channel posts are signed by the channel: its from_id is "channel<id>"; older exports may omit it.
        var from = TwitterV2Reader.Str(m, "from_id") ?? (chatId.Length > 0 ? "channel" + chatId : null);
        if (from is null)
        {
            reason = $"message {id} has no \"from_id\"";
            return null;
        }
        double timestamp;
        string? timeError;
        if (TwitterV2Reader.Id(m, "date_unixtime") is { } unix)
        {
            if (!Timestamps.TryParse(unix, out timestamp, out timeError))
            {
                reason = $"message {id}: date_unixtime: {timeError}";
                return null;
            }
        }
        else if (TwitterV2Reader.Str(m, "date") is { } date)
        {
            // Without date_unixtime (exports before 2021), "date" is the exporting computer's local time: read as UTC.
            if (!Timestamps.TryParse(date, out timestamp, out timeError))
            {
                reason = $"message {id}: date: {timeError}";
                return null;
            }
        }
        else
        {
            reason = $"message {id} has neither \"date_unixtime\" nor \"date\"";
            return null;
        }
        var (text, hashtags, urls, mentions) = Text(m);
        string? forward = null;
        if (TwitterV2Reader.Str(m, "forwarded_from") is { } source)
        {
            // The export does not give the original's id: the original is named by its source and its content.
            var content = text.Length > 0 ? ToolkitText.Normalise(text)
                : TwitterV2Reader.Str(m, "file") ?? TwitterV2Reader.Str(m, "photo") ?? TwitterV2Reader.Str(m, "media_type") ?? "";
            forward = $"{source}\u001F{content}";
        }
        var prefix = chatId.Length > 0 ? chatId + "/" : "";
        return new Message
        {
            MessageId = prefix + id,
            AccountId = from,
            Username = TwitterV2Reader.Str(m, "from"),
            ReplyTo = TwitterV2Reader.Id(m, "reply_to_message_id") is { } reply ? prefix + reply : null,
            Text = options.KeepText ? text : "",
            Timestamp = timestamp,
            Urls = urls,
            Hashtags = hashtags.Count > 0 || !options.ExtractHashtags ? hashtags : [],
            Mentions = mentions,
            ForwardOf = forward,
            Platform = "telegram",
        };
    }

    /// <summary>"text_entities", else "text": a string, or a list of strings and entity objects (<c>{"type": "hashtag", "text": "#x"}</c>,
    /// <c>{"type": "text_link", "text": "here", "href": "https://..."}</c>); the entities give hashtags, links and mentions.</summary>
    private static (string Text, List<string> Hashtags, List<string> Urls, List<string> Mentions) Text(JsonElement m)
    {
        var hashtags = new List<string>();
        var urls = new List<string>();
        var mentions = new List<string>();
        // Newer exports add "text_entities" (always a list) beside "text" (a string when the text has no entities).
        if (!(m.TryGetProperty("text_entities", out var text) && text.ValueKind == JsonValueKind.Array && text.GetArrayLength() > 0)
            && !m.TryGetProperty("text", out text))
        {
            return ("", hashtags, urls, mentions);
        }
        if (text.ValueKind == JsonValueKind.String)
        {
            var s = text.GetString() ?? "";
            return (s, [.. TextEntities.Hashtags(s)], urls, [.. TextEntities.Mentions(s)]);
        }
        if (text.ValueKind != JsonValueKind.Array)
        {
            return ("", hashtags, urls, mentions);
        }
        var b = new StringBuilder();
        foreach (var part in text.EnumerateArray())
        {
            if (part.ValueKind == JsonValueKind.String)
            {
                b.Append(part.GetString());
                continue;
            }
            if (part.ValueKind != JsonValueKind.Object)
            {
                continue;
            }
            var piece = TwitterV2Reader.Str(part, "text") ?? "";
            b.Append(piece);
            switch (TwitterV2Reader.Str(part, "type"))
            {
                case "hashtag":
                    hashtags.Add(piece.TrimStart('#'));
                    break;
                case "link":
                    urls.Add(piece);
                    break;
                case "text_link" when TwitterV2Reader.Str(part, "href") is { } href:
                    urls.Add(href);
                    break;
                case "mention":
                    mentions.Add(piece.TrimStart('@'));
                    break;
            }
        }
        return (b.ToString(), hashtags, urls, mentions);
    }
}
