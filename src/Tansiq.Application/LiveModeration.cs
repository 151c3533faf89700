using System.Diagnostics;
using Tansiq.Core.Model;
using Tansiq.Core.Moderation;
using Tansiq.IO.Moderation;
using Tansiq.Storage;

namespace Tansiq.Application;

/// <summary>The decisions that changed because of one request, and how long deciding took.</summary>
public sealed record ReportIngest(int Accepted, int Duplicates, IReadOnlyList<TargetDecision> Changed, ModerationWorld World, TimeSpan DecideTime);

/// <summary>A consistent view of the moderation state for one read: the result as batch <c>moderate</c> would write it.</summary>
public sealed record ModerationSnapshot(ModerationResult Result, ModerationWorld World, Dictionary<int, string> BrigadeOfWave);

/// <summary>
/// The live moderation engine the service calls: the same <see cref="TansiqPolicy"/> and <see cref="ModerationSession"/>
/// as batch <c>moderate</c>, fed from storage. Every write is committed to the store first and applied to the policy
/// after, under one lock, so the in-memory state is always the replay of what is stored; at start it is rebuilt by
/// replaying the store. Reports that arrive in time order are applied one by one; accounts, follows, clusters or a report
/// older than the newest one seen make the next read replay the whole log (the verdict at any moment depends only on
/// the reports before it in time, so the replay gives what an online system fed in time order would have).
/// </summary>
public sealed class LiveModeration : IDisposable
{
    private readonly ITansiqStore _store;
    private readonly TansiqPolicyOptions _options;
    private readonly IPolicyStateFactory? _policyState;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly List<AccountRecord> _accounts = [];
    private readonly HashSet<string> _accountIds = new(StringComparer.Ordinal);
    private readonly List<FollowRecord> _follows = [];
    private readonly HashSet<(string, string)> _followPairs = [];
    private readonly List<StoredReport> _reports = [];
    private readonly Dictionary<string, List<StoredReport>> _reportsOn = new(StringComparer.Ordinal);
    private readonly List<ModerationEventRecord> _events = [];
    private IReadOnlyList<IReadOnlyList<string>> _clusters = [];
    private long _messages;
    private ModerationSession? _session;
    private ModerationSnapshot? _snapshot;
    private bool _stale = true;

    /// <param name="policyState">Where the policy keeps its per-target and per-reporter state; null: in this process
    /// (<see cref="InMemoryPolicyState"/>). A host registers an <see cref="IPolicyStateFactory"/> to put it elsewhere.</param>
    public LiveModeration(ITansiqStore store, TansiqPolicyOptions? options = null, IPolicyStateFactory? policyState = null)
    {
        _store = store;
        _options = options ?? new TansiqPolicyOptions();
        _policyState = policyState;
    }

    public ITansiqStore Store => _store;

    /// <summary>Full replays done (at start, after new accounts or follows, after a late report).</summary>
    public int Replays { get; private set; }

    public long ReportCount => Volatile.Read(ref _reportCount);

    private long _reportCount;

    /// <summary>Loads everything stored and replays it.</summary>
    public async Task StartAsync(CancellationToken cancel = default)
    {
        await _lock.WaitAsync(cancel);
        try
        {
            foreach (var a in await _store.LoadAccountsAsync(cancel))
            {
                AddAccount(a);
            }
            foreach (var f in await _store.LoadFollowsAsync(cancel))
            {
                AddFollow(f);
            }
            foreach (var r in await _store.LoadReportsAsync(cancel))
            {
                AddReport(r);
            }
            _events.AddRange(await _store.LoadEventsAsync(cancel));
            _messages = (await _store.LoadMessagesAsync(double.MinValue, double.MaxValue, cancel)).Count;
            _stale = true;
            await RebuildAsync(cancel);
        }
        finally
        {
            _lock.Release();
        }
    }

