using Tansiq.Application;
using Tansiq.Application.Contracts;
using Tansiq.Core.Moderation;
using Tansiq.Storage;

namespace Tansiq.Service;

/// <summary>
/// The moderator queue: accounts in review, highest priority first, with their brigades; resolutions go to the
/// append-only event log and feed reporter credibility.
/// </summary>
internal static class QueueEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        var role = new RequiredRole(Roles.Moderator);
        v1.MapGet("/queue", Queue).WithMetadata(role).Produces<QueueResponse>().WithName("GetQueue")
            .WithSummary("Accounts waiting for review: escalated first, then by priority and evidence, with their brigade evidence");
        v1.MapPost("/queue/{target}/resolve", Resolve).WithMetadata(role).Produces<ModerationEventDto>().ProducesProblem(400).ProducesProblem(404).WithName("Resolve")
            .WithSummary("Resolve a review: {\"action\": \"agree\"|\"disagree\"|\"escalate\", \"note\": \"...\"}");
        v1.MapGet("/events", Events).WithMetadata(role).Produces<IReadOnlyList<ModerationEventDto>>().WithName("GetEvents")
            .WithSummary("The moderation event log, oldest first");
    }

    private static async Task<IResult> Queue(HttpContext context, LiveModeration engine)
    {
        var s = await engine.SnapshotAsync(context.RequestAborted);
        var events = await engine.EventsAsync(null, context.RequestAborted);
        var lastEvent = new Dictionary<string, ModerationEventRecord>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            lastEvent[e.Subject] = e;
        }
        var items = new List<QueueItemDto>();
        foreach (var d in s.Result.Decisions)
        {
            if (d.Verdict.Decision != Decision.Review)
            {
                continue;
            }
            var name = s.World.Accounts[d.Target];
            var escalated = false;
            if (lastEvent.TryGetValue(name, out var last))
            {
                // A resolution takes the account off the queue until a report arrives after it.
                var reports = await engine.ReportsOnAsync(name, context.RequestAborted);
                var newer = reports.Any(r => r.Sequence > last.AfterReport);
                if (last.Action != ModerationActions.Escalate && !newer)
                {
                    continue;
                }
                escalated = last.Action == ModerationActions.Escalate;
            }
            var brigades = s.Result.Brigades.Where(b => b.Targets.Contains(d.Target)).Select(b => Dtos.Brigade(b, s.World)).ToList();
            items.Add(new QueueItemDto(name, d.Verdict.Priority.Name(), escalated, d.DecidedAt, d.Reports, Math.Round(d.EffectiveReports, 4), d.Reason, brigades));
        }
        var ordered = items.OrderByDescending(i => i.Escalated).ThenByDescending(i => Rank(i.Priority)).ThenByDescending(i => i.EffectiveReports)
            .ThenBy(i => i.TargetId, StringComparer.Ordinal).ToList();
        return Results.Ok(new QueueResponse(ordered.Count, ordered));
    }

    private static int Rank(string priority) => priority switch
    {
        "high" => 3,
        "normal" => 2,
        "low" => 1,
        _ => 0,
    };

    private static async Task<IResult> Resolve(string target, ResolveRequest? body, HttpContext context, LiveModeration engine, TimeProvider time)
    {
        var action = body?.Action?.Trim().ToLowerInvariant();
        if (action is null || !ModerationActions.All.Contains(action))
        {
            return Problems.Result(StatusCodes.Status400BadRequest, "Bad input", "the body must be {\"action\": \"agree\" | \"disagree\" | \"escalate\", \"note\": \"...\"}");
        }
        var note = body!.Note ?? "";
        if (note.Length > 10_000)
        {
            return Problems.Result(StatusCodes.Status400BadRequest, "Bad input", "the note is longer than 10,000 characters");
        }
        var reports = await engine.ReportsOnAsync(target, context.RequestAborted);
        if (reports.Count == 0)
        {
            return Problems.Result(StatusCodes.Status404NotFound, "Not found", $"no reports on '{target}'");
        }
        var key = (KeyRecord)context.Items[Auth.KeyItem]!;
        var (e, reporters) = await engine.ResolveAsync(target, action, note, key.Name is { Length: > 0 } n ? $"{n} ({key.KeyId})" : key.KeyId,
            time.GetUtcNow().ToUnixTimeSeconds(), CancellationToken.None);
        return Results.Ok(Dtos.Event(e, reporters));
    }

    private static async Task<IResult> Events(HttpContext context, LiveModeration engine)
    {
        var events = await engine.EventsAsync(null, context.RequestAborted);
        return Results.Ok(events.Select(e => Dtos.Event(e)).ToList());
    }
}
