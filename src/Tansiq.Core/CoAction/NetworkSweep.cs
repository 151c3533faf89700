using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Tansiq.Core.CoAction;

/// <summary>
/// The sweep of <c>networks</c>: the toolkit's two directed counts per pair and nothing else, in a table of 16-byte
/// entries (key and two counts) instead of <see cref="PairTable"/>'s 32 (which also keeps the detector's evidence). It
/// counts exactly what <see cref="CoActionSweep.Run"/> counts without an object weight, for signals where no message
/// acts on two objects (co-repost, co-reply; the caller checks <see cref="SignalEvents.HasMultiObjectMessages"/>).
/// </summary>
public static class NetworkSweep
{
    /// <summary>Pairs handed to the table in batches of this many, so that their cache misses overlap.</summary>
    private const int PairBatch = 64;

    /// <summary>
    /// The most entries a shard is sized for before the sweep: 2^19 entries in 2^20 slots of 16 bytes, 16 MiB, the size
    /// at which a shard starts to buffer its updates (<see cref="CountShard.DefaultDeferAboveBytes"/>). Larger networks
    /// grow from there as before.
    /// </summary>
    internal const int MaxPresizedEntries = 1 << 19;

    /// <summary>Whether <see cref="Run"/> can sweep <paramref name="events"/>.</summary>
    public static bool Supports(SignalEvents events) => !events.HasMultiObjectMessages;

    /// <summary>
    /// The raw network of <paramref name="events"/>: every pair of weight at least <paramref name="minWeight"/> (the larger
    /// of its two directed counts within <paramref name="window"/> seconds), as <see cref="RawNetwork.From"/> gives it
    /// from <see cref="CoActionSweep.Run"/>'s table.
    /// </summary>
    public static RawNetwork Run(SignalEvents events, int accountCount, double window, OrdinalPairs pairs, int minWeight, int parallelism)
    {
        var counts = Count(events, accountCount, window, parallelism, CountShard.DefaultDeferAboveBytes);
        return counts.ToNetwork(pairs, minWeight, parallelism);
    }

