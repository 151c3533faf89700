using System.Runtime.CompilerServices;

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

    /// <summary>
    /// When set, the control horizon in seconds (gaps in (w, horizon]), instead of <see cref="ControlFactor"/> windows:
    /// on coarse clocks the synchronous and control bands are made equal in clock ticks.
    /// </summary>
    public double? ControlHorizon { get; init; }

    /// <summary>
    /// Objects with more distinct participants than this are skipped entirely (no pairs, no control). The slower time
    /// scales use it: a crowd of thousands on one post carries almost no evidence per pair, and at minutes or hours every
    /// pair of the crowd would co-act.
    /// </summary>
    public int MaxParticipants { get; init; } = int.MaxValue;

    /// <summary>The horizon of the control band in seconds.</summary>
    public double EffectiveControlHorizon => ControlHorizon ?? Window * ControlFactor;

    /// <summary>Objects whose evidence weight is below this are skipped in the control pass (they cannot make an edge).</summary>
    public double MinObjectWeightForControl { get; init; } = 1e-9;

    public int Parallelism { get; init; } = 1;

    /// <summary>Pair-table shards larger than this buffer their updates (see <see cref="PairTable"/>); tests set 0 to buffer always.</summary>
    internal long DeferUpdatesAboveBytes { get; init; } = PairShard.DefaultDeferAboveBytes;
}

/// <summary>
/// The co-action sweep: for every object, walk its time-sorted actions with a two-sided window and record, per pair of
/// accounts, the toolkit's directed counts and (optionally) the synchronous-object evidence.
/// </summary>
public static class CoActionSweep
{
    public static PairTable Run(SignalEvents events, int accountCount, SweepOptions options)
    {
        // One shard per thread: every thread walks every object but records only the pairs of its own shard. Walking the
        // objects twice is cheap (sequential reads); the table updates are the cost, and they are split evenly, touch
        // only the thread's own memory, and leave nothing to merge.
        var threads = Math.Max(1, options.Parallelism);
        var table = new PairTable(threads, 1 << 12, options.DeferUpdatesAboveBytes);
        var multiObject = events.HasMultiObjectMessages ? MultiObjectMessages(events) : null;
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, shard =>
        {
            var worker = new ShardWorker(events, accountCount, options, multiObject, table.Shard(shard), shard, threads);
            worker.Sweep();
            if (options.ObjectWeight is not null && options.EffectiveControlHorizon > options.Window)
            {
                worker.CountControlObjects();
            }
        });
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

    /// <summary>Pairs handed to the table in batches of this many, so that their cache misses overlap.</summary>
    private const int PairBatch = 64;

