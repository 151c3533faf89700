using System.Runtime.CompilerServices;
using Tansiq.Core.CoAction;

namespace Tansiq.Core.Tests.CoAction;

public class PairTableTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    public void AddDirected_ManyPairsAnyShardCount_SameCountsAsDictionary(int shards)
    {
        // Enough pairs to make every shard grow several times.
        var random = new Random(3);
        var table = new PairTable(shards, 16);
        var expected = new Dictionary<(int, int), (int LoToHi, int HiToLo)>();
        for (var i = 0; i < 200_000; i++)
        {
            var a = random.Next(2000);
            var b = random.Next(2000);
            if (a == b)
            {
                continue;
            }
            table.AddDirected(a, b);
            var key = (Math.Min(a, b), Math.Max(a, b));
            var (lo, hi) = expected.GetValueOrDefault(key);
            expected[key] = a < b ? (lo + 1, hi) : (lo, hi + 1);
        }

        var actual = table.Pairs().ToDictionary(p => (p.Lo, p.Hi), p => (p.Stats.LoToHi, p.Stats.HiToLo));
        Assert.Equal(expected.Count, table.Count);
        Assert.Equal(expected, actual);
        Assert.True(Unsafe.IsNullRef(ref table.Find(5000, 5001)));
    }

    [Fact]
    public void AddDirected_TableGrowsAcrossNativeBlocks_EveryCountKept()
    {
        // A table grows by moving its pairs into a new native block and freeing the old one; every count survives.
        var table = new PairTable(2, 16);
        for (var a = 1; a < 400; a++)
        {
            for (var b = 0; b < a; b += 3)
            {
                table.AddDirected(a, b);
                table.AddDirected(b, a);
                table.AddDirected(b, a);
            }
        }
        var pairs = table.Pairs().ToList();
        Assert.Equal(pairs.Count, table.Count);
        Assert.Equal(Enumerable.Range(1, 399).Sum(a => (a + 2) / 3), pairs.Count);
        Assert.All(pairs, p => Assert.Equal((1, 2), (p.Stats.HiToLo, p.Stats.LoToHi)));
        table.Dispose();
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void ShardOf_RandomPairs_SpreadsEvenlyOverShards(int shards)
    {
        // Each thread of a sweep owns one shard: an uneven split would leave a core idle.
        var counts = new int[shards];
        var random = new Random(9);
        const int Pairs = 210_000;
        for (var i = 0; i < Pairs; i++)
        {
            var shard = PairTable.ShardOf(PairTable.Key(random.Next(30_000), random.Next(30_000)), shards);
            Assert.InRange(shard, 0, shards - 1);
            counts[shard]++;
        }
        Assert.All(counts, c => Assert.InRange(c, Pairs / shards * 0.97, Pairs / shards * 1.03));
    }

    [Fact]
    public void ShardOf_PairsOfConsecutiveAccounts_SpreadEvenlyOverShards()
    {
        // Account indices are small consecutive integers: the hash must not leave low bits to chance.
        var counts = new int[2];
        for (var a = 0; a < 400; a++)
        {
            for (var b = a + 1; b < 400; b++)
            {
                counts[PairTable.ShardOf(PairTable.Key(a, b), 2)]++;
            }
        }
        var total = counts.Sum();
        Assert.All(counts, c => Assert.InRange(c, total * 0.48, total * 0.52));
    }
}
