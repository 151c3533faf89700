namespace Tansiq.Core.Evaluation;

/// <summary>
/// The adjusted Rand index (Hubert and Arabie, 1985) between two partitions of the same items: 1 for identical
/// partitions, about 0 for agreement no better than chance, negative for worse than chance.
/// </summary>
public static class AdjustedRandIndex
{
    /// <summary>
    /// <paramref name="first"/>[i] and <paramref name="second"/>[i] are item i's labels in the two partitions.
    /// When both partitions are trivial in the same way (all singletons, or one block), the index is 1 if they are equal.
    /// </summary>
    public static double Compute<TA, TB>(IReadOnlyList<TA> first, IReadOnlyList<TB> second)
        where TA : notnull
        where TB : notnull
    {
        if (first.Count != second.Count)
        {
            throw new ArgumentException("both partitions must label the same items", nameof(second));
        }
        var n = first.Count;
        if (n < 2)
        {
            return 1.0;
        }
        var cells = new Dictionary<(TA, TB), long>();
        var rows = new Dictionary<TA, long>();
        var columns = new Dictionary<TB, long>();
        for (var i = 0; i < n; i++)
        {
            cells[(first[i], second[i])] = cells.GetValueOrDefault((first[i], second[i])) + 1;
            rows[first[i]] = rows.GetValueOrDefault(first[i]) + 1;
            columns[second[i]] = columns.GetValueOrDefault(second[i]) + 1;
        }
        var index = cells.Values.Sum(Pairs);
        var rowPairs = rows.Values.Sum(Pairs);
        var columnPairs = columns.Values.Sum(Pairs);
        var expected = rowPairs * columnPairs / Pairs(n);
        var max = (rowPairs + columnPairs) / 2.0;
        if (max == expected)
        {
            // both partitions all singletons or both one block: nothing to adjust for
            return index == max ? 1.0 : 0.0;
        }
        return (index - expected) / (max - expected);
    }

    private static double Pairs(long k) => k * (k - 1) / 2.0;
}
