using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Tansiq.Core.CoAction;
using Tansiq.Core.Model;

namespace Tansiq.IO.Readers;

/// <summary>
/// The fast way in for <c>networks --signal co-repost</c> (or co-reply) on the toolkit's CSV and tansiq CSV: the file's
/// bytes are read in blocks, blocks are cut into rows and parsed on worker threads (only the columns the signal needs:
/// message id, account, username, repost id, reply id, timestamp), and the rows are taken into a
/// <see cref="Utf8CorpusBuilder"/> in file order, with no message object and no string per row.
/// <para>
/// It reads only plain files: no quotes anywhere after the header, valid UTF-8 without NUL bytes, lines ending in
/// "\n" or "\r\n", every row with the header's number of columns, non-empty ids and a readable timestamp. On anything
/// else it gives up (returns null) and the caller reads the files the general way, which gives the same corpus on
/// plain files and reports or skips the bad rows of the others exactly as before.
/// </para>
/// </summary>
public static class Utf8CsvCorpus
{
    private const int BlockSize = 1 << 19;

    /// <summary>
    /// The corpus of <paramref name="sources"/> for <paramref name="kind"/> (co-repost or co-reply), or null when a file
    /// is not a plain cnt-csv or tansiq-csv file (see the class remarks), when messages are pseudonymised, or for
    /// another signal.
    /// </summary>
    public static Corpus? TryRead(IReadOnlyList<MessageSource> sources, SignalKind kind, int threads)
    {
        if (kind is not (SignalKind.CoRepost or SignalKind.CoReply)
            || sources.Any(s => s.Format is not (InputFormat.CntCsv or InputFormat.TansiqCsv) || s.Options.Pseudonyms is not null))
        {
            return null;
        }
        // A pipe (length 0) can be read only once: it goes the general way.
        if (sources.Any(s => !File.Exists(s.Path) || new FileInfo(s.Path).Length == 0))
        {
            return null;
        }
        var builder = new Utf8CorpusBuilder(kind);
        foreach (var source in sources)
        {
            var layout = Layout.Of(source);
            if (layout is null || !ReadFile(source.Path, layout, builder, Math.Max(1, threads)))
            {
                return null;
            }
        }
        return builder.Build();
    }

    /// <summary>Where the needed columns are (-1: absent) and how a timestamp is read.</summary>
    private sealed record Layout(char Separator, int Columns, int MessageId, int Account, int Username, int RepostId, int ReplyId,
        int Timestamp, bool UnixOnly)
    {
        public static Layout? Of(MessageSource source)
        {
            using var csv = CsvRecords.Open(source.Path);
            if (!csv.MoveNext() || csv.Problem is not null || csv.Line != 1 || csv.ColCount > 1024)
            {
                return null;
            }
            if (source.Format == InputFormat.CntCsv)
            {
                return csv.ColCount == CntCsvReader.Columns ? new Layout(csv.Separator, CntCsvReader.Columns, 0, 1, 2, 3, 4, 6, UnixOnly: true) : null;
            }
            var header = new CsvHeader(csv, source.Options.ColumnMap);
            var t = TansiqCsvReader.HasRequiredColumns(header) ? TansiqCsvReader.LayoutOf(header) : null;
            return t is null ? null : new Layout(csv.Separator, t.Columns, t.MessageId, t.AccountId, t.Username, t.RepostId, t.ReplyId,
                t.Timestamp, UnixOnly: false);
        }
    }

    /// <summary>One row's needed fields: offsets into its block, hashes, time.</summary>
    private struct Row
    {
        public ulong MessageHash;
        public ulong AccountHash;
        public ulong RepostHash;
        public ulong ReplyHash;
        public double Time;
        public int AccountStart;
        public int AccountLength;
        public int UsernameStart;
        public int UsernameLength;
        public int RepostStart;
        public int RepostLength;
        public int ReplyStart;
        public int ReplyLength;
    }

    private sealed class Block
    {
        public byte[] Bytes = [];
        public int Length;
        public Row[] Rows = [];
        public int RowCount;
        public bool Failed;
    }

