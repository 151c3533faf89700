using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Tansiq.Application;
using Tansiq.Application.Contracts;
using Tansiq.Core.Model;
using Tansiq.Core.Moderation;
using Tansiq.Storage;

namespace Tansiq.Service.Dashboard;

/// <summary>
/// The routes the dashboard reads (role <c>moderator</c>, by Bearer key or session cookie): the naive rule's outcome,
/// a target with its reporters, an account, search, one cluster in full, and a stream of updates.
/// </summary>
internal static class DashboardEndpoints
{
    private const double NaiveThreshold = 0.25;
    private const int MaxReporters = 500;
    private const int MaxTimeline = 3000;
    private const int MaxSharedObjects = 40;
    private const int MaxNeighbours = 80;
    private const int MaxEdges = 1500;

    public static void Map(RouteGroupBuilder v1)
    {
        var role = new RequiredRole(Roles.Moderator);
        v1.MapGet("/decisions/{target}/naive", Naive).WithMetadata(role).Produces<NaiveRuleDto>().ProducesProblem(404).WithName("GetNaiveDecision")
            .WithSummary("What the naive rule (suspend at distinct reporters >= 25% of followers) does with the same reports on this account");
        v1.MapGet("/targets/{target}", Target).WithMetadata(role).Produces<TargetViewDto>().ProducesProblem(404).WithName("GetTargetView")
            .WithSummary("A reported account for the dashboard: its decision detail, the naive rule's outcome and its reporters with their signals");
        v1.MapGet("/accounts/{account}", Account).WithMetadata(role).Produces<AccountViewDto>().ProducesProblem(404).WithName("GetAccount")
            .WithSummary("One account's profile, decision and cluster");
        v1.MapGet("/search", Search).WithMetadata(role).Produces<SearchResponse>().WithName("Search")
            .WithSummary("Accounts by id (exact) or username (contains, any case): ?q=TEXT");
        v1.MapGet("/clusters/{id:int}", Cluster).WithMetadata(role).Produces<ClusterViewDto>().ProducesProblem(404).WithName("GetCluster")
            .WithSummary("One cluster of the latest detection run in full: members, evidence, shared objects with texts, timing, network neighbourhood");
        v1.MapGet("/brigades", Brigades).WithMetadata(role).Produces<BrigadeListResponse>().WithName("GetBrigades")
            .WithSummary("The reporting brigades found so far, largest first, with their targets and both policies' decisions on them");
        v1.MapGet("/brigades/{id}", BrigadeOne).WithMetadata(role).Produces<BrigadeViewDto>().ProducesProblem(404).WithName("GetBrigade")
            .WithSummary("One brigade: evidence, targets, members with usernames and their reports in time order");
        v1.MapGet("/stream", Stream).WithMetadata(role).WithName("Stream")
            .WithSummary("Server-sent events: an 'update' event with the report, event and detection counters whenever they change");
    }

    private static async Task<IResult> Naive(string target, HttpContext context, LiveModeration engine)
    {
        var s = await engine.SnapshotAsync(context.RequestAborted);
        if (!s.World.Accounts.TryGet(target, out _) || !s.Result.Decisions.Any(d => s.World.Accounts[d.Target] == target))
        {
            return Problems.Result(StatusCodes.Status404NotFound, "Not found", $"no reports on '{target}'");
        }
        var reports = await engine.ReportsOnAsync(target, context.RequestAborted);
        return Results.Ok(NaiveRule(target, reports, s.World));
    }

