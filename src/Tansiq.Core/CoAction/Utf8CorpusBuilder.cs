using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Tansiq.Core.Model;

namespace Tansiq.Core.CoAction;

/// <summary>
/// A <see cref="CorpusBuilder"/> for the signals whose object is one id field of a row (co-repost, co-reply), fed
/// straight from a file's UTF-8 bytes: no message objects and no strings but one per new account, username and object.
/// The corpus it builds is the one <see cref="CorpusBuilder"/> builds from the same messages (same ids in the same
/// order, same duplicates, same events, same object authors). Not thread-safe.
/// </summary>
public sealed class Utf8CorpusBuilder
{
    private readonly Utf8Interner _accounts = new();
    private readonly Utf8Interner _objects = new();
    private readonly List<string?> _usernames = [];
    private readonly List<int> _messagesPerAccount = [];
    private readonly IdTable<int> _authorOf = new();
    private CoActionEvent[] _events = new CoActionEvent[1024];
    private int _eventCount;
    private int _messageCount;
    private int _duplicates;
    private double _minTime = double.PositiveInfinity;
    private double _maxTime = double.NegativeInfinity;

    /// <param name="kind"><see cref="SignalKind.CoRepost"/> or <see cref="SignalKind.CoReply"/>.</param>
    public Utf8CorpusBuilder(SignalKind kind)
    {
        if (kind is not (SignalKind.CoRepost or SignalKind.CoReply))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "only co-repost and co-reply take their object from one field");
        }
        Kind = kind;
    }

    public SignalKind Kind { get; }

    public int MessageCount => _messageCount;

    /// <summary>The hash a message id (or an object key naming a post) is known by: XxHash3 of its UTF-8 bytes, as in
    /// <see cref="CorpusBuilder"/>.</summary>
    public static ulong Hash(ReadOnlySpan<byte> utf8) => XxHash3.HashToUInt64(utf8);

    /// <summary>
    /// Adds one message: its id's <see cref="Hash"/>, its account id (non-empty) and username (empty for none), its time,
    /// and the repost and reply ids (empty for none) with their hashes (0 when empty). Returns false when the id was
    /// seen before (nothing is kept), as <see cref="CorpusBuilder.Add"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Add(ulong messageId, ReadOnlySpan<byte> account, ulong accountHash, ReadOnlySpan<byte> username, double time,
        ReadOnlySpan<byte> repostOf, ulong repostHash, ReadOnlySpan<byte> replyTo, ulong replyHash)
    {
        ref var author = ref _authorOf.GetOrAdd(messageId, out var seen);
        if (seen)
        {
            _duplicates++;
            return false;
        }
        var id = _accounts.Intern(account, accountHash, out var added);
        if (added)
        {
            _usernames.Add(username.IsEmpty ? null : Encoding.UTF8.GetString(username));
            _messagesPerAccount.Add(0);
        }
        else if (!username.IsEmpty && _usernames[id] is null)
        {
            _usernames[id] = Encoding.UTF8.GetString(username);
        }
        author = id;
        CollectionsMarshal.AsSpan(_messagesPerAccount)[id]++;
        var index = _messageCount++;
        _minTime = Math.Min(_minTime, time);
        _maxTime = Math.Max(_maxTime, time);
        var isRepost = Kind == SignalKind.CoRepost;
        if (!isRepost && !repostOf.IsEmpty)
        {
            return true;
        }
        var key = isRepost ? repostOf : replyTo;
        var keyHash = isRepost ? repostHash : replyHash;
        if (!key.IsEmpty)
        {
            if (_eventCount == _events.Length)
            {
                Array.Resize(ref _events, _events.Length * 2);
            }
            _events[_eventCount++] = new CoActionEvent(_objects.Intern(key, keyHash, out _), id, index, time);
        }
        return true;
    }

    /// <summary>Reads the table slot of a message id about to be added (see <see cref="Add"/>): a hint, returns what
    /// it read so that the read is kept.</summary>
    public ulong Touch(ulong messageId) => _authorOf.Touch(messageId);

    /// <summary>
    /// Makes room for about <paramref name="messages"/> messages in all (a hint, e.g. from a file's size): the message-id
    /// table (and, for co-repost, the events) then grow at most once more instead of doubling their way up and leaving
    /// every smaller copy behind until the next full collection. Never shrinks anything; changes no result.
    /// </summary>
    public void EnsureCapacity(int messages)
    {
        _authorOf.EnsureCapacity(messages);
        if (Kind == SignalKind.CoRepost && _events.Length < messages)
        {
            Array.Resize(ref _events, messages);
        }
    }

    public Corpus Build()
    {
        var accounts = new Interner(_accounts.Count);
        foreach (var name in _accounts.Names)
        {
            accounts.Intern(name);
        }
        var events = _events;
        _events = [];
        var signal = SignalEventsBuilder.Layout(Kind, _objects.Names, events, _eventCount, multi: false);
        var of = new int[signal.ObjectCount];
        for (var obj = 0; obj < of.Length; obj++)
        {
            of[obj] = _authorOf.TryGetValue(_objects.HashOf(obj), out var author) ? author : -1;
        }
        var empty = _messageCount == 0;
        return new Corpus(accounts, [.. _usernames], [.. _messagesPerAccount], _messageCount, _duplicates,
            empty ? 0 : _minTime, empty ? 0 : _maxTime, new Dictionary<SignalKind, SignalEvents> { [Kind] = signal }, [],
            new Dictionary<SignalKind, int[]> { [Kind] = of });
    }
}

