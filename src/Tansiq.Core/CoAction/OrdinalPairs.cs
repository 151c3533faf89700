using Tansiq.Core.Model;

namespace Tansiq.Core.CoAction;

/// <summary>
/// Orders undirected account pairs as the output files list them: by the ordinal order of the account ids, the smaller
/// id first. The ids are sorted once; a pair then becomes one integer key, so millions of pairs sort without a single
/// string comparison.
/// </summary>
public sealed class OrdinalPairs
{
    private readonly int[] _rank;
    private readonly string[] _byRank;

    public OrdinalPairs(Interner accounts)
    {
        var order = Enumerable.Range(0, accounts.Count).ToArray();
        Array.Sort(order, (x, y) => string.CompareOrdinal(accounts[x], accounts[y]));
        _rank = new int[order.Length];
        _byRank = new string[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            _rank[order[i]] = i;
            _byRank[i] = accounts[order[i]];
        }
    }

    /// <summary>A key that sorts pair (a, b) by (source, target) id; either order of the two accounts gives the same key.</summary>
    public long Key(int a, int b)
    {
        var (ra, rb) = (_rank[a], _rank[b]);
        return ra < rb ? ((long)ra << 32) | (uint)rb : ((long)rb << 32) | (uint)ra;
    }

    /// <summary>How many accounts there are (ranks run from 0 to Count - 1).</summary>
    public int Count => _byRank.Length;

    /// <summary>The account id of rank <paramref name="rank"/> in ordinal order.</summary>
    public string ByRank(int rank) => _byRank[rank];

    /// <summary>The ordinally smaller account id of the pair.</summary>
    public string Source(long key) => _byRank[(int)(key >> 32)];

    /// <summary>The ordinally larger account id of the pair.</summary>
    public string Target(long key) => _byRank[(int)(uint)key];
}
