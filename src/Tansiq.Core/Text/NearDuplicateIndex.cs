using System.IO.Hashing;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Tansiq.Core.Text;

/// <summary>Parameters of near-duplicate detection. The defaults are tuned for word-set Jaccard &gt;= 0.8.</summary>
public sealed record NearDuplicateOptions
{
    /// <summary>Two posts are near-duplicates when the Jaccard similarity of their normalised word sets is at least this.</summary>
    public double Threshold { get; init; } = 0.8;

    /// <summary>
    /// LSH bands and rows per band (MinHash permutations = Bands x RowsPerBand). A pair at similarity s becomes a
    /// candidate with probability 1 - (1 - s^r)^b: with 24 x 5 that is 0.99993 at s = 0.8, 0.86 at 0.6, 0.22 at 0.4.
    /// Candidates below the threshold only cost a set comparison, so the bands lean towards recall.
    /// </summary>
    public int Bands { get; init; } = 24;

    public int RowsPerBand { get; init; } = 5;

    /// <summary>Posts with fewer distinct words than this are not matched (one or two words say too little to call a copy).</summary>
    public int MinWords { get; init; } = 3;

    /// <summary>Seeds the MinHash permutations; results are identical for identical input, options and seed.</summary>
    public ulong Seed { get; init; } = 0x5441_4E53_4951_0001;

    public int Parallelism { get; init; } = 2;

    /// <summary>
    /// Buckets up to this size are verified pair by pair; larger ones (a campaign with thousands of distinct variants
    /// sharing a band) are linked through representatives, so that cost stays linear. Only clustering uses the shortcut.
    /// </summary>
    public int ExactBucketLimit { get; init; } = 512;

    /// <summary>Smallest number of posts for a text cluster.</summary>
    public int MinClusterSize { get; init; } = 2;

    internal void Validate()
    {
        if (Threshold is <= 0 or > 1 || double.IsNaN(Threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(Threshold), Threshold, "must be in (0, 1]");
        }
        if (Bands < 1 || RowsPerBand < 1 || MinWords < 1 || Parallelism < 1 || ExactBucketLimit < 2 || MinClusterSize < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(Bands), "bands, rows, min words, parallelism must be >= 1; bucket limit and cluster size >= 2");
        }
    }
}

/// <summary>Counts from one run, for summaries and benchmarks.</summary>
public sealed record NearDuplicateStats(int Items, int Eligible, int DistinctSets, long BucketMembers, long CandidatePairs, long VerifiedSimilar, int LargeBuckets);

/// <summary>
/// MinHash + LSH over word sets. Posts with the same word set are merged first (a campaign's exact copies cost one
/// set); each distinct set gets one band key per band (the hash of RowsPerBand minima under multiply-shift
/// permutations of the word hashes); sets sharing a band key are candidates, verified by exact Jaccard.
/// </summary>
public sealed class NearDuplicateIndex
{
    private readonly TokenSets _sets;
    private readonly NearDuplicateOptions _options;
    private readonly int[] _distinctOf;
    private readonly int[] _distinctFirst;
    private readonly int[][] _bandMembers;
    private readonly int[][] _bandRuns;
    private readonly int _eligible;

    private NearDuplicateIndex(TokenSets sets, NearDuplicateOptions options, int[] distinctOf, int[] distinctFirst, int eligible, int[][] bandMembers, int[][] bandRuns)
    {
        _sets = sets;
        _options = options;
        _distinctOf = distinctOf;
        _distinctFirst = distinctFirst;
        _eligible = eligible;
        _bandMembers = bandMembers;
        _bandRuns = bandRuns;
    }

    public TokenSets Sets => _sets;

    /// <summary>The distinct word set of each item, or -1 when the item has fewer than MinWords words.</summary>
    public ReadOnlySpan<int> DistinctOf => _distinctOf;

    public int DistinctCount => _distinctFirst.Length;

    /// <summary>The word set of a distinct set (that of its first item).</summary>
    public ReadOnlySpan<ulong> DistinctSet(int distinct) => _sets[_distinctFirst[distinct]];