    /// <summary>
    /// Replays the target's reports through <see cref="ThresholdPolicy"/> (the batch baseline; its state is per target,
    /// so one target's reports alone give the verdict the whole replay gives it).
    /// </summary>
    internal static NaiveRuleDto NaiveRule(string target, IReadOnlyList<StoredReport> reports, ModerationWorld world)
    {
        world.Accounts.TryGet(target, out var t);
        var policy = new ThresholdPolicy(world, NaiveThreshold);
        long? suspendedAt = null;
        int? after = null;
        var verdict = Verdict.NoAction;
        var reporters = new HashSet<int>();
        foreach (var r in reports.OrderBy(r => r.Report.Time).ThenBy(r => r.Sequence))
        {
            if (!world.Accounts.TryGet(r.Report.Reporter, out var reporter))
            {
                continue;
            }
            reporters.Add(reporter);
            verdict = policy.Observe(new Report(reporter, t, r.Report.Time, checked((int)r.Sequence)));
            if (verdict.Decision == Decision.Suspend && suspendedAt is null)
            {
                suspendedAt = r.Report.Time;
                after = reporters.Count;
            }
        }
        var standing = policy.Explain(t);
        var followers = world.Followers[t];
        return new NaiveRuleDto(target, verdict.Decision.Name(), followers, standing.DistinctReporters, NaiveThreshold,
            Math.Round(NaiveThreshold * followers, 4), suspendedAt, after, standing.Reason);
    }

    private static async Task<IResult> Target(string target, HttpContext context, LiveModeration engine, AccountDirectory directory, DetectionState detection)
    {
        var cancel = context.RequestAborted;
        var s = await engine.SnapshotAsync(cancel);
        if (await DecisionEndpoints.DetailAsync(target, s, engine, cancel) is not { } detail)
        {
            return Problems.Result(StatusCodes.Status404NotFound, "Not found", $"no reports on '{target}'");
        }
        var accounts = await directory.AccountsAsync(s.World, cancel);
        var reports = await engine.ReportsOnAsync(target, cancel);
        var world = s.World;
        world.Accounts.TryGet(target, out var t);
        var inBrigade = new HashSet<int>(s.Result.Brigades.Where(b => b.Targets.Contains(t)).SelectMany(b => b.Participants));
        var young = new TansiqPolicyOptions().YoungDays * 86400;
        var clusters = detection.Detail?.ClusterOf;
        var firstBy = new Dictionary<string, (long First, int Count)>(StringComparer.Ordinal);
        foreach (var r in reports)
        {
            firstBy[r.Report.Reporter] = firstBy.TryGetValue(r.Report.Reporter, out var f) ? (Math.Min(f.First, r.Report.Time), f.Count + 1) : (r.Report.Time, 1);
        }
        var reporters = new List<ReporterDto>();
        int independent = 0, discounted = 0;
        foreach (var (name, (first, count)) in firstBy.OrderBy(p => p.Value.First).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            accounts.TryGetValue(name, out var profile);
            var flags = new List<string>();
            double? ageDays = null;
            var factor = 1.0;
            if (world.Accounts.TryGet(name, out var u))
            {
                if (world.Exposure.HasData && !world.Exposure.Exposed(u, t, first))
                {
                    flags.Add("unexposed");
                }
                if (world.CreatedAt[u] != ModerationWorld.Unknown)
                {
                    var age = first - world.CreatedAt[u];
                    ageDays = Math.Round(age / 86400.0, 1);
                    if (age < young)
                    {
                        flags.Add("young");
                    }
                }
                if (world.BatchCreated[u])
                {
                    flags.Add("batch");
                }
                if (world.ClusterOf[u] >= 0)
                {
                    flags.Add("clustered");
                }
                if (inBrigade.Contains(u))
                {
                    flags.Add("in_brigade");
                }
                factor = await engine.ReporterFactorAsync(name, cancel);
                if (factor < 1)
                {
                    flags.Add("rejected_by_moderators");
                }
            }
            else
            {
                flags.Add("unknown_account");
            }
            var isIndependent = flags.Count == 0;
            if (isIndependent)
            {
                independent++;
            }
            else
            {
                discounted++;
            }
            if (reporters.Count < MaxReporters)
            {
                int? cluster = clusters is not null && clusters.TryGetValue(name, out var c) ? c : null;
                reporters.Add(new ReporterDto(name, profile?.Username, first, count, ageDays, profile?.Followers, flags, Math.Round(factor, 4), cluster, isIndependent));
            }
        }
        accounts.TryGetValue(target, out var me);
        return Results.Ok(new TargetViewDto(target, me?.Username, me?.Followers, me?.CreatedAt, detail, NaiveRule(target, reports, world),
            independent, discounted, reporters));
    }

