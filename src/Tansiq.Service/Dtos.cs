using Tansiq.Application.Contracts;
using Tansiq.Core.Moderation;
using Tansiq.IO.Moderation;
using Tansiq.Storage;

namespace Tansiq.Service;

/// <summary>From the engine's records to the public shapes of Tansiq.Application.Contracts.</summary>
internal static class Dtos
{
    public static DecisionDto Decision(TargetDecision d, ModerationWorld world, Dictionary<int, string>? brigadeOf) => new(
        world.Accounts[d.Target],
        d.Verdict.Decision.Name(),
        d.Verdict.Priority.Name(),
        d.DecidedAt,
        d.Reports,
        Math.Round(d.EffectiveReports, 4),
        brigadeOf is null ? [] : [.. ModerationWriters.Brigades(d.Campaigns, brigadeOf).Split(';', StringSplitOptions.RemoveEmptyEntries)],
        d.Reason);

    public static BrigadeDto Brigade(Brigade b, ModerationWorld world) => new(
        b.Id, b.Start, b.End, b.Reports,
        [.. b.Targets.Select(t => world.Accounts[t])],
        b.Participants.Count,
        [.. b.Evidence.Select(e => new EvidenceDto(e.Name, e.Value, e.Explanation))]);

    public static ModerationEventDto Event(ModerationEventRecord e, int reporters = 0) => new(
        e.Sequence, OzoneEvent(e.Action), e.Subject, e.CreatedBy, e.CreatedAt, e.Note, reporters);

    /// <summary>Ozone's event types for our resolutions: agree takes action, disagree acknowledges without action, escalate escalates.</summary>
    public static string OzoneEvent(string action) => action switch
    {
        "agree" => "tools.ozone.moderation.defs#modEventTakedown",
        "disagree" => "tools.ozone.moderation.defs#modEventAcknowledge",
        "escalate" => "tools.ozone.moderation.defs#modEventEscalate",
        _ => action,
    };
}
