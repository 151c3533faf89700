using System.Collections;
using System.Text;
using Tansiq.Core.Model;

namespace Tansiq.IO.Readers;

/// <summary>Opens message files in any supported format. Entry point for <c>detect</c> and <c>networks</c>.</summary>
public static class MessageReaders
{
    private const int SniffBytes = 1 << 16;

    /// <summary>
    /// Opens <paramref name="path"/> as a stream of messages. The file's existence and (for <see cref="InputFormat.Auto"/>)
    /// its format are checked at once, throwing <see cref="InputException"/>; rows are read lazily, one at a time,
    /// each time the result is enumerated. Gzip input is decompressed transparently.
    /// </summary>
    public static MessageSource Open(string path, InputFormat format, ReadOptions options)
    {
        if (format == InputFormat.Auto)
        {
            format = Detect(path, options.ColumnMap);
        }
        else
        {
            InputFiles.Check(path);
        }
        return new MessageSource(path, format, options);
    }

    /// <summary>
    /// Decides a file's format from its first (decompressed) bytes: JSON lines (<see cref="InputFormat.TwitterV2"/>)
    /// when the first non-blank character is '{'; otherwise the first line is a CSV header and is
    /// <see cref="InputFormat.CntCsv"/> when it is exactly the toolkit's eight names in order,
    /// <see cref="InputFormat.TansiqCsv"/> when it names message_id, account_id (or user_id) and timestamp,
    /// and <see cref="InputFormat.CntCsv"/> (by position) when it has eight columns under other names.
    /// Anything else is an <see cref="InputException"/> asking for <c>--format</c>.
    /// </summary>
    public static InputFormat Detect(string path) => Detect(path, null);

