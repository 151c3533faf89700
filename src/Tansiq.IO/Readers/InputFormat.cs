namespace Tansiq.IO.Readers;

/// <summary>The message formats <c>detect</c> and <c>networks</c> read (see docs/input-formats.md).</summary>
public enum InputFormat
{
    /// <summary>Decide from the file's first bytes (see <see cref="MessageReaders.Detect(string)"/>).</summary>
    Auto,
    /// <summary>coordination-network-toolkit CSV: eight columns by position.</summary>
    CntCsv,
    /// <summary>Tansiq CSV: columns by header name, extra fields, ISO-8601 or unix timestamps.</summary>
    TansiqCsv,
    /// <summary>Twitter/X API v2 JSON lines as twarc2 writes them.</summary>
    TwitterV2,
    /// <summary>Twitter's information-operations archive CSV (tweets with their authors' profiles).</summary>
    TwitterIoCsv,
    /// <summary>Twitter API v1.1 JSON lines (statuses with a "user" object).</summary>
    TwitterV11,
    /// <summary>Telegram Desktop's JSON export (result.json: one chat, or the whole account).</summary>
    Telegram,
    /// <summary>Bluesky Jetstream JSON lines (posts, replies, quotes, reposts).</summary>
    BlueskyJetstream,
    /// <summary>A generic object table (CooRTweet's layout: object_id, account_id, content_id, timestamp_share).</summary>
    ObjectTable,
}

/// <summary>The command-line spelling of <see cref="InputFormat"/> values.</summary>
public static class InputFormats
{
    public static readonly IReadOnlyList<string> Names = ["auto", "cnt-csv", "tansiq-csv", "twitter-v2", "twitter-io-csv", "twitter-v1", "telegram", "bluesky-jetstream", "object-table"];

    public static string Name(this InputFormat format) => format switch
    {
        InputFormat.Auto => "auto",
        InputFormat.CntCsv => "cnt-csv",
        InputFormat.TansiqCsv => "tansiq-csv",
        InputFormat.TwitterV2 => "twitter-v2",
        InputFormat.TwitterIoCsv => "twitter-io-csv",
        InputFormat.TwitterV11 => "twitter-v1",
        InputFormat.Telegram => "telegram",
        InputFormat.BlueskyJetstream => "bluesky-jetstream",
        InputFormat.ObjectTable => "object-table",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    public static bool TryParse(string? name, out InputFormat format)
    {
        foreach (var candidate in Enum.GetValues<InputFormat>())
        {
            if (string.Equals(candidate.Name(), name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                format = candidate;
                return true;
            }
        }
        format = InputFormat.Auto;
        return false;
    }
}
