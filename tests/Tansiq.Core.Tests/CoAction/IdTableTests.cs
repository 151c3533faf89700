using Tansiq.Core.CoAction;

namespace Tansiq.Core.Tests.CoAction;

public class IdTableTests
{
    [Fact]
    public void GetOrAdd_KeysWithTheSameHomeSlot_EachKeepsItsOwnValueThroughGrowth()
    {
        // The home slot is taken from bits 7 and up: these keys differ only below and far above them, so every one
        // lands on the same slot of every table size up to 2^20 and probes past the others.
        var table = new IdTable<(int Account, int Seconds)>();
        var keys = Enumerable.Range(1, 3000).Select(i => ((ulong)i << 40) | (uint)(i & 127)).Append(0UL).ToList();

        for (var i = 0; i < keys.Count; i++)
        {
            ref var value = ref table.GetOrAdd(keys[i], out var exists);
            Assert.False(exists);
            value = (i, -i);
        }
        for (var i = 0; i < keys.Count; i++)
        {
            ref var value = ref table.GetOrAdd(keys[i], out var exists);
            Assert.True(exists);
            Assert.Equal((i, -i), value);
            Assert.True(table.TryGetValue(keys[i], out var read));
            Assert.Equal((i, -i), read);
        }
        Assert.Equal(keys.Count, table.Count);
        Assert.False(table.TryGetValue((1UL << 41) | 5, out _));
        Assert.InRange(table.Capacity, keys.Count * 4 / 3, keys.Count * 3);
    }

    [Fact]
    public void GetOrAdd_RandomKeys_SameAsADictionary()
    {
        var random = new Random(11);
        var table = new IdTable<(int Account, int Seconds)>();
        var expected = new Dictionary<ulong, (int, int)>();
        for (var i = 0; i < 100_000; i++)
        {
            var key = (ulong)random.NextInt64(0, 60_000) * 0x9E3779B97F4A7C15UL;
            ref var value = ref table.GetOrAdd(key, out var exists);
            Assert.Equal(expected.ContainsKey(key), exists);
            if (!exists)
            {
                value = expected[key] = (i, i * 3);
            }
            Assert.Equal(expected[key], value);
        }
        Assert.Equal(expected.Count, table.Count);
    }
}
