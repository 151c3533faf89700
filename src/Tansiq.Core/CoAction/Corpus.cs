using System.IO.Hashing;
using System.Text;
using Tansiq.Core.Model;
using Tansiq.Core.Signals;
using Tansiq.Core.Text;

namespace Tansiq.Core.CoAction;

/// <summary>
/// What the core keeps of a stream of messages: interned accounts, per-account activity, and one event table per
/// signal. Message texts and ids are not kept (memory grows with accounts and objects, not with messages).
/// </summary>
public sealed class Corpus
{
    internal Corpus(Interner accounts, string?[] usernames, int[] messagesPerAccount, int messageCount, int duplicateMessages,
        double minTime, double maxTime, IReadOnlyDictionary<SignalKind, SignalEvents> signals, IReadOnlyList<string> similarTexts,
        IReadOnlyDictionary<SignalKind, int[]> objectAuthors, IReadOnlyDictionary<SignalKind, int[]>? objectOwners = null,
        IReadOnlyDictionary<SignalKind, double[]>? objectPostTimes = null)
    {
        ObjectAuthors = objectAuthors;
        ObjectPostTimes = objectPostTimes ?? new Dictionary<SignalKind, double[]>();
        // Without reply parents (the byte path of networks, which never judges groups) every post is its author's own.
        ObjectOwners = objectOwners ?? new Dictionary<SignalKind, int[]>();
        SimilarTexts = similarTexts;
        Accounts = accounts;
        Usernames = usernames;
        MessagesPerAccount = messagesPerAccount;
        MessageCount = messageCount;
        DuplicateMessages = duplicateMessages;
        MinTime = minTime;
        MaxTime = maxTime;
        Signals = signals;
    }

    public Interner Accounts { get; }
    public string?[] Usernames { get; }
    public int[] MessagesPerAccount { get; }
    public int MessageCount { get; }
    /// <summary>Messages dropped because their id was seen before (the first one wins, as in the toolkit).</summary>
    public int DuplicateMessages { get; }
    public double MinTime { get; }
    public double MaxTime { get; }
    public IReadOnlyDictionary<SignalKind, SignalEvents> Signals { get; }

    /// <summary>
    /// For signals whose objects are posts (co-repost, co-reply): the account that wrote each object, or -1 when the
    /// post itself is not in the data.
    /// </summary>
    public IReadOnlyDictionary<SignalKind, int[]> ObjectAuthors { get; }

    /// <summary>The author of a post object, or -1.</summary>
    public int AuthorOf(SignalKind kind, int obj) =>
        ObjectAuthors.TryGetValue(kind, out var authors) && obj < authors.Length ? authors[obj] : -1;

    /// <summary>
    /// For signals whose objects are posts: the account whose conversation each object belongs to, that is the author
    /// of the post it replies to when it is a reply whose parent is in the data, and its own author otherwise (-1 when
    /// unknown). A pile-on of replies to the people answering a leader is the leader's audience at work, not a campaign
    /// against as many authors.
    /// </summary>
    public IReadOnlyDictionary<SignalKind, int[]> ObjectOwners { get; }

    /// <summary>For signals whose objects are posts: when each post was made (NaN when the post is not in the data).</summary>
    public IReadOnlyDictionary<SignalKind, double[]> ObjectPostTimes { get; }

    /// <summary>When a post object was made, or NaN when the post is not in the data.</summary>
    public double PostTimeOf(SignalKind kind, int obj) =>
        ObjectPostTimes.TryGetValue(kind, out var times) && obj < times.Length ? times[obj] : double.NaN;

    /// <summary>The conversation owner of a post object (see <see cref="ObjectOwners"/>), or -1.</summary>
    public int OwnerOf(SignalKind kind, int obj) =>
        ObjectOwners.TryGetValue(kind, out var owners) && obj < owners.Length ? owners[obj] : AuthorOf(kind, obj);

    /// <summary>For each co-similar object (a text cluster), the text of its earliest post, for display.</summary>
    public IReadOnlyList<string> SimilarTexts { get; }

    public int AccountCount => Accounts.Count;
}

