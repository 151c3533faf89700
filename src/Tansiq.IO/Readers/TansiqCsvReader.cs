using Tansiq.Core.Model;

namespace Tansiq.IO.Readers;

/// <summary>
/// Tansiq CSV: columns found by header name (see docs/input-formats.md). Required: message_id, account_id (or user_id),
/// timestamp. Optional: username, repost_id, reply_id, text (or message), urls, hashtags, mentions, lang, platform.
/// Other columns are ignored.
/// </summary>
internal static class TansiqCsvReader
{
    public const string Expected = "message_id, account_id (or user_id) and timestamp";

    internal sealed record Layout(int MessageId, int AccountId, int Username, int RepostId, int ReplyId, int Text, int Timestamp,
        int Urls, int Hashtags, int Mentions, int Lang, int Platform, int Columns);

    /// <summary>True when a header names the required columns of tansiq-csv.</summary>
    internal static bool HasRequiredColumns(CsvHeader header) =>
        header.Find("message_id") >= 0 && header.Find("account_id", "user_id") >= 0 && header.Find("timestamp") >= 0;

    public static IEnumerable<Message> Read(string path, ReadOptions options)
    {
        using var csv = CsvRecords.Open(path);
        var layout = ReadLayout(CsvHeader.Read(csv, "tansiq-csv", Expected, options.ColumnMap), path, csv.Line);
        while (csv.MoveNext())
        {
            var message = Map(csv, layout, options, out var reason);
            if (message is null)
            {
                options.Reject(path, csv.Line, reason!);
                continue;
            }
            yield return message;
        }
    }

    private static Layout ReadLayout(CsvHeader header, string path, long line)
    {
        var messageId = header.Find("message_id");
        var accountId = header.Find("account_id", "user_id");
        var timestamp = header.Find("timestamp");
        var missing = new List<string>();
        if (messageId < 0)
        {
            missing.Add("message_id");
        }
        if (accountId < 0)
        {
            missing.Add("account_id (or user_id)");
        }
        if (timestamp < 0)
        {
            missing.Add("timestamp");
        }
        if (missing.Count > 0)
        {
            throw new InputException(path, line,
                $"header lacks the required column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)} (header: {header})");
        }
        return LayoutOf(header);
    }

    /// <summary>The columns of a header that has the required ones (<see cref="HasRequiredColumns"/>).</summary>
    internal static Layout LayoutOf(CsvHeader header)
    {
        return new Layout(header.Find("message_id"), header.Find("account_id", "user_id"), header.Find("username"), header.Find("repost_id"), header.Find("reply_id"),
            header.Find("text", "message"), header.Find("timestamp"), header.Find("urls"), header.Find("hashtags"), header.Find("mentions"),
            header.Find("lang"), header.Find("platform"), header.Count);
    }

    private static Message? Map(CsvRecords csv, Layout layout, ReadOptions options, out string? reason)
    {
        if (csv.Problem is { } problem)
        {
            reason = problem;
            return null;
        }
        if (csv.ColCount != layout.Columns)
        {
            reason = $"expected {layout.Columns} columns (as in the header), found {csv.ColCount}";
            return null;
        }
        var messageId = csv.Field(layout.MessageId);
        if (messageId.IsEmpty)
        {
            reason = "empty message_id";
            return null;
        }
        var accountId = csv.Field(layout.AccountId);
        if (accountId.IsEmpty)
        {
            reason = "empty account_id";
            return null;
        }
        if (!Timestamps.TryParse(csv.Field(layout.Timestamp), out var timestamp, out reason))
        {
            return null;
        }
        var text = layout.Text < 0 || !options.KeepText ? "" : csv.FieldString(layout.Text);
        return new Message
        {
            MessageId = new string(messageId),
            AccountId = new string(accountId),
            Username = Optional(csv, layout.Username),
            RepostOf = Optional(csv, layout.RepostId),
            ReplyTo = Optional(csv, layout.ReplyId),
            Text = text,
            Timestamp = timestamp,
            Urls = layout.Urls < 0 ? [] : TextEntities.SplitUrls(csv.Field(layout.Urls)),
            Hashtags = layout.Hashtags >= 0 ? TextEntities.SplitList(csv.Field(layout.Hashtags), '#') : options.ExtractHashtags ? TextEntities.Hashtags(text) : [],
            Mentions = layout.Mentions >= 0 ? TextEntities.SplitList(csv.Field(layout.Mentions), '@') : options.ExtractMentions ? TextEntities.Mentions(text) : [],
            Lang = Optional(csv, layout.Lang),
            Platform = Optional(csv, layout.Platform),
        };
    }

    private static string? Optional(CsvRecords csv, int col) => col < 0 ? null : CntCsvReader.NullIfEmpty(csv.Field(col));
}