    private static bool ReadFile(string path, Layout layout, Utf8CorpusBuilder builder, int threads)
    {
        using var stream = InputFiles.Open(path);
        var pending = new Queue<Task<Block>>();
        var carry = ArrayPool<byte>.Shared.Rent(BlockSize);
        var carried = 0;
        var first = true;
        var ok = true;
        try
        {
            while (true)
            {
                var buffer = carry;
                var length = carried;
                var end = false;
                while (length < buffer.Length)
                {
                    var n = stream.Read(buffer, length, buffer.Length - length);
                    if (n == 0)
                    {
                        end = true;
                        break;
                    }
                    length += n;
                }
                var start = 0;
                if (first)
                {
                    first = false;
                    if (buffer.AsSpan(0, length).StartsWith("\uFEFF"u8))
                    {
                        start = 3;
                    }
                    // The header line: its columns were read by the general reader (Layout.Of); a quote or a lone
                    // carriage return in it could make it span lines, which only the general reader follows.
                    var headerEnd = buffer.AsSpan(start, length - start).IndexOf((byte)'\n');
                    if (headerEnd < 0 || buffer.AsSpan(start, headerEnd).IndexOf((byte)'"') >= 0
                        || buffer.AsSpan(start, headerEnd).TrimEnd((byte)'\r').IndexOfAny((byte)'\r', (byte)0) >= 0)
                    {
                        ok = false;
                        break;
                    }
                    start += headerEnd + 1;
                }
                int cut;
                if (end)
                {
                    cut = length;
                }
                else
                {
                    var lastNewline = buffer.AsSpan(start, length - start).LastIndexOf((byte)'\n');
                    if (lastNewline < 0)
                    {
                        // A line longer than a block: left to the general reader.
                        ok = false;
                        break;
                    }
                    cut = start + lastNewline + 1;
                }
                carry = ArrayPool<byte>.Shared.Rent(BlockSize);
                carried = length - cut;
                buffer.AsSpan(cut, carried).CopyTo(carry);
                var block = new Block { Bytes = buffer, Length = cut };
                var from = start;
                pending.Enqueue(Task.Run(() => Parse(block, from, layout)));
                while (pending.Count > threads + 1 || (end && pending.Count > 0))
                {
                    ok &= Take(pending.Dequeue().Result, builder);
                    if (!ok)
                    {
                        break;
                    }
                }
                if (end || !ok)
                {
                    break;
                }
            }
        }
        finally
        {
            while (pending.Count > 0)
            {
                Release(pending.Dequeue().Result);
            }
            ArrayPool<byte>.Shared.Return(carry);
        }
        return ok;
    }

    private static bool Take(Block block, Utf8CorpusBuilder builder)
    {
        try
        {
            if (block.Failed)
            {
                return false;
            }
            var bytes = block.Bytes.AsSpan();
            foreach (ref readonly var row in block.Rows.AsSpan(0, block.RowCount))
            {
                builder.Add(row.MessageHash, bytes.Slice(row.AccountStart, row.AccountLength), row.AccountHash,
                    bytes.Slice(row.UsernameStart, row.UsernameLength), row.Time,
                    bytes.Slice(row.RepostStart, row.RepostLength), row.RepostHash,
                    bytes.Slice(row.ReplyStart, row.ReplyLength), row.ReplyHash);
            }
            return true;
        }
        finally
        {
            Release(block);
        }
    }

    private static void Release(Block block)
    {
        if (block.Bytes.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(block.Bytes);
            block.Bytes = [];
        }
        if (block.Rows.Length > 0)
        {
            ArrayPool<Row>.Shared.Return(block.Rows);
            block.Rows = [];
        }
    }

    /// <summary>Cuts a block (whole lines) into rows; marks it failed on anything the general reader must see.</summary>
    private static Block Parse(Block block, int from, Layout layout)
    {
        var text = block.Bytes.AsSpan(from, block.Length - from);
        if (text.IndexOfAny((byte)'"', (byte)0) >= 0 || !Utf8.IsValid(text) || HasLoneCarriageReturn(text))
        {
            block.Failed = true;
            return block;
        }
        block.Rows = ArrayPool<Row>.Shared.Rent(text.Count((byte)'\n') + 1);
        var separator = (byte)layout.Separator;
        var count = 0;
        var position = from;
        while (position < block.Length)
        {
            var rest = block.Bytes.AsSpan(position, block.Length - position);
            var newline = rest.IndexOf((byte)'\n');
            var lineLength = newline < 0 ? rest.Length : newline;
            var line = rest[..lineLength];
            var lineStart = position;
            position += newline < 0 ? rest.Length : newline + 1;
            if (line.EndsWith("\r"u8))
            {
                line = line[..^1];
            }
            if (line.IsEmpty)
            {
                continue;
            }
            if (count == block.Rows.Length)
            {
                var rows = ArrayPool<Row>.Shared.Rent(count * 2);
                block.Rows.AsSpan(0, count).CopyTo(rows);
                ArrayPool<Row>.Shared.Return(block.Rows);
                block.Rows = rows;
            }
            if (!ParseRow(line, lineStart, layout, separator, ref block.Rows[count]))
            {
                block.Failed = true;
                return block;
            }
            count++;
        }
        block.RowCount = count;
        return block;
    }

