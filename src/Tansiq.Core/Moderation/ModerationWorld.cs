using Tansiq.Core.Model;

namespace Tansiq.Core.Moderation;

/// <summary>
/// Who the accounts are, as far as moderation needs to know: age, audience, batch creation, exposure between
/// reporters and targets, and membership in coordinated clusters. Built once before the replay; read-only after.
/// </summary>
public sealed class ModerationWorld
{
    internal ModerationWorld(Interner accounts, long[] createdAt, long[] followers, int[] followersInGraph, bool[] batchCreated, ExposureIndex exposure, int[] clusterOf, string?[]? usernames = null)
    {
        Accounts = accounts;
        Usernames = usernames ?? new string?[accounts.Count];
        CreatedAt = createdAt;
        Followers = followers;
        FollowersInGraph = followersInGraph;
        BatchCreated = batchCreated;
        Exposure = exposure;
        ClusterOf = clusterOf;
    }

    /// <summary>Marks an unknown creation time in <see cref="CreatedAt"/>.</summary>
    public const long Unknown = long.MinValue;

    public Interner Accounts { get; }

    /// <summary>Each account's username from its profile (without a leading @), or null when the profile has none: for
    /// reports a person reads.</summary>
    public string?[] Usernames { get; }

    /// <summary>The account's username, or null.</summary>
    public string? Username(int account) => account >= 0 && account < Usernames.Length ? Usernames[account] : null;

    /// <summary>Unix seconds, or <see cref="Unknown"/>.</summary>
    public long[] CreatedAt { get; }

    /// <summary>Follower counts from the profiles (0 when unknown).</summary>
    public long[] Followers { get; }

    /// <summary>Distinct followers of each account in the follows file.</summary>
    public int[] FollowersInGraph { get; }

    /// <summary>
    /// The audience to judge an account by: its profile count, or the followers the follows file shows if there are more
    /// (a stale or missing profile count must not lower the bar for suspending it).
    /// </summary>
    public long Audience(int account) => Math.Max(Followers[account], FollowersInGraph[account]);

    public bool[] BatchCreated { get; }

    public ExposureIndex Exposure { get; }

    /// <summary>Coordinated cluster of each account found in the messages, or -1.</summary>
    public int[] ClusterOf { get; }

    public int AccountCount => Accounts.Count;
}

/// <summary>
/// Directed "a had seen b" facts with the earliest time they became true: a follows b (always), a replied to or
/// re-shared b's post, b replied to a's post, a mentioned b, b mentioned a. Keyed by the packed pair so a lookup costs one hash probe.
/// </summary>
public sealed class ExposureIndex
{
    private readonly Dictionary<long, long> _since = [];

    /// <summary>True when follows or messages were given at all: without them no reporter can show exposure.</summary>
    public bool HasData { get; private set; }

    public int Count => _since.Count;

    public void MarkAvailable() => HasData = true;

    public void Add(int from, int to, long since)
    {
        if (from == to)
        {
            return;
        }
        HasData = true;
        var key = Key(from, to);
        if (!_since.TryGetValue(key, out var t) || since < t)
        {
            _since[key] = since;
        }
    }

    /// <summary>Records that <paramref name="follower"/> follows <paramref name="followee"/>; false when it was already known to.</summary>
    public bool AddFollow(int follower, int followee)
    {
        if (follower == followee)
        {
            return false;
        }
        HasData = true;
        var key = Key(follower, followee);
        if (_since.TryGetValue(key, out var t) && t == long.MinValue)
        {
            return false;
        }
        _since[key] = long.MinValue;
        return true;
    }

    /// <summary>Whether <paramref name="reporter"/> had been exposed to <paramref name="target"/> by time <paramref name="at"/>.</summary>
    public bool Exposed(int reporter, int target, long at) => _since.TryGetValue(Key(reporter, target), out var since) && since <= at;

    private static long Key(int a, int b) => ((long)a << 32) | (uint)b;
}

/// <summary>Builds a <see cref="ModerationWorld"/> from accounts, follows and messages, in any order.</summary>
public sealed class ModerationWorldBuilder
{
    private readonly Interner _accounts = new();
    private readonly List<long> _createdAt = [];
    private readonly List<long> _followers = [];
    private readonly List<int> _followersInGraph = [];
    private readonly List<string?> _usernames = [];
    private readonly Dictionary<string, int> _byUsername = new(StringComparer.OrdinalIgnoreCase);
    private readonly ExposureIndex _exposure = new();
    private int[]? _clusterOf;

    public int AccountCount => _accounts.Count;

    /// <summary>Follows or messages naming an account not in the accounts file (ignored).</summary>
    public long UnknownReferences { get; private set; }

