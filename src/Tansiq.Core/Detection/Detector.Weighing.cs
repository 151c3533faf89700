using Tansiq.Core.CoAction;
using Tansiq.Core.Evidence;
using Tansiq.Core.Model;

namespace Tansiq.Core.Detection;

public sealed partial class Detector
{
    /// <summary>A pair's timing evidence on one signal at the scale where it was strongest.</summary>
    internal readonly record struct PairEvidence(int Sync, int Control, double PValue, double Scale, double Evidence, bool Significant = true)
    {
        /// <summary>-log10 p, capped where double precision ends.</summary>
        public double Log10P => -Math.Log10(Math.Max(PValue, 1e-300));
    }

    /// <summary>A pair of accounts whose timing beat the null model on at least one signal and scale.</summary>
    internal sealed class SignificantEdge(int a, int b)
    {
        public int A { get; } = a;
        public int B { get; } = b;
        public Dictionary<SignalKind, PairEvidence> BySignal { get; } = [];

        /// <summary>
        /// False for a candidate edge: synchrony concentrated in the scale's band but too few objects for the pair test on
        /// its own. Candidate edges join the graph that communities are found in (a human squad of thirty whose members
        /// share only a handful of objects pairwise is overwhelming as a group); only significant edges are findings.
        /// </summary>
        public bool Significant => _sealed?.Significant ?? BySignal.Values.Any(v => v.Significant);

        /// <summary>The rarity-weighted evidence summed over signals (each at its strongest scale): the fused graph's weight.</summary>
        public double Evidence => _sealed?.Evidence ?? BySignal.Values.Sum(v => v.Evidence);

        public double Log10P => _sealed?.Log10P ?? BySignal.Values.Max(v => v.Log10P);

        /// <summary>The scale of the strongest signal.</summary>
        public double Scale => _sealed?.Scale ?? BySignal.Values.MaxBy(v => v.Log10P).Scale;

        // The four values above once weighing is done (clustering, judging and explaining read them millions of times).
        private (bool Significant, double Evidence, double Log10P, double Scale)? _sealed;

        /// <summary>Computes the values above once, when <see cref="BySignal"/> is complete; later changes to it would not be seen.</summary>
        public void Seal() => _sealed = (
            BySignal.Values.Any(v => v.Significant),
            BySignal.Values.Sum(v => v.Evidence),
            BySignal.Values.Max(v => v.Log10P),
            BySignal.Values.MaxBy(v => v.Log10P).Scale);
    }

    /// <summary>
    /// Turns the pair tables of every signal and scale into the raw network and the significant evidence graph. A pair is
    /// tested at each scale: S synchronous objects (closest gap inside the scale) against C control objects (closest
    /// gap in the adjacent band of the same width), P[Poisson(r (C + 1/2) / (c - 1)) &gt;= S]; the significance level is
    /// divided among the scales (Bonferroni), and the strongest scale is kept.
    /// </summary>
    private sealed class Weighing(Corpus corpus, DetectOptions options, double tick)
    {
        private readonly OrdinalPairs _pairs = new(corpus.Accounts);
        // The raw edges as sorted runs, one per signal and pair-table shard (a pair is in one shard of its signal's table),
        // each item's signal an index into _kinds: merged into pair order once, in Finish.
        private readonly List<RawRun> _runs = [];
        private readonly List<SignalKind> _kinds = [];
        private readonly Dictionary<long, SignificantEdge> _fused = new(PairKeyComparer.Instance);
        private readonly Dictionary<SignalKind, (long Events, long Objects, long RawPairs)> _signals = [];
        private readonly Dictionary<SignalKind, HashSet<long>> _significantPairs = [];
        private readonly PoissonTails _tails = new();

        /// <summary>The scales in seconds; on a coarse clock none finer than one tick.</summary>
        public IReadOnlyList<double> Scales { get; } = [.. options.ScaleSeconds.Select(s => Math.Max(s, tick)).Distinct()];

        /// <summary>The level a scale is tested at: at the window itself as before, the slower scales share the rest.</summary>
        private double AlphaAt(double scale) => Scales.Count == 1 || scale <= Scales[0] ? options.Alpha : options.Alpha / (Scales.Count - 1);

