using System.Runtime.InteropServices;

namespace Tansiq.Core.Model;

/// <summary>Maps strings to dense integer ids (0, 1, 2, ...) and back. Not thread-safe.</summary>
public sealed class Interner
{
    private readonly Dictionary<string, int> _ids;
    private readonly List<string> _names;

    public Interner(int capacity = 0)
    {
        _ids = new Dictionary<string, int>(capacity, StringComparer.Ordinal);
        _names = new List<string>(capacity);
    }

    public int Count => _names.Count;

    public int Intern(string value)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_ids, value, out var exists);
        if (!exists)
        {
            slot = _names.Count;
            _names.Add(value);
        }
        return slot;
    }

    public bool TryGet(string value, out int id) => _ids.TryGetValue(value, out id);

    public string this[int id] => _names[id];

    public IReadOnlyList<string> Names => _names;
}