/// <summary>Streams messages into a <see cref="Corpus"/>. Not thread-safe.</summary>
public sealed class CorpusBuilder
{
    private readonly Interner _accounts = new();
    private readonly List<string?> _usernames = [];
    private readonly List<int> _messagesPerAccount = [];
    // Each message's account and its time in whole seconds after the first message's (8 bytes, as the account alone
    // took with padding): the post times of re-shared and replied-to posts.
    // A flat table of 16 bytes a slot rather than a dictionary (28 bytes an entry and a copy at every growth): at 10^7
    // messages it is the largest thing reading keeps.
    private readonly IdTable<(int Account, int Seconds)> _authorOf = new();
    private double _firstTime = double.NaN;
    // The post each reply answers (reply's id hash to its parent's id hash): only replies are kept.
    private readonly Dictionary<ulong, ulong> _parentOf = [];
    private readonly List<(ISignal Signal, SignalEventsBuilder Builder)> _signals = [];
    private readonly List<string> _keys = [];
    /// <summary>Per-kind co-object signals: all kinds met (co-object requested) or only those named.</summary>
    private readonly bool _allObjectKinds;
    private readonly HashSet<SignalKind> _objectKinds = [];
    private readonly Dictionary<string, SignalEventsBuilder?> _byObjectKind = new(StringComparer.Ordinal);
    // Original posts' texts and ids for co-similar, kept without a string per post (see TextStore).
    private readonly TextPostTable? _similarPosts;
    private int _messageCount;
    private int _duplicates;
    /// <summary>A corpus this large is built with a collection between its parts (see <see cref="Build"/>).</summary>
    private const int LargeCorpus = 1_000_000;
    private double _minTime = double.PositiveInfinity;
    private double _maxTime = double.NegativeInfinity;

    public CorpusBuilder(IEnumerable<SignalKind> signals, NearDuplicateOptions? similarity = null)
    {
        foreach (var kind in signals.Distinct())
        {
            _allObjectKinds |= kind == SignalKind.CoObject;
            if (SignalNames.IsObjectKind(kind))
            {
                _objectKinds.Add(kind);
            }
            else if (Signals.Signals.For(kind) is { } signal)
            {
                _signals.Add((signal, new SignalEventsBuilder(kind)));
            }
            else if (kind == SignalKind.CoSimilar)
            {
                // Near-duplicates need every text before any object exists: the original posts' texts are kept until
                // Build (the one place where memory grows with messages; see docs/detection.md).
                _similarPosts = new TextPostTable();
            }
        }
        Similarity = similarity ?? new NearDuplicateOptions();
    }

    /// <summary>How near-duplicate texts are grouped for the co-similar signal.</summary>
    public NearDuplicateOptions Similarity { get; }

    /// <summary>
    /// Degenerate objects are never objects: a co-text key with fewer than three letters or digits once links and a bare
    /// "rt" are set aside (an empty text would otherwise tie every text-free post of a data set into one giant object).
    /// On by default; <c>networks</c> turns it off to stay identical to the toolkit.
    /// </summary>
    public bool SkipDegenerateObjects { get; init; } = true;

    public int MessageCount => _messageCount;

    /// <summary>Adds one message; returns false (and keeps nothing) when its id was already seen.</summary>
    public bool Add(Message message)
    {
        ref var author = ref _authorOf.GetOrAdd(HashId(message.MessageId), out var seen);
        if (seen)
        {
            _duplicates++;
            return false;
        }
        var account = InternAccount(message.AccountId, message.Username);
        if (double.IsNaN(_firstTime))
        {
            _firstTime = Math.Floor(message.Timestamp);
        }
        author = (account, (int)Math.Clamp(Math.Floor(message.Timestamp) - _firstTime, int.MinValue, int.MaxValue));
        if (message.ReplyTo is { Length: > 0 } parent)
        {
            _parentOf[HashId(message.MessageId)] = HashId(parent);
        }
        _messagesPerAccount[account]++;
        var index = _messageCount++;
        _minTime = Math.Min(_minTime, message.Timestamp);
        _maxTime = Math.Max(_maxTime, message.Timestamp);
        foreach (var (signal, builder) in _signals)
        {
            _keys.Clear();
            signal.ObjectsOf(message, _keys);
            if (SkipDegenerateObjects && signal.Kind == SignalKind.CoText && _keys.Count == 1 && IsDegenerateText(_keys[0]))
            {
                continue;
            }
            if (_keys.Count > 0)
            {
                builder.Add(_keys, account, index, message.Timestamp);
            }
        }
        if (message.SharedObjectKind is { } objectKind && message.SharedObject is { Length: > 0 } shared)
        {
            if (!_byObjectKind.TryGetValue(objectKind, out var perKind))
            {
                var signal = SignalNames.ObjectKind(objectKind);
                perKind = _allObjectKinds || _objectKinds.Contains(signal) ? new SignalEventsBuilder(signal) : null;
                _byObjectKind[objectKind] = perKind;
            }
            if (perKind is not null)
            {
                _keys.Clear();
                _keys.Add(shared);
                perKind.Add(_keys, account, index, message.Timestamp);
            }
        }
        if (_similarPosts is not null && !message.IsRepost && !string.IsNullOrWhiteSpace(message.Text))
        {
            _similarPosts.Add(index, account, message.Timestamp, message.Text, message.MessageId);
        }
        return true;
    }