        /// <summary>The raw network at the toolkit's window, and (when <paramref name="testScale"/> is set) that scale's timing test.</summary>
        public void AddRaw(SignalKind kind, PairTable table, double? testScale)
        {
            if (_kinds.Count == ushort.MaxValue)
            {
                throw new InvalidOperationException($"more than {ushort.MaxValue} signals");
            }
            var signal = (ushort)_kinds.Count;
            _kinds.Add(kind);
            for (var shard = 0; shard < table.ShardCount; shard++)
            {
                // Room for every pair of the shard (raw edges are a subset): no list doubling its way up, no copies.
                var pairs = table.Shard(shard);
                var keys = new long[pairs.Count];
                var items = new RawItem[keys.Length];
                var n = 0;
                pairs.ForEach((int lo, int hi, ref PairStats s) =>
                {
                    var p = testScale is { } scale ? Test(kind, lo, hi, s, scale) : 1;
                    var significant = testScale is { } tested && p < AlphaAt(tested);
                    if (s.Weight >= options.MinWeight || significant)
                    {
                        keys[n] = _pairs.Key(lo, hi);
                        items[n++] = new RawItem(s.Weight, significant);
                    }
                });
                // Most of a crowded signal's pairs are below the raw network's weight: the room they were given is handed
                // back now, not when every signal has been swept.
                if (n < keys.Length / 2)
                {
                    Array.Resize(ref keys, n);
                    Array.Resize(ref items, n);
                }
                _runs.Add(new RawRun(signal, keys, items, n));
            }
            var events = corpus.Signals[kind];
            _signals[kind] = (events.Events.Length, events.ObjectCount, table.Count);
        }

        /// <summary>A slower (or, on a coarse clock, tick-aligned) scale's timing test.</summary>
        public void AddScale(SignalKind kind, PairTable table, double scale)
        {
            for (var shard = 0; shard < table.ShardCount; shard++)
            {
                table.Shard(shard).ForEach((int lo, int hi, ref PairStats s) => Test(kind, lo, hi, s, scale));
            }
        }

        private double Test(SignalKind kind, int lo, int hi, PairStats s, double scale)
        {
            // A hashtag game's players share only a game or two pairwise, each under a new tag that few others use: at the
            // slower scales two such hashtags make a candidate (the group must still pass every test as a whole).
            var minObjects = kind == SignalKind.CoHashtag && scale > options.Window ? Math.Min(2, options.MinSyncObjects) : options.MinSyncObjects;
            if (s.SyncObjects < minObjects)
            {
                return 1;
            }
            // Under the null, synchronous and near-synchronous co-actions are equally likely per unit of gap, so the
            // control count (the adjacent band of the same width) predicts how many synchronous objects chance gives.
            var lambda = options.ControlRatio * (s.ControlObjects + 0.5) / Math.Max(1, options.ControlFactor - 1);
            var p = _tails.UpperTail(s.SyncObjects, s.ControlObjects, lambda);
            var significant = p < AlphaAt(scale) && s.SyncObjects >= options.MinSyncObjects;
            // A candidate: at least four times as many synchronous objects as the adjacent band (plus a half) predicts.
            if (!significant && (scale <= options.Window || s.SyncObjects < options.CandidateRatio * (s.ControlObjects + 0.5)))
            {
                return p;
            }
            var key = PairTable.Key(lo, hi);
            if (!_fused.TryGetValue(key, out var edge))
            {
                edge = new SignificantEdge(lo, hi);
                _fused[key] = edge;
            }
            // The strongest scale's counts and p; the largest rarity-weighted evidence of any significant scale (slower
            // scales skip crowded objects, so their evidence alone would understate a pair that also co-acts in crowds).
            var evidence = new PairEvidence(s.SyncObjects, s.ControlObjects, p, scale, s.Evidence, significant);
            if (!edge.BySignal.TryGetValue(kind, out var before))
            {
                edge.BySignal[kind] = evidence;
            }
            else
            {
                var best = evidence.Log10P > before.Log10P ? evidence : before;
                edge.BySignal[kind] = best with { Evidence = Math.Max(before.Evidence, evidence.Evidence), Significant = before.Significant || significant };
            }
            if (!significant)
            {
                return p;
            }
            (_significantPairs.TryGetValue(kind, out var set) ? set : _significantPairs[kind] = new(PairKeyComparer.Instance)).Add(_pairs.Key(lo, hi));
            return p;
        }

