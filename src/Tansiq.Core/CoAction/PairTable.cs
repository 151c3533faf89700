using System.Numerics;
using System.Runtime.CompilerServices;

namespace Tansiq.Core.CoAction;

/// <summary>What the sweep learns about one unordered pair of accounts on one signal.</summary>
public struct PairStats
{
    /// <summary>Toolkit weight from the lower id's side: distinct messages of Lo with a message of Hi on the same object within the window.</summary>
    public int LoToHi;
    /// <summary>The same from the higher id's side.</summary>
    public int HiToLo;
    /// <summary>Distinct objects on which the two acted within the window of each other.</summary>
    public int SyncObjects;
    /// <summary>Distinct objects on which both acted, but only further apart than the window (up to the control horizon).</summary>
    public int ControlObjects;
    /// <summary>Sum of the evidence weights of the synchronous objects.</summary>
    public double Evidence;

    /// <summary>The undirected weight: the larger of the two directed toolkit weights (also CooRTweet's pair weight).</summary>
    public readonly int Weight => Math.Max(LoToHi, HiToLo);
}

/// <summary>
/// An open-addressing hash map from an unordered account pair to its <see cref="PairStats"/>.
/// The key packs (lo, hi) into one long; 0 marks an empty slot, which is safe because a self-pair is never stored.
/// </summary>
public sealed class PairTable
{
    private long[] _keys;
    private PairStats[] _values;
    private int _count;
    private int _shift;

    public PairTable(int capacity = 1024)
    {
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, capacity * 2));
        _keys = new long[size];
        _values = new PairStats[size];
        _shift = 64 - BitOperations.Log2((uint)size);
    }

    public int Count => _count;

    public static long Key(int a, int b) => a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;

    public static (int Lo, int Hi) Unpack(long key) => ((int)(key >> 32), (int)(key & 0xFFFFFFFF));

    /// <summary>The stats of pair (a, b), added as empty if absent.</summary>
    public ref PairStats GetOrAdd(int a, int b)
    {
        var key = Key(a, b);
        var mask = _keys.Length - 1;
        var slot = Slot(key);
        while (true)
        {
            var k = _keys[slot];
            if (k == key)
            {
                return ref _values[slot];
            }
            if (k == 0)
            {
                if ((_count + 1) * 2 > _keys.Length)
                {
                    Grow();
                    return ref GetOrAdd(a, b);
                }
                _keys[slot] = key;
                _count++;
                return ref _values[slot];
            }
            slot = (slot + 1) & mask;
        }
    }

    /// <summary>The stats of pair (a, b), or a null reference when the pair is absent.</summary>
    public ref PairStats Find(int a, int b)
    {
        var key = Key(a, b);
        var mask = _keys.Length - 1;
        var slot = Slot(key);
        while (true)
        {
            var k = _keys[slot];
            if (k == key)
            {
                return ref _values[slot];
            }
            if (k == 0)
            {
                return ref Unsafe.NullRef<PairStats>();
            }
            slot = (slot + 1) & mask;
        }
    }

    /// <summary>Counts one message of <paramref name="from"/> that met <paramref name="to"/> within the window.</summary>
    public void AddDirected(int from, int to)
    {
        ref var s = ref GetOrAdd(from, to);
        if (from < to)
        {
            s.LoToHi++;
        }
        else
        {
            s.HiToLo++;
        }
    }

    /// <summary>Adds every pair of <paramref name="other"/> into this table.</summary>
    public void MergeFrom(PairTable other)
    {
        var keys = other._keys;
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] == 0)
            {
                continue;
            }
            var (lo, hi) = Unpack(keys[i]);
            ref var s = ref GetOrAdd(lo, hi);
            ref readonly var o = ref other._values[i];
            s.LoToHi += o.LoToHi;
            s.HiToLo += o.HiToLo;
            s.SyncObjects += o.SyncObjects;
            s.ControlObjects += o.ControlObjects;
            s.Evidence += o.Evidence;
        }
    }

    /// <summary>Every stored pair, lo &lt; hi, in slot order (not sorted).</summary>
    public IEnumerable<(int Lo, int Hi, PairStats Stats)> Pairs()
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            if (_keys[i] != 0)
            {
                var (lo, hi) = Unpack(_keys[i]);
                yield return (lo, hi, _values[i]);
            }
        }
    }

    /// <summary>Visits every stored pair with a reference to its stats, so they can be updated in place.</summary>
    public void ForEach(PairVisitor visitor)
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            if (_keys[i] != 0)
            {
                var (lo, hi) = Unpack(_keys[i]);
                visitor(lo, hi, ref _values[i]);
            }
        }
    }

    public delegate void PairVisitor(int lo, int hi, ref PairStats stats);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Slot(long key) => (int)((ulong)(key * unchecked((long)0x9E3779B97F4A7C15)) >> _shift);

    private void Grow()
    {
        var oldKeys = _keys;
        var oldValues = _values;
        _keys = new long[oldKeys.Length * 2];
        _values = new PairStats[oldKeys.Length * 2];
        _shift--;
        var mask = _keys.Length - 1;
        for (var i = 0; i < oldKeys.Length; i++)
        {
            var key = oldKeys[i];
            if (key == 0)
            {
                continue;
            }
            var slot = Slot(key);
            while (_keys[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }
            _keys[slot] = key;
            _values[slot] = oldValues[i];
        }
    }
}