    public async Task<IngestCounts> AddAccountsAsync(IReadOnlyList<AccountRecord> accounts, CancellationToken cancel = default)
    {
        await _lock.WaitAsync(cancel);
        try
        {
            var counts = await _store.AddAccountsAsync(accounts, cancel);
            foreach (var a in accounts)
            {
                if (!_accountIds.Contains(a.AccountId))
                {
                    AddAccount(a);
                    _stale = true;
                }
            }
            return counts;
        }
        finally
        {
            _lock.Release();
        }
    }

    public async Task<IngestCounts> AddFollowsAsync(IReadOnlyList<FollowRecord> follows, CancellationToken cancel = default)
    {
        await _lock.WaitAsync(cancel);
        try
        {
            var counts = await _store.AddFollowsAsync(follows, cancel);
            foreach (var f in follows)
            {
                if (!_followPairs.Contains((f.Follower, f.Followee)))
                {
                    AddFollow(f);
                    _stale = true;
                }
            }
            return counts;
        }
        finally
        {
            _lock.Release();
        }
    }

    public async Task<IngestCounts> AddMessagesAsync(IReadOnlyList<MessageRecord> messages, CancellationToken cancel = default)
    {
        await _lock.WaitAsync(cancel);
        try
        {
            var counts = await _store.AddMessagesAsync(messages, cancel);
            if (counts.Accepted > 0)
            {
                _messages += counts.Accepted;
                _stale = true;
            }
            return counts;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Commits the reports, then applies them; returns the decisions they changed.</summary>
    public async Task<ReportIngest> AddReportsAsync(IReadOnlyList<ReportRecord> reports, CancellationToken cancel = default)
    {
        await _lock.WaitAsync(cancel);
        try
        {
            var added = await _store.AddReportsAsync(reports, cancel);
            var clock = Stopwatch.StartNew();
            foreach (var r in added)
            {
                AddReport(r);
            }
            _snapshot = null;
            var session = _session!;
            var lateReport = added.Any(r => r.Report.Time < session.LastTime);
            List<TargetDecision> changed;
            if (_stale || lateReport)
            {
                // Not in time order (or the world changed): replay everything and compare.
                var before = Verdicts(session);
                await RebuildAsync(cancel);
                session = _session!;
                var after = Verdicts(session);
                changed = [];
                foreach (var (name, verdict) in after)
                {
                    var was = before.TryGetValue(name, out var old) ? old : Verdict.NoAction;
                    if (was != verdict && session.World.Accounts.TryGet(name, out var target))
                    {
                        changed.Add(session.Decision(target)!);
                    }
                }
            }
            else
            {
                var touched = new List<int>();
                var ordered = added.Where(r => session.World.Accounts.TryGet(r.Report.Reporter, out _) && session.World.Accounts.TryGet(r.Report.Target, out _))
                    .OrderBy(r => r.Report.Time).ThenBy(r => r.Sequence);
                foreach (var r in ordered)
                {
                    if (session.Observe(ToReport(session.World, r)) is { } change)
                    {
                        touched.Add(change.Target);
                    }
                }
                changed = [.. touched.Distinct().Select(t => session.Decision(t)!)];
            }
            changed.Sort((a, b) => string.CompareOrdinal(session.World.Accounts[a.Target], session.World.Accounts[b.Target]));
            return new ReportIngest(added.Count, reports.Count - added.Count, changed, session.World, clock.Elapsed);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>The whole state as batch <c>moderate</c> would report it after the same inputs.</summary>
    public async Task<ModerationSnapshot> SnapshotAsync(CancellationToken cancel = default)
    {
        await _lock.WaitAsync(cancel);
        try
        {
            if (_stale)
            {
                await RebuildAsync(cancel);
            }
            if (_snapshot is null)
            {
                var result = _session!.Result();
                _snapshot = new ModerationSnapshot(result, _session.World, ModerationWriters.BrigadeOfWave(result));
            }
            return _snapshot;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Reports on one target in time order (the report timeline of <c>GET /v1/decisions/{target}</c>).</summary>
    public async Task<IReadOnlyList<StoredReport>> ReportsOnAsync(string target, CancellationToken cancel = default)
    {
        await _lock.WaitAsync(cancel);
        try
        {
            return _reportsOn.TryGetValue(target, out var list)
                ? [.. list.OrderBy(r => r.Report.Time).ThenBy(r => r.Sequence)]
                : [];
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Moderation events so far (optionally about one subject).</summary>
    public async Task<IReadOnlyList<ModerationEventRecord>> EventsAsync(string? subject = null, CancellationToken cancel = default)
    {
        await _lock.WaitAsync(cancel);
        try
        {
            return [.. _events.Where(e => subject is null || e.Subject == subject)];
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>
    /// Records a moderator's resolution of a target (agree: the reports were right; disagree: they were not; escalate)
    /// in the event log, and feeds it to reporter credibility: from now on the target's reporters count for more or less.
    /// Returns the event and how many reporters it affects.
    /// </summary>
    public async Task<(ModerationEventRecord Event, int Reporters)> ResolveAsync(string target, string action, string note, string createdBy, long at, CancellationToken cancel = default)
    {
        await _lock.WaitAsync(cancel);
        try
        {
            var after = _reports.Count == 0 ? 0 : _reports[^1].Sequence;
            var e = await _store.AppendEventAsync(new ModerationEventRecord(0, target, action, note, createdBy, at, after), cancel);
            _events.Add(e);
            var reporters = 0;
            if (_session is not null && action is ModerationActions.Agree or ModerationActions.Disagree)
            {
                reporters = ApplyFeedback(_feedback!, _session.World, e);
            }
            _snapshot = null;
            return (e, reporters);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Replaces the coordinated clusters (from the background detection): members are not independent reporters.</summary>
    public async Task SetClustersAsync(IReadOnlyList<IReadOnlyList<string>> clusters, CancellationToken cancel = default)
    {
        await _lock.WaitAsync(cancel);
        try
        {
            _clusters = clusters;
            _stale = true;
            _snapshot = null;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>A reporter's current credibility factor from moderators' verdicts (1 when none).</summary>
    public async Task<double> ReporterFactorAsync(string reporter, CancellationToken cancel = default)
    {
        await _lock.WaitAsync(cancel);
        try
        {
            if (_stale)
            {
                await RebuildAsync(cancel);
            }
            return _session!.World.Accounts.TryGet(reporter, out var id) ? _feedback!.Factor(id, long.MaxValue) : 1;
        }
        finally
        {
            _lock.Release();
        }
    }

    private ModeratorFeedback? _feedback;

    private int ApplyFeedback(ModeratorFeedback feedback, ModerationWorld world, ModerationEventRecord e)
    {
        if (!_reportsOn.TryGetValue(e.Subject, out var list))
        {
            return 0;
        }
        var upheld = e.Action == ModerationActions.Agree;
        var reporters = new HashSet<int>();
        foreach (var r in list)
        {
            if (r.Sequence <= e.AfterReport && world.Accounts.TryGet(r.Report.Reporter, out var id) && reporters.Add(id))
            {
                feedback.Add(id, e.AfterReport, upheld);
            }
        }
        return reporters.Count;
    }

    private async Task RebuildAsync(CancellationToken cancel)
    {
        var builder = new ModerationWorldBuilder();
        foreach (var a in _accounts)
        {
            builder.AddAccount(a.AccountId, a.Username, a.CreatedAt, a.Followers);
        }
        if (_follows.Count > 0)
        {
            builder.MarkExposureAvailable();
        }
        foreach (var f in _follows)
        {
            builder.AddFollow(f.Follower, f.Followee);
        }
        if (_messages > 0)
        {
            var messages = await _store.LoadMessagesAsync(double.MinValue, double.MaxValue, cancel);
            builder.AddMessages(messages.Select(MessageRecords.ToMessage));
        }
        if (_clusters.Count > 0)
        {
            builder.SetClusters(_clusters);
        }
        var world = builder.Build();
        _feedback = new ModeratorFeedback();
        foreach (var e in _events)
        {
            if (e.Action is ModerationActions.Agree or ModerationActions.Disagree)
            {
                ApplyFeedback(_feedback, world, e);
            }
        }
        var session = new ModerationSession(new TansiqPolicy(world, _options, _feedback, _policyState?.Create(world)), world);
        var reports = new List<Report>(_reports.Count);
        foreach (var r in _reports)
        {
            if (world.Accounts.TryGet(r.Report.Reporter, out _) && world.Accounts.TryGet(r.Report.Target, out _))
            {
                reports.Add(ToReport(world, r));
            }
        }
        var array = reports.ToArray();
        ModerationReplay.SortInTimeOrder(array);
        foreach (ref readonly var r in array.AsSpan())
        {
            session.Observe(r);
        }
        _session = session;
        _snapshot = null;
        _stale = false;
        Replays++;
    }

    private static Report ToReport(ModerationWorld world, StoredReport r)
    {
        world.Accounts.TryGet(r.Report.Reporter, out var reporter);
        world.Accounts.TryGet(r.Report.Target, out var target);
        return new Report(reporter, target, r.Report.Time, checked((int)r.Sequence));
    }

    private static Dictionary<string, Verdict> Verdicts(ModerationSession session)
    {
        var map = new Dictionary<string, Verdict>(StringComparer.Ordinal);
        foreach (var d in session.Result().Decisions)
        {
            map[session.World.Accounts[d.Target]] = d.Verdict;
        }
        return map;
    }

    private void AddAccount(AccountRecord a)
    {
        _accountIds.Add(a.AccountId);
        _accounts.Add(a);
    }

    private void AddFollow(FollowRecord f)
    {
        _followPairs.Add((f.Follower, f.Followee));
        _follows.Add(f);
    }

    private void AddReport(StoredReport r)
    {
        _reports.Add(r);
        _reportCount++;
        if (!_reportsOn.TryGetValue(r.Report.Target, out var list))
        {
            _reportsOn[r.Report.Target] = list = new List<StoredReport>(1);
        }
        list.Add(r);
    }

    public void Dispose() => _lock.Dispose();
}

/// <summary>
/// Makes the store of <see cref="TansiqPolicy"/>'s per-target, per-reporter and per-pair state (<see cref="IPolicyState"/>)
/// for a world: the seam where a scale-out host (Orleans grains per target and per reporter) plugs in. Called at every
/// full replay, before the first report of the replay; the state it returns must be empty.
/// </summary>
public interface IPolicyStateFactory
{
    IPolicyState Create(ModerationWorld world);
}

/// <summary>The moderator resolutions of <c>POST /v1/queue/{target}/resolve</c>.</summary>
public static class ModerationActions
{
    public const string Agree = "agree";
    public const string Disagree = "disagree";
    public const string Escalate = "escalate";

    public static readonly IReadOnlyList<string> All = [Agree, Disagree, Escalate];
}

/// <summary>Messages between the reader's shape and the store's.</summary>
public static class MessageRecords
{
    public static MessageRecord FromMessage(Message m) => new(m.MessageId, m.AccountId, m.Username, m.Timestamp, m.Text, m.RepostOf, m.ReplyTo,
        string.Join(' ', m.Urls), string.Join(' ', m.Hashtags), string.Join(' ', m.Mentions));

    public static Message ToMessage(MessageRecord r) => new()
    {
        MessageId = r.MessageId,
        AccountId = r.AccountId,
        Username = r.Username,
        Timestamp = r.Timestamp,
        Text = r.Text ?? "",
        RepostOf = r.RepostOf,
        ReplyTo = r.ReplyTo,
        Urls = Split(r.Urls),
        Hashtags = Split(r.Hashtags),
        Mentions = Split(r.Mentions),
    };

    private static string[] Split(string s) => s.Length == 0 ? [] : s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
