using Tansiq.Core.Model;

namespace Tansiq.Core.CoAction;

/// <summary>One action of one message on one object, for one signal.</summary>
public readonly record struct CoActionEvent(int Object, int Account, int Message, double Time);

/// <summary>
/// All actions for one signal, grouped by object and sorted by time within each object (CSR layout):
/// the events of object o are <c>Events[Offsets[o]..Offsets[o+1]]</c>.
/// </summary>
public sealed class SignalEvents
{
    public SignalEvents(SignalKind kind, IReadOnlyList<string> objectKeys, int[] offsets, CoActionEvent[] events, bool hasMultiObjectMessages)
    {
        Kind = kind;
        ObjectKeys = objectKeys;
        Offsets = offsets;
        Events = events;
        HasMultiObjectMessages = hasMultiObjectMessages;
    }

    public SignalKind Kind { get; }
    public IReadOnlyList<string> ObjectKeys { get; }
    public int[] Offsets { get; }
    public CoActionEvent[] Events { get; }

    /// <summary>True when some message acts on more than one object (links, hashtags): pair counts then need de-duplication per message.</summary>
    public bool HasMultiObjectMessages { get; }

    public int ObjectCount => ObjectKeys.Count;

    public ReadOnlySpan<CoActionEvent> EventsOf(int obj) => Events.AsSpan(Offsets[obj], Offsets[obj + 1] - Offsets[obj]);
}

/// <summary>Collects events for one signal while messages stream in, then lays them out by object and time.</summary>
public sealed class SignalEventsBuilder
{
    private readonly KeyInterner _objects = new();
    private CoActionEvent[] _events = new CoActionEvent[1024];
    private int _count;
    private bool _multi;

    public SignalEventsBuilder(SignalKind kind) => Kind = kind;

    public SignalKind Kind { get; }

    public int Count => _count;

    public void Add(IReadOnlyList<string> objectKeys, int account, int message, double time)
    {
        if (objectKeys.Count > 1)
        {
            _multi = true;
        }
        foreach (var key in objectKeys)
        {
            Add(_objects.Intern(key), account, message, time);
        }
    }

    public void Add(int obj, int account, int message, double time)
    {
        if (_count == _events.Length)
        {
            Array.Resize(ref _events, _events.Length * 2);
        }
        _events[_count++] = new CoActionEvent(obj, account, message, time);
    }

    /// <summary>Registers an object key without an event (used by signals whose objects are assigned later).</summary>
    public int InternObject(string key) => _objects.Intern(key);

    public void MarkMultiObjectMessages() => _multi = true;

    public SignalEvents Build()
    {
        var events = _events;
        _events = [];
        return Layout(Kind, _objects.Names, events, _count, _multi);
    }

    /// <summary>Lays <paramref name="count"/> events out by object (a counting sort, stable) and sorts each object's
    /// events by time, then message, where they are not in time order already.</summary>
    internal static SignalEvents Layout(SignalKind kind, IReadOnlyList<string> objectKeys, CoActionEvent[] events, int count, bool multi)
    {
        var objectCount = objectKeys.Count;
        var offsets = new int[objectCount + 1];
        for (var i = 0; i < count; i++)
        {
            offsets[events[i].Object + 1]++;
        }
        for (var o = 0; o < objectCount; o++)
        {
            offsets[o + 1] += offsets[o];
        }
        var sorted = new CoActionEvent[count];
        var cursor = (int[])offsets.Clone();
        for (var i = 0; i < count; i++)
        {
            var e = events[i];
            sorted[cursor[e.Object]++] = e;
        }
        for (var o = 0; o < objectCount; o++)
        {
            var span = sorted.AsSpan(offsets[o], offsets[o + 1] - offsets[o]);
            if (span.Length > 1 && !IsSortedByTime(span))
            {
                span.Sort(static (a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : a.Message.CompareTo(b.Message));
            }
        }
        return new SignalEvents(kind, objectKeys, offsets, sorted, multi);
    }

    private static bool IsSortedByTime(ReadOnlySpan<CoActionEvent> span)
    {
        for (var i = 1; i < span.Length; i++)
        {
            if (span[i].Time < span[i - 1].Time)
            {
                return false;
            }
        }
        return true;
    }
}
