using System.Runtime.InteropServices;

namespace Tansiq.Core.Text;

/// <summary>
/// The word sets of many posts in one pool: each set is sorted, distinct 64-bit word hashes. One flat array and an
/// offset table keep memory linear in the number of words, with no per-post objects.
/// </summary>
public sealed class TokenSets
{
    /// <summary>The text of the post at <paramref name="index"/>.</summary>
    public delegate ReadOnlySpan<char> TextAt(int index);

    private readonly ulong[] _words;
    private readonly int[] _offsets;

    internal TokenSets(ulong[] words, int[] offsets)
    {
        _words = words;
        _offsets = offsets;
    }

    public int Count => _offsets.Length - 1;

    public ReadOnlySpan<ulong> this[int index] => _words.AsSpan(_offsets[index], _offsets[index + 1] - _offsets[index]);

    /// <summary>Normalises and hashes every text into its word set, over <paramref name="parallelism"/> threads. The order of the sets is the order of the texts.</summary>
    public static TokenSets Build(IReadOnlyList<string> texts, int parallelism) => Build(texts.Count, i => texts[i], parallelism);

    /// <summary>As <see cref="Build(IReadOnlyList{string}, int)"/> for <paramref name="n"/> texts given by index
    /// (<paramref name="textOf"/> is called from several threads).</summary>
    public static TokenSets Build(int n, TextAt textOf, int parallelism)
    {
        var chunks = Math.Max(1, Math.Min(n / 4096, Math.Max(1, parallelism) * 8));
        var chunkWords = new List<ulong>[chunks];
        var lengths = new int[n];
        void BuildChunk(int c)
        {
            var from = (int)((long)n * c / chunks);
            var to = (int)((long)n * (c + 1) / chunks);
            var normaliser = new TextNormaliser();
            var scratch = new List<ulong>(64);
            var words = new List<ulong>((to - from) * 12);
            for (var i = from; i < to; i++)
            {
                scratch.Clear();
                normaliser.AddWordHashes(textOf(i), scratch);
                var set = CollectionsMarshal.AsSpan(scratch);
                set.Sort();
                var distinct = 0;
                for (var k = 0; k < set.Length; k++)
                {
                    if (k == 0 || set[k] != set[k - 1])
                    {
                        words.Add(set[k]);
                        distinct++;
                    }
                }
                lengths[i] = distinct;
            }
            chunkWords[c] = words;
        }
        if (chunks == 1 || parallelism <= 1)
        {
            for (var c = 0; c < chunks; c++)
            {
                BuildChunk(c);
            }
        }
        else
        {
            Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, BuildChunk);
        }
        var offsets = new int[n + 1];
        for (var i = 0; i < n; i++)
        {
            offsets[i + 1] = checked(offsets[i] + lengths[i]);
        }
        var all = new ulong[offsets[n]];
        var at = 0;
        foreach (var words in chunkWords)
        {
            words.CopyTo(all, at);
            at += words.Count;
        }
        return new TokenSets(all, offsets);
    }

    /// <summary>|A ∩ B| / |A ∪ B| of two sorted, distinct sets; 0 when both are empty.</summary>
    public static double Jaccard(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        if (a.Length == 0 && b.Length == 0)
        {
            return 0;
        }
        var common = Intersection(a, b);
        return (double)common / (a.Length + b.Length - common);
    }

    /// <summary>Whether Jaccard(a, b) &gt;= threshold, rejecting early when the sizes alone rule it out.</summary>
    public static bool IsSimilar(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, double threshold)
    {
        var small = Math.Min(a.Length, b.Length);
        var large = Math.Max(a.Length, b.Length);
        // Jaccard can be at most |small| / |large|.
        if (large == 0 || (double)small / large < threshold)
        {
            return false;
        }
        var common = Intersection(a, b);
        return (double)common / (a.Length + b.Length - common) >= threshold;
    }

    private static int Intersection(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            var x = a[i];
            var y = b[j];
            if (x == y)
            {
                common++;
                i++;
                j++;
            }
            else if (x < y)
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return common;
    }
}
