using System.Collections;
using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Tansiq.Core.Text;

namespace Tansiq.Core.CoAction;

/// <summary>
/// Maps object keys (normalised texts, links, post ids, hashtags) to dense ids (0, 1, 2, ... in order of first
/// appearance), keeping the keys in shared character blocks (<see cref="TextStore"/>) instead of one string each. A
/// corpus of ten million messages has millions of distinct co-text keys: as strings in a dictionary they cost about 60
/// bytes each besides their characters and are millions of objects for every full collection to trace. Here a key costs
/// its characters and 20 bytes. Keys are found by a 64-bit hash and compared character by character, so two keys with
/// the same hash stay two objects. Not thread-safe.
/// </summary>
internal sealed class KeyInterner
{
    /// <summary>The hash a key is filed under (a parameter so that tests can force collisions).</summary>
    internal delegate ulong KeyHash(ReadOnlySpan<char> key);

    private readonly KeyHash _hash;
    private readonly TextStore _keys = new();
    // Each id's hash (to grow the table and to skip most comparisons) and the table of ids + 1 (0: empty), at most half full.
    private ulong[] _hashes = new ulong[64];
    private int[] _slots = new int[128];

    public KeyInterner()
        : this(DefaultHash)
    {
    }

    internal KeyInterner(KeyHash hash) => _hash = hash;

    public int Count => _keys.Count;

    /// <summary>The key of <paramref name="id"/>, as a new string.</summary>
    public string this[int id] => _keys.GetString(id);

    /// <summary>The keys by id, as a list that makes each string when it is read (and keeps only the characters alive,
    /// not this table).</summary>
    public IReadOnlyList<string> Names => new KeyList(_keys);

    /// <summary>XxHash3 of the key's UTF-16 code units.</summary>
    public static ulong DefaultHash(ReadOnlySpan<char> key) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(key));

    /// <summary>The id of <paramref name="key"/>, added when new.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Intern(ReadOnlySpan<char> key)
    {
        var hash = _hash(key);
        var mask = _slots.Length - 1;
        var slot = Home(hash, mask);
        while (true)
        {
            var entry = _slots[slot];
            if (entry == 0)
            {
                break;
            }
            var id = entry - 1;
            if (_hashes[id] == hash && _keys[id].SequenceEqual(key))
            {
                return id;
            }
            slot = (slot + 1) & mask;
        }
        var newId = _keys.Add(key);
        if (newId == _hashes.Length)
        {
            Array.Resize(ref _hashes, newId * 2);
        }
        _hashes[newId] = hash;
        _slots[slot] = newId + 1;
        if (_keys.Count * 2 > _slots.Length)
        {
            Grow();
        }
        return newId;
    }

    private static int Home(ulong hash, int mask) => (int)(hash ^ (hash >> 29)) & mask;

    private void Grow()
    {
        var slots = new int[_slots.Length * 2];
        var mask = slots.Length - 1;
        for (var id = 0; id < _keys.Count; id++)
        {
            var slot = Home(_hashes[id], mask);
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }
            slots[slot] = id + 1;
        }
        _slots = slots;
    }

    private sealed class KeyList(TextStore keys) : IReadOnlyList<string>
    {
        public string this[int index] => keys.GetString(index);

        public int Count => keys.Count;

        public IEnumerator<string> GetEnumerator()
        {
            for (var i = 0; i < keys.Count; i++)
            {
                yield return keys.GetString(i);
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
