using System.Globalization;
using System.Text;

namespace Tansiq.IO.Moderation;

/// <summary>
/// A small RFC 4180 reader for the moderation inputs: quoted fields with doubled quotes and line breaks, CRLF or LF,
/// a UTF-8 byte-order mark. It tracks the physical line where each record starts, for file:line errors.
/// </summary>
internal sealed class SimpleCsv : IDisposable
{
    private readonly TextReader _reader;
    private readonly string _file;
    private readonly StringBuilder _field = new();
    private long _line = 1;

    private SimpleCsv(TextReader reader, string file)
    {
        _reader = reader;
        _file = file;
    }

    public static SimpleCsv Open(string path)
    {
        if (!System.IO.File.Exists(path))
        {
            throw new InputException(path, 0, "file not found");
        }
        Stream stream = System.IO.File.OpenRead(path);
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            stream = new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionMode.Decompress);
        }
        return new SimpleCsv(new StreamReader(stream, new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16), path);
    }

    public static SimpleCsv FromText(string text, string file) => new(new StringReader(text), file);

    /// <summary>Reads from any text (an HTTP body); <paramref name="file"/> names the source in errors.</summary>
    public static SimpleCsv FromReader(TextReader reader, string file) => new(reader, file);

    public string File => _file;

    /// <summary>The next record and the line it starts on; false at the end of the input. Blank lines are skipped.</summary>
    public bool TryRead(List<string> fields, out long line)
    {
        fields.Clear();
        while (true)
        {
            line = _line;
            int c;
            try
            {
                c = _reader.Peek();
            }
            catch (DecoderFallbackException)
            {
                throw new InputException(_file, _line, "not valid UTF-8");
            }
            if (c < 0)
            {
                return false;
            }
            if (c == '\n' || c == '\r')
            {
                ReadEndOfLine();
                continue;
            }
            break;
        }
        try
        {
            ReadRecord(fields);
        }
        catch (DecoderFallbackException)
        {
            throw new InputException(_file, _line, "not valid UTF-8");
        }
        return true;
    }

    private void ReadRecord(List<string> fields)
    {
        var start = _line;
        _field.Clear();
        var quoted = false;
        var afterQuote = false;
        while (true)
        {
            var c = _reader.Read();
            if (quoted)
            {
                if (c < 0)
                {
                    throw new InputException(_file, start, "a quoted field is not closed before the end of the file");
                }
                if (c == '"')
                {
                    if (_reader.Peek() == '"')
                    {
                        _reader.Read();
                        _field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                        afterQuote = true;
                    }
                    continue;
                }
                if (c == '\n')
                {
                    _line++;
                }
                _field.Append((char)c);
                continue;
            }
            if (c < 0 || c == '\n' || c == '\r')
            {
                fields.Add(_field.ToString());
                if (c == '\r' && _reader.Peek() == '\n')
                {
                    _reader.Read();
                }
                if (c >= 0)
                {
                    _line++;
                }
                return;
            }
            if (c == ',')
            {
                fields.Add(_field.ToString());
                _field.Clear();
                afterQuote = false;
                continue;
            }
            if (afterQuote)
            {
                throw new InputException(_file, _line, $"unexpected character '{(char)c}' after a closing quote");
            }
            if (c == '"' && _field.Length == 0)
            {
                quoted = true;
                continue;
            }
            _field.Append((char)c);
        }
    }

    private void ReadEndOfLine()
    {
        if (_reader.Read() == '\r' && _reader.Peek() == '\n')
        {
            _reader.Read();
        }
        _line++;
    }

    public void Dispose() => _reader.Dispose();

    /// <summary>Reads the header and returns the column index of each name (case-insensitive, trimmed).</summary>
    public Dictionary<string, int> ReadHeader(IReadOnlyList<string> required)
    {
        var fields = new List<string>();
        if (!TryRead(fields, out var line))
        {
            throw new InputException(_file, 0, "the file is empty (a header row is needed)");
        }
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < fields.Count; i++)
        {
            columns.TryAdd(fields[i].Trim().TrimStart('\uFEFF'), i);
        }
        foreach (var name in required)
        {
            if (!columns.ContainsKey(name))
            {
                throw new InputException(_file, line, $"the header has no '{name}' column (expected {string.Join(',', required)})");
            }
        }
        return columns;
    }
}

/// <summary>Unix seconds from either a number (seconds, fractions floored) or an ISO-8601 date and time (UTC when no offset).</summary>
internal static class UnixTimes
{
    public static bool TryParse(string text, out long seconds)
    {
        var s = text.Trim();
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            && Math.Abs(number) < 1e13)
        {
            seconds = (long)Math.Floor(number);
            return true;
        }
        if (s.Length >= 10 && char.IsAsciiDigit(s[0])
            && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var dto))
        {
            seconds = dto.ToUnixTimeSeconds();
            return true;
        }
        seconds = 0;
        return false;
    }
}
