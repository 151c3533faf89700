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
public sealed class PairTable : IDisposable
{
    private readonly PairShard[] _shards;

    /// <summary>A table of one shard.</summary>
    public PairTable(int capacity = 1024)
        : this(1, capacity)
    {
    }

    /// <summary>A table of <paramref name="shards"/> shards, each starting with room for <paramref name="capacityPerShard"/> pairs.</summary>
    public PairTable(int shards, int capacityPerShard)
        : this(shards, capacityPerShard, PairShard.DefaultDeferAboveBytes)
    {
    }

    /// <summary>As above; shards larger than <paramref name="deferAboveBytes"/> buffer their mutual co-actions (tests set 0 to buffer always).</summary>
    internal PairTable(int shards, int capacityPerShard, long deferAboveBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        _shards = new PairShard[shards];
        for (var i = 0; i < shards; i++)
        {
            _shards[i] = new PairShard(capacityPerShard, deferAboveBytes);
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

    /// <summary>The pair (a, b) in one long, the lower index in the high half. Without branches: the sweep makes hundreds of millions of keys, and whether a partner's index is the lower one is a coin flip a branch would mispredict.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Key(int a, int b)
    {
        var swap = (a - b) >> 31 ^ -1; // all ones when a >= b (indices are never negative, so a - b cannot overflow)
        var flip = (a ^ b) & swap;
        return ((long)(a ^ flip) << 32) | (uint)(b ^ flip);
    }

    public static (int Lo, int Hi) Unpack(long key) => ((int)(key >> 32), (int)(key & 0xFFFFFFFF));

    /// <summary>
    /// The shard of a pair among <paramref name="shards"/>: a second multiplicative hash (another constant than the
    /// slot's, so that a shard's pairs still spread over all of its slots), mapped onto [0, shards) by multiply-shift.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ShardOf(long key, int shards) =>
        (int)(((ulong)(key * unchecked((long)0xC2B2AE3D27D4EB4F)) >> 32) * (ulong)(uint)shards >> 32);

    internal PairShard Shard(int index) => _shards[index];

    /// <summary>Gives the shards' memory back now (it is outside the GC's heap); the table must not be used after.</summary>
    public void Dispose()
    {
        foreach (var shard in _shards)
        {
            shard.Dispose();
        }
    }

    private PairShard ShardFor(long key) => _shards.Length == 1 ? _shards[0] : _shards[ShardOf(key, _shards.Length)];

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

    public delegate void PairVisitor(int lo, int hi, ref PairStats stats);
}

/// <summary>
/// One shard of a <see cref="PairTable"/>: an open-addressing hash map from an unordered account pair to its
/// <see cref="PairStats"/>. The key packs (lo, hi) into one long (see <see cref="PairTable.Key"/>); 0 marks an empty
/// slot, which is safe because a self-pair is never stored. Not thread-safe: one thread owns a shard while it fills it.
/// </summary>
internal sealed class PairShard : IDisposable
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

    // Native memory, 64-byte aligned (see NewStorage): outside the GC's heap, so a table growing to hundreds of megabytes
    // sets off no full collections, and the table it outgrew is given back at once instead of at the next one.
    private nint _block;
    private nint _entries;
    private int _size;
    private int _count;
    private int _shift;
    private int _growAt;
    // Written so the loads of Touch are not optimised away; never read.
    private long _touched;

    /// <summary>Mutual co-actions wait in a buffer once the shard is larger than this (the processor caches, roughly).</summary>
    public const long DefaultDeferAboveBytes = 16L << 20;

    // The deferred updates (see AddMutual): keys, their evidence units (only once one was not 0), and one sync count.
    private readonly long _deferAboveBytes;
    // In native memory like the table: a buffer outgrown, or the shard's once it is weighed, goes back to the system at
    // once, not at the collector's next full collection (at 10^6 messages they were hundreds of megabytes of garbage
    // under the peak). No units buffer (Length 0) until some update carries units.
    private NativeBuffer<long> _pendingKeys;
    private NativeBuffer<int> _pendingUnits;
    private int _pending;
    private int _pendingSync;
    private NativeBuffer<long> _scratchKeys;
    private NativeBuffer<int> _scratchUnits;

    public PairShard(int capacity, long deferAboveBytes = DefaultDeferAboveBytes)
    {
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, capacity * 2));
        (_block, _entries) = NewStorage(size);
        _size = size;
        _shift = 64 - BitOperations.Log2((uint)size);
        _growAt = (int)(size * 0.7);
        _deferAboveBytes = deferAboveBytes;
    }

    /// <summary>Stored pairs, deferred updates applied first.</summary>
    public int Count
    {
        get
        {
            Flush();
            return _count;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe ref Entry At(nint entries, int slot) => ref Unsafe.AsRef<Entry>((void*)(entries + ((nint)slot * EntryBytes)));

    /// <summary>
    /// The stats of the pair packed in <paramref name="key"/> (see <see cref="PairTable.Key"/>), added as empty if absent,
    /// for adding to: deferred updates are not applied first.
    /// </summary>
    public ref PairStats GetOrAdd(long key)
    {
        var entries = _entries;
        var mask = _size - 1;
        var slot = Slot(key);
        while (true)
        {
            ref var entry = ref At(entries, slot);
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
        Flush();
        var entries = _entries;
        var mask = _size - 1;
        var slot = Slot(key);
        while (true)
        {
            ref var entry = ref At(entries, slot);
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
    /// <remarks>
    /// Once the shard is larger than the caches, the updates wait in a buffer instead (they only add, so their order does
    /// not matter, and every read applies them first): a full buffer is split by the keys' home regions, 1/1024 of the
    /// table each, and applied region by region after one sequential read of the region, so that nearly every update
    /// hits the cache instead of paying a trip to memory. On a fan base's co-repost network this is several times faster.
    /// </remarks>
    public void AddMutual(ReadOnlySpan<long> keys, int syncObjects, int evidenceUnits)
    {
        if ((long)_size * EntryBytes > _deferAboveBytes)
        {
            Defer(keys, syncObjects, evidenceUnits);
            return;
        }
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

    /// <summary>A region of the table, applied at once, is about this large: it must stay in the core's own (L2) cache.</summary>
    private const int RegionBytesLog2 = 18;

    private void Defer(ReadOnlySpan<long> keys, int syncObjects, int evidenceUnits)
    {
        if (_pending > 0 && syncObjects != _pendingSync)
        {
            Flush();
        }
        _pendingSync = syncObjects;
        if (_pending + keys.Length > _pendingKeys.Length)
        {
            Flush();
            // Room for about one update per two slots: then a region's sequential read is still shared by enough
            // updates, and the buffers (24 bytes an update, two shards) stay well under the table's own size.
            var capacity = Math.Max(keys.Length, Math.Clamp(_size / 2, 1 << 10, 1 << 22));
            if (_pendingKeys.Length < capacity)
            {
                // Huge pages here too (NativeBuffer): the split writes to a thousand places at once, and with 4 KiB pages
                // each is a TLB miss.
                var units = _pendingUnits.Length > 0;
                FreeBuffers();
                _pendingKeys = new NativeBuffer<long>(capacity);
                _scratchKeys = new NativeBuffer<long>(capacity);
                if (units)
                {
                    _pendingUnits = new NativeBuffer<int>(capacity);
                    _scratchUnits = new NativeBuffer<int>(capacity);
                }
            }
        }
        keys.CopyTo(_pendingKeys.Span[_pending..]);
        if (evidenceUnits != 0 && _pendingUnits.Length == 0)
        {
            // The earlier entries' units were all 0 (the buffer is zeroed).
            _pendingUnits = new NativeBuffer<int>(_pendingKeys.Length);
            _scratchUnits = new NativeBuffer<int>(_pendingKeys.Length);
        }
        if (_pendingUnits.Length > 0)
        {
            _pendingUnits.Span.Slice(_pending, keys.Length).Fill(evidenceUnits);
        }
        _pending += keys.Length;
    }

    /// <summary>Applies the deferred updates, if any.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Flush()
    {
        if (_pending != 0)
        {
            ApplyPending();
        }
    }

    /// <summary>Applies the deferred updates, region by region.</summary>
    private void ApplyPending()
    {
        var n = _pending;
        _pending = 0;
        var bits = Math.Clamp(BitOperations.Log2((uint)_size) + BitOperations.Log2(EntryBytes) - RegionBytesLog2, 0, 12);
        var regions = 1 << bits;
        var shift = 64 - bits;
        var next = new int[regions + 1];
        var keys = _pendingKeys.Span[..n];
        foreach (var key in keys)
        {
            next[Region(key, shift, bits) + 1]++;
        }
        for (var r = 0; r < regions; r++)
        {
            next[r + 1] += next[r];
        }
        var starts = (int[])next.Clone();
        var hasUnits = _pendingUnits.Length > 0;
        var units = _pendingUnits.Span;
        var sortedKeys = _scratchKeys.Span;
        var sortedUnits = _scratchUnits.Span;
        for (var i = 0; i < n; i++)
        {
            var at = next[Region(keys[i], shift, bits)]++;
            sortedKeys[at] = keys[i];
            if (hasUnits)
            {
                sortedUnits[at] = units[i];
            }
        }
        var sync = _pendingSync;
        var countBefore = _count;
        for (var r = 0; r < regions; r++)
        {
            // Regions are filled one after another, so the table's count says too late that it is full: the regions done
            // first would fill up locally (half the table's new pairs land before the count reaches the growth point)
            // and merge into clusters that every later probe walks. The regions are a random split of the pairs, so
            // the new pairs of the first ones tell how many the whole buffer brings: grow before they arrive.
            if (r == Math.Max(1, regions / 64))
            {
                var projected = countBefore + ((long)(_count - countBefore) * regions / r);
                while (projected > _growAt)
                {
                    Grow();
                }
            }
            var (from, to) = (starts[r], starts[r + 1]);
            // Read the region front to back (cheap: the prefetcher runs ahead) when enough of its cache lines will be
            // updated, so that the random updates that follow find it in the cache.
            var regionFrom = (int)(((long)r * _size) >> bits);
            var regionTo = (int)(((long)(r + 1) * _size) >> bits);
            if ((to - from) * 8L >= regionTo - regionFrom)
            {
                Touch(regionFrom, regionTo);
            }
            for (var i = from; i < to; i++)
            {
                ref var s = ref GetOrAdd(sortedKeys[i]);
                s.LoToHi++;
                s.HiToLo++;
                s.SyncObjects += sync;
                s.EvidenceUnits += hasUnits ? sortedUnits[i] : 0;
            }
        }
    }

    /// <summary>Which of 2^bits equal regions of the table holds the home slot of <paramref name="key"/>, whatever the table's size.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Region(long key, int shift, int bits) =>
        bits == 0 ? 0 : (int)((ulong)(key * unchecked((long)0x9E3779B97F4A7C15)) >> shift);

    /// <summary>Reads one key per cache line of slots [from, to).</summary>
    private void Touch(int from, int to)
    {
        var entries = _entries;
        long sum = 0;
        for (var i = from; i < to; i += 64 / EntryBytes)
        {
            sum += At(entries, i).Key;
        }
        _touched = sum;
        GC.KeepAlive(this);
    }

    /// <summary>Reads the home slot of every key, independent loads the processor can have in flight together.</summary>
    private void Touch(ReadOnlySpan<long> keys)
    {
        var entries = _entries;
        long sum = 0;
        foreach (var key in keys)
        {
            sum += At(entries, Slot(key)).Key;
        }
        _touched = sum;
        GC.KeepAlive(this);
    }

    /// <summary>Every stored pair, lo &lt; hi, in slot order (not sorted).</summary>
    public IEnumerable<(int Lo, int Hi, PairStats Stats)> Pairs()
    {
        Flush();
        for (var i = 0; i < _size; i++)
        {
            var entry = At(_entries, i);
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
        Flush();
        for (var i = 0; i < _size; i++)
        {
            ref var entry = ref At(_entries, i);
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
    /// Zeroed native storage for <paramref name="size"/> entries: the block to free and its first 64-byte aligned address.
    /// A large table is read and written at random, one cache line per update: with 4 KiB pages nearly every update would
    /// also miss the TLB, and every page would be a fault of its own (see <see cref="HugePages"/>).
    /// </summary>
    private static (nint Block, nint Entries) NewStorage(int size) => HugePages.NewNativeCacheAligned((long)size * EntryBytes);

    /// <summary>Frees the table's memory; the shard must not be used after.</summary>
    public void Dispose()
    {
        Free();
        GC.SuppressFinalize(this);
    }

    // A table nobody disposed (a test, a tool) still gives its memory back when it is collected.
    ~PairShard() => Free();

    private void Free()
    {
        var block = Interlocked.Exchange(ref _block, 0);
        if (block != 0)
        {
            HugePages.FreeNative(block);
        }
        _entries = 0;
        _size = 0;
        _count = 0;
        FreeBuffers();
    }

    private void FreeBuffers()
    {
        _pendingKeys.Free();
        _scratchKeys.Free();
        _pendingUnits.Free();
        _scratchUnits.Free();
    }

    /// <summary>A zeroed buffer of <typeparamref name="T"/> in native memory (huge pages advised when large); Length 0 when none.</summary>
    private struct NativeBuffer<T>
        where T : unmanaged
    {
        private nint _block;
        private nint _start;

        public NativeBuffer(int length)
        {
            (_block, _start) = HugePages.NewNativeCacheAligned((long)length * Unsafe.SizeOf<T>());
            Length = length;
        }

        public int Length { get; private set; }

        public readonly unsafe Span<T> Span => Length == 0 ? [] : new Span<T>((void*)_start, Length);

        public void Free()
        {
            if (_block != 0)
            {
                HugePages.FreeNative(_block);
            }
            (_block, _start, Length) = (0, 0, 0);
        }
    }

    private void Grow()
    {
        var (oldBlock, oldEntries, oldSize) = (_block, _entries, _size);
        (_block, _entries) = NewStorage(oldSize * 2);
        _size = oldSize * 2;
        _shift--;
        _growAt = (int)(_size * 0.7);
        var mask = _size - 1;
        for (var i = 0; i < oldSize; i++)
        {
            ref var old = ref At(oldEntries, i);
            if (old.Key == 0)
            {
                continue;
            }
            var slot = Slot(old.Key);
            while (At(_entries, slot).Key != 0)
            {
                slot = (slot + 1) & mask;
            }
            At(_entries, slot) = old;
        }
        HugePages.FreeNative(oldBlock);
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