    /// <summary>The state one thread sweeps with: its shard of the pair table and scratch arrays sized by accounts.</summary>
    private sealed class ShardWorker(SignalEvents events, int accountCount, SweepOptions options, bool[]? multiObject,
        PairShard table, int shard, int shards)
    {
        private readonly int[] _stamp = new int[accountCount];
        private readonly int[] _inWindow = new int[accountCount];
        private readonly int[] _seen = new int[accountCount];
        private readonly List<(int Message, int From, int To)>? _multi = multiObject is null ? null : [];
        private HashSet<long> _syncPairs = new(PairKeyComparer.Instance);
        private int _objectStamp;

        private bool Mine(long key) => PairTable.ShardOf(key, shards) == shard;

        public void Sweep()
        {
            var all = events.Events;
            var collect = options.ObjectWeight is not null;
            var w = options.Window;
            for (var o = 0; o < events.ObjectCount; o++)
            {
                var start = events.Offsets[o];
                var end = events.Offsets[o + 1];
                if (end - start < 2)
                {
                    continue;
                }
                var stats = Describe(all.AsSpan(start, end - start), w, _inWindow, _seen, ++_objectStamp);
                if (stats.Participants > options.MaxParticipants)
                {
                    continue;
                }
                var weight = collect ? PairStats.ToUnits(options.ObjectWeight!(stats)) : 0;
                if (stats.Participants == stats.Events)
                {
                    if (_multi is null)
                    {
                        SweepSimpleObjectBatched(start, end, collect ? 1 : 0, collect ? weight : 0);
                    }
                    else
                    {
                        SweepSimpleObject(start, end, collect, weight);
                    }
                    continue;
                }
                SweepObject(start, end, collect);
                foreach (var key in _syncPairs)
                {
                    ref var s = ref table.GetOrAdd(key);
                    s.SyncObjects++;
                    s.EvidenceUnits += weight;
                }
                _syncPairs = Reset(_syncPairs);
            }
            if (_multi is not null)
            {
                AddMultiObjectCounts();
            }
        }

        /// <summary>
        /// For messages with one object each, every account acting once on the object: each pair within the window is
        /// met once and counts once in each direction, so one forward scan (j &gt; i) finds every pair, and the pairs are
        /// handed to the table in batches.
        /// </summary>
        private void SweepSimpleObjectBatched(int start, int end, int syncObjects, int weight)
        {
            var all = events.Events;
            var w = options.Window;
            Span<long> batch = stackalloc long[PairBatch];
            var n = 0;
            var hi = start;
            for (var i = start; i < end; i++)
            {
                var a = all[i].Account;
                hi = ForwardEnd(all, i, hi, end, w);
                for (var j = i + 1; j < hi; j++)
                {
                    // Written always, kept only when the pair is this shard's: no branch to mispredict on a coin flip.
                    var key = PairTable.Key(a, all[j].Account);
                    batch[n] = key;
                    n += Mine(key) ? 1 : 0;
                    if (n == PairBatch)
                    {
                        table.AddMutual(batch, syncObjects, weight);
                        n = 0;
                    }
                }
            }
            table.AddMutual(batch[..n], syncObjects, weight);
        }

        /// <summary>
        /// <see cref="SweepSimpleObjectBatched"/> when some messages act on several objects: such a message may meet a
        /// partner on more than one of them, so its directed count is de-duplicated per message afterwards.
        /// </summary>
        private void SweepSimpleObject(int start, int end, bool collect, int weight)
        {
            var all = events.Events;
            var w = options.Window;
            var hi = start;
            for (var i = start; i < end; i++)
            {
                var a = all[i].Account;
                hi = ForwardEnd(all, i, hi, end, w);
                for (var j = i + 1; j < hi; j++)
                {
                    var b = all[j].Account;
                    var key = PairTable.Key(a, b);
                    if (!Mine(key))
                    {
                        continue;
                    }
                    ref var m = ref table.GetOrAdd(key);
                    var (mi, mj) = (all[i].Message, all[j].Message);
                    if (multiObject![mi])
                    {
                        _multi!.Add((mi, a, b));
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
                        _multi!.Add((mj, b, a));
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

        /// <summary>The general case (an account acted more than once): count distinct messages per partner with stamps.</summary>
        private void SweepObject(int start, int end, bool collect)
        {
            var all = events.Events;
            var w = options.Window;
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
                    if (b == a || _stamp[b] == mark)
                    {
                        continue;
                    }
                    _stamp[b] = mark;
                    var key = PairTable.Key(a, b);
                    if (!Mine(key))
                    {
                        continue;
                    }
                    if (_multi is not null && multiObject![all[i].Message])
                    {
                        _multi.Add((all[i].Message, a, b));
                    }
                    else
                    {
                        table.AddDirected(a, b);
                    }
                    if (collect)
                    {
                        _syncPairs.Add(key);
                    }
                }
            }
        }

        /// <summary>A message with several objects (two shared links) counts once per partner, as in the toolkit's count(distinct message_id).</summary>
        private void AddMultiObjectCounts()
        {
            var all = _multi!.ToArray();
            _multi.Clear();
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

        /// <summary>
        /// The timing null model's counts: objects on which a pair of this shard acted further apart than the window but
        /// within the control horizon, and never within the window. Only pairs already in the table can become edges.
        /// </summary>
        public void CountControlObjects()
        {
            var sync = new HashSet<long>(PairKeyComparer.Instance);
            var control = new HashSet<long>(PairKeyComparer.Instance);
            var all = events.Events;
            var w = options.Window;
            var horizon = options.EffectiveControlHorizon;
            for (var o = 0; o < events.ObjectCount; o++)
            {
                var start = events.Offsets[o];
                var end = events.Offsets[o + 1];
                if (end - start < 2)
                {
                    continue;
                }
                var stats = Describe(all.AsSpan(start, end - start), w, _inWindow, _seen, ++_objectStamp);
                if (stats.Participants > options.MaxParticipants || options.ObjectWeight!(stats) < options.MinObjectWeightForControl)
                {
                    continue;
                }
                if (stats.Participants == stats.Events)
                {
                    // One action per account: a pair's only gap decides, and each pair is met once.
                    CountSimpleControl(start, end, horizon);
                    continue;
                }
                var lo = start;
                var hi = start;
                for (var i = start; i < end; i++)
                {
                    var a = all[i].Account;
                    var t = all[i].Time;
                    while (all[lo].Time < t - horizon)
                    {
                        lo++;
                    }
                    while (hi < end && all[hi].Time <= t + horizon)
                    {
                        hi++;
                    }
                    for (var j = lo; j < hi; j++)
                    {
                        var b = all[j].Account;
                        if (b == a)
                        {
                            continue;
                        }
                        var key = PairTable.Key(a, b);
                        if (!Mine(key))
                        {
                            continue;
                        }
                        if (Math.Abs(all[j].Time - t) <= w)
                        {
                            sync.Add(key);
                        }
                        else if (!Unsafe.IsNullRef(ref table.Find(key)))
                        {
                            control.Add(key);
                        }
                    }
                }
                foreach (var key in control)
                {
                    if (!sync.Contains(key))
                    {
                        table.Find(key).ControlObjects++;
                    }
                }
                sync = Reset(sync);
                control = Reset(control);
            }
        }

        /// <summary>Control objects of an object where every account acted once: pairs further apart than the window but within the horizon.</summary>
        private void CountSimpleControl(int start, int end, double horizon)
        {
            var all = events.Events;
            var w = options.Window;
            Span<long> batch = stackalloc long[PairBatch];
            var n = 0;
            var hi = start;
            // The first partner further than the window: partners before it are synchronous, not control, and are not
            // walked at all (the same test as the sweep's, so a gap of exactly w stays synchronous).
            var beyond = start;
            for (var i = start; i < end; i++)
            {
                hi = ForwardEnd(all, i, hi, end, horizon);
                if (beyond <= i)
                {
                    beyond = i + 1;
                }
                while (beyond < hi && all[beyond].Time - all[i].Time <= w)
                {
                    beyond++;
                }
                for (var j = beyond; j < hi; j++)
                {
                    var key = PairTable.Key(all[i].Account, all[j].Account);
                    batch[n] = key;
                    n += Mine(key) ? 1 : 0;
                    if (n == PairBatch)
                    {
                        table.AddControl(batch);
                        n = 0;
                    }
                }
            }
            table.AddControl(batch[..n]);
        }
    }

    /// <summary>
    /// The end (exclusive) of the events after <paramref name="i"/> that are at most <paramref name="span"/> seconds
    /// later than it. Events are in time order, so the previous end <paramref name="hi"/> only moves forward.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ForwardEnd(CoActionEvent[] all, int i, int hi, int end, double span)
    {
        var limit = all[i].Time + span;
        if (hi <= i)
        {
            hi = i + 1;
        }
        while (hi < end && all[hi].Time <= limit)
        {
            hi++;
        }
        return hi;
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
}