    /// <summary>The directed counts of every pair, one shard per thread (see <see cref="CoActionSweep.Run"/>).</summary>
    internal static CountTable Count(SignalEvents events, int accountCount, double window, int parallelism, long deferAboveBytes)
    {
        if (!Supports(events))
        {
            throw new ArgumentException("a message acts on several objects: use CoActionSweep.Run", nameof(events));
        }
        var threads = Math.Max(1, parallelism);
        // Sized from the data, so that a shard does not double its way up from a few thousand entries, rehashing at
        // every step and leaving each smaller table behind as garbage (on the flat 1M file, eight doublings per shard).
        var perShard = WindowedPairBound(events, window) / threads;
        var table = new CountTable(threads, (int)Math.Min(perShard, MaxPresizedEntries), deferAboveBytes);
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, shard =>
            new Worker(events, accountCount, window, table.Shards[shard], shard, threads).Sweep());
        return table;
    }

    /// <summary>
    /// An upper bound on the pairs the sweep can store: per object, the pairs of its events no more than
    /// <paramref name="window"/> seconds apart (events are in time order within an object), summed over objects. A pair
    /// that meets on several objects is counted on each, so the bound is loose where the same accounts meet again and
    /// again, and the caller caps it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static long WindowedPairBound(SignalEvents events, double window)
    {
        var all = events.Events;
        long pairs = 0;
        for (var o = 0; o < events.ObjectCount; o++)
        {
            var end = events.Offsets[o + 1];
            var lo = events.Offsets[o];
            for (var i = lo; i < end; i++)
            {
                while (all[i].Time - all[lo].Time > window)
                {
                    lo++;
                }
                pairs += i - lo;
            }
        }
        return pairs;
    }

    private sealed class Worker(SignalEvents events, int accountCount, double window, CountShard table, int shard, int shards)
    {
        private readonly int[] _stamp = new int[accountCount];
        private readonly int[] _seen = new int[accountCount];
        private int _objectStamp;

        private bool Mine(long key) => PairTable.ShardOf(key, shards) == shard;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Sweep()
        {
            var all = events.Events;
            for (var o = 0; o < events.ObjectCount; o++)
            {
                var start = events.Offsets[o];
                var end = events.Offsets[o + 1];
                if (end - start < 2)
                {
                    continue;
                }
                if (EveryAccountOnce(all, start, end, _seen, ++_objectStamp))
                {
                    SweepSimpleObject(all, start, end);
                }
                else
                {
                    SweepObject(all, start, end);
                }
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static bool EveryAccountOnce(CoActionEvent[] all, int start, int end, int[] seen, int stamp)
        {
            for (var i = start; i < end; i++)
            {
                ref var s = ref seen[all[i].Account];
                if (s == stamp)
                {
                    return false;
                }
                s = stamp;
            }
            return true;
        }

        /// <summary>Every account acted once: each pair within the window meets once and counts once each way.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void SweepSimpleObject(CoActionEvent[] all, int start, int end)
        {
            Span<long> batch = stackalloc long[PairBatch];
            var n = 0;
            var hi = start;
            for (var i = start; i < end; i++)
            {
                var a = all[i].Account;
                var limit = all[i].Time + window;
                if (hi <= i)
                {
                    hi = i + 1;
                }
                while (hi < end && all[hi].Time <= limit)
                {
                    hi++;
                }
                for (var j = i + 1; j < hi; j++)
                {
                    var key = PairTable.Key(a, all[j].Account);
                    batch[n] = key;
                    n += Mine(key) ? 1 : 0;
                    if (n == PairBatch)
                    {
                        table.AddMutual(batch);
                        n = 0;
                    }
                }
            }
            table.AddMutual(batch[..n]);
        }

        /// <summary>An account acted more than once: count its distinct messages per partner with stamps.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void SweepObject(CoActionEvent[] all, int start, int end)
        {
            var lo = start;
            var hi = start;
            for (var i = start; i < end; i++)
            {
                var a = all[i].Account;
                var t = all[i].Time;
                while (all[lo].Time < t - window)
                {
                    lo++;
                }
                while (hi < end && all[hi].Time <= t + window)
                {
                    hi++;
                }
                var mark = i + 1;
                for (var j = lo; j < hi; j++)
                {
                    var b = all[j].Account;
                    if (b == a || _stamp[b] == mark)
                    {
                        continue;
                    }
                    _stamp[b] = mark;
                    var key = PairTable.Key(a, b);
                    if (Mine(key))
                    {
                        table.AddDirected(key, a < b);
                    }
                }
            }
        }
    }
}

/// <summary>The shards of a <see cref="NetworkSweep"/>: pair keys (see <see cref="PairTable.Key"/>) to two directed counts.</summary>
internal sealed class CountTable
{
    public CountTable(int shards, int capacityPerShard, long deferAboveBytes)
    {
        Shards = new CountShard[shards];
        for (var i = 0; i < shards; i++)
        {
            Shards[i] = new CountShard(Math.Max(1 << 12, capacityPerShard), deferAboveBytes);
        }
    }

    public CountShard[] Shards { get; }

    public int Count => Shards.Sum(s => s.Count);

    /// <summary>Every stored pair with its counts (lo-to-hi, hi-to-lo), shard by shard, not sorted.</summary>
    public IEnumerable<(long Key, int LoToHi, int HiToLo)> Pairs() => Shards.SelectMany(s => s.Pairs());

    public RawNetwork ToNetwork(OrdinalPairs pairs, int minWeight, int parallelism)
    {
        var runs = new (long[] Keys, int[] Weights)[Shards.Length];
        Parallel.For(0, Shards.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) }, s =>
            runs[s] = Shards[s].Gather(pairs, minWeight));
        return RawNetwork.FromSortedRuns(runs, pairs);
    }
}

/// <summary>
/// One shard of a <see cref="CountTable"/>: open addressing, 16-byte entries stored from a 64-byte boundary (four to a
/// cache line), 0 marks an empty slot (a self-pair is never stored). Large shards buffer their mutual updates and apply
/// them region by region, as <see cref="PairShard"/> does. Not thread-safe.
/// </summary>
internal sealed class CountShard
{
    [StructLayout(LayoutKind.Sequential, Size = EntryBytes)]
    private struct Entry
    {
        public long Key;
        public int LoToHi;
        public int HiToLo;
    }

    private const int EntryBytes = 16;
    private const int LongsPerEntry = EntryBytes / sizeof(long);
    private const int RegionBytesLog2 = 18;

    public const long DefaultDeferAboveBytes = PairShard.DefaultDeferAboveBytes;

    private readonly long _deferAboveBytes;
    private long[] _storage;
    private int _offset;
    private int _size;
    private int _count;
    private int _shift;
    private int _growAt;
    // Written so the loads of the home slots are not optimised away; never read.
    private long _touched;
    private long[] _pending = [];
    private long[] _scratch = [];
    private int _pendingCount;

