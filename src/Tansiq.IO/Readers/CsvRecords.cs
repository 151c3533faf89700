using nietras.SeparatedValues;

namespace Tansiq.IO.Readers;

/// <summary>
/// Comma-separated records from a file, parsed by Sep, with what the readers need on top: the physical line where each
/// record starts, rejection of records that hold undecodable bytes or malformed quoting, blank lines skipped, and
/// RFC 4180 unquoting. Not thread-safe; one record at a time.
/// </summary>
internal sealed class CsvRecords : IDisposable
{
    private readonly SepReader _sep;
    private readonly Utf8LineTracker _text;
    private readonly List<(int Start, int Length)> _unquoted = [];
    private char[] _scratch = new char[256];
    private bool _quoted;
    private long _nextLine = 1;

    private CsvRecords(string path, Utf8LineTracker text, SepReader sep)
    {
        Path = path;
        _text = text;
        _sep = sep;
    }

    public string Path { get; }

    /// <summary>1-based physical line where the current record starts.</summary>
    public long Line { get; private set; }

    public int ColCount { get; private set; }

    /// <summary>Why the current record cannot be read (bad bytes, bad quoting), or null when its fields are sound.</summary>
    public string? Problem { get; private set; }

    /// <summary>The field separator: ',' or, for the semicolon-separated files spreadsheets write in much of the world,
    /// ';' (sniffed from the header line by <see cref="CsvDialect"/>).</summary>
    public char Separator { get; private init; } = ',';

    public static CsvRecords Open(string path)
    {
        var separator = CsvDialect.SniffFile(path);
        var stream = InputFiles.Open(path);
        var text = new Utf8LineTracker(stream, path);
        try
        {
            var sep = Sep.New(separator).Reader(o => o with { HasHeader = false, DisableColCountCheck = true }).From(text);
            return new CsvRecords(path, text, sep) { Separator = separator };
        }
        catch (InputException)
        {
            text.Dispose();
            throw;
        }
        catch (Exception e) when (InputFiles.IsReadFailure(e))
        {
            text.Dispose();
            throw InputFiles.ReadFailure(path, 1, e);
        }
        catch (NotSupportedException)
        {
            text.Dispose();
            throw RecordTooLong(path, 1);
        }
    }

    /// <summary>
    /// Records of an in-memory body (an HTTP request) that starts at the stream's position; <paramref name="source"/>
    /// names it in errors. The separator is sniffed from its first line as for files.
    /// </summary>
    public static CsvRecords Open(Stream body, string source)
    {
        var start = body.Position;
        var head = new byte[(int)Math.Min(1 << 16, body.Length - start)];
        var length = body.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        body.Position = start;
        var separator = CsvDialect.Sniff(CsvDialect.FirstLine(System.Text.Encoding.UTF8.GetString(head, 0, length)));
        var text = new Utf8LineTracker(body, source);
        try
        {
            var sep = Sep.New(separator).Reader(o => o with { HasHeader = false, DisableColCountCheck = true }).From(text);
            return new CsvRecords(source, text, sep) { Separator = separator };
        }
        catch (NotSupportedException)
        {
            text.Dispose();
            throw RecordTooLong(source, 1);
        }
    }

    /// <summary>Sep's limit on one record (16 Mi characters) was hit; nothing after it can be found again.</summary>
    private static InputException RecordTooLong(string path, long line) => new(path, line,
        "unterminated quote, or not a CSV file: the record starting here runs on for more than 16 Mi characters");

    /// <summary>Advances to the next non-blank record; false at the end of the file.</summary>
    public bool MoveNext()
    {
        while (true)
        {
            bool more;
            try
            {
                more = _sep.MoveNext();
            }
            catch (Exception e) when (InputFiles.IsReadFailure(e))
            {
                throw InputFiles.ReadFailure(Path, _text.Line, e);
            }
            catch (NotSupportedException)
            {
                throw RecordTooLong(Path, _nextLine);
            }
            if (!more)
            {
                return false;
            }
            var row = _sep.Current;
            // Sep reports the first record's start as its end; the first record always starts on line 1.
            var from = row.RowIndex == 0 ? 1 : row.LineNumberFrom;
            var to = Math.Max(row.LineNumberToExcl, from + 1);
            var problem = _text.TakeProblem(from, to);
            var span = row.Span;
            if (span.IsEmpty && problem is null)
            {
                _nextLine = to;
                continue;
            }
            _nextLine = to;
            Line = from;
            ColCount = row.ColCount;
            Problem = problem;
            _quoted = span.Contains('"');
            if (_quoted && problem is null)
            {
                Problem = Unquote(row);
            }
            return true;
        }
    }

