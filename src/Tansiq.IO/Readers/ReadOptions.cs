namespace Tansiq.IO.Readers;

/// <summary>How readers treat malformed rows. One instance may be shared by all the files of a run so that its
/// <see cref="BadRows"/> log covers them all.</summary>
public sealed class ReadOptions
{
    /// <summary>When true (<c>--skip-bad-rows</c>) a malformed row is skipped and logged instead of thrown.
    /// A missing or unreadable file, an unreadable header or corrupt compression is fatal either way.</summary>
    public bool SkipBadRows { get; init; }

    /// <summary>
    /// When false, hashtags are not taken from the message text where the source has no hashtag field (a caller that
    /// needs no co-hashtag signal saves a scan of every text). Hashtags the source lists are always read.
    /// </summary>
    public bool ExtractHashtags { get; init; } = true;

    /// <summary>
    /// When false, message texts are not kept (empty) and no entity is taken from them: for callers that use no text
    /// (a co-repost network), which saves allocating every text of the file.
    /// </summary>
    public bool KeepText { get; init; } = true;

    /// <summary>As <see cref="ExtractHashtags"/>, for mentions (which only moderation's exposure uses).</summary>
    public bool ExtractMentions { get; init; } = true;

    /// <summary>
    /// <c>--columns</c>: header names (lower case) renamed before a CSV reader looks for its columns, e.g.
    /// <c>tweetid → message_id</c>; applied to every CSV input and to format detection. See <see cref="ColumnMaps"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string>? ColumnMap { get; init; }

    /// <summary>When not null, readers of formats that carry account profiles on each row (the information-operations
    /// archives) add the first profile they see of each account here, so one file gives messages and profiles.</summary>
    public Dictionary<string, Tansiq.Core.Model.AccountProfile>? Profiles { get; init; }

    /// <summary>The kind of the objects of an object table (<c>--object-kind</c>, e.g. <c>image_hash</c> or <c>domain</c>):
    /// the prefix of their keys, so the kind shows wherever an object is named.</summary>
    public string ObjectKind { get; init; } = "object";

    /// <summary>An object table with a kind column: each kind its own co-object signal (<c>co-object:KIND</c>; detect),
    /// or, when false, every kind in the one co-object signal with kind-prefixed keys (networks: one network, as the toolkit).</summary>
    public bool ObjectKindSignals { get; init; } = true;

    /// <summary>When set (<c>--pseudonymise</c>), every message and profile is pseudonymised as it is read.</summary>
    public Pseudonymiser? Pseudonyms { get; init; }

    /// <summary>The rows skipped so far (only filled when <see cref="SkipBadRows"/> is on).</summary>
    public BadRowLog BadRows { get; } = new();

    /// <summary>Throws the row's <see cref="InputException"/>, or logs it when skipping.</summary>
    internal void Reject(string file, long line, string reason)
    {
        if (!SkipBadRows)
        {
            throw new InputException(file, line, reason);
        }
        BadRows.Add(file, line, reason);
    }
}

/// <summary>Skipped rows: how many, and the first <see cref="MaxExamples"/> as "file:line: reason" (for summary.json).</summary>
public sealed class BadRowLog
{
    public const int MaxExamples = 20;

    private readonly List<string> _examples = [];

    public long Count { get; private set; }

    public IReadOnlyList<string> Examples => _examples;

    public void Add(string file, long line, string reason)
    {
        Count++;
        if (_examples.Count < MaxExamples)
        {
            _examples.Add(new InputException(file, line, reason).Message);
        }
    }
}

/// <summary>Parses <c>--columns SOURCE=TARGET,...</c>.</summary>
public static class ColumnMaps
{
    /// <summary>The map of <paramref name="text"/> (names compared case-insensitively), or an error naming the bad item.</summary>
    public static bool TryParse(string? text, out IReadOnlyDictionary<string, string>? map, out string? error)
    {
        map = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = item.IndexOf('=');
            if (eq <= 0 || eq == item.Length - 1)
            {
                error = $"--columns: '{item}' is not SOURCE=TARGET (e.g. tweetid=message_id)";
                return false;
            }
            var source = item[..eq].Trim().ToLowerInvariant();
            if (!result.TryAdd(source, item[(eq + 1)..].Trim().ToLowerInvariant()))
            {
                error = $"--columns: '{source}' is mapped twice";
                return false;
            }
        }
        map = result;
        return true;
    }
}
