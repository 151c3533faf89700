using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Tansiq.IO.Readers;

/// <summary>
/// Decodes UTF-8 into characters for the CSV parser and remembers on which physical line each undecodable byte
/// sequence or NUL byte sat, so that the row spanning that line can be rejected with its line number. Invalid bytes
/// become U+FFFD (they never reach a message: their row is rejected). Lines end at \n, \r\n or a lone \r, as the
/// CSV parser counts them. A UTF-8 byte order mark at the start is dropped.
/// </summary>
internal sealed class Utf8LineTracker : TextReader
{
    private const int ByteBufferSize = 1 << 16;

    private readonly Stream _stream;
    private readonly string _path;
    private readonly byte[] _bytes = new byte[ByteBufferSize];
    // UTF-8 never yields more UTF-16 units than it had bytes, plus one U+FFFD per invalid byte at worst.
    private readonly char[] _chars = new char[ByteBufferSize + 4];
    private readonly Queue<(long Line, string Reason)> _badLines = new();
    private readonly List<(int Offset, string Reason)> _events = [];
    private int _carry;
    private int _charPos;
    private int _charLen;
    private bool _eof;
    private bool _started;
    private bool _pendingCr;
    private long _line = 1;
    private long _lastBadLine;

    public Utf8LineTracker(Stream stream, string path)
    {
        _stream = stream;
        _path = path;
    }

    /// <summary>The line the decoder has reached (1-based); for errors raised by the stream itself.</summary>
    public long Line => _line;

    /// <summary>
    /// The first problem on a physical line in [<paramref name="fromLine"/>, <paramref name="toLineExcl"/>), or null.
    /// Rows must be asked about in order; problems on earlier lines are forgotten.
    /// </summary>
    public string? TakeProblem(long fromLine, long toLineExcl)
    {
        string? found = null;
        while (_badLines.TryPeek(out var bad) && bad.Line < toLineExcl)
        {
            _badLines.Dequeue();
            if (found is null && bad.Line >= fromLine)
            {
                found = bad.Line == fromLine ? bad.Reason : $"{bad.Reason} (on line {bad.Line})";
            }
        }
        return found;
    }

    public override int Read(Span<char> buffer)
    {
        if (_charPos == _charLen && !Fill())
        {
            return 0;
        }
        var n = Math.Min(buffer.Length, _charLen - _charPos);
        _chars.AsSpan(_charPos, n).CopyTo(buffer);
        _charPos += n;
        return n;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read()
    {
        if (_charPos == _charLen && !Fill())
        {
            return -1;
        }
        return _chars[_charPos++];
    }

    public override int Peek()
    {
        if (_charPos == _charLen && !Fill())
        {
            return -1;
        }
        return _chars[_charPos];
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stream.Dispose();
        }
        base.Dispose(disposing);
    }

    private bool Fill()
    {
        _charPos = 0;
        _charLen = 0;
        while (_charLen == 0)
        {
            if (_eof && _carry == 0)
            {
                return false;
            }
            var total = _carry;
            if (!_eof)
            {
                int read;
                try
                {
                    read = _stream.Read(_bytes, _carry, _bytes.Length - _carry);
                }
                catch (Exception e) when (InputFiles.IsReadFailure(e))
                {
                    throw InputFiles.ReadFailure(_path, _line, e);
                }
                _eof = read == 0;
                total += read;
            }
            var start = 0;
            if (!_started)
            {
                if (total < 3 && !_eof)
                {
                    _carry = total;
                    continue;
                }
                _started = true;
                if (_bytes.AsSpan(0, total).StartsWith("\uFEFF"u8))
                {
                    start = 3;
                }
            }
            Decode(start, total);
        }
        return true;
    }

    private void Decode(int start, int total)
    {
        var bytes = _bytes.AsSpan(0, total);
        _events.Clear();
        var pos = start;
        var written = 0;
        _carry = 0;
        while (pos < total)
        {
            var status = Utf8.ToUtf16(bytes[pos..], _chars.AsSpan(written), out var read, out var chars,
                replaceInvalidSequences: false, isFinalBlock: _eof);
            pos += read;
            written += chars;
            if (status == OperationStatus.Done)
            {
                break;
            }
            if (status == OperationStatus.NeedMoreData)
            {
                _carry = total - pos;
                break;
            }
            // InvalidData: one U+FFFD per maximal invalid subsequence, as decoders do.
            Rune.DecodeFromUtf8(bytes[pos..], out _, out var consumed);
            consumed = Math.Max(consumed, 1);
            _events.Add((pos, $"invalid UTF-8 (byte 0x{bytes[pos]:X2})"));
            _chars[written++] = '\uFFFD';
            pos += consumed;
        }
        var decoded = bytes[start..pos];
        var nul = decoded.IndexOf((byte)0);
        if (nul >= 0)
        {
            for (var i = nul; i < decoded.Length; i++)
            {
                if (decoded[i] == 0)
                {
                    _events.Add((start + i, "NUL byte (binary data, not text)"));
                }
            }
            _events.Sort((a, b) => a.Offset.CompareTo(b.Offset));
        }
        var cursor = start;
        foreach (var (offset, reason) in _events)
        {
            _line += CountLineEnds(bytes[cursor..offset], ref _pendingCr);
            cursor = offset;
            // The byte here is not \n, so a \r just before it has ended a line.
            var line = _line + (_pendingCr ? 1 : 0);
            if (line != _lastBadLine)
            {
                _lastBadLine = line;
                _badLines.Enqueue((line, reason));
            }
        }
        _line += CountLineEnds(bytes[cursor..pos], ref _pendingCr);
        if (_carry > 0)
        {
            bytes[pos..total].CopyTo(_bytes);
        }
        _charLen = written;
    }

    /// <summary>Counts \n, \r\n and lone \r; a \r at the end stays pending until the next byte is seen.</summary>
    internal static long CountLineEnds(ReadOnlySpan<byte> span, ref bool pendingCr)
    {
        if (span.IsEmpty)
        {
            return 0;
        }
        long n = 0;
        if (pendingCr)
        {
            pendingCr = false;
            n++;
            if (span[0] == (byte)'\n')
            {
                span = span[1..];
            }
        }
        if (span.IndexOf((byte)'\r') < 0)
        {
            return n + span.Count((byte)'\n');
        }
        for (var i = 0; i < span.Length; i++)
        {
            var b = span[i];
            if (b == (byte)'\n')
            {
                n++;
            }
            else if (b == (byte)'\r')
            {
                if (i + 1 == span.Length)
                {
                    pendingCr = true;
                }
                else
                {
                    n++;
                    if (span[i + 1] == (byte)'\n')
                    {
                        i++;
                    }
                }
            }
        }
        return n;
    }
}