    private static bool HasLoneCarriageReturn(ReadOnlySpan<byte> text)
    {
        var at = text.IndexOf((byte)'\r');
        while (at >= 0)
        {
            if (at + 1 < text.Length && text[at + 1] != (byte)'\n')
            {
                return true;
            }
            var next = text[(at + 1)..].IndexOf((byte)'\r');
            at = next < 0 ? -1 : at + 1 + next;
        }
        return false;
    }

    private static bool ParseRow(ReadOnlySpan<byte> line, int lineStart, Layout layout, byte separator, ref Row row)
    {
        Span<int> starts = stackalloc int[layout.Columns + 1];
        var column = 0;
        var at = 0;
        while (true)
        {
            starts[column] = at;
            var next = line[at..].IndexOf(separator);
            if (next < 0)
            {
                break;
            }
            at += next + 1;
            if (++column == layout.Columns)
            {
                return false;
            }
        }
        if (column != layout.Columns - 1)
        {
            return false;
        }
        starts[layout.Columns] = line.Length + 1;
        var messageId = Field(line, starts, layout.MessageId);
        var account = Field(line, starts, layout.Account);
        if (messageId.IsEmpty || account.IsEmpty || !TryTime(Field(line, starts, layout.Timestamp), layout.UnixOnly, out row.Time))
        {
            return false;
        }
        row.MessageHash = Utf8CorpusBuilder.Hash(messageId);
        row.AccountHash = Utf8CorpusBuilder.Hash(account);
        row.AccountStart = lineStart + starts[layout.Account];
        row.AccountLength = account.Length;
        (row.UsernameStart, row.UsernameLength) = Span(starts, layout.Username, lineStart);
        (row.RepostStart, row.RepostLength) = Span(starts, layout.RepostId, lineStart);
        (row.ReplyStart, row.ReplyLength) = Span(starts, layout.ReplyId, lineStart);
        row.RepostHash = row.RepostLength == 0 ? 0 : Utf8CorpusBuilder.Hash(Field(line, starts, layout.RepostId));
        row.ReplyHash = row.ReplyLength == 0 ? 0 : Utf8CorpusBuilder.Hash(Field(line, starts, layout.ReplyId));
        return true;
    }

    private static ReadOnlySpan<byte> Field(ReadOnlySpan<byte> line, ReadOnlySpan<int> starts, int column) =>
        line[starts[column]..(starts[column + 1] - 1)];

    private static (int Start, int Length) Span(ReadOnlySpan<int> starts, int column, int lineStart) =>
        column < 0 ? (0, 0) : (lineStart + starts[column], starts[column + 1] - 1 - starts[column]);

    /// <summary>As <see cref="Timestamps.TryParseUnix"/> (cnt-csv) or <see cref="Timestamps.TryParse"/> (tansiq-csv);
    /// whole seconds of up to 11 digits (any time before the year 5138) without either.</summary>
    private static bool TryTime(ReadOnlySpan<byte> field, bool unixOnly, out double seconds)
    {
        if (field.Length is > 0 and <= 11)
        {
            long value = 0;
            var digits = true;
            foreach (var b in field)
            {
                var d = b - (byte)'0';
                if ((uint)d > 9)
                {
                    digits = false;
                    break;
                }
                value = value * 10 + d;
            }
            if (digits)
            {
                seconds = value;
                return true;
            }
        }
        if (field.Length > 128)
        {
            seconds = 0;
            return false;
        }
        Span<char> chars = stackalloc char[field.Length];
        var length = Encoding.UTF8.GetChars(field, chars);
        return unixOnly
            ? Timestamps.TryParseUnix(chars[..length], out seconds, out _)
            : Timestamps.TryParse(chars[..length], out seconds, out _);
    }
}
