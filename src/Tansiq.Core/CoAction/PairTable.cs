using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Tansiq.Core.CoAction;

/// <summary>What the sweep learns about one unordered pair of accounts on one signal.</summary>
public struct PairStats
{
    /// <summary>Toolkit weight from the lower id's side: distinct messages of Lo with a message of Hi on the same object within the window.</summary>
    public int LoToHi;
    /// <summary>The same from the higher id's side.</summary>
    public int HiToLo;
    /// <summary>Distinct objects on which the two acted within the window of each other.</summary>
    public int SyncObjects;
    /// <summary>Distinct objects on which both acted, but only further apart than the window (up to the control horizon).</summary>
    public int ControlObjects;
    /// <summary>
    /// Sum of the evidence weights of the synchronous objects, in fixed point (1/65536): integer sums do not depend on
    /// the order in which threads add them, so results are the same on every run, and an entry stays at 32 bytes.
    /// </summary>
    public int EvidenceUnits;

    public const double EvidenceScale = 65536.0;

    public readonly double Evidence => EvidenceUnits / EvidenceScale;

    public static int ToUnits(double weight) => (int)Math.Round(weight * EvidenceScale);

    /// <summary>The undirected weight: the larger of the two directed toolkit weights (also CooRTweet's pair weight).</summary>
    public readonly int Weight => Math.Max(LoToHi, HiToLo);
}

/// <summary>
/// A hash map from an unordered account pair to its <see cref="PairStats"/>, split into shards by a hash of the pair:
/// during a parallel sweep each thread owns one shard and records only the pairs that fall in it, so the threads never
/// share an entry, need no locks, and no pair is held twice (one table per thread would each hold nearly every pair of a
/// fan base, then have to be merged). A pair packs (lo, hi) into one long.
/// </summary>
public sealed class PairTable
{
    private readonly PairShard[] _shards;

    /// <summary>A table of one shard.</summary>
    public PairTable(int capacity = 1024)
        : this(1, capacity)
    {
    }

    /// <summary>A table of <paramref name="shards"/> shards, each starting with room for <paramref name="capacityPerShard"/> pairs.</summary>
    public PairTable(int shards, int capacityPerShard)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        _shards = new PairShard[shards];
        for (var i = 0; i < shards; i++)
        {
            _shards[i] = new PairShard(capacityPerShard);
        }
    }

    public int Count
    {
        get
        {
            var count = 0;
            foreach (var shard in _shards)
            {
                count += shard.Count;
            }
            return count;
        }
    }

    public int ShardCount => _shards.Length;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Key(int a, int b) => a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;

    public static (int Lo, int Hi) Unpack(long key) => ((int)(key >> 32), (int)(key & 0xFFFFFFFF));

    /// <summary>
    /// The shard of a pair among <paramref name="shards"/>: a second multiplicative hash (another constant than the
    /// slot's, so that a shard's pairs still spread over all of its slots), mapped onto [0, shards) by multiply-shift.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ShardOf(long key, int shards) =>
        (int)(((ulong)(key * unchecked((long)0xC2B2AE3D27D4EB4F)) >> 32) * (ulong)(uint)shards >> 32);

    internal PairShard Shard(int index) => _shards[index];

    private PairShard ShardFor(long key) => _shards.Length == 1 ? _shards[0] : _shards[ShardOf(key, _shards.Length)];

    /// <summary>The stats of pair (a, b), added as empty if absent.</summary>
    public ref PairStats GetOrAdd(int a, int b) => ref GetOrAdd(Key(a, b));

    /// <summary>The stats of the pair packed in <paramref name="key"/> (see <see cref="Key"/>), added as empty if absent.</summary>
    public ref PairStats GetOrAdd(long key) => ref ShardFor(key).GetOrAdd(key);

    /// <summary>The stats of pair (a, b), or a null reference when the pair is absent.</summary>
    public ref PairStats Find(int a, int b) => ref Find(Key(a, b));

    /// <summary>The stats of the pair packed in <paramref name="key"/>, or a null reference when the pair is absent.</summary>
    public ref PairStats Find(long key) => ref ShardFor(key).Find(key);

    /// <summary>Counts one message of <paramref name="from"/> that met <paramref name="to"/> within the window.</summary>
    public void AddDirected(int from, int to) => ShardFor(Key(from, to)).AddDirected(from, to);

    /// <summary>Every stored pair, lo &lt; hi, shard by shard in slot order (not sorted).</summary>
    public IEnumerable<(int Lo, int Hi, PairStats Stats)> Pairs()
    {
        foreach (var shard in _shards)
        {
            foreach (var pair in shard.Pairs())
            {
                yield return pair;
            }
        }
    }

    /// <summary>Visits every stored pair with a reference to its stats, so they can be updated in place.</summary>
    public void ForEach(PairVisitor visitor)
    {
        foreach (var shard in _shards)
        {
            shard.ForEach(visitor);
        }
    }

    public delegate void PairVisitor(int lo, int hi, ref PairStats stats);
}

