namespace Tansiq.Core.CoAction;

/// <summary>How an object looks as a whole: how many accounts act on it, and how many of them in its busiest window.</summary>
public readonly record struct ObjectStats(int Events, int Participants, int PeakParticipants);

/// <summary>Options for one sweep over one signal's events.</summary>
public sealed record SweepOptions
{
    /// <summary>Two actions on one object are co-actions when at most this many seconds apart (inclusive).</summary>
    public required double Window { get; init; }

    /// <summary>When set, also counts synchronous objects per pair and sums their evidence weights.</summary>
    public Func<ObjectStats, double>? ObjectWeight { get; init; }

    /// <summary>
    /// The control horizon as a multiple of the window: objects on which a pair acted further apart than the window but
    /// within <c>ControlFactor x Window</c> are counted as control objects (the timing null model). 0 turns it off.
    /// </summary>
    public double ControlFactor { get; init; }

    /// <summary>Objects whose evidence weight is below this are skipped in the control pass (they cannot make an edge).</summary>
    public double MinObjectWeightForControl { get; init; } = 1e-9;

    public int Parallelism { get; init; } = 1;
}

/// <summary>
/// The co-action sweep: for every object, walk its time-sorted actions with a two-sided window and record, per pair of
/// accounts, the toolkit's directed counts and (optionally) the synchronous-object evidence.
/// </summary>
public static class CoActionSweep
{
    public static PairTable Run(SignalEvents events, int accountCount, SweepOptions options)
    {
        var partitions = Partition(events, Math.Max(1, options.Parallelism));
        // One worker (table + scratch) per thread, not per partition: partitions of one signal share most pairs
        // (the same fans on every post), so per-partition tables would multiply memory and merge work.
        var workers = new System.Collections.Concurrent.ConcurrentBag<SweepWorker>();
        var multiObject = events.HasMultiObjectMessages ? MultiObjectMessages(events) : null;
        Parallel.For(0, partitions.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism) },
            () => new SweepWorker(events, accountCount, options, multiObject),
            (p, _, worker) =>
            {
                worker.Sweep(partitions[p]);
                return worker;
            },
            workers.Add);
        var tables = workers.Select(w => w.Table).ToArray();
        var multis = workers.Select(w => w.Multi).ToArray();
        var table = tables[0];
        for (var p = 1; p < tables.Length; p++)
        {
            table.MergeFrom(tables[p]);
            tables[p] = null!;
        }
        if (events.HasMultiObjectMessages)
        {
            AddMultiObjectCounts(table, multis);
        }
        if (options.ObjectWeight is not null && options.ControlFactor > 1)
        {
            CountControlObjects(events, accountCount, options, partitions, table);
        }
        return table;
    }

    /// <summary>
    /// Which messages act on more than one object of this signal (or more than once on one): only their directed counts
    /// need de-duplication per message; a message with one object meets each partner once on it.
    /// </summary>
    private static bool[] MultiObjectMessages(SignalEvents events)
    {
        var max = -1;
        foreach (var e in events.Events)
        {
            max = Math.Max(max, e.Message);
        }
        var count = new byte[max + 1];
        var multi = new bool[max + 1];
        foreach (var e in events.Events)
        {
            if (++count[e.Message] > 1)
            {
                multi[e.Message] = true;
                count[e.Message] = 2;
            }
        }
        return multi;
    }

    /// <summary>Splits objects into contiguous ranges of similar sweep cost (cost grows with the square of an object's size).</summary>
    private static List<(int From, int To)> Partition(SignalEvents events, int parts)
    {
        if (parts == 1 || events.Events.Length < 50_000)
        {
            return [(0, events.ObjectCount)];
        }
        double total = 0;
        for (var o = 0; o < events.ObjectCount; o++)
        {
            total += Cost(events, o);
        }
        var chunks = parts * 8;
        var target = total / chunks;
        var result = new List<(int, int)>();
        var start = 0;
        double acc = 0;
        for (var o = 0; o < events.ObjectCount; o++)
        {
            acc += Cost(events, o);
            if (acc >= target)
            {
                result.Add((start, o + 1));
                start = o + 1;
                acc = 0;
            }
        }
        if (start < events.ObjectCount)
        {
            result.Add((start, events.ObjectCount));
        }
        return result;
    }

    private static double Cost(SignalEvents events, int o)
    {
        double n = events.Offsets[o + 1] - events.Offsets[o];
        return n < 2 ? 0 : n * Math.Min(n, 64);
    }

    /// <summary>The state one thread sweeps with: its pair table and scratch arrays sized by accounts.</summary>
    private sealed class SweepWorker(SignalEvents events, int accountCount, SweepOptions options, bool[]? multiObject)
    {
        private readonly int[] _stamp = new int[accountCount];
        private readonly int[] _inWindow = new int[accountCount];
        private readonly int[] _seen = new int[accountCount];
        private HashSet<long> _syncPairs = new(PairKeyComparer.Instance);
        private int _objectStamp;

        public PairTable Table { get; } = new(1 << 12);

        public List<(int Message, int From, int To)> Multi { get; } = [];

        public void Sweep((int From, int To) range)
        {
            var all = events.Events;
            var multi = events.HasMultiObjectMessages ? Multi : null;
            var collect = options.ObjectWeight is not null;
            var w = options.Window;
            for (var o = range.From; o < range.To; o++)
            {
                var start = events.Offsets[o];
                var end = events.Offsets[o + 1];
                if (end - start < 2)
                {
                    continue;
                }
                var stats = Describe(all.AsSpan(start, end - start), w, _inWindow, _seen, ++_objectStamp);
                var weight = collect ? PairStats.ToUnits(options.ObjectWeight!(stats)) : 0;
                if (stats.Participants == stats.Events)
                {
                    SweepSimpleObject(all, start, end, w, Table, multi, multiObject, collect, weight);
                    continue;
                }
                SweepObject(all, start, end, w, Table, multi, multiObject, _stamp, collect ? _syncPairs : null);
                foreach (var key in _syncPairs)
                {
                    var (pa, pb) = PairTable.Unpack(key);
                    ref var s = ref Table.GetOrAdd(pa, pb);
                    s.SyncObjects++;
                    s.EvidenceUnits += weight;
                }
                _syncPairs = Reset(_syncPairs);
            }
        }
    }

    /// <summary>
    /// The common case: every account acted once on the object. Each pair within the window then counts once in each
    /// direction, so one forward scan (j &gt; i) with one table update per pair does the work of two.
    /// </summary>
    private static void SweepSimpleObject(CoActionEvent[] all, int start, int end, double w, PairTable table,
        List<(int, int, int)>? multi, bool[]? multiObject, bool collect, int weight)
    {
        if (multi is null || multiObject is null)
        {
            SweepSimpleObjectBatched(all, start, end, w, table, collect ? 1 : 0, collect ? weight : 0);
            return;
        }
        var hi = start;
        for (var i = start; i < end; i++)
        {
            var a = all[i].Account;
            var limit = all[i].Time + w;
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
                // A message with several objects may meet a partner on more than one of them: its directed count is
                // de-duplicated per message afterwards. A message with one object counts at once.
                var b = all[j].Account;
                ref var m = ref table.GetOrAdd(a, b);
                var (mi, mj) = (all[i].Message, all[j].Message);
                if (multiObject[mi])
                {
                    multi.Add((mi, a, b));
                }
                else if (a < b)
                {
                    m.LoToHi++;
                }
                else
                {
                    m.HiToLo++;
                }
                if (multiObject[mj])
                {
                    multi.Add((mj, b, a));
                }
                else if (b < a)
                {
                    m.LoToHi++;
                }
                else
                {
                    m.HiToLo++;
                }
                if (collect)
                {
                    m.SyncObjects++;
                    m.EvidenceUnits += weight;
                }
            }
        }
    }

    /// <summary>
    /// Empties a per-object scratch set. <see cref="HashSet{T}.Clear"/> costs the set's capacity, which never shrinks:
    /// after one huge object (a link shared by ten thousand accounts) every later object would pay for it, so a set that
    /// held many pairs is replaced by a new one instead.
    /// </summary>
    private static HashSet<long> Reset(HashSet<long> set)
    {
        if (set.Count > 1024)
        {
            return new HashSet<long>(PairKeyComparer.Instance);
        }
        set.Clear();
        return set;
    }

    /// <summary>Pairs handed to the table in batches of this many, so that their cache misses overlap.</summary>
    private const int PairBatch = 64;

    /// <summary>
    /// <see cref="SweepSimpleObject"/> for messages with one object each: every pair within the window is met once and
    /// counts once in each direction, so the pairs are collected and handed to the table in batches.
    /// </summary>
    private static void SweepSimpleObjectBatched(CoActionEvent[] all, int start, int end, double w, PairTable table, int syncObjects, int weight)
    {
        Span<long> batch = stackalloc long[PairBatch];
        var n = 0;
        var hi = start;
        for (var i = start; i < end; i++)
        {
            var a = all[i].Account;
            var limit = all[i].Time + w;
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
                batch[n++] = PairTable.Key(a, all[j].Account);
                if (n == PairBatch)
                {
                    table.AddMutual(batch, syncObjects, weight);
                    n = 0;
                }
            }
        }
        table.AddMutual(batch[..n], syncObjects, weight);
    }

    /// <summary>The general case (an account acted more than once): count distinct messages per partner with stamps.</summary>
    private static void SweepObject(CoActionEvent[] all, int start, int end, double w, PairTable table,
        List<(int, int, int)>? multi, bool[]? multiObject, int[] stamp, HashSet<long>? syncPairs)
    {
        var lo = start;
        var hi = start;
        for (var i = start; i < end; i++)
        {
            var a = all[i].Account;
            var t = all[i].Time;
            while (all[lo].Time < t - w)
            {
                lo++;
            }
            while (hi < end && all[hi].Time <= t + w)
            {
                hi++;
            }
            var mark = i + 1;
            for (var j = lo; j < hi; j++)
            {
                var b = all[j].Account;
                if (b == a || stamp[b] == mark)
                {
                    continue;
                }
                stamp[b] = mark;
                if (multi is not null && multiObject![all[i].Message])
                {
                    multi.Add((all[i].Message, a, b));
                }
                else
                {
                    table.AddDirected(a, b);
                }
                syncPairs?.Add(PairTable.Key(a, b));
            }
        }
    }

    /// <summary>A message with several objects (two shared links) counts once per partner, as in the toolkit's count(distinct message_id).</summary>
    private static void AddMultiObjectCounts(PairTable table, List<(int Message, int From, int To)>[] multis)
    {
        var total = 0;
        foreach (var m in multis)
        {
            total += m.Count;
        }
        var all = new (int Message, int From, int To)[total];
        var k = 0;
        foreach (var m in multis)
        {
            m.CopyTo(all, k);
            k += m.Count;
        }
        Array.Sort(all, static (x, y) => x.Message != y.Message ? x.Message.CompareTo(y.Message) : x.To.CompareTo(y.To));
        for (var i = 0; i < all.Length; i++)
        {
            if (i > 0 && all[i].Message == all[i - 1].Message && all[i].To == all[i - 1].To)
            {
                continue;
            }
            table.AddDirected(all[i].From, all[i].To);
        }
    }

    /// <summary>Counts participants and the largest number of distinct accounts inside any one window.</summary>
    internal static ObjectStats Describe(ReadOnlySpan<CoActionEvent> span, double window, int[] inWindow, int[] seen, int objectStamp)
    {
        var participants = 0;
        var peak = 0;
        var current = 0;
        var lo = 0;
        for (var i = 0; i < span.Length; i++)
        {
            var a = span[i].Account;
            if (seen[a] != objectStamp)
            {
                seen[a] = objectStamp;
                participants++;
                inWindow[a] = 0;
            }
            if (inWindow[a]++ == 0)
            {
                current++;
            }
            while (span[lo].Time < span[i].Time - window)
            {
                if (--inWindow[span[lo].Account] == 0)
                {
                    current--;
                }
                lo++;
            }
            peak = Math.Max(peak, current);
        }
        // Leave the scratch array clean for the next object: every account of this object goes back to zero.
        for (var i = lo; i < span.Length; i++)
        {
            inWindow[span[i].Account] = 0;
        }
        return new ObjectStats(span.Length, participants, peak);
    }

    /// <summary>Control objects of an object where every account acted once: pairs further apart than the window but within the horizon.</summary>
    private static void CountSimpleControl(CoActionEvent[] all, int start, int end, double w, double horizon, PairTable table)
    {
        Span<long> batch = stackalloc long[PairBatch];
        var n = 0;
        var hi = start;
        for (var i = start; i < end; i++)
        {
            var limit = all[i].Time + horizon;
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
                if (all[j].Time - all[i].Time <= w)
                {
                    continue;
                }
                batch[n++] = PairTable.Key(all[i].Account, all[j].Account);
                if (n == PairBatch)
                {
                    table.AddControl(batch);
                    n = 0;
                }
            }
        }
        table.AddControl(batch[..n]);
    }

    private static void CountControlObjects(SignalEvents events, int accountCount, SweepOptions options, List<(int From, int To)> partitions, PairTable table)
    {
        var locals = new PairTable[partitions.Count];
        Parallel.For(0, partitions.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism }, p =>
        {
            var local = new PairTable(1 << 10);
            var sync = new HashSet<long>(PairKeyComparer.Instance);
            var control = new HashSet<long>(PairKeyComparer.Instance);
            var inWindow = new int[accountCount];
            var seen = new int[accountCount];
            var objectStamp = 0;
            var all = events.Events;
            var w = options.Window;
            var horizon = w * options.ControlFactor;
            for (var o = partitions[p].From; o < partitions[p].To; o++)
            {
                var start = events.Offsets[o];
                var end = events.Offsets[o + 1];
                if (end - start < 2)
                {
                    continue;
                }
                var stats = Describe(all.AsSpan(start, end - start), w, inWindow, seen, ++objectStamp);
                if (options.ObjectWeight!(stats) < options.MinObjectWeightForControl)
                {
                    continue;
                }
                if (stats.Participants == stats.Events)
                {
                    // One action per account: a pair's only gap decides, and each pair is met once.
                    CountSimpleControl(all, start, end, w, horizon, table);
                    continue;
                }
                var lo = start;
                var hi2 = start;
                for (var i = start; i < end; i++)
                {
                    var a = all[i].Account;
                    var t = all[i].Time;
                    while (all[lo].Time < t - horizon)
                    {
                        lo++;
                    }
                    while (hi2 < end && all[hi2].Time <= t + horizon)
                    {
                        hi2++;
                    }
                    for (var j = lo; j < hi2; j++)
                    {
                        var b = all[j].Account;
                        if (b == a)
                        {
                            continue;
                        }
                        var key = PairTable.Key(a, b);
                        if (Math.Abs(all[j].Time - t) <= w)
                        {
                            sync.Add(key);
                        }
                        else if (!System.Runtime.CompilerServices.Unsafe.IsNullRef(ref table.Find(a, b)))
                        {
                            control.Add(key);
                        }
                    }
                }
                foreach (var key in control)
                {
                    if (!sync.Contains(key))
                    {
                        var (pa, pb) = PairTable.Unpack(key);
                        local.GetOrAdd(pa, pb).ControlObjects++;
                    }
                }
                sync = Reset(sync);
                control = Reset(control);
            }
            locals[p] = local;
        });
        foreach (var local in locals)
        {
            local.ForEach((int lo, int hi, ref PairStats s) => table.GetOrAdd(lo, hi).ControlObjects += s.ControlObjects);
        }
    }
}