    /// <summary>Fewer than three letters or digits outside links and a bare "rt" token.</summary>
    internal static bool IsDegenerateText(string normalised)
    {
        var count = 0;
        foreach (var token in normalised.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (token == "rt" || token.StartsWith("http", StringComparison.Ordinal))
            {
                continue;
            }
            foreach (var c in token)
            {
                if (char.IsLetterOrDigit(c) && ++count >= 3)
                {
                    return false;
                }
            }
        }
        return true;
    }

    public int InternAccount(string accountId, string? username)
    {
        var account = _accounts.Intern(accountId);
        if (account == _usernames.Count)
        {
            _usernames.Add(username);
            _messagesPerAccount.Add(0);
        }
        else if (username is { Length: > 0 } && _usernames[account] is null)
        {
            _usernames[account] = username;
        }
        return account;
    }

    public Corpus Build()
    {
        // A table whose every row names its kind leaves the plain co-object signal empty: it is then left out.
        var kindsOnly = _byObjectKind.Values.Any(b => b is not null);
        var signals = _signals.Where(s => !(kindsOnly && s.Builder.Kind == SignalKind.CoObject && s.Builder.Count == 0))
            .ToDictionary(s => s.Builder.Kind, s => s.Builder.Build());
        foreach (var perKind in _byObjectKind.Values)
        {
            if (perKind is not null)
            {
                signals[perKind.Kind] = perKind.Build();
            }
        }
        var authors = new Dictionary<SignalKind, int[]>();
        var owners = new Dictionary<SignalKind, int[]>();
        var postTimes = new Dictionary<SignalKind, double[]>();
        foreach (var kind in (SignalKind[])[SignalKind.CoRepost, SignalKind.CoReply])
        {
            if (signals.TryGetValue(kind, out var events))
            {
                var of = new int[events.ObjectCount];
                var ownerOf = new int[events.ObjectCount];
                var timeOf = new double[events.ObjectCount];
                for (var obj = 0; obj < of.Length; obj++)
                {
                    var id = HashId(events.ObjectKeys[obj]);
                    var known = _authorOf.TryGetValue(id, out var post);
                    of[obj] = known ? post.Account : -1;
                    timeOf[obj] = known ? _firstTime + post.Seconds : double.NaN;
                    ownerOf[obj] = _parentOf.TryGetValue(id, out var parent) && _authorOf.TryGetValue(parent, out var owner) ? owner.Account : of[obj];
                }
                authors[kind] = of;
                owners[kind] = ownerOf;
                postTimes[kind] = timeOf;
            }
        }
        // The message-id tables have served (duplicates, and the authors and times above); co-similar's clustering
        // allocates the most of the whole build next. At 10^7 messages it ran 2.5 GB past what reading had left
        // without a collection: the dead tables, the events before their layout and the parser's garbage are
        // collected first, and their memory given back to the system (a plain collection left it committed, and the
        // clustering's large arrays went to fresh memory beside it).
        _authorOf.Release();
        _parentOf.Clear();
        _parentOf.TrimExcess();
        if (_similarPosts is not null && _messageCount >= LargeCorpus)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
        var similarTexts = new List<string>();
        if (_similarPosts is not null)
        {
            signals[SignalKind.CoSimilar] = BuildSimilar(similarTexts);
        }
        var empty = _messageCount == 0;
        return new Corpus(_accounts, [.. _usernames], [.. _messagesPerAccount], _messageCount, _duplicates,
            empty ? 0 : _minTime, empty ? 0 : _maxTime, signals, similarTexts, authors, owners, postTimes);
    }

    /// <summary>Each text cluster (near-duplicate original posts) becomes one object, named by its earliest post's id.</summary>
    private SignalEvents BuildSimilar(List<string> texts)
    {
        var posts = _similarPosts!;
        var builder = new SignalEventsBuilder(SignalKind.CoSimilar);
        var clustering = TextClusterer.Cluster(posts, Similarity);
        foreach (var cluster in clustering.Clusters)
        {
            var first = cluster.Posts[0];
            var obj = builder.InternObject(posts.Id(first));
            texts.Add(cluster.RepresentativeText);
            foreach (var p in cluster.Posts)
            {
                builder.Add(obj, posts.AccountIndex(p), posts.MessageIndex(p), posts.Time(p));
            }
        }
        posts.Clear();
        return builder.Build();
    }

    private static ulong HashId(string id)
    {
        Span<byte> buffer = stackalloc byte[256];
        var bytes = id.Length * 3 <= buffer.Length ? buffer[..Encoding.UTF8.GetBytes(id, buffer)] : Encoding.UTF8.GetBytes(id);
        return XxHash3.HashToUInt64(bytes);
    }
}