    private static async Task<IResult> Account(string account, HttpContext context, LiveModeration engine, AccountDirectory directory, DetectionState detection)
    {
        var cancel = context.RequestAborted;
        var s = await engine.SnapshotAsync(cancel);
        var accounts = await directory.AccountsAsync(s.World, cancel);
        var detail = detection.Detail;
        accounts.TryGetValue(account, out var profile);
        string? username = profile?.Username;
        if (username is null && detail is not null && detail.Usernames.TryGetValue(account, out var n))
        {
            username = n;
        }
        int? cluster = detail is not null && detail.ClusterOf.TryGetValue(account, out var c) ? c : null;
        var reports = await engine.ReportsOnAsync(account, cancel);
        if (profile is null && cluster is null && reports.Count == 0 && username is null)
        {
            return Problems.Result(StatusCodes.Status404NotFound, "Not found", $"no account '{account}'");
        }
        TargetDecision? decision = s.World.Accounts.TryGet(account, out var id) ? s.Result.Decisions.FirstOrDefault(d => d.Target == id) : null;
        var factor = await engine.ReporterFactorAsync(account, cancel);
        return Results.Ok(new AccountViewDto(account, username, profile?.CreatedAt, profile?.Followers, decision?.Verdict.Decision.Name(),
            decision?.Verdict.Priority.Name(), reports.Count, cluster, Math.Round(factor, 4)));
    }

