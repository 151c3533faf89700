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
        public bool Significant => BySignal.Values.Any(v => v.Significant);

        /// <summary>The rarity-weighted evidence summed over signals (each at its strongest scale): the fused graph's weight.</summary>
        public double Evidence => BySignal.Values.Sum(v => v.Evidence);

        public double Log10P => BySignal.Values.Max(v => v.Log10P);

        /// <summary>The scale of the strongest signal.</summary>
        public double Scale => BySignal.Values.MaxBy(v => v.Log10P).Scale;
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
        private readonly List<RawEdge> _raw = [];
        private readonly Dictionary<long, SignificantEdge> _fused = new(PairKeyComparer.Instance);
        private readonly Dictionary<SignalKind, (long Events, long Objects, long RawPairs)> _signals = [];
        private readonly Dictionary<SignalKind, HashSet<long>> _significantPairs = [];

        /// <summary>The scales in seconds; on a coarse clock none finer than one tick.</summary>
        public IReadOnlyList<double> Scales { get; } = [.. options.ScaleSeconds.Select(s => Math.Max(s, tick)).Distinct()];

        /// <summary>The level a scale is tested at: at the window itself as before, the slower scales share the rest.</summary>
        private double AlphaAt(double scale) => Scales.Count == 1 || scale <= Scales[0] ? options.Alpha : options.Alpha / (Scales.Count - 1);

        /// <summary>The raw network at the toolkit's window, and (when <paramref name="testScale"/> is set) that scale's timing test.</summary>
        public void AddRaw(SignalKind kind, PairTable table, double? testScale)
        {
            foreach (var (lo, hi, s) in table.Pairs())
            {
                var p = testScale is { } scale ? Test(kind, lo, hi, s, scale) : 1;
                var significant = testScale is { } tested && p < AlphaAt(tested);
                if (s.Weight >= options.MinWeight || significant)
                {
                    _raw.Add(new RawEdge(_pairs.Key(lo, hi), kind, s.Weight, significant));
                }
            }
            var events = corpus.Signals[kind];
            _signals[kind] = (events.Events.Length, events.ObjectCount, table.Count);
        }

        /// <summary>A slower (or, on a coarse clock, tick-aligned) scale's timing test.</summary>
        public void AddScale(SignalKind kind, PairTable table, double scale)
        {
            foreach (var (lo, hi, s) in table.Pairs())
            {
                Test(kind, lo, hi, s, scale);
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
            var p = Poisson.UpperTail(s.SyncObjects, lambda);
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
            // A pair significant only at a slower scale is still in the raw network when its toolkit weight is; mark it.
            for (var i = 0; i < _raw.Count; i++)
            {
                var e = _raw[i];
                if (!e.Significant && _significantPairs.TryGetValue(e.Signal, out var set) && set.Contains(e.Pair))
                {
                    _raw[i] = e with { Significant = true };
                }
            }
            _raw.Sort(static (x, y) => x.Pair != y.Pair ? x.Pair.CompareTo(y.Pair) : x.Signal.CompareTo(y.Signal));
            var edges = new RawEdgeList([.. _raw], _pairs);
            var counts = new Dictionary<string, SignalCounts>();
            foreach (var (kind, (events, objects, rawPairs)) in _signals)
            {
                counts[kind.Name()] = new SignalCounts(events, objects, rawPairs, _significantPairs.TryGetValue(kind, out var set) ? set.Count : 0);
            }
            // In pair order, not the pair table's: scores sum evidence over these edges in floating point, and the table's
            // order depends on how many threads (shards) swept it.
            return (edges, [.. _fused.Values.OrderBy(e => e.A).ThenBy(e => e.B)], counts);
        }
    }
}
