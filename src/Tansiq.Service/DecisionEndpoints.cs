using Tansiq.Application;
using Tansiq.Application.Contracts;
using Tansiq.Core.Moderation;
using Tansiq.IO.Moderation;

namespace Tansiq.Service;

/// <summary><c>GET /v1/decisions</c> (CSV exactly as decisions.csv, or JSON), <c>GET /v1/decisions/{target}</c>, <c>GET /v1/clusters</c>.</summary>
internal static class DecisionEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        var role = new RequiredRole(Roles.Moderator);
        v1.MapGet("/decisions", All).WithMetadata(role).Produces<DecisionListResponse>().Produces<string>(200, "text/csv").WithName("GetDecisions")
            .WithSummary("Every reported account's decision; with Accept: text/csv exactly moderate's decisions.csv");
        v1.MapGet("/decisions/{target}", One).WithMetadata(role).Produces<TargetDetailResponse>().ProducesProblem(404).WithName("GetDecision")
            .WithSummary("One account's decision with its report timeline, decision changes, brigades and moderation events");
        v1.MapGet("/clusters", Clusters).WithMetadata(role).Produces<ClustersResponse>().WithName("GetClusters")
            .WithSummary("The coordinated clusters of the latest background detection run");
    }

    private static async Task<IResult> All(HttpContext context, LiveModeration engine)
    {
        var s = await engine.SnapshotAsync(context.RequestAborted);
        var accept = context.Request.Headers.Accept.ToString();
        if (accept.Contains("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            var w = new StringWriter();
            ModerationWriters.WriteDecisions(w, s.Result, s.World, s.BrigadeOfWave);
            return Results.Text(w.ToString(), "text/csv; charset=utf-8");
        }
        var list = s.Result.Decisions.Select(d => Dtos.Decision(d, s.World, s.BrigadeOfWave)).ToList();
        return Results.Ok(new DecisionListResponse(list.Count, list));
    }

    private static async Task<IResult> One(string target, HttpContext context, LiveModeration engine)
    {
        var s = await engine.SnapshotAsync(context.RequestAborted);
        return await DetailAsync(target, s, engine, context.RequestAborted) is { } detail
            ? Results.Ok(detail)
            : Problems.Result(StatusCodes.Status404NotFound, "Not found", $"no reports on '{target}'");
    }

    /// <summary>One account's decision with its reports, changes, brigades and events; null if it was never reported.</summary>
    internal static async Task<TargetDetailResponse?> DetailAsync(string target, ModerationSnapshot s, LiveModeration engine, CancellationToken cancel)
    {
        if (!s.World.Accounts.TryGet(target, out var id) || s.Result.Decisions.FirstOrDefault(d => d.Target == id) is not { } decision)
        {
            return null;
        }
        var reports = await engine.ReportsOnAsync(target, cancel);
        var events = await engine.EventsAsync(target, cancel);
        var timeline = s.Result.Timeline.Where(t => t.Target == id)
            .Select(t => new DecisionChangeDto(t.Time, t.Verdict.Decision.Name(), t.Verdict.Priority.Name(), t.Reports, Math.Round(t.EffectiveReports, 4), t.Reason)).ToList();
        var brigades = s.Result.Brigades.Where(b => b.Targets.Contains(id)).Select(b => Dtos.Brigade(b, s.World)).ToList();
        return new TargetDetailResponse(
            Dtos.Decision(decision, s.World, s.BrigadeOfWave),
            [.. reports.Select(r => new ReportDto(r.Report.ReportId, r.Report.Reporter, r.Report.Time, r.Report.Reason))],
            timeline,
            brigades,
            [.. events.Select(e => Dtos.Event(e))]);
    }

    private static IResult Clusters(DetectionState state)
    {
        var run = state.Latest;
        return Results.Ok(run ?? new ClustersResponse(null, 0, 0, 0, []));
    }
}