    public CountShard(int capacity, long deferAboveBytes)
    {
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, capacity * 2));
        (_storage, _offset) = NewStorage(size);
        _size = size;
        _shift = 64 - BitOperations.Log2((uint)size);
        _growAt = (int)(size * 0.7);
        _deferAboveBytes = deferAboveBytes;
    }

    public int Count
    {
        get
        {
            Flush();
            return _count;
        }
    }

    /// <summary>How many times the shard doubled its table.</summary>
    public int Grows { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref Entry At(long[] storage, int offset, int slot) =>
        ref Unsafe.As<long, Entry>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(storage), (nint)offset + ((nint)slot * LongsPerEntry)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Slot(long key) => (int)((ulong)(key * unchecked((long)0x9E3779B97F4A7C15)) >> _shift);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ref Entry GetOrAdd(long key)
    {
        var mask = _size - 1;
        var slot = Slot(key);
        while (true)
        {
            ref var entry = ref At(_storage, _offset, slot);
            if (entry.Key == key)
            {
                return ref entry;
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
                return ref entry;
            }
            slot = (slot + 1) & mask;
        }
    }

    /// <summary>One message of the pair's lower account (<paramref name="fromLo"/>) or higher account met the other.</summary>
    public void AddDirected(long key, bool fromLo)
    {
        ref var e = ref GetOrAdd(key);
        if (fromLo)
        {
            e.LoToHi++;
        }
        else
        {
            e.HiToLo++;
        }
    }

    /// <summary>One co-action each way for every pair of <paramref name="keys"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddMutual(ReadOnlySpan<long> keys)
    {
        if ((long)_size * EntryBytes > _deferAboveBytes)
        {
            if (_pendingCount + keys.Length > _pending.Length)
            {
                Flush();
                var capacity = Math.Max(keys.Length, Math.Clamp(_size, 1 << 10, 1 << 23));
                if (_pending.Length < capacity)
                {
                    _pending = HugePages.NewArray<long>(capacity, zeroed: false);
                    _scratch = HugePages.NewArray<long>(capacity, zeroed: false);
                }
            }
            keys.CopyTo(_pending.AsSpan(_pendingCount));
            _pendingCount += keys.Length;
            return;
        }
        long sum = 0;
        foreach (var key in keys)
        {
            sum += At(_storage, _offset, Slot(key)).Key;
        }
        _touched = sum;
        foreach (var key in keys)
        {
            ref var e = ref GetOrAdd(key);
            e.LoToHi++;
            e.HiToLo++;
        }
    }

    private void Flush()
    {
        if (_pendingCount != 0)
        {
            ApplyPending();
        }
    }

    /// <summary>Applies the buffered mutual updates region by region (see <see cref="PairShard.AddMutual"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ApplyPending()
    {
        var n = _pendingCount;
        _pendingCount = 0;
        var bits = Math.Clamp(BitOperations.Log2((uint)_size) + BitOperations.Log2(EntryBytes) - RegionBytesLog2, 0, 12);
        var regions = 1 << bits;
        var shift = 64 - bits;
        var next = new int[regions + 1];
        var keys = _pending.AsSpan(0, n);
        foreach (var key in keys)
        {
            next[Region(key, shift, bits) + 1]++;
        }
        for (var r = 0; r < regions; r++)
        {
            next[r + 1] += next[r];
        }
        var starts = (int[])next.Clone();
        var sorted = _scratch;
        foreach (var key in keys)
        {
            sorted[next[Region(key, shift, bits)]++] = key;
        }
        var countBefore = _count;
        for (var r = 0; r < regions; r++)
        {
            if (r == Math.Max(1, regions / 64))
            {
                var projected = countBefore + ((long)(_count - countBefore) * regions / r);
                while (projected > _growAt)
                {
                    Grow();
                }
            }
            for (var i = starts[r]; i < starts[r + 1]; i++)
            {
                ref var e = ref GetOrAdd(sorted[i]);
                e.LoToHi++;
                e.HiToLo++;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Region(long key, int shift, int bits) =>
        bits == 0 ? 0 : (int)((ulong)(key * unchecked((long)0x9E3779B97F4A7C15)) >> shift);

    public IEnumerable<(long Key, int LoToHi, int HiToLo)> Pairs()
    {
        Flush();
        for (var i = 0; i < _size; i++)
        {
            var e = At(_storage, _offset, i);
            if (e.Key != 0)
            {
                yield return (e.Key, e.LoToHi, e.HiToLo);
            }
        }
    }

    /// <summary>The pairs of weight at least <paramref name="minWeight"/> as ordinal keys, sorted, with their weights.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public (long[] Keys, int[] Weights) Gather(OrdinalPairs pairs, int minWeight)
    {
        Flush();
        var keys = new List<long>();
        var weights = new List<int>();
        for (var i = 0; i < _size; i++)
        {
            ref var e = ref At(_storage, _offset, i);
            var weight = Math.Max(e.LoToHi, e.HiToLo);
            if (e.Key != 0 && weight >= minWeight)
            {
                var (lo, hi) = PairTable.Unpack(e.Key);
                keys.Add(pairs.Key(lo, hi));
                weights.Add(weight);
            }
        }
        var (k, w) = (keys.ToArray(), weights.ToArray());
        Array.Sort(k, w);
        return (k, w);
    }

    private static (long[] Storage, int Offset) NewStorage(int size) => HugePages.NewCacheAligned(checked(size * LongsPerEntry));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Grow()
    {
        var (oldStorage, oldOffset, oldSize) = (_storage, _offset, _size);
        Grows++;
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