    /// <summary>The unquoted text of field <paramref name="col"/> of the current record. Valid until the next call.</summary>
    public ReadOnlySpan<char> Field(int col)
    {
        if (!_quoted)
        {
            return _sep.Current[col].Span;
        }
        var (start, length) = _unquoted[col];
        return start < 0 ? _sep.Current[col].Span : _scratch.AsSpan(start, length);
    }

    public string FieldString(int col)
    {
        var span = Field(col);
        return span.IsEmpty ? "" : new string(span);
    }

    public void Dispose()
    {
        _sep.Dispose();
        _text.Dispose();
    }

    /// <summary>
    /// RFC 4180: a field that contains a quote must be enclosed in quotes, with inner quotes doubled. Sep pairs quotes
    /// wherever they are, so a stray quote inside an unquoted field would silently swallow the following lines; it is
    /// rejected here instead, as is a quote that is never closed.
    /// </summary>
    private string? Unquote(SepReader.Row row)
    {
        _unquoted.Clear();
        var used = 0;
        for (var c = 0; c < row.ColCount; c++)
        {
            var raw = row[c].Span;
            if (raw.IndexOf('"') < 0)
            {
                _unquoted.Add((-1, 0));
                continue;
            }
            if (raw[0] != '"')
            {
                return $"field {c + 1} has a quote inside an unquoted value (a field holding quotes must be enclosed in quotes, inner quotes doubled)";
            }
            if (used + raw.Length > _scratch.Length)
            {
                Array.Resize(ref _scratch, Math.Max(_scratch.Length * 2, used + raw.Length));
            }
            var start = used;
            var closed = false;
            var i = 1;
            while (i < raw.Length)
            {
                var ch = raw[i];
                if (ch == '"')
                {
                    if (i + 1 < raw.Length && raw[i + 1] == '"')
                    {
                        _scratch[used++] = '"';
                        i += 2;
                        continue;
                    }
                    closed = true;
                    i++;
                    break;
                }
                _scratch[used++] = ch;
                i++;
            }
            if (!closed)
            {
                return $"unterminated quote: the quoted field {c + 1} opened on this line is never closed";
            }
            if (i < raw.Length)
            {
                return $"field {c + 1} has text after its closing quote (or a quote opened on this line is never closed)";
            }
            _unquoted.Add((start, used - start));
        }
        return null;
    }
}

/// <summary>Tells a comma-separated file from a semicolon-separated one by its header line.</summary>
internal static class CsvDialect
{
    private const int SniffBytes = 1 << 16;

    /// <summary>';' when the first non-blank line holds more semicolons than commas outside quotes, else ','.</summary>
    public static char Sniff(ReadOnlySpan<char> firstLine)
    {
        int commas = 0, semicolons = 0;
        var quoted = false;
        foreach (var c in firstLine)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == ',')
            {
                commas++;
            }
            else if (!quoted && c == ';')
            {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    /// <summary>The first non-blank line of a text (a byte-order mark skipped).</summary>
    public static ReadOnlySpan<char> FirstLine(ReadOnlySpan<char> text)
    {
        text = text.TrimStart('\uFEFF').TrimStart(" \t\r\n");
        var end = text.IndexOfAny('\r', '\n');
        return end < 0 ? text : text[..end];
    }

    /// <summary>Sniffs the separator of a file from its first (decompressed) bytes; a pipe, which cannot be read twice,
    /// is taken to be comma-separated.</summary>
    public static char SniffFile(string path)
    {
        using var stream = InputFiles.Open(path);
        if (stream is FileStream { CanSeek: false })
        {
            return ',';
        }
        var head = new byte[SniffBytes];
        int length;
        try
        {
            length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        catch (Exception e) when (InputFiles.IsReadFailure(e))
        {
            throw InputFiles.ReadFailure(path, 1, e);
        }
        var text = System.Text.Encoding.UTF8.GetString(head, 0, length);
        return Sniff(FirstLine(text));
    }
}
