namespace Tansiq.Core.Text;

/// <summary>
/// Many texts kept in large shared character blocks instead of one string each. A corpus of ten million posts keeps
/// millions of texts alive until it is built; as strings they are millions of objects that every full garbage
/// collection traces and every compaction moves, so reading slowed down as the heap grew. In blocks the collector sees
/// a few thousand arrays without references. Texts are kept exactly (UTF-16, lone surrogates included). Not thread-safe
/// for adding; reading from several threads is safe once adding is over.
/// </summary>
public sealed class TextStore
{
    private const int BlockChars = 1 << 20;
    private const int FirstBlockChars = 1 << 12;

    private readonly List<char[]> _blocks = [];
    private char[] _current = [];
    private int _used;
    // Each text's block (high 32 bits) and offset in it (low 32 bits), and its length.
    private long[] _at = new long[256];
    private int[] _length = new int[256];
    private int _count;

    public int Count => _count;

    /// <summary>Keeps <paramref name="text"/>; returns its index (0, 1, 2, ... in order of adding).</summary>
    public int Add(ReadOnlySpan<char> text)
    {
        if (_count == _at.Length)
        {
            Array.Resize(ref _at, _count * 2);
            Array.Resize(ref _length, _count * 2);
        }
        if (_blocks.Count == 0 || text.Length > _current.Length - _used)
        {
            // Blocks grow from small (a store per signal of a small corpus) to BlockChars; a text longer than a block
            // gets a block of its own.
            _current = new char[Math.Max(Math.Min(BlockChars, Math.Max(FirstBlockChars, _current.Length * 2)), text.Length)];
            _blocks.Add(_current);
            _used = 0;
        }
        text.CopyTo(_current.AsSpan(_used));
        _at[_count] = ((long)(_blocks.Count - 1) << 32) | (uint)_used;
        _length[_count] = text.Length;
        _used += text.Length;
        return _count++;
    }

    /// <summary>The text of index <paramref name="index"/>, valid as long as the store.</summary>
    public ReadOnlySpan<char> this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
            var at = _at[index];
            return _blocks[(int)(at >> 32)].AsSpan((int)(uint)at, _length[index]);
        }
    }

    public string GetString(int index) => new(this[index]);

    /// <summary>Lets every text go (the blocks are released to the collector).</summary>
    public void Clear()
    {
        _blocks.Clear();
        _current = [];
        _used = 0;
        _at = new long[256];
        _length = new int[256];
        _count = 0;
    }
}

/// <summary>
/// Original posts to cluster (<see cref="TextClusterer"/>), kept as columns and their texts in a <see cref="TextStore"/>:
/// no object per post. With each post an id of the caller's (a message id) is kept too: as its number when it is one
/// written the canonical way (most platforms' ids: 8 bytes instead of 50 for a 19-digit id as text), as text otherwise.
/// </summary>
public sealed class TextPostTable : ITextPosts
{
    private readonly TextStore _texts = new();
    private readonly TextStore _ids = new();
    // Each post's id: the number itself (>= 0) or the complement of its index in _ids (< 0).
    private readonly List<long> _idCodes = [];
    private readonly List<int> _messageIndex = [];
    private readonly List<int> _accountIndex = [];
    private readonly List<double> _time = [];

    public int Count => _messageIndex.Count;

    public void Add(int messageIndex, int accountIndex, double time, ReadOnlySpan<char> text, ReadOnlySpan<char> id)
    {
        _messageIndex.Add(messageIndex);
        _accountIndex.Add(accountIndex);
        _time.Add(time);
        _texts.Add(text);
        _idCodes.Add(NumericId(id) is { } number ? number : ~(long)_ids.Add(id));
    }

    /// <summary>The id as a number when writing that number back gives the same text (digits only, no sign, no leading
    /// zero, at most 19 digits and below 2^63); null otherwise.</summary>
    internal static long? NumericId(ReadOnlySpan<char> id)
    {
        if (id.Length is 0 or > 19 || (id[0] == '0' && id.Length > 1))
        {
            return null;
        }
        ulong value = 0;
        foreach (var c in id)
        {
            if (c is < '0' or > '9')
            {
                return null;
            }
            value = (value * 10) + (ulong)(c - '0');
        }
        // 19 digits fit in an unsigned long without overflow; above long.MaxValue the id stays text.
        return value <= long.MaxValue ? (long)value : null;
    }

    public int MessageIndex(int post) => _messageIndex[post];

    public int AccountIndex(int post) => _accountIndex[post];

    public double Time(int post) => _time[post];

    public string Text(int post) => _texts.GetString(post);

    /// <summary>The text of a post without a copy (safe from several threads once adding is over).</summary>
    public ReadOnlySpan<char> TextOf(int post) => _texts[post];

    public string Id(int post) => _idCodes[post] is var code && code >= 0
        ? code.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : _ids.GetString((int)~code);

    public void Clear()
    {
        _texts.Clear();
        _ids.Clear();
        _idCodes.Clear();
        _messageIndex.Clear();
        _accountIndex.Clear();
        _time.Clear();
    }
}