    /// <summary>Adds an account; a repeated id keeps its first profile and returns the same id.</summary>
    public int AddAccount(string accountId, string? username, long? createdAt, long? followers)
    {
        var id = _accounts.Intern(accountId);
        if (id == _createdAt.Count)
        {
            _createdAt.Add(createdAt ?? ModerationWorld.Unknown);
            _followers.Add(Math.Max(0, followers ?? 0));
            _followersInGraph.Add(0);
            _usernames.Add(string.IsNullOrEmpty(username) ? null : username.TrimStart('@'));
            if (!string.IsNullOrEmpty(username))
            {
                _byUsername.TryAdd(username.TrimStart('@'), id);
            }
        }
        return id;
    }

    public bool TryGetAccount(string accountId, out int id) => _accounts.TryGet(accountId, out id);

    public void AddFollow(string follower, string followee)
    {
        if (_accounts.TryGet(follower, out var a) && _accounts.TryGet(followee, out var b))
        {
            AddFollow(a, b);
        }
        else
        {
            UnknownReferences++;
        }
    }

    public void AddFollow(int follower, int followee)
    {
        if (_exposure.AddFollow(follower, followee))
        {
            _followersInGraph[followee]++;
        }
    }

    public void AddExposure(int from, int to, long since) => _exposure.Add(from, to, since);

    /// <summary>Marks exposure data as given even if it turned out empty (an empty follows file is still an answer).</summary>
    public void MarkExposureAvailable() => _exposure.MarkAvailable();

    /// <summary>
    /// Reads exposure from messages: replying to or re-sharing someone's post, being replied to, mentioning them, being
    /// mentioned by them.
    /// Each fact counts from the time of the message. Add the accounts first: messages by unknown authors are skipped.
    /// </summary>
    public void AddMessages(IEnumerable<Message> messages)
    {
        _exposure.MarkAvailable();
        var authorOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var pending = new List<(string Post, int Account, long Time, bool Reply)>();
        foreach (var m in messages)
        {
            if (!_accounts.TryGet(m.AccountId, out var author))
            {
                UnknownReferences++;
                continue;
            }
            var time = (long)Math.Floor(m.Timestamp);
            authorOf.TryAdd(m.MessageId, author);
            if (m.ReplyTo is { } parent)
            {
                pending.Add((parent, author, time, true));
            }
            if (m.RepostOf is { } original)
            {
                pending.Add((original, author, time, false));
            }
            foreach (var mention in m.Mentions)
            {
                var name = mention.TrimStart('@');
                if (_byUsername.TryGetValue(name, out var other) || _accounts.TryGet(name, out other))
                {
                    _exposure.Add(author, other, time);
                    _exposure.Add(other, author, time);
                }
            }
        }
        // Replies may precede their parent in the file, so they are resolved once every author is known.
        foreach (var (post, account, time, reply) in pending)
        {
            if (authorOf.TryGetValue(post, out var parentAuthor))
            {
                _exposure.Add(account, parentAuthor, time);
                if (reply)
                {
                    // A reply lands in the replied-to person's notifications: they saw who answered them.
                    _exposure.Add(parentAuthor, account, time);
                }
            }
        }
    }

    /// <summary>
    /// Marks coordinated clusters (as <c>detect</c> finds them in the messages): a reporter in one is not independent.
    /// Members missing from the accounts file are ignored.
    /// </summary>
    public void SetClusters(IEnumerable<IEnumerable<string>> clusters)
    {
        _clusterOf = new int[_accounts.Count];
        Array.Fill(_clusterOf, -1);
        var index = 0;
        foreach (var cluster in clusters)
        {
            foreach (var member in cluster)
            {
                if (_accounts.TryGet(member, out var id))
                {
                    _clusterOf[id] = index;
                }
            }
            index++;
        }
    }

    public ModerationWorld Build(BatchCreationOptions? batch = null)
    {
        var created = _createdAt.ToArray();
        var clusterOf = _clusterOf ?? new int[_accounts.Count];
        if (_clusterOf is null)
        {
            Array.Fill(clusterOf, -1);
        }
        else if (clusterOf.Length < _accounts.Count)
        {
            var grown = new int[_accounts.Count];
            Array.Fill(grown, -1);
            clusterOf.CopyTo(grown, 0);
            clusterOf = grown;
        }
        return new ModerationWorld(_accounts, created, _followers.ToArray(), _followersInGraph.ToArray(),
            BatchCreation.Detect(created, batch ?? new BatchCreationOptions()), _exposure, clusterOf, [.. _usernames]);
    }
}
