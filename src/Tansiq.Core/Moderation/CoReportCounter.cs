using System.Numerics;

namespace Tansiq.Core.Moderation;

/// <summary>
/// Counts, per unordered pair of reporters, the distinct targets they reported within the co-report window of each
/// other. Open addressing over packed keys with a saturating byte count: 9 bytes a slot, because a large brigade makes
/// many pairs and only "2 or more" matters.
/// </summary>
internal sealed class CoReportCounter
{
    private long[] _keys = new long[1 << 12];
    private byte[] _counts = new byte[1 << 12];
    private int _count;
    private int _shift = 64 - 12;

    public int Count => _count;

    /// <summary>Adds one co-reported target to the pair and returns the new count (saturates at 255).</summary>
    public int Increment(int a, int b)
    {
        if ((_count + 1) * 2 > _keys.Length)
        {
            Grow();
        }
        var key = a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;
        key++; // 0 marks an empty slot; pair (0, 0) never occurs but (0, 1) packs to 1, so shift all keys by one
        var mask = _keys.Length - 1;
        var slot = Slot(key);
        while (true)
        {
            var k = _keys[slot];
            if (k == key)
            {
                if (_counts[slot] < byte.MaxValue)
                {
                    _counts[slot]++;
                }
                return _counts[slot];
            }
            if (k == 0)
            {
                _keys[slot] = key;
                _counts[slot] = 1;
                _count++;
                return 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int Slot(long key) => (int)((ulong)(key * unchecked((long)0x9E3779B97F4A7C15)) >> _shift);

    private void Grow()
    {
        var keys = _keys;
        var counts = _counts;
        _keys = new long[keys.Length * 2];
        _counts = new byte[keys.Length * 2];
        _shift = 64 - BitOperations.Log2((uint)_keys.Length);
        var mask = _keys.Length - 1;
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] == 0)
            {
                continue;
            }
            var slot = Slot(keys[i]);
            while (_keys[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }
            _keys[slot] = keys[i];
            _counts[slot] = counts[i];
        }
    }
}