    /// <summary>As <see cref="Detect(string)"/>, with CSV header names renamed by <paramref name="columnMap"/> first
    /// (<c>--columns</c>).</summary>
    public static InputFormat Detect(string path, IReadOnlyDictionary<string, string>? columnMap)
    {
        byte[] head;
        int length;
        using (var stream = InputFiles.Open(path))
        {
            if (!stream.CanSeek && stream is FileStream)
            {
                throw new InputException(path, 0, "cannot detect the format of a pipe (it can be read only once); pass --format, or rename columns with --columns");
            }
            head = new byte[SniffBytes];
            try
            {
                length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            }
            catch (Exception e) when (InputFiles.IsReadFailure(e))
            {
                throw InputFiles.ReadFailure(path, 1, e);
            }
        }
        var bytes = head.AsSpan(0, length);
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }
        var firstNonBlank = bytes.IndexOfAnyExcept(" \t\r\n"u8);
        if (firstNonBlank < 0)
        {
            throw new InputException(path, 0, "empty file: nothing to read");
        }
        if (bytes[firstNonBlank] == (byte)'{')
        {
            return JsonFormat(bytes[firstNonBlank..]);
        }
        if (bytes[firstNonBlank] == (byte)'[')
        {
            throw new InputException(path, 1, "a JSON array, not JSON lines (one object per line): convert it, e.g. with jq -c '.[]'");
        }
        bytes = bytes[firstNonBlank..];
        var lineEnd = bytes.IndexOfAny((byte)'\n', (byte)'\r');
        var firstLine = lineEnd < 0 ? bytes : bytes[..lineEnd];
        if (firstLine.IndexOf((byte)0) >= 0)
        {
            throw new InputException(path, 1, "NUL byte (binary data, not text): not a CSV or JSON lines file");
        }
        var headerLine = Encoding.UTF8.GetString(firstLine);
        var names = HeaderNames(headerLine, CsvDialect.Sniff(headerLine));
        if (columnMap is not null)
        {
            names = [.. names.Select(name => columnMap.TryGetValue(name, out var mapped) ? mapped : name)];
        }
        if (TwitterIoCsvReader.Matches(names))
        {
            return InputFormat.TwitterIoCsv;
        }
        if (ObjectTableReader.Matches(names))
        {
            return InputFormat.ObjectTable;
        }
        if (names.SequenceEqual(CntCsvReader.ColumnNames))
        {
            return InputFormat.CntCsv;
        }
        var hasId = names.Contains("message_id");
        var hasAccount = names.Contains("account_id") || names.Contains("user_id");
        var hasTime = names.Contains("timestamp");
        if (hasId && hasAccount && hasTime)
        {
            return InputFormat.TansiqCsv;
        }
        if (names.Count == CntCsvReader.Columns)
        {
            return InputFormat.CntCsv;
        }
        var missing = new List<string>();
        if (!hasId)
        {
            missing.Add("message_id");
        }
        if (!hasAccount)
        {
            missing.Add("account_id (or user_id)");
        }
        if (!hasTime)
        {
            missing.Add("timestamp");
        }
        throw new InputException(path, 1,
            $"cannot tell the format: the first line is not JSON, names {names.Count} columns (cnt-csv has {CntCsvReader.Columns}) "
            + $"and lacks tansiq-csv's {string.Join(", ", missing)}{(names.Count == 1 && headerLine.Contains('\t') ? " (the file seems tab-separated: only commas and semicolons are read)" : "")}; pass --format, or rename columns with --columns");
    }

    /// <summary>
    /// Which JSON format a file starting with '{' is, from the names of its first object's top-level properties (read
    /// from the first 64 KiB; a value cut off there ends the look): a v1.1 status has "id_str" or a "user" object; anything
    /// else (a twarc2 page, a v2 tweet) is read as twitter-v2, which reports what it cannot read.
    /// </summary>
    private static InputFormat JsonFormat(ReadOnlySpan<byte> head)
    {
        var names = TopLevelNames(head);
        if (TelegramReader.Matches(names))
        {
            return InputFormat.Telegram;
        }
        if (BlueskyJetstreamReader.Matches(names))
        {
            return InputFormat.BlueskyJetstream;
        }
        if (names.Contains("id_str") || names.Contains("user") || names.Contains("retweeted_status"))
        {
            return InputFormat.TwitterV11;
        }
        return InputFormat.TwitterV2;
    }

    /// <summary>The property names at depth 1 of the JSON object at the start of <paramref name="head"/>, as far as it goes.</summary>
    internal static HashSet<string> TopLevelNames(ReadOnlySpan<byte> head)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var reader = new System.Text.Json.Utf8JsonReader(head, isFinalBlock: false, state: default);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == System.Text.Json.JsonTokenType.PropertyName && reader.CurrentDepth == 1)
                {
                    names.Add(reader.GetString()!);
                }
                else if (reader.TokenType == System.Text.Json.JsonTokenType.EndObject && reader.CurrentDepth == 0)
                {
                    break;
                }
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // Not JSON after all: the reader chosen will say where.
        }
        return names;
    }

    /// <summary>A header line's names, lower-cased and trimmed, with enclosing quotes removed (names hold no commas).</summary>
    private static List<string> HeaderNames(string line, char separator) =>
        [.. line.Split(separator).Select(name => name.Trim().Trim('"').Trim().ToLowerInvariant())];

    internal static IEnumerable<Message> Read(string path, InputFormat format, ReadOptions options) => format switch
    {
        InputFormat.CntCsv => CntCsvReader.Read(path, options),
        InputFormat.TansiqCsv => TansiqCsvReader.Read(path, options),
        InputFormat.TwitterV2 => TwitterV2Reader.Read(path, options),
        InputFormat.TwitterIoCsv => TwitterIoCsvReader.Read(path, options),
        InputFormat.TwitterV11 => TwitterV11Reader.Read(path, options),
        InputFormat.Telegram => TelegramReader.Read(path, options),
        InputFormat.BlueskyJetstream => BlueskyJetstreamReader.Read(path, options),
        InputFormat.ObjectTable => ObjectTableReader.Read(path, options),
        _ => throw new ArgumentOutOfRangeException(nameof(format), "resolve Auto with Detect first"),
    };
}

/// <summary>The messages of one file in a known format. Each enumeration reads the file anew, streaming.</summary>
public sealed class MessageSource : IEnumerable<Message>
{
    internal MessageSource(string path, InputFormat format, ReadOptions options)
    {
        Path = path;
        Format = format;
        Options = options;
    }

    public string Path { get; }

    /// <summary>The format the file is read as (never <see cref="InputFormat.Auto"/>).</summary>
    public InputFormat Format { get; }

    public ReadOptions Options { get; }

    public IEnumerator<Message> GetEnumerator() => Options.Pseudonyms is { } pseudonyms
        ? MessageReaders.Read(Path, Format, Options).Select(pseudonyms.Message).GetEnumerator()
        : MessageReaders.Read(Path, Format, Options).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