/// <summary>
/// Message id hashes to a value each (their author; with <see cref="CorpusBuilder"/> also their time): a slot is the
/// 8-byte hash and the value (12 bytes for an int), open addressing, at most 3/4 full. The hash is the key: two ids with
/// the same 64-bit hash are one id, as they were in the dictionary this replaces.
/// </summary>
internal sealed class IdTable<TValue>
    where TValue : unmanaged
{
    /// <summary>A key and its value side by side: a lookup that misses the cache misses it once, not once per array.</summary>
    private struct Entry
    {
        public ulong Key;
        public TValue Value;
    }

    private Entry[] _entries = new Entry[1 << 10];
    private bool _hasZero;
    private TValue _zeroValue;
    private int _count;

    /// <summary>How many keys the table holds.</summary>
    public int Count => _count + (_hasZero ? 1 : 0);

    /// <summary>How many slots the table has (a power of two).</summary>
    public int Capacity => _entries.Length;

    /// <summary>The value slot of <paramref name="key"/>, added (0) when absent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ref TValue GetOrAdd(ulong key, out bool exists)
    {
        if (key == 0)
        {
            exists = _hasZero;
            _hasZero = true;
            return ref _zeroValue;
        }
        if (_count * 4 >= _entries.Length * 3)
        {
            Grow();
        }
        var entries = _entries;
        var mask = entries.Length - 1;
        var slot = (int)(key >> 7) & mask;
        while (true)
        {
            ref var e = ref entries[slot];
            if (e.Key == key)
            {
                exists = true;
                return ref e.Value;
            }
            if (e.Key == 0)
            {
                e.Key = key;
                _count++;
                exists = false;
                return ref e.Value;
            }
            slot = (slot + 1) & mask;
        }
    }

    /// <summary>Reads the home slot of <paramref name="key"/>, so that a later <see cref="GetOrAdd"/> finds it in the
    /// cache: the caller reads the slots of a batch of ids first, and their cache misses overlap.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Touch(ulong key) => _entries[(int)(key >> 7) & (_entries.Length - 1)].Key;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryGetValue(ulong key, out TValue value)
    {
        if (key == 0)
        {
            value = _zeroValue;
            return _hasZero;
        }
        var entries = _entries;
        var mask = entries.Length - 1;
        var slot = (int)(key >> 7) & mask;
        while (true)
        {
            ref var e = ref entries[slot];
            if (e.Key == key)
            {
                value = e.Value;
                return true;
            }
            if (e.Key == 0)
            {
                value = default;
                return false;
            }
            slot = (slot + 1) & mask;
        }
    }

    /// <summary>Empties the table and lets its arrays go.</summary>
    public void Release()
    {
        _entries = new Entry[1 << 10];
        _hasZero = false;
        _zeroValue = default;
        _count = 0;
    }

    /// <summary>Grows the table at once to hold <paramref name="count"/> keys without growing again.</summary>
    public void EnsureCapacity(int count)
    {
        var needed = (long)count * 4 / 3 + 1;
        if (needed > _entries.Length && needed <= 1 << 30)
        {
            Resize((int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)needed));
        }
    }

    private void Grow() => Resize(_entries.Length * 2);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Resize(int size)
    {
        // Huge pages for a large table: every new message id lands on a random slot, and with 4 KiB pages nearly
        // every one would also miss the TLB.
        var entries = HugePages.NewArray<Entry>(size);
        var mask = entries.Length - 1;
        foreach (ref readonly var old in _entries.AsSpan())
        {
            if (old.Key == 0)
            {
                continue;
            }
            var slot = (int)(old.Key >> 7) & mask;
            while (entries[slot].Key != 0)
            {
                slot = (slot + 1) & mask;
            }
            entries[slot] = old;
        }
        _entries = entries;
    }
}