/// <summary>
/// One shard of a <see cref="PairTable"/>: an open-addressing hash map from an unordered account pair to its
/// <see cref="PairStats"/>. The key packs (lo, hi) into one long (see <see cref="PairTable.Key"/>); 0 marks an empty
/// slot, which is safe because a self-pair is never stored. Not thread-safe: one thread owns a shard while it fills it.
/// </summary>
internal sealed class PairShard
{
    // Key and stats side by side, 32 bytes, stored from a 64-byte boundary: two whole entries to a cache line, so an
    // update costs one miss. (A plain Entry[] starts 24 bytes into a line, and every other entry would span two.)
    [StructLayout(LayoutKind.Sequential, Size = EntryBytes)]
    private struct Entry
    {
        public long Key;
        public PairStats Stats;
    }

    private const int EntryBytes = 32;
    private const int LongsPerEntry = EntryBytes / sizeof(long);

    // Pinned (never moved by the GC), so the alignment computed once holds for the array's life.
    private long[] _storage;
    private int _offset;
    private int _size;
    private int _count;
    private int _shift;
    private int _growAt;
    // Written so the loads of Touch are not optimised away; never read.
    private long _touched;

    public PairShard(int capacity)
    {
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, capacity * 2));
        (_storage, _offset) = NewStorage(size);
        _size = size;
        _shift = 64 - BitOperations.Log2((uint)size);
        _growAt = (int)(size * 0.7);
    }

    public int Count => _count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref Entry At(long[] storage, int offset, int slot) =>
        ref Unsafe.As<long, Entry>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(storage), (nint)offset + ((nint)slot * LongsPerEntry)));

    /// <summary>The stats of the pair packed in <paramref name="key"/> (see <see cref="PairTable.Key"/>), added as empty if absent.</summary>
    public ref PairStats GetOrAdd(long key)
    {
        var storage = _storage;
        var offset = _offset;
        var mask = _size - 1;
        var slot = Slot(key);
        while (true)
        {
            ref var entry = ref At(storage, offset, slot);
            if (entry.Key == key)
            {
                return ref entry.Stats;
            }
            if (entry.Key == 0)
            {
                if (_count + 1 > _growAt)
                {
                    Grow();
                    return ref GetOrAdd(key);
                }
                entry.Key = key;
                _count++;
                return ref entry.Stats;
            }
            slot = (slot + 1) & mask;
        }
    }

    /// <summary>The stats of the pair packed in <paramref name="key"/>, or a null reference when the pair is absent.</summary>
    public ref PairStats Find(long key)
    {
        var storage = _storage;
        var offset = _offset;
        var mask = _size - 1;
        var slot = Slot(key);
        while (true)
        {
            ref var entry = ref At(storage, offset, slot);
            if (entry.Key == key)
            {
                return ref entry.Stats;
            }
            if (entry.Key == 0)
            {
                return ref Unsafe.NullRef<PairStats>();
            }
            slot = (slot + 1) & mask;
        }
    }

    /// <summary>Counts one message of <paramref name="from"/> that met <paramref name="to"/> within the window.</summary>
    public void AddDirected(int from, int to)
    {
        ref var s = ref GetOrAdd(PairTable.Key(from, to));
        if (from < to)
        {
            s.LoToHi++;
        }
        else
        {
            s.HiToLo++;
        }
    }

    /// <summary>
    /// Counts one co-action in each direction for every pair in <paramref name="keys"/> (each acted once on one object,
    /// within the window) and adds <paramref name="syncObjects"/> and <paramref name="evidenceUnits"/> to each.
    /// The same as calling <see cref="GetOrAdd(long)"/> per key, but faster on a table larger than the cache: the slots of
    /// the whole batch are read first, so their cache misses overlap instead of being paid one after another.
    /// </summary>
    public void AddMutual(ReadOnlySpan<long> keys, int syncObjects, int evidenceUnits)
    {
        Touch(keys);
        foreach (var key in keys)
        {
            ref var s = ref GetOrAdd(key);
            s.LoToHi++;
            s.HiToLo++;
            s.SyncObjects += syncObjects;
            s.EvidenceUnits += evidenceUnits;
        }
    }

    /// <summary>Counts one control object for every pair of <paramref name="keys"/> that is present.</summary>
    public void AddControl(ReadOnlySpan<long> keys)
    {
        Touch(keys);
        foreach (var key in keys)
        {
            ref var s = ref Find(key);
            if (!Unsafe.IsNullRef(ref s))
            {
                s.ControlObjects++;
            }
        }
    }

    /// <summary>Reads the home slot of every key, independent loads the processor can have in flight together.</summary>
    private void Touch(ReadOnlySpan<long> keys)
    {
        var storage = _storage;
        var offset = _offset;
        long sum = 0;
        foreach (var key in keys)
        {
            sum += At(storage, offset, Slot(key)).Key;
        }
        _touched = sum;
    }

    /// <summary>Every stored pair, lo &lt; hi, in slot order (not sorted).</summary>
    public IEnumerable<(int Lo, int Hi, PairStats Stats)> Pairs()
    {
        for (var i = 0; i < _size; i++)
        {
            var entry = At(_storage, _offset, i);
            if (entry.Key != 0)
            {
                var (lo, hi) = PairTable.Unpack(entry.Key);
                yield return (lo, hi, entry.Stats);
            }
        }
    }

    /// <summary>Visits every stored pair with a reference to its stats, so they can be updated in place.</summary>
    public void ForEach(PairTable.PairVisitor visitor)
    {
        for (var i = 0; i < _size; i++)
        {
            ref var entry = ref At(_storage, _offset, i);
            if (entry.Key != 0)
            {
                var (lo, hi) = PairTable.Unpack(entry.Key);
                visitor(lo, hi, ref entry.Stats);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Slot(long key) => (int)((ulong)(key * unchecked((long)0x9E3779B97F4A7C15)) >> _shift);

    /// <summary>
    /// Zeroed, pinned storage for <paramref name="size"/> entries and the offset (in longs) of the first, 64-byte aligned.
    /// A large table is read and written at random, one cache line per update: with 4 KiB pages nearly every update also
    /// misses the TLB, and every page is a fault of its own, so a large one asks for transparent huge pages (2 MiB)
    /// before its pages are first touched. Where the hint is not honoured nothing changes but the speed.
    /// </summary>
    private static (long[] Storage, int Offset) NewStorage(int size)
    {
        const int Slack = 64 / sizeof(long);
        var length = checked((size * LongsPerEntry) + Slack);
        long[] storage;
        if (length * (long)sizeof(long) < HugePages.MinBytes)
        {
            storage = GC.AllocateArray<long>(length, pinned: true);
        }
        else
        {
            storage = GC.AllocateUninitializedArray<long>(length, pinned: true);
            HugePages.Advise(storage);
            Array.Clear(storage);
        }
        var address = HugePages.AddressOf(storage);
        return (storage, (int)((64 - (address & 63)) & 63) / sizeof(long));
    }

    private void Grow()
    {
        var (oldStorage, oldOffset, oldSize) = (_storage, _offset, _size);
        (_storage, _offset) = NewStorage(oldSize * 2);
        _size = oldSize * 2;
        _shift--;
        _growAt = (int)(_size * 0.7);
        var mask = _size - 1;
        for (var i = 0; i < oldSize; i++)
        {
            ref var old = ref At(oldStorage, oldOffset, i);
            if (old.Key == 0)
            {
                continue;
            }
            var slot = Slot(old.Key);
            while (At(_storage, _offset, slot).Key != 0)
            {
                slot = (slot + 1) & mask;
            }
            At(_storage, _offset, slot) = old;
        }
    }
}

/// <summary>
/// Hashes packed pair keys (see <see cref="PairTable.Key"/>) for hash sets and dictionaries. The default hash of a long
/// is its two halves XOR-ed, lo ^ hi: with account indices below 2^15 there are only 32,768 distinct hashes for
/// millions of pairs, and every lookup walks a long chain. This one mixes all 64 bits.
/// </summary>
public sealed class PairKeyComparer : IEqualityComparer<long>
{
    public static readonly PairKeyComparer Instance = new();

    public bool Equals(long x, long y) => x == y;

    public int GetHashCode(long key) => (int)((ulong)(key * unchecked((long)0x9E3779B97F4A7C15)) >> 32);
}