    public static NearDuplicateIndex Build(TokenSets sets, NearDuplicateOptions options)
    {
        options.Validate();
        var (distinctOf, distinctFirst, eligible) = MergeIdentical(sets, options.MinWords);
        var members = new int[options.Bands][];
        var runs = new int[options.Bands][];
        // A few bands at a time: the keys of all 24 bands at once were 600 MB at ten million messages.
        for (var first = 0; first < options.Bands; first += BandsAtATime)
        {
            var count = Math.Min(BandsAtATime, options.Bands - first);
            var keys = BandKeys(sets, distinctFirst, options, first, count);
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism }, k =>
            {
                (members[first + k], runs[first + k]) = Buckets(keys[k]);
                keys[k] = null!;
            });
        }
        return new NearDuplicateIndex(sets, options, distinctOf, distinctFirst, eligible, members, runs);
    }

    private static (int[] DistinctOf, int[] DistinctFirst, int Eligible) MergeIdentical(TokenSets sets, int minWords)
    {
        var distinctOf = new int[sets.Count];
        var first = new List<int>();
        var byHash = new Dictionary<ulong, int>();
        var eligible = 0;
        for (var i = 0; i < sets.Count; i++)
        {
            var set = sets[i];
            if (set.Length < minWords)
            {
                distinctOf[i] = -1;
                continue;
            }
            eligible++;
            var hash = XxHash3.HashToUInt64(MemoryMarshal.AsBytes(set));
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(byHash, hash, out var exists);
            if (exists && sets[first[slot]].SequenceEqual(set))
            {
                distinctOf[i] = slot;
                continue;
            }
            // A 64-bit collision between different sets keeps the older one in the table; the newer is still its own set.
            if (!exists)
            {
                slot = first.Count;
            }
            distinctOf[i] = first.Count;
            first.Add(i);
        }
        return (distinctOf, [.. first], eligible);
    }

    /// <summary>
    /// The MinHash permutations: h_k(x) = a_k * x + b_k (mod 2^32) on a 32-bit fold of the 64-bit word hash, a_k odd.
    /// The word hashes are already uniform, so a multiply-add family suffices, and in 32 bits it vectorises
    /// (Vector&lt;uint&gt;: 8 permutations per instruction with AVX2). Padded to whole vectors.
    /// </summary>
    internal static (Vector<uint>[] A, Vector<uint>[] B) Permutations(ulong seed, int count)
    {
        var width = Vector<uint>.Count;
        var groups = (count + width - 1) / width;
        var a = new uint[groups * width];
        var b = new uint[groups * width];
        var state = seed;
        for (var k = 0; k < a.Length; k++)
        {
            a[k] = (uint)SplitMix(ref state) | 1;
            b[k] = (uint)SplitMix(ref state);
        }
        var va = new Vector<uint>[groups];
        var vb = new Vector<uint>[groups];
        for (var g = 0; g < groups; g++)
        {
            va[g] = new Vector<uint>(a, g * width);
            vb[g] = new Vector<uint>(b, g * width);
        }
        return (va, vb);
    }

    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    /// <summary>The MinHash signature of a word set: per permutation, the least permuted word hash.</summary>
    internal static void Signature(ReadOnlySpan<ulong> set, Vector<uint>[] a, Vector<uint>[] b, Span<Vector<uint>> mins)
    {
        mins.Fill(new Vector<uint>(uint.MaxValue));
        foreach (var word in set)
        {
            var x = new Vector<uint>((uint)(word ^ (word >> 32)));
            for (var g = 0; g < mins.Length; g++)
            {
                mins[g] = Vector.Min(mins[g], (a[g] * x) + b[g]);
            }
        }
    }

    private const int BandsAtATime = 4;

    /// <summary>
    /// One key per band and distinct set, for <paramref name="count"/> bands from <paramref name="firstBand"/>: the
    /// band's RowsPerBand signature values mixed into 64 bits. Only the permutations those bands use are computed.
    /// </summary>
    private static ulong[][] BandKeys(TokenSets sets, int[] distinctFirst, NearDuplicateOptions options, int firstBand, int count)
    {
        var rows = options.RowsPerBand;
        var (allA, allB) = Permutations(options.Seed, options.Bands * rows);
        var width = Vector<uint>.Count;
        var firstGroup = firstBand * rows / width;
        var endGroup = ((firstBand + count) * rows + width - 1) / width;
        var a = allA[firstGroup..endGroup];
        var b = allB[firstGroup..endGroup];
        // Where the first band's values start in the computed part of the signature.
        var skip = (firstBand * rows) - (firstGroup * width);
        var n = distinctFirst.Length;
        var keys = new ulong[count][];
        for (var k = 0; k < count; k++)
        {
            keys[k] = new ulong[n];
        }
        var chunks = Math.Max(1, Math.Min(n / 2048, options.Parallelism * 8));
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism }, c =>
        {
            Span<Vector<uint>> mins = stackalloc Vector<uint>[a.Length];
            var from = (int)((long)n * c / chunks);
            var to = (int)((long)n * (c + 1) / chunks);
            for (var d = from; d < to; d++)
            {
                Signature(sets[distinctFirst[d]], a, b, mins);
                var signature = MemoryMarshal.Cast<Vector<uint>, uint>(mins);
                for (var k = 0; k < count; k++)
                {
                    var band = firstBand + k;
                    var key = (ulong)(band + 1) * 0x9E3779B97F4A7C15;
                    foreach (var v in signature.Slice(skip + (k * rows), rows))
                    {
                        key = (key ^ v) * 0xFF51AFD7ED558CCD;
                        key ^= key >> 33;
                    }
                    keys[k][d] = key;
                }
            }
        });
        return keys;
    }

    private static (int[] Members, int[] Runs) Buckets(ulong[] keys)
    {
        var n = keys.Length;
        var ids = new int[n];
        for (var d = 0; d < n; d++)
        {
            ids[d] = d;
        }
        SortByKey(keys, ids);
        var members = new List<int>();
        var runs = new List<int> { 0 };
        var i = 0;
        while (i < n)
        {
            var j = i + 1;
            while (j < n && keys[j] == keys[i])
            {
                j++;
            }
            if (j - i >= 2)
            {
                // Array.Sort is not stable: order each bucket by id so that the results do not depend on it.
                var span = ids.AsSpan(i, j - i);
                span.Sort();
                foreach (var id in span)
                {
                    members.Add(id);
                }
                runs.Add(members.Count);
            }
            i = j;
        }
        return ([.. members], [.. runs]);
    }

    /// <summary>
    /// Sorts <paramref name="keys"/> ascending and <paramref name="ids"/> with them: a stable radix sort, 16 bits a pass.
    /// Equal keys keep their order, and buckets are ordered by id afterwards anyway, so the buckets and their order
    /// are those of any other sort; it is several times faster than a comparison sort on millions of keys (24 sorts a run).
    /// </summary>
    internal static void SortByKey(ulong[] keys, int[] ids)
    {
        var n = keys.Length;
        var (fromKeys, fromIds) = (keys, ids);
        var (toKeys, toIds) = (new ulong[n], new int[n]);
        var counts = new int[1 << 16];
        for (var shift = 0; shift < 64; shift += 16)
        {
            Array.Clear(counts);
            foreach (var key in fromKeys)
            {
                counts[(int)(key >> shift) & 0xFFFF]++;
            }
            var sum = 0;
            for (var b = 0; b < counts.Length; b++)
            {
                (counts[b], sum) = (sum, sum + counts[b]);
            }
            for (var i = 0; i < n; i++)
            {
                var key = fromKeys[i];
                var at = counts[(int)(key >> shift) & 0xFFFF]++;
                toKeys[at] = key;
                toIds[at] = fromIds[i];
            }
            (fromKeys, toKeys) = (toKeys, fromKeys);
            (fromIds, toIds) = (toIds, fromIds);
        }
        // Four passes: the sorted keys and ids are back in the caller's arrays.
    }

    /// <summary>
    /// Every pair of distinct sets that shares a bucket and passes exact verification (d1 &lt; d2), each once: the
    /// pair relation itself, for evaluation against all-pairs. Quadratic in bucket size and kept in memory; grouping
    /// uses <see cref="Components"/>, which skips pairs already joined.
    /// </summary>
    public List<(int A, int B)> SimilarDistinctPairs()
    {
        var seen = new HashSet<long>(Tansiq.Core.CoAction.PairKeyComparer.Instance);
        var result = new List<(int, int)>();
        ForEachBucket(bucket =>
        {
            for (var i = 1; i < bucket.Length; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    var lo = Math.Min(bucket[i], bucket[j]);
                    var hi = Math.Max(bucket[i], bucket[j]);
                    if (seen.Add(((long)lo << 32) | (uint)hi) && TokenSets.IsSimilar(DistinctSet(lo), DistinctSet(hi), _options.Threshold))
                    {
                        result.Add((lo, hi));
                    }
                }
            }
        });
        result.Sort();
        return result;
    }

    /// <summary>
    /// Groups the distinct sets into connected components of the near-duplicate relation (single linkage). Returns
    /// the root of each distinct set's component and the run's counts.
    /// </summary>
    /// <remarks>
    /// Buckets are visited in order and every pair is decided as a plain pair-by-pair pass would decide it (the same
    /// candidates counted, the same unions in the same order), but faster, which matters because the number of
    /// candidate pairs grows with the square of the bucket sizes (453 million at ten million messages of the benchmark,
    /// 6 million at one million): a bucket's sets, sketches and roots are first copied next to each other (one cache
    /// miss per member instead of several per pair), and a pair whose sketches alone rule out the threshold is not
    /// compared word by word (<see cref="MayBeSimilar"/>).
    /// </remarks>
    public (int[] Component, NearDuplicateStats Stats) Components()
    {
        var uf = new UnionFind(DistinctCount);
        long candidates = 0, similar = 0, bucketMembers = 0;
        var largeBuckets = 0;
        var threshold = _options.Threshold;
        var sketches = new ulong[DistinctCount];
        for (var d = 0; d < sketches.Length; d++)
        {
            sketches[d] = Sketch(DistinctSet(d));
        }
        var reps = new List<int>();
        var roots = new int[64];
        // Bucket by bucket in ForEachBucket's order, a batch of buckets at a time (the listed pairs of one batch in memory).
        for (var band = 0; band < _bandMembers.Length; band++)
        {
            var bandRuns = _bandRuns[band];
            var bandMembers = _bandMembers[band];
            for (var batch = 0; batch + 1 < bandRuns.Length; batch += BucketsPerBatch)
            {
                var batchEnd = Math.Min(batch + BucketsPerBatch, bandRuns.Length - 1);
                var (pairs, pairStart) = SimilarPairsOfSmallBuckets(band, batch, batchEnd, sketches);
                for (var r = batch; r < batchEnd; r++)
                {
                    Decide(bandMembers.AsSpan(bandRuns[r], bandRuns[r + 1] - bandRuns[r]), pairs, pairStart[r - batch], pairStart[r - batch + 1]);
                }
            }
        }
        var component = new int[DistinctCount];
        for (var d = 0; d < component.Length; d++)
        {
            component[d] = uf.Find(d);
        }
        return (component, new NearDuplicateStats(_sets.Count, _eligible, DistinctCount, bucketMembers, candidates, similar, largeBuckets));

        void Decide(ReadOnlySpan<int> bucket, long[] pairs, int pairsFrom, int pairsTo)
        {
            bucketMembers += bucket.Length;
            if (bucket.Length <= _options.ExactBucketLimit)
            {
                if (roots.Length < bucket.Length)
                {
                    roots = new int[(int)BitOperations.RoundUpToPowerOf2((uint)bucket.Length)];
                }
                var root = roots.AsSpan(0, bucket.Length);
                for (var m = 0; m < bucket.Length; m++)
                {
                    root[m] = uf.Find(bucket[m]);
                }
                var similarHere = pairs.AsSpan(pairsFrom, pairsTo - pairsFrom);
                if (similarHere.IsEmpty)
                {
                    // Nothing joins: every pair whose sets are not joined yet is one candidate.
                    candidates += PairsAcrossGroups(root);
                    return;
                }
                var next = 0;
                for (var i = 1; i < bucket.Length; i++)
                {
                    for (var j = 0; j < i; j++)
                    {
                        var isListed = next < similarHere.Length && similarHere[next] == Pack(i, j);
                        next += isListed ? 1 : 0;
                        // Already joined through other pairs: verifying would not change the components.
                        if (root[i] == root[j])
                        {
                            continue;
                        }
                        candidates++;
                        if (isListed)
                        {
                            similar++;
                            var (ri, rj) = (root[i], root[j]);
                            uf.Union(bucket[i], bucket[j]);
                            var joined = uf.Find(bucket[i]);
                            for (var m = 0; m < root.Length; m++)
                            {
                                if (root[m] == ri || root[m] == rj)
                                {
                                    root[m] = joined;
                                }
                            }
                        }
                    }
                }
                return;
            }
            // A very large bucket: each member is tried against one representative per component met so far in it.
            largeBuckets++;
            reps.Clear();
            foreach (var x in bucket)
            {
                var linked = false;
                var set = DistinctSet(x);
                var sketch = sketches[x];
                foreach (var rep in reps)
                {
                    if (uf.Find(x) == uf.Find(rep))
                    {
                        linked = true;
                        break;
                    }
                    candidates++;
                    var repSet = DistinctSet(rep);
                    if (MayBeSimilar(sketch, set.Length, sketches[rep], repSet.Length, threshold) && TokenSets.IsSimilar(set, repSet, threshold))
                    {
                        similar++;
                        uf.Union(x, rep);
                        linked = true;
                        break;
                    }
                }
                if (!linked && reps.Count < _options.ExactBucketLimit)
                {
                    reps.Add(x);
                }
            }
        }
    }

    /// <summary>How many buckets' similar pairs are found at a time (settable for tests).</summary>
    internal int BucketsPerBatch { get; set; } = 1 << 16;

    private static long Pack(int i, int j) => ((long)i << 32) | (uint)j;

    /// <summary>The number of pairs of <paramref name="roots"/> with different values (reorders them).</summary>
    private static long PairsAcrossGroups(Span<int> roots)
    {
        long k = roots.Length;
        var pairs = (k * (k - 1)) / 2;
        roots.Sort();
        var run = 1L;
        for (var m = 1; m <= roots.Length; m++)
        {
            if (m < roots.Length && roots[m] == roots[m - 1])
            {
                run++;
                continue;
            }
            pairs -= (run * (run - 1)) / 2;
            run = 1;
        }
        return pairs;
    }

    /// <summary>
    /// For every bucket (in <see cref="ForEachBucket"/> order) up to the exact limit, its pairs (i, j), j &lt; i, whose
    /// sets are similar, packed and in the order a pair-by-pair pass meets them: found on all cores, since whether two
    /// sets are similar does not depend on what was joined before. Larger buckets get none (they are decided in order).
    /// </summary>
    private (long[] Pairs, int[] Start) SimilarPairsOfSmallBuckets(int band, int fromRun, int toRun, ulong[] sketches)
    {
        var runs = _bandRuns[band];
        var members = _bandMembers[band];
        var buckets = toRun - fromRun;
        var count = new int[buckets + 1];
        var chunks = Math.Max(1, Math.Min(buckets / 64, _options.Parallelism * 16));
        var found = new List<long>[chunks];
        var threshold = _options.Threshold;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism }, c =>
        {
            var local = new BucketCopy();
            var list = new List<long>();
            var from = (int)((long)buckets * c / chunks);
            var to = (int)((long)buckets * (c + 1) / chunks);
            for (var b = from; b < to; b++)
            {
                var r = fromRun + b;
                var bucket = members.AsSpan(runs[r], runs[r + 1] - runs[r]);
                if (bucket.Length > _options.ExactBucketLimit)
                {
                    continue;
                }
                local.Load(bucket, this, sketches);
                var before = list.Count;
                for (var i = 1; i < bucket.Length; i++)
                {
                    for (var j = 0; j < i; j++)
                    {
                        if (local.IsSimilar(i, j, threshold))
                        {
                            list.Add(Pack(i, j));
                        }
                    }
                }
                count[b + 1] = list.Count - before;
            }
            found[c] = list;
        });
        for (var b = 0; b < buckets; b++)
        {
            count[b + 1] += count[b];
        }
        var pairs = new long[count[buckets]];
        var at = 0;
        foreach (var list in found)
        {
            list.CopyTo(pairs, at);
            at += list.Count;
        }
        return (pairs, count);
    }

    /// <summary>A 64-bit sketch of a word set: bit (hash mod 64) of each word.</summary>
    private static ulong Sketch(ReadOnlySpan<ulong> set)
    {
        ulong sketch = 0;
        foreach (var word in set)
        {
            sketch |= 1UL << (int)(word & 63);
        }
        return sketch;
    }

    /// <summary>
    /// False only when two sets of <paramref name="sizeA"/> and <paramref name="sizeB"/> words cannot reach Jaccard
    /// <paramref name="threshold"/> (so never false where <see cref="TokenSets.IsSimilar"/> is true): every sketch bit
    /// of one set that the other lacks stands for at least one word the other lacks, which bounds the words in common;
    /// the bound is then tested with the same arithmetic as the exact test (monotone in the common count).
    /// </summary>
    internal static bool MayBeSimilar(ulong sketchA, int sizeA, ulong sketchB, int sizeB, double threshold)
    {
        var small = Math.Min(sizeA, sizeB);
        var large = Math.Max(sizeA, sizeB);
        if (large == 0 || (double)small / large < threshold)
        {
            return false;
        }
        var common = Math.Min(sizeA - BitOperations.PopCount(sketchA & ~sketchB), sizeB - BitOperations.PopCount(sketchB & ~sketchA));
        return (double)common / (sizeA + sizeB - common) >= threshold;
    }

    /// <summary>One bucket's word sets, sketches and component roots side by side, reused from bucket to bucket.</summary>
    private sealed class BucketCopy
    {
        private ulong[] _words = new ulong[4096];
        private int[] _start = new int[64];
        private int[] _length = new int[64];
        private ulong[] _sketch = new ulong[64];

        public void Load(ReadOnlySpan<int> bucket, NearDuplicateIndex index, ulong[] sketches)
        {
            if (_start.Length < bucket.Length)
            {
                var size = (int)BitOperations.RoundUpToPowerOf2((uint)bucket.Length);
                (_start, _length, _sketch) = (new int[size], new int[size], new ulong[size]);
            }
            var used = 0;
            for (var m = 0; m < bucket.Length; m++)
            {
                var set = index.DistinctSet(bucket[m]);
                if (used + set.Length > _words.Length)
                {
                    Array.Resize(ref _words, Math.Max(_words.Length * 2, used + set.Length));
                }
                set.CopyTo(_words.AsSpan(used));
                _start[m] = used;
                _length[m] = set.Length;
                _sketch[m] = sketches[bucket[m]];
                used += set.Length;
            }
        }

        public bool IsSimilar(int i, int j, double threshold) =>
            MayBeSimilar(_sketch[i], _length[i], _sketch[j], _length[j], threshold)
            && TokenSets.IsSimilar(_words.AsSpan(_start[i], _length[i]), _words.AsSpan(_start[j], _length[j]), threshold);
    }

    internal delegate void BucketVisitor(ReadOnlySpan<int> members);

    internal void ForEachBucket(BucketVisitor visit)
    {
        for (var band = 0; band < _bandMembers.Length; band++)
        {
            var members = _bandMembers[band];
            var runs = _bandRuns[band];
            for (var r = 0; r + 1 < runs.Length; r++)
            {
                visit(members.AsSpan(runs[r], runs[r + 1] - runs[r]));
            }
        }
    }
}