    private static async Task<IResult> Search(string? q, HttpContext context, LiveModeration engine, AccountDirectory directory, DetectionState detection)
    {
        var query = (q ?? "").Trim().TrimStart('@');
        if (query.Length == 0)
        {
            return Results.Ok(new SearchResponse("", 0, []));
        }
        var cancel = context.RequestAborted;
        var s = await engine.SnapshotAsync(cancel);
        var accounts = await directory.AccountsAsync(s.World, cancel);
        var detail = detection.Detail;
        var decisions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var d in s.Result.Decisions)
        {
            decisions[s.World.Accounts[d.Target]] = d.Verdict.Decision.Name();
        }
        var hits = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (accounts.TryGetValue(query, out var exact))
        {
            hits[exact.AccountId] = exact.Username;
        }
        else if (detail is not null && (detail.ClusterOf.ContainsKey(query) || detail.Usernames.ContainsKey(query)))
        {
            hits[query] = detail.Usernames.GetValueOrDefault(query);
        }
        // Usernames: exact matches first, then those that contain the query, each in id order; at most 25.
        var names = accounts.Values.Where(a => a.Username is not null).Select(a => (a.AccountId, Username: a.Username!));
        if (detail is not null)
        {
            names = names.Concat(detail.Usernames.Where(p => !accounts.ContainsKey(p.Key)).Select(p => (AccountId: p.Key, Username: p.Value)));
        }
        foreach (var (idOf, username) in names.Where(p => p.Username.Contains(query, StringComparison.OrdinalIgnoreCase))
            .OrderBy(p => p.Username.Equals(query, StringComparison.OrdinalIgnoreCase) ? 0 : 1).ThenBy(p => p.Username.Length).ThenBy(p => p.AccountId, StringComparer.Ordinal).Take(25))
        {
            hits.TryAdd(idOf, username);
        }
        var items = hits.Take(25).Select(h => new AccountHitDto(h.Key, h.Value, decisions.GetValueOrDefault(h.Key),
            detail is not null && detail.ClusterOf.TryGetValue(h.Key, out var c) ? c : null)).ToList();
        return Results.Ok(new SearchResponse(query, items.Count, items));
    }

    private static async Task<List<TargetRefDto>> TargetRefsAsync(Brigade b, ModerationSnapshot s, LiveModeration engine, IReadOnlyDictionary<string, AccountRecord> accounts, CancellationToken cancel)
    {
        var refs = new List<TargetRefDto>();
        foreach (var t in b.Targets)
        {
            var name = s.World.Accounts[t];
            var decision = s.Result.Decisions.FirstOrDefault(d => d.Target == t)?.Verdict.Decision.Name() ?? "none";
            var naive = NaiveRule(name, await engine.ReportsOnAsync(name, cancel), s.World);
            refs.Add(new TargetRefDto(name, accounts.GetValueOrDefault(name)?.Username, decision, naive.Decision));
        }
        return refs;
    }

    private static async Task<IResult> Brigades(HttpContext context, LiveModeration engine, AccountDirectory directory)
    {
        var cancel = context.RequestAborted;
        var s = await engine.SnapshotAsync(cancel);
        var accounts = await directory.AccountsAsync(s.World, cancel);
        var items = new List<BrigadeListItemDto>();
        foreach (var b in s.Result.Brigades.OrderByDescending(b => b.Participants.Count).ThenBy(b => b.Id, StringComparer.Ordinal))
        {
            items.Add(new BrigadeListItemDto(Dtos.Brigade(b, s.World), await TargetRefsAsync(b, s, engine, accounts, cancel)));
        }
        return Results.Ok(new BrigadeListResponse(items.Count, items));
    }

    private static async Task<IResult> BrigadeOne(string id, HttpContext context, LiveModeration engine, AccountDirectory directory, DetectionState detection)
    {
        var cancel = context.RequestAborted;
        var s = await engine.SnapshotAsync(cancel);
        if (s.Result.Brigades.FirstOrDefault(b => b.Id == id) is not { } brigade)
        {
            return Problems.Result(StatusCodes.Status404NotFound, "Not found", $"no brigade '{id}'");
        }
        var accounts = await directory.AccountsAsync(s.World, cancel);
        var members = brigade.Participants.Select(p => s.World.Accounts[p]).ToHashSet(StringComparer.Ordinal);
        var reports = new List<BrigadeReportDto>();
        foreach (var t in brigade.Targets)
        {
            var name = s.World.Accounts[t];
            foreach (var r in await engine.ReportsOnAsync(name, cancel))
            {
                if (members.Contains(r.Report.Reporter) && r.Report.Time >= brigade.Start && r.Report.Time <= brigade.End && reports.Count < MaxTimeline)
                {
                    reports.Add(new BrigadeReportDto(r.Report.Reporter, name, r.Report.Time));
                }
            }
        }
        reports.Sort((a, b) => a.Time.CompareTo(b.Time));
        var counts = reports.GroupBy(r => r.Reporter, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var clusters = detection.Detail?.ClusterOf;
        var list = brigade.Participants.Select(p =>
        {
            var name = s.World.Accounts[p];
            var created = s.World.CreatedAt[p];
            double? age = created == ModerationWorld.Unknown ? null : Math.Round((brigade.Start - created) / 86400.0, 1);
            int? cluster = clusters is not null && clusters.TryGetValue(name, out var c) ? c : null;
            return new BrigadeMemberDto(name, accounts.GetValueOrDefault(name)?.Username, age, s.World.BatchCreated[p], cluster, counts.GetValueOrDefault(name));
        }).OrderBy(m => m.AccountId, StringComparer.Ordinal).ToList();
        return Results.Ok(new BrigadeViewDto(Dtos.Brigade(brigade, s.World), await TargetRefsAsync(brigade, s, engine, accounts, cancel), list, reports));
    }

    private static IResult Cluster(int id, DetectionState detection)
    {
        var detail = detection.Detail;
        if (detail is null || id < 1 || id > detail.Result.Clusters.Count)
        {
            return Problems.Result(StatusCodes.Status404NotFound, "Not found", detail is null ? "no detection run yet" : $"no cluster {id} in the latest detection run");
        }
        var c = detail.Result.Clusters[id - 1];
        var name = (string a) => detail.Usernames.GetValueOrDefault(a);
        var accountOf = detail.Result.Accounts.ToDictionary(a => a.AccountId, StringComparer.Ordinal);
        var members = c.Members.Select(m => accountOf.TryGetValue(m, out var a)
            ? new ClusterMemberDto(m, name(m), Math.Round(a.Score, 4), a.Messages)
            : new ClusterMemberDto(m, name(m), 0, 0)).ToList();
        var objects = c.SharedObjects.Take(MaxSharedObjects).Select(o => new SharedObjectDto(SignalNames.Name(o.Signal), o.Key, o.Text, o.Lang, o.Author,
            o.Author is null ? null : name(o.Author), o.Members, o.Participants, o.FirstAction, o.LastAction)).ToList();
        var timeline = c.Timeline.Take(MaxTimeline).Select(a => new TimelinePointDto(a.AccountId, a.Time, SignalNames.Name(a.Signal))).ToList();

        // The neighbourhood: members, and the accounts with the heaviest edges to them.
        var inCluster = c.Members.ToHashSet(StringComparer.Ordinal);
        var touching = detail.Result.Edges.Where(e => inCluster.Contains(e.Source) || inCluster.Contains(e.Target)).ToList();
        var neighbours = touching.SelectMany(e => new[] { (Id: e.Source, e.Weight), (Id: e.Target, e.Weight) }).Where(p => !inCluster.Contains(p.Id))
            .GroupBy(p => p.Id, StringComparer.Ordinal).Select(g => (g.Key, Weight: g.Sum(p => p.Weight)))
            .OrderByDescending(p => p.Weight).ThenBy(p => p.Key, StringComparer.Ordinal).Take(MaxNeighbours).Select(p => p.Key).ToList();
        var nodeSet = inCluster.Concat(neighbours).ToHashSet(StringComparer.Ordinal);
        var nodes = c.Members.Select(m => new NetworkNodeDto(m, name(m), id, true))
            .Concat(neighbours.Select(n => new NetworkNodeDto(n, name(n), detail.ClusterOf.TryGetValue(n, out var k) ? k : null, false))).ToList();
        // Every edge that touches a member; between two neighbours only the significant ones (the view is about the cluster).
        var edges = detail.Result.Edges.Where(e => nodeSet.Contains(e.Source) && nodeSet.Contains(e.Target)
                && (inCluster.Contains(e.Source) || inCluster.Contains(e.Target) || e.Significant))
            .OrderByDescending(e => e.Significant).ThenByDescending(e => e.Weight).Take(MaxEdges)
            .Select(e => new NetworkEdgeDto(e.Source, e.Target, SignalNames.Name(e.Signal), e.Weight, e.Significant)).ToList();
        return Results.Ok(new ClusterViewDto(id, c.ClusterId, c.Kind, c.Size, Math.Round(c.Score, 4), [.. c.Signals.Select(x => SignalNames.Name(x))],
            c.FirstAction, c.LastAction, c.TimeScaleSeconds, members, [.. c.Evidence.Select(e => new EvidenceDto(e.Name, e.Value, e.Explanation))],
            objects, timeline, nodes, edges));
    }

    /// <summary>
    /// Server-sent events: <c>event: update</c> with <c>{"reports", "events", "detection_ran_at"}</c> at once and then
    /// whenever one of them changes (checked every second), and a comment every 15 s to keep proxies from closing it.
    /// </summary>
    private static async Task Stream(HttpContext context, LiveModeration engine, DetectionState detection, TimeProvider time,
        IHostApplicationLifetime lifetime, IOptions<JsonOptions> json)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var cancel = stop.Token;
        (long, int, long?) last = (-1, -1, null);
        var quiet = 0;
        try
        {
            await context.Response.Body.FlushAsync(cancel);
            while (!cancel.IsCancellationRequested)
            {
                var now = (engine.ReportCount, (await engine.EventsAsync(null, cancel)).Count, detection.Latest?.RanAt);
                if (now != last)
                {
                    last = now;
                    quiet = 0;
                    var data = JsonSerializer.Serialize(new StreamUpdate(now.Item1, now.Item2, now.Item3), json.Value.SerializerOptions);
                    await context.Response.WriteAsync($"event: update\ndata: {data}\n\n", cancel);
                    await context.Response.Body.FlushAsync(cancel);
                }
                else if (++quiet % 15 == 0)
                {
                    await context.Response.WriteAsync(": keep-alive\n\n", cancel);
                    await context.Response.Body.FlushAsync(cancel);
                }
                await Task.Delay(TimeSpan.FromSeconds(1), time, cancel);
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // The dashboard went away or the server is stopping.
        }
    }

    private sealed record StreamUpdate(long Reports, int Events, long? DetectionRanAt);
}
