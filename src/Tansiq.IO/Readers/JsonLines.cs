using System.Text.Json;
using Tansiq.Core.Model;
using static Tansiq.IO.Readers.TwitterV2Reader;

namespace Tansiq.IO.Readers;

/// <summary>Splits a stream into lines of raw bytes (ending at \n; a trailing \r is dropped) without decoding them,
/// so that each line can be checked and parsed as UTF-8 JSON in place. The buffer grows to the longest line.</summary>
internal sealed class JsonLines : IDisposable
{
    /// <summary>A twarc2 page of 500 tweets with expansions is a few MB; far beyond this is not JSON lines.</summary>
    public const int MaxLineBytes = 1 << 30;

    private readonly Stream _stream;
    private readonly string _path;
    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private int _scanned;
    private bool _eof;

    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 256 };

    /// <summary>Maps one line's JSON to a message; null with a reason rejects the line, null without one skips it.</summary>
    public delegate Message? LineMapper(JsonElement root, ReadOptions options, out string? reason);

    /// <summary>
    /// Reads a file of one message per JSON line (Twitter API v1.1, Bluesky Jetstream): blank lines are skipped, a line
    /// that is not UTF-8 JSON is rejected with its line number, the rest go through <paramref name="map"/>.
    /// </summary>
    public static IEnumerable<Message> ReadMessages(string path, ReadOptions options, LineMapper map)
    {
        using var lines = new JsonLines(InputFiles.Open(path), path);
        var sawContent = false;
        while (lines.TryRead(out var line))
        {
            if (line.Span.Trim(" \t\r"u8).IsEmpty)
            {
                continue;
            }
            sawContent = true;
            var message = ReadLine(line, options, map, out var reason);
            if (message is not null)
            {
                yield return message;
            }
            else if (reason is not null)
            {
                options.Reject(path, lines.LineNumber, reason);
            }
        }
        if (!sawContent)
        {
            throw new InputException(path, 0, "empty file: no JSON lines");
        }
    }

    private static Message? ReadLine(ReadOnlyMemory<byte> line, ReadOptions options, LineMapper map, out string? reason)
    {
        if (LineProblem(line.Span) is { } problem)
        {
            reason = problem;
            return null;
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line, JsonOptions);
        }
        catch (JsonException e)
        {
            reason = $"bad JSON: {JsonError(e)}";
            return null;
        }
        using (document)
        {
            return map(document.RootElement, options, out reason);
        }
    }

    public JsonLines(Stream stream, string path)
    {
        _stream = stream;
        _path = path;
    }

    /// <summary>1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>The next line's bytes, valid until the next call; false at the end of the stream.</summary>
    public bool TryRead(out ReadOnlyMemory<byte> line)
    {
        while (true)
        {
            var newline = _buffer.AsSpan(_scanned, _end - _scanned).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var stop = _scanned + newline;
                line = Slice(_start, stop);
                _start = _scanned = stop + 1;
                return true;
            }
            _scanned = _end;
            if (_eof)
            {
                if (_start == _end)
                {
                    line = default;
                    return false;
                }
                line = Slice(_start, _end);
                _start = _scanned = _end;
                return true;
            }
            Refill();
        }
    }

    private ReadOnlyMemory<byte> Slice(int start, int stop)
    {
        LineNumber++;
        if (stop > start && _buffer[stop - 1] == (byte)'\r')
        {
            stop--;
        }
        var line = new ReadOnlyMemory<byte>(_buffer, start, stop - start);
        if (LineNumber == 1 && line.Span.StartsWith("\uFEFF"u8))
        {
            line = line[3..];
        }
        return line;
    }

    private void Refill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _scanned -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaxLineBytes)
            {
                throw new InputException(_path, LineNumber + 1, $"line longer than {MaxLineBytes >> 20} MiB: not JSON lines");
            }
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        int read;
        try
        {
            read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        }
        catch (Exception e) when (InputFiles.IsReadFailure(e))
        {
            throw InputFiles.ReadFailure(_path, LineNumber + 1, e);
        }
        _eof = read == 0;
        _end += read;
    }

    public void Dispose() => _stream.Dispose();
}