/// <summary>Maps UTF-8 byte strings to dense ids (0, 1, 2, ...) in order of first appearance, by a caller-supplied
/// 64-bit hash and a byte comparison; keeps one string per distinct key. Open addressing, linear probing.</summary>
internal sealed class Utf8Interner
{
    private readonly List<string> _names = [];
    private byte[] _arena = new byte[1 << 12];
    private int _arenaUsed;
    private long[] _spans = new long[64];
    private ulong[] _hashes = new ulong[64];
    private int[] _slots = new int[128];
    private int _count;

    public int Count => _count;

    public IReadOnlyList<string> Names => _names;

    public ulong HashOf(int id) => _hashes[id];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Intern(ReadOnlySpan<byte> key, ulong hash, out bool added)
    {
        var mask = _slots.Length - 1;
        var slot = (int)(hash ^ (hash >> 29)) & mask;
        while (true)
        {
            var entry = _slots[slot];
            if (entry == 0)
            {
                break;
            }
            var id = entry - 1;
            if (_hashes[id] == hash)
            {
                var span = _spans[id];
                if (_arena.AsSpan((int)(span >> 32), (int)span).SequenceEqual(key))
                {
                    added = false;
                    return id;
                }
            }
            slot = (slot + 1) & mask;
        }
        added = true;
        var newId = _count++;
        if (newId == _hashes.Length)
        {
            Array.Resize(ref _hashes, newId * 2);
            Array.Resize(ref _spans, newId * 2);
        }
        if (_arenaUsed + key.Length > _arena.Length)
        {
            Array.Resize(ref _arena, Math.Max(_arena.Length * 2, _arenaUsed + key.Length));
        }
        key.CopyTo(_arena.AsSpan(_arenaUsed));
        _spans[newId] = ((long)_arenaUsed << 32) | (uint)key.Length;
        _arenaUsed += key.Length;
        _hashes[newId] = hash;
        _names.Add(Encoding.UTF8.GetString(key));
        _slots[slot] = newId + 1;
        if (_count * 2 > _slots.Length)
        {
            Grow();
        }
        return newId;
    }

    private void Grow()
    {
        var slots = new int[_slots.Length * 2];
        var mask = slots.Length - 1;
        for (var id = 0; id < _count; id++)
        {
            var hash = _hashes[id];
            var slot = (int)(hash ^ (hash >> 29)) & mask;
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }
            slots[slot] = id + 1;
        }
        _slots = slots;
    }
}
