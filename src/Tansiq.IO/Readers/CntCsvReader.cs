using Tansiq.Core.Model;

namespace Tansiq.IO.Readers;

/// <summary>
/// coordination-network-toolkit CSV: a header row (skipped, whatever it says) and eight columns by position:
/// message_id, user_id, username, repost_id, reply_id, message, timestamp (unix seconds), urls (space separated).
/// </summary>
internal static class CntCsvReader
{
    public const int Columns = 8;

    public static readonly string[] ColumnNames = ["message_id", "user_id", "username", "repost_id", "reply_id", "message", "timestamp", "urls"];

    public static IEnumerable<Message> Read(string path, ReadOptions options)
    {
        using var csv = CsvRecords.Open(path);
        if (!csv.MoveNext())
        {
            throw new InputException(path, 0, "empty file: no header row (cnt-csv needs the header message_id,user_id,username,repost_id,reply_id,message,timestamp,urls)");
        }
        if (csv.Problem is { } headerProblem)
        {
            throw new InputException(path, csv.Line, $"unreadable header: {headerProblem}");
        }
        if (csv.ColCount != Columns)
        {
            throw new InputException(path, csv.Line, $"header has {csv.ColCount} columns; cnt-csv has {Columns} ({string.Join(",", ColumnNames)})");
        }
        while (csv.MoveNext())
        {
            var message = Map(csv, options, out var reason);
            if (message is null)
            {
                options.Reject(path, csv.Line, reason!);
                continue;
            }
            yield return message;
        }
    }

    private static Message? Map(CsvRecords csv, ReadOptions options, out string? reason)
    {
        if (csv.Problem is { } problem)
        {
            reason = problem;
            return null;
        }
        if (csv.ColCount != Columns)
        {
            reason = $"expected {Columns} columns, found {csv.ColCount}";
            return null;
        }
        var messageId = csv.Field(0);
        if (messageId.IsEmpty)
        {
            reason = "empty message_id";
            return null;
        }
        var userId = csv.Field(1);
        if (userId.IsEmpty)
        {
            reason = "empty user_id";
            return null;
        }
        if (!Timestamps.TryParseUnix(csv.Field(6), out var timestamp, out reason))
        {
            return null;
        }
        var text = options.KeepText ? csv.FieldString(5) : "";
        return new Message
        {
            MessageId = new string(messageId),
            AccountId = new string(userId),
            Username = NullIfEmpty(csv.Field(2)),
            RepostOf = NullIfEmpty(csv.Field(3)),
            ReplyTo = NullIfEmpty(csv.Field(4)),
            Text = text,
            Timestamp = timestamp,
            Urls = TextEntities.SplitUrls(csv.Field(7)),
            Hashtags = options.ExtractHashtags ? TextEntities.Hashtags(text) : [],
            Mentions = options.ExtractMentions ? TextEntities.Mentions(text) : [],
        };
    }

    internal static string? NullIfEmpty(ReadOnlySpan<char> field) => field.IsEmpty ? null : new string(field);
}
