using System.Numerics;
using System.Runtime.CompilerServices;

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
/// An open-addressing hash map from an unordered account pair to its <see cref="PairStats"/>.
/// The key packs (lo, hi) into one long; 0 marks an empty slot, which is safe because a self-pair is never stored.
/// </summary>
public sealed class PairTable
{
    // Key and stats side by side: one cache line holds two whole entries, so an update costs one miss, not two.
    private struct Entry
    {
        public long Key;
        public PairStats Stats;
    }

    private Entry[] _entries;
    private int _count;
    private int _shift;
    private int _growAt;
    // Written so the loads of Touch are not optimised away; never read.
    private long _touched;

    public PairTable(int capacity = 1024)
    {
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, capacity * 2));
        _entries = new Entry[size];
        _shift = 64 - BitOperations.Log2((uint)size);
        _growAt = (int)(size * 0.7);
    }

    public int Count => _count;

    public static long Key(int a, int b) => a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;

    public static (int Lo, int Hi) Unpack(long key) => ((int)(key >> 32), (int)(key & 0xFFFFFFFF));

    /// <summary>The stats of pair (a, b), added as empty if absent.</summary>
    public ref PairStats GetOrAdd(int a, int b) => ref GetOrAdd(Key(a, b));

    /// <summary>The stats of the pair packed in <paramref name="key"/> (see <see cref="Key"/>), added as empty if absent.</summary>
    public ref PairStats GetOrAdd(long key)
    {
        var entries = _entries;
        var mask = entries.Length - 1;
        var slot = Slot(key);
        while (true)
        {
            ref var entry = ref entries[slot];
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

    /// <summary>The stats of pair (a, b), or a null reference when the pair is absent.</summary>
    public ref PairStats Find(int a, int b) => ref Find(Key(a, b));

    /// <summary>The stats of the pair packed in <paramref name="key"/>, or a null reference when the pair is absent.</summary>
    public ref PairStats Find(long key)
    {
        var entries = _entries;
        var mask = entries.Length - 1;
        var slot = Slot(key);
        while (true)
        {
            ref var entry = ref entries[slot];
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
        ref var s = ref GetOrAdd(from, to);
        if (from < to)
        {
            s.LoToHi++;
        }
        else
        {
            s.HiToLo++;
        }
    }

    /// <summary>Counts one synchronous co-action in each direction (both accounts acted once on the object).</summary>
    public void AddMutual(int a, int b)
    {
        ref var s = ref GetOrAdd(a, b);
        s.LoToHi++;
        s.HiToLo++;
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

    /// <summary>Counts one control object (atomically: threads may share the table) for every pair of <paramref name="keys"/> that is present.</summary>
    public void AddControl(ReadOnlySpan<long> keys)
    {
        Touch(keys);
        foreach (var key in keys)
        {
            ref var s = ref Find(key);
            if (!Unsafe.IsNullRef(ref s))
            {
                Interlocked.Increment(ref s.ControlObjects);
            }
        }
    }

    /// <summary>Reads the home slot of every key, independent loads the processor can have in flight together.</summary>
    private void Touch(ReadOnlySpan<long> keys)
    {
        var entries = _entries;
        long sum = 0;
        foreach (var key in keys)
        {
            sum += entries[Slot(key)].Key;
        }
        _touched = sum;
    }

    /// <summary>Adds every pair of <paramref name="other"/> into this table.</summary>
    public void MergeFrom(PairTable other)
    {
        const int Batch = 32;
        var entries = other._entries;
        Span<int> batch = stackalloc int[Batch];
        Span<long> keys = stackalloc long[Batch];
        var n = 0;
        for (var i = 0; i < entries.Length; i++)
        {
            if (entries[i].Key == 0)
            {
                continue;
            }
            batch[n] = i;
            keys[n++] = entries[i].Key;
            if (n == Batch || i == entries.Length - 1)
            {
                MergeBatch(entries, batch[..n], keys[..n]);
                n = 0;
            }
        }
        MergeBatch(entries, batch[..n], keys[..n]);
    }

    private void MergeBatch(Entry[] from, ReadOnlySpan<int> indices, ReadOnlySpan<long> keys)
    {
        Touch(keys);
        foreach (var i in indices)
        {
            ref var s = ref GetOrAdd(from[i].Key);
            ref readonly var o = ref from[i].Stats;
            s.LoToHi += o.LoToHi;
            s.HiToLo += o.HiToLo;
            s.SyncObjects += o.SyncObjects;
            s.ControlObjects += o.ControlObjects;
            s.EvidenceUnits += o.EvidenceUnits;
        }
    }

    /// <summary>Every stored pair, lo &lt; hi, in slot order (not sorted).</summary>
    public IEnumerable<(int Lo, int Hi, PairStats Stats)> Pairs()
    {
        for (var i = 0; i < _entries.Length; i++)
        {
            if (_entries[i].Key != 0)
            {
                var (lo, hi) = Unpack(_entries[i].Key);
                yield return (lo, hi, _entries[i].Stats);
            }
        }
    }

    /// <summary>Visits every stored pair with a reference to its stats, so they can be updated in place.</summary>
    public void ForEach(PairVisitor visitor)
    {
        for (var i = 0; i < _entries.Length; i++)
        {
            if (_entries[i].Key != 0)
            {
                var (lo, hi) = Unpack(_entries[i].Key);
                visitor(lo, hi, ref _entries[i].Stats);
            }
        }
    }

    public delegate void PairVisitor(int lo, int hi, ref PairStats stats);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Slot(long key) => (int)((ulong)(key * unchecked((long)0x9E3779B97F4A7C15)) >> _shift);

    private void Grow()
    {
        var old = _entries;
        _entries = new Entry[old.Length * 2];
        _shift--;
        _growAt = (int)(_entries.Length * 0.7);
        var mask = _entries.Length - 1;
        for (var i = 0; i < old.Length; i++)
        {
            var key = old[i].Key;
            if (key == 0)
            {
                continue;
            }
            var slot = Slot(key);
            while (_entries[slot].Key != 0)
            {
                slot = (slot + 1) & mask;
            }
            _entries[slot] = old[i];
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
