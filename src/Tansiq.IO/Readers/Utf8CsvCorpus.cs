using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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

    // Written so that the reads of Take's prefetch are kept; never read.
    private static ulong _touched;

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
        var firstBlock = true;
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
                    // The header row: its columns were read by the general reader (Layout.Of); it ends at the first line
                    // end outside quotes. A carriage return before that (or a NUL) is left to the general reader.
                    var headerEnd = LastRowEnd(buffer.AsSpan(start, length - start), first: true);
                    if (headerEnd < 0 || buffer.AsSpan(start, headerEnd).TrimEnd((byte)'\r').IndexOfAny((byte)'\r', (byte)0) >= 0)
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
                    var lastNewline = LastRowEnd(buffer.AsSpan(start, length - start), first: false);
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
                if (firstBlock)
                {
                    firstBlock = false;
                    Presize(stream, block, from, builder);
                }
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Take(Block block, Utf8CorpusBuilder builder)
    {
        try
        {
            if (block.Failed)
            {
                return false;
            }
            var bytes = block.Bytes.AsSpan();
            var rows = block.Rows.AsSpan(0, block.RowCount);
            ulong touched = 0;
            for (var i = 0; i < rows.Length; i++)
            {
                // The message-id table is large and read at random: read the slot of the id 16 rows ahead now, so
                // that the cache misses of 16 rows are in flight together instead of one after another.
                if ((i & 15) == 0)
                {
                    foreach (ref readonly var next in rows.Slice(Math.Min(i + 16, rows.Length), Math.Clamp(rows.Length - i - 16, 0, 16)))
                    {
                        touched += builder.Touch(next.MessageHash);
                    }
                }
                ref readonly var row = ref rows[i];
                builder.Add(row.MessageHash, bytes.Slice(row.AccountStart, row.AccountLength), row.AccountHash,
                    bytes.Slice(row.UsernameStart, row.UsernameLength), row.Time,
                    bytes.Slice(row.RepostStart, row.RepostLength), row.RepostHash,
                    bytes.Slice(row.ReplyStart, row.ReplyLength), row.ReplyHash);
            }
            _touched = touched;
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

    /// <summary>
    /// Finds the next separator, line feed, carriage return or quote of a block, 64 bytes at a time: one vector pass
    /// makes a bit mask of the stops in a 64-byte window, and each field end is then a count of trailing zeros instead
    /// of a search call per field.
    /// </summary>
    private ref struct Stops(ReadOnlySpan<byte> bytes, byte separator)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private readonly byte _separator = separator;
        private int _window = -1;
        private ulong _mask;
        private ulong _quotes;

        /// <summary>The first stop at or after <paramref name="from"/>, or the block's length.</summary>
        public int Next(int from)
        {
            while (from < _bytes.Length)
            {
                Load(from >> 6);
                var m = _mask >> (from & 63);
                if (m != 0)
                {
                    return from + BitOperations.TrailingZeroCount(m);
                }
                from = (from | 63) + 1;
            }
            return _bytes.Length;
        }

        /// <summary>The first quote at or after <paramref name="from"/>, or -1.</summary>
        public int NextQuote(int from)
        {
            while (from < _bytes.Length)
            {
                Load(from >> 6);
                var m = _quotes >> (from & 63);
                if (m != 0)
                {
                    return from + BitOperations.TrailingZeroCount(m);
                }
                from = (from | 63) + 1;
            }
            return -1;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Load(int window)
        {
            if (window != _window)
            {
                Compute(window);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Compute(int window)
        {
            _window = window;
            var start = window << 6;
            if (start + 64 <= _bytes.Length && Vector128.IsHardwareAccelerated)
            {
                ref var at = ref MemoryMarshal.GetReference(_bytes[start..]);
                var separator = Vector128.Create(_separator);
                var newline = Vector128.Create((byte)'\n');
                var carriage = Vector128.Create((byte)'\r');
                var quote = Vector128.Create((byte)'"');
                ulong mask = 0, quotes = 0;
                for (var i = 0; i < 4; i++)
                {
                    var v = Vector128.LoadUnsafe(ref at, (nuint)(i * 16));
                    var q = Vector128.Equals(v, quote);
                    var any = Vector128.Equals(v, separator) | Vector128.Equals(v, newline) | Vector128.Equals(v, carriage) | q;
                    mask |= (ulong)any.ExtractMostSignificantBits() << (i * 16);
                    quotes |= (ulong)q.ExtractMostSignificantBits() << (i * 16);
                }
                (_mask, _quotes) = (mask, quotes);
                return;
            }
            (_mask, _quotes) = (0, 0);
            var end = Math.Min(start + 64, _bytes.Length);
            for (var i = start; i < end; i++)
            {
                var b = _bytes[i];
                if (b == _separator || b == (byte)'\n' || b == (byte)'\r' || b == (byte)'"')
                {
                    _mask |= 1UL << (i - start);
                    _quotes |= b == (byte)'"' ? 1UL << (i - start) : 0;
                }
            }
        }
    }

    /// <summary>
    /// Where the last complete row of <paramref name="text"/> (which starts at a row's start) ends: the index of the last
    /// line feed outside quotes (<paramref name="first"/>: of the first one), or -1. A quote toggles "inside quotes"
    /// (a doubled quote toggles twice), so a line feed is outside quotes when an even number of quotes comes before it;
    /// a stray quote that breaks this rule is caught when the block holding it is parsed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int LastRowEnd(ReadOnlySpan<byte> text, bool first)
    {
        if (first)
        {
            var quotes = 0;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == (byte)'"')
                {
                    quotes++;
                }
                else if (text[i] == (byte)'\n' && (quotes & 1) == 0)
                {
                    return i;
                }
            }
            return -1;
        }
        var total = text.Count((byte)'"');
        var after = 0;
        var end = text.Length;
        while (true)
        {
            var newline = text[..end].LastIndexOf((byte)'\n');
            if (newline < 0)
            {
                return -1;
            }
            if (total != 0)
            {
                after += text[newline..end].Count((byte)'"');
            }
            if (((total - after) & 1) == 0)
            {
                return newline;
            }
            end = newline;
        }
    }

    /// <summary>
    /// Sizes the builder's tables for the whole file from its first block (rows per byte times the file's length), so
    /// that they do not double their way up and leave every smaller copy behind. Only a hint: a wrong guess costs memory
    /// or a later growth, never a result. Compressed files (length unknown) are not sized.
    /// </summary>
    private static void Presize(Stream stream, Block block, int from, Utf8CorpusBuilder builder)
    {
        if (stream is not FileStream { CanSeek: true } file || block.Length - from <= 0)
        {
            return;
        }
        var text = block.Bytes.AsSpan(from, block.Length - from);
        var rows = text.Count((byte)'\n') + 1;
        var scale = (double)(file.Length - from) / text.Length;
        if (scale <= 1.5)
        {
            return;
        }
        var estimated = rows * scale * 1.02;
        builder.EnsureCapacity((int)Math.Min(int.MaxValue / 2, builder.MessageCount + estimated));
    }

    /// <summary>Cuts a block (whole rows) into rows; marks it failed on anything the general reader must see.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Block Parse(Block block, int from, Layout layout)
    {
        var bytes = block.Bytes.AsSpan(0, block.Length);
        var text = bytes[from..];
        if (text.IndexOf((byte)0) >= 0 || !Utf8.IsValid(text))
        {
            block.Failed = true;
            return block;
        }
        block.Rows = ArrayPool<Row>.Shared.Rent(text.Count((byte)'\n') + 1);
        var stops = new Stops(bytes, (byte)layout.Separator);
        Span<int> starts = stackalloc int[layout.Columns];
        Span<int> lengths = stackalloc int[layout.Columns];
        var count = 0;
        var position = from;
        while (position < bytes.Length)
        {
            // Blank lines are skipped, as the general reader skips them.
            if (bytes[position] == (byte)'\n')
            {
                position++;
                continue;
            }
            if (bytes[position] == (byte)'\r' && position + 1 < bytes.Length && bytes[position + 1] == (byte)'\n')
            {
                position += 2;
                continue;
            }
            if (count == block.Rows.Length)
            {
                var rows = ArrayPool<Row>.Shared.Rent(count * 2);
                block.Rows.AsSpan(0, count).CopyTo(rows);
                ArrayPool<Row>.Shared.Return(block.Rows);
                block.Rows = rows;
            }
            if (!SplitRow(bytes, ref position, layout, ref stops, starts, lengths) || !ParseRow(bytes, starts, lengths, layout, ref block.Rows[count]))
            {
                block.Failed = true;
                return block;
            }
            count++;
        }
        block.RowCount = count;
        return block;
    }

    /// <summary>
    /// Splits the row at <paramref name="position"/> into its fields (where each starts and how long it is, quotes taken
    /// off) and moves past its line end. False when the row is not what the general reader would read the same way:
    /// a quote inside an unquoted field, text after a closing quote, a quote not closed in the block, a carriage return
    /// outside quotes that does not end the line, or another number of fields than the header's. Quoted fields may hold
    /// separators, line breaks and doubled quotes (such a field is marked by a negative length, which only matters
    /// when the field is one the signal needs).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool SplitRow(ReadOnlySpan<byte> bytes, ref int position, Layout layout, ref Stops stops,
        scoped Span<int> starts, scoped Span<int> lengths)
    {
        var separator = (byte)layout.Separator;
        var at = position;
        var column = 0;
        while (true)
        {
            if (column == layout.Columns)
            {
                return false;
            }
            int next;
            if (at < bytes.Length && bytes[at] == (byte)'"')
            {
                var q = at + 1;
                var doubled = false;
                while (true)
                {
                    q = stops.NextQuote(q);
                    if (q < 0)
                    {
                        return false;
                    }
                    if (q + 1 < bytes.Length && bytes[q + 1] == (byte)'"')
                    {
                        doubled = true;
                        q += 2;
                        continue;
                    }
                    break;
                }
                starts[column] = at + 1;
                lengths[column] = doubled || bytes[(at + 1)..q].IndexOfAny((byte)'\n', (byte)'\r') >= 0 ? -1 : q - at - 1;
                next = q + 1;
                if (next < bytes.Length && bytes[next] != separator && bytes[next] != (byte)'\n' && bytes[next] != (byte)'\r')
                {
                    return false;
                }
            }
            else
            {
                next = stops.Next(at);
                if (next < bytes.Length && bytes[next] == (byte)'"')
                {
                    return false;
                }
                starts[column] = at;
                lengths[column] = next - at;
            }
            column++;
            if (next >= bytes.Length)
            {
                position = bytes.Length;
                break;
            }
            var stop = bytes[next];
            if (stop == separator)
            {
                at = next + 1;
                continue;
            }
            if (stop == (byte)'\r')
            {
                if (next + 1 >= bytes.Length || bytes[next + 1] != (byte)'\n')
                {
                    return false;
                }
                next++;
            }
            position = next + 1;
            break;
        }
        return column == layout.Columns;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool ParseRow(ReadOnlySpan<byte> bytes, ReadOnlySpan<int> starts, ReadOnlySpan<int> lengths, Layout layout, ref Row row)
    {
        if (!Needed(lengths, layout.MessageId, out var messageLength) || !Needed(lengths, layout.Account, out var accountLength)
            || !Needed(lengths, layout.Timestamp, out var timeLength) || !Needed(lengths, layout.Username, out var usernameLength)
            || !Needed(lengths, layout.RepostId, out var repostLength) || !Needed(lengths, layout.ReplyId, out var replyLength))
        {
            return false;
        }
        var messageId = bytes.Slice(starts[layout.MessageId], messageLength);
        var account = bytes.Slice(starts[layout.Account], accountLength);
        if (messageId.IsEmpty || account.IsEmpty || !TryTime(bytes.Slice(starts[layout.Timestamp], timeLength), layout.UnixOnly, out row.Time))
        {
            return false;
        }
        row.MessageHash = Utf8CorpusBuilder.Hash(messageId);
        row.AccountHash = Utf8CorpusBuilder.Hash(account);
        row.AccountStart = starts[layout.Account];
        row.AccountLength = accountLength;
        (row.UsernameStart, row.UsernameLength) = layout.Username < 0 ? (0, 0) : (starts[layout.Username], usernameLength);
        (row.RepostStart, row.RepostLength) = layout.RepostId < 0 ? (0, 0) : (starts[layout.RepostId], repostLength);
        (row.ReplyStart, row.ReplyLength) = layout.ReplyId < 0 ? (0, 0) : (starts[layout.ReplyId], replyLength);
        row.RepostHash = row.RepostLength == 0 ? 0 : Utf8CorpusBuilder.Hash(bytes.Slice(row.RepostStart, row.RepostLength));
        row.ReplyHash = row.ReplyLength == 0 ? 0 : Utf8CorpusBuilder.Hash(bytes.Slice(row.ReplyStart, row.ReplyLength));
        return true;
    }

    /// <summary>
    /// The length of a needed field (0 for an absent column); false when it holds a doubled quote, a line break or a
    /// carriage return (kept for the general reader, which unquotes and reports such values its own way).
    /// </summary>
    private static bool Needed(ReadOnlySpan<int> lengths, int column, out int length)
    {
        length = column < 0 ? 0 : lengths[column];
        return length >= 0;
    }

    /// <summary>As <see cref="Timestamps.TryParseUnix"/> (cnt-csv) or <see cref="Timestamps.TryParse"/> (tansiq-csv);
    /// whole seconds of up to 11 digits (any time before the year 5138) without either.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
