using Tansiq.Core.Simulation;

namespace Tansiq.Core.Moderation;

/// <summary>
/// Wrongful suspensions at one campaign size, summed over the simulated worlds: campaign targets (brigaded journalists
/// and activists, petitioned militia leaders), the measured campaign size range, and how each policy treated them.
/// </summary>
public sealed record SweepPoint(
    double Fraction,
    int Targets,
    double MeasuredMin,
    double MeasuredMax,
    int ThresholdWrongful,
    int TansiqWrongful,
    int TansiqReviewed);

public sealed record CampaignSizeSweepOptions
{
    public static readonly IReadOnlyList<double> DefaultFractions = [0.01, 0.02, 0.03, 0.05, 0.075, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.75, 1.0];

    /// <summary>Nominal campaign sizes as a fraction of each target's followers.</summary>
    public IReadOnlyList<double> Fractions { get; init; } = DefaultFractions;

    public IReadOnlyList<int> Seeds { get; init; } = [1, 2, 3];

    /// <summary>World scale (<see cref="WorldParameters.Scale"/>).</summary>
    public double Scale { get; init; } = 0.5;
}

/// <summary>
/// Replays simulated worlds (<see cref="WorldGenerator"/>, the world of <c>./tansiq simulate</c>) through both policies,
/// one world per seed and campaign size. The size is set the way <c>--set</c> would: every journalist and activist gets
/// the follower count at which the army's expected reporters are that fraction of it, every militia leader the count at
/// which the petition's expected reporters are; the army runs six campaigns so that all nine critics are hit, and the
/// leader (1.3M followers, out of reach of any size) is left out of the petition. The measured size of each campaign
/// (distinct reporters / followers) is reported beside the nominal one.
/// </summary>
public static class CampaignSizeSweep
{
    /// <summary>The world parameters of one point of the sweep (what <c>simulate --set</c> would be given).</summary>
    public static WorldParameters ParametersFor(double fraction, double scale)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fraction);
        var p = new WorldParameters { Scale = scale, ArmyReportCampaigns = 6, PetitionTargetsLeader = false };
        var army = (p.ArmyReportParticipation * p.Scaled(p.ArmySize, Math.Max(2, p.Squads * 2))) + (p.FanReportShare * p.Scaled(p.Fans));
        var petition = p.PetitionTargetProbability * p.Scaled(p.PetitionParticipants);
        var brigaded = Math.Max(1, Math.Round(army / fraction));
        var petitioned = Math.Max(1, Math.Round(petition / fraction));
        return p with
        {
            JournalistFollowersMin = brigaded,
            JournalistFollowersMax = brigaded,
            ActivistFollowersMin = brigaded,
            ActivistFollowersMax = brigaded,
            MilitiaFollowersMin = petitioned,
            MilitiaFollowersMax = petitioned,
        };
    }

    public static IReadOnlyList<SweepPoint> Run(CampaignSizeSweepOptions options)
    {
        var points = new List<SweepPoint>();
        foreach (var fraction in options.Fractions)
        {
            int targets = 0, threshold = 0, tansiq = 0, reviewed = 0;
            double min = double.MaxValue, max = 0;
            foreach (var seed in options.Seeds)
            {
                var sim = SimulatedReports.From(WorldGenerator.Generate(ParametersFor(fraction, options.Scale), seed));
                var thresholdSuspended = EverSuspended(ModerationReplay.Run(new ThresholdPolicy(sim.World), (Report[])sim.Reports.Clone(), sim.World));
                var result = ModerationReplay.Run(new TansiqPolicy(sim.World), (Report[])sim.Reports.Clone(), sim.World);
                var tansiqSuspended = EverSuspended(result);
                var final = result.Decisions.ToDictionary(d => d.Target, d => d.Verdict);
                var reporters = DistinctReporters(sim.Reports);
                foreach (var (target, label) in sim.Labels)
                {
                    if (label is not (ReportLabel.BrigadedInnocent or ReportLabel.PetitionTarget))
                    {
                        continue;
                    }
                    targets++;
                    var measured = reporters.GetValueOrDefault(target) / (double)Math.Max(1, sim.World.Followers[target]);
                    min = Math.Min(min, measured);
                    max = Math.Max(max, measured);
                    threshold += thresholdSuspended.Contains(target) ? 1 : 0;
                    tansiq += tansiqSuspended.Contains(target) ? 1 : 0;
                    reviewed += final.GetValueOrDefault(target, Verdict.NoAction).Decision == Decision.Review ? 1 : 0;
                }
            }
            points.Add(new SweepPoint(fraction, targets, targets == 0 ? 0 : min, max, threshold, tansiq, reviewed));
        }
        return points;
    }

    /// <summary>Distinct reporters per target, counted straight from the reports.</summary>
    public static Dictionary<int, int> DistinctReporters(IEnumerable<Report> reports) =>
        reports.GroupBy(r => r.Target).ToDictionary(g => g.Key, g => g.Select(r => r.Reporter).Distinct().Count());

    /// <summary>Targets suspended at any moment of the replay (a suspension later lifted still happened).</summary>
    public static HashSet<int> EverSuspended(ModerationResult result) =>
        result.Timeline.Where(e => e.Verdict.Decision == Decision.Suspend).Select(e => e.Target).ToHashSet();
}
