using Tansiq.Core.CoAction;
using Tansiq.Core.Model;

namespace Tansiq.Core.Tests.CoAction;

public class RawNetworkTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void From_ShardedTable_PairsAtMinWeightInOrdinalIdOrder(int shards)
    {
        var accounts = new Interner();
        var names = Enumerable.Range(0, 300).Select(i => $"user{(i * 7919) % 300}").ToList();
        names.ForEach(n => accounts.Intern(n));
        var table = new PairTable(shards, 16);
        var random = new Random(2);
        for (var i = 0; i < 20_000; i++)
        {
            var a = random.Next(300);
            var b = random.Next(300);
            if (a != b)
            {
                table.AddDirected(a, b);
            }
        }
        var expected = table.Pairs()
            .Where(p => p.Stats.Weight >= 2)
            .Select(p => (Source: Min(names[p.Lo], names[p.Hi]), Target: Max(names[p.Lo], names[p.Hi]), p.Stats.Weight))
            .OrderBy(r => r.Source, StringComparer.Ordinal).ThenBy(r => r.Target, StringComparer.Ordinal)
            .ToList();

        var network = RawNetwork.From(table, new OrdinalPairs(accounts), minWeight: 2, parallelism: 2);
        var actual = Enumerable.Range(0, network.Count)
            .Select(i => (network.Pairs.Source(network.Keys[i]), network.Pairs.Target(network.Keys[i]), network.Weights[i]))
            .ToList();

        Assert.Contains(table.Pairs(), p => p.Stats.Weight == 1);
        Assert.Equal(expected, actual);
    }

    private static string Min(string a, string b) => string.CompareOrdinal(a, b) < 0 ? a : b;

    private static string Max(string a, string b) => string.CompareOrdinal(a, b) < 0 ? b : a;
}
