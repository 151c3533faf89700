using Tansiq.Core.CoAction;

namespace Tansiq.Core.Tests.CoAction;

public class KeyInternerTests
{
    [Fact]
    public void Intern_EveryKeyWithTheSameHash_DistinctKeysKeepDistinctIds()
    {
        // One hash for every key: each lookup walks the whole probe chain and must compare the characters.
        var interner = new KeyInterner(_ => 42);
        var keys = Enumerable.Range(0, 300).Select(i => $"key {i}").Append("").Append("مرحبا").Append("a\uD800b").ToList();

        var ids = keys.Select(k => interner.Intern(k)).ToList();
        var again = keys.Select(k => interner.Intern(k)).ToList();

        Assert.Equal(Enumerable.Range(0, keys.Count), ids);
        Assert.Equal(ids, again);
        Assert.Equal(keys.Count, interner.Count);
        Assert.Equal(keys, interner.Names);
        Assert.Equal("key 17", interner[17]);
    }

    [Fact]
    public void Intern_KeysDifferingOnlyInLength_AreDifferentKeys()
    {
        // A hash of the first character only: "ab" and "abc" collide and share a prefix.
        var interner = new KeyInterner(k => k.IsEmpty ? 0UL : k[0]);

        var ab = interner.Intern("ab");
        var abc = interner.Intern("abc");
        var a = interner.Intern("a");

        Assert.Equal([0, 1, 2], new[] { ab, abc, a });
        Assert.Equal(1, interner.Intern("abc"));
        Assert.Equal(["ab", "abc", "a"], interner.Names);
    }

    [Fact]
    public void Intern_ManyKeysWithTheDefaultHash_SameIdsAsADictionary()
    {
        var random = new Random(5);
        var interner = new KeyInterner();
        var expected = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < 50_000; i++)
        {
            var key = $"text {random.Next(20_000)} " + new string('x', random.Next(40));
            if (!expected.TryGetValue(key, out var id))
            {
                id = expected[key] = expected.Count;
            }
            Assert.Equal(id, interner.Intern(key));
        }
        Assert.Equal(expected.Count, interner.Count);
        Assert.Equal(expected.OrderBy(p => p.Value).Select(p => p.Key), interner.Names);
    }
}