        public (IReadOnlyList<EdgeResult>, List<SignificantEdge>, Dictionary<string, SignalCounts>) Finish()
        {
            // Each run in pair order (the shards' runs on threads of their own), then a pair significant only at a slower
            // scale, still in the raw network when its toolkit weight is, is marked (both lists sorted: one walk).
            var significantByKind = _significantPairs.ToDictionary(p => p.Key, p =>
            {
                var keys = p.Value.ToArray();
                Array.Sort(keys);
                return keys;
            });
            Parallel.For(0, _runs.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism) }, r =>
            {
                var run = _runs[r];
                Array.Sort(run.Keys, run.Items, 0, run.Count);
                if (significantByKind.TryGetValue(_kinds[run.Signal], out var marked))
                {
                    var j = 0;
                    for (var i = 0; i < run.Count && j < marked.Length; i++)
                    {
                        while (j < marked.Length && marked[j] < run.Keys[i])
                        {
                            j++;
                        }
                        if (j < marked.Length && marked[j] == run.Keys[i])
                        {
                            run.Items[i] = run.Items[i] with { Significant = true };
                        }
                    }
                }
            });
            var edges = new RawEdgeList(MergeRuns(_runs), [.. _kinds], _pairs);
            _runs.Clear();
            var counts = new Dictionary<string, SignalCounts>();
            foreach (var (kind, (events, objects, rawPairs)) in _signals)
            {
                counts[kind.Name()] = new SignalCounts(events, objects, rawPairs, _significantPairs.TryGetValue(kind, out var set) ? set.Count : 0);
            }
            // In pair order, not the pair table's: scores sum evidence over these edges in floating point, and the table's
            // order depends on how many threads (shards) swept it. A's index in the high half: the key sorts by (A, B).
            var fusedKeys = new long[_fused.Count];
            var fused = new SignificantEdge[_fused.Count];
            var n = 0;
            foreach (var edge in _fused.Values)
            {
                edge.Seal();
                fusedKeys[n] = PairTable.Key(edge.A, edge.B);
                fused[n++] = edge;
            }
            Array.Sort(fusedKeys, fused);
            // Run's closures keep this object to the end of detection: the tests' bookkeeping goes now.
            _fused.Clear();
            _fused.TrimExcess();
            _significantPairs.Clear();
            return (edges, [.. fused], counts);
        }

        /// <summary>
        /// The runs merged into one list in (pair, signal) order: the runs of one signal hold disjoint pairs, and a pair in
        /// several signals comes first with the signal added first (signals are added in <see cref="SignalKind"/> order).
        /// </summary>
        private static RawEdge[] MergeRuns(List<RawRun> runs)
        {
            var merged = new RawEdge[runs.Sum(r => (long)r.Count)];
            var heads = new int[runs.Count];
            for (var i = 0; i < merged.Length; i++)
            {
                var best = -1;
                var bestKey = long.MaxValue;
                var bestSignal = ushort.MaxValue;
                for (var r = 0; r < runs.Count; r++)
                {
                    var run = runs[r];
                    if (heads[r] < run.Count && (run.Keys[heads[r]] < bestKey || (run.Keys[heads[r]] == bestKey && run.Signal < bestSignal)))
                    {
                        best = r;
                        bestKey = run.Keys[heads[r]];
                        bestSignal = run.Signal;
                    }
                }
                var item = runs[best].Items[heads[best]++];
                merged[i] = new RawEdge(bestKey, item.Weight, bestSignal, item.Significant);
            }
            return merged;
        }
    }

    /// <summary>A raw edge's weight and whether it is significant, beside its pair key in a run.</summary>
    private readonly record struct RawItem(int Weight, bool Significant);

    /// <summary>One signal's raw edges from one pair-table shard: the first <paramref name="Count"/> ordinal pair keys and
    /// their items, sorted in Finish.</summary>
    private sealed record RawRun(ushort Signal, long[] Keys, RawItem[] Items, int Count);

    /// <summary>
    /// Poisson upper tails of the pair test, computed once per (synchronous, control) count: millions of pairs share a
    /// few thousand such counts, and the tail of the same arguments is the same number.
    /// </summary>
    private sealed class PoissonTails
    {
        private const int Side = 128;
        private readonly double[] _small = CreateEmpty();
        private readonly Dictionary<long, double> _large = [];

        private static double[] CreateEmpty()
        {
            var table = new double[Side * Side];
            Array.Fill(table, -1.0);
            return table;
        }

        /// <summary>P[Poisson(<paramref name="lambda"/>) &gt;= <paramref name="sync"/>], where lambda is a function of
        /// <paramref name="control"/> alone (the options are fixed for the run).</summary>
        public double UpperTail(int sync, int control, double lambda)
        {
            if ((uint)sync < Side && (uint)control < Side)
            {
                ref var slot = ref _small[(sync * Side) + control];
                if (slot < 0)
                {
                    slot = Poisson.UpperTail(sync, lambda);
                }
                return slot;
            }
            var key = ((long)sync << 32) | (uint)control;
            if (!_large.TryGetValue(key, out var p))
            {
                p = Poisson.UpperTail(sync, lambda);
                _large[key] = p;
            }
            return p;
        }
    }
}
