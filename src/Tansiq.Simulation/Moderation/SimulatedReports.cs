using Tansiq.Core.Simulation;

namespace Tansiq.Core.Moderation;

/// <summary>A simulated world as the moderation engine sees it, with the truth label of every reported account.</summary>
public sealed record SimulatedReportWorld(World Source, ModerationWorld World, Report[] Reports, IReadOnlyDictionary<int, ReportLabel> Labels);

/// <summary>
/// Feeds a world from <see cref="WorldGenerator"/> to the moderation engine in memory, exactly as <c>moderate</c> reads
/// the simulator's files: accounts.csv (age, followers), follows.csv (exposure), reports.csv; optionally the messages
/// for exposure through replies and mentions (without <c>detect</c>'s clusters, which need a detector run).
/// </summary>
public static class SimulatedReports
{
    public static SimulatedReportWorld From(World world, bool withMessages = false)
    {
        var b = new ModerationWorldBuilder();
        foreach (var a in world.Accounts)
        {
            b.AddAccount(a.AccountId, a.Username, a.CreatedAt, a.FollowersCount);
        }
        b.MarkExposureAvailable();
        foreach (var f in world.Follows)
        {
            b.AddFollow(f.FollowerId, f.FolloweeId);
        }
        if (withMessages)
        {
            b.AddMessages(world.Messages);
        }
        var built = b.Build();
        var reports = new Report[world.Reports.Count];
        for (var i = 0; i < reports.Length; i++)
        {
            var r = world.Reports[i];
            built.Accounts.TryGet(r.ReporterId, out var reporter);
            built.Accounts.TryGet(r.TargetId, out var target);
            reports[i] = new Report(reporter, target, r.Timestamp, i);
        }
        var labels = new Dictionary<int, ReportLabel>();
        foreach (var t in world.Truth.Reported)
        {
            if (built.Accounts.TryGet(t.TargetId, out var id))
            {
                labels[id] = t.Label;
            }
        }
        return new SimulatedReportWorld(world, built, reports, labels);
    }
}
