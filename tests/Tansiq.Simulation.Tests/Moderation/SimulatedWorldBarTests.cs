using Tansiq.Core.Moderation;
using Tansiq.Core.Simulation;

namespace Tansiq.Simulation.Tests.Moderation;

/// <summary>
/// The bar on small worlds from the simulator (the world of <c>./tansiq simulate</c>), scored against its truth
/// labels and against counts taken straight from the reports, not from the policy's own bookkeeping.
/// </summary>
public class SimulatedWorldBarTests
{
    /// <summary>
    /// Scale 0.2 (army of 60, 600 fans: about 84 reporters per army campaign; 800 petitioners), with the campaign
    /// sizes pushed to both ends: six army campaigns reach all nine critics, activists with 50 followers (a campaign of
    /// ~170% of their followers) and journalists with 8,400 (~1%); militia leaders with 640 followers (the petition at
    /// ~100%); organic accounts from 2 followers, so stray reports hit tiny accounts. More abusive and noise accounts
    /// than the default, for the shares to mean something.
    /// </summary>
    private static readonly WorldParameters Small = new()
    {
        Scale = 0.2,
        ArmyReportCampaigns = 6,
        ActivistFollowersMin = 50,
        ActivistFollowersMax = 50,
        JournalistFollowersMin = 8400,
        JournalistFollowersMax = 8400,
        MilitiaFollowersMin = 640,
        MilitiaFollowersMax = 640,
        OrganicFollowersMin = 2,
        AbusiveAccounts = 60,
        NoiseTargets = 300,
    };

    public static TheoryData<int> Seeds => [1, 2];

    private static (SimulatedReportWorld Sim, Dictionary<int, int> Reporters) Generate(int seed)
    {
        var sim = SimulatedReports.From(WorldGenerator.Generate(Small, seed));
        return (sim, CampaignSizeSweep.DistinctReporters(sim.Reports));
    }

    private static IEnumerable<int> Labelled(SimulatedReportWorld sim, params ReportLabel[] labels) =>
        sim.Labels.Where(kv => labels.Contains(kv.Value)).Select(kv => kv.Key);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void TansiqPolicy_SimulatedWorldWithCampaignsFrom1To170Percent_MeetsTheBar(int seed)
    {
        var (sim, reporters) = Generate(seed);
        var result = ModerationReplay.Run(new TansiqPolicy(sim.World), (Report[])sim.Reports.Clone(), sim.World);
        var final = result.Decisions.ToDictionary(d => d.Target, d => d.Verdict);
        var ever = CampaignSizeSweep.EverSuspended(result);

        // The world covers the range the bar names: campaigns from about 1% to beyond 100% of the target's followers.
        var campaignTargets = Labelled(sim, ReportLabel.BrigadedInnocent, ReportLabel.PetitionTarget).ToList();
        var sizes = campaignTargets.Select(t => reporters[t] / (double)sim.World.Followers[t]).ToList();
        Assert.Equal(9 + 5 + 1, campaignTargets.Count); // nine critics, five militia leaders, the leader
        Assert.Contains(sizes, s => s <= 0.015);
        Assert.Contains(sizes, s => s >= 1.0);

        // Zero automated suspensions of campaign targets, at any moment of the replay.
        Assert.DoesNotContain(campaignTargets, ever.Contains);
        // A campaign target with a burst of reports goes to review, with the campaign named.
        foreach (var t in campaignTargets.Where(t => reporters[t] >= 20))
        {
            Assert.Equal(Decision.Review, final[t].Decision);
            Assert.NotEmpty(result.Decisions.Single(d => d.Target == t).Campaigns);
        }

        // Stray reports: never suspended, and at least 90% left without any action.
        var noise = Labelled(sim, ReportLabel.Noise).ToList();
        Assert.True(noise.Count >= 50);
        Assert.DoesNotContain(noise, ever.Contains);
        var untouched = noise.Count(t => final.GetValueOrDefault(t, Verdict.NoAction) == Verdict.NoAction);
        Assert.True(untouched >= 0.9 * noise.Count, $"{untouched} of {noise.Count} stray-report accounts left alone");

        // Real abuse: at least 95% suspended or sent to high-priority review.
        var abusive = Labelled(sim, ReportLabel.Abusive).ToList();
        Assert.True(abusive.Count >= 10);
        var caught = abusive.Count(t => final[t] is { Decision: Decision.Suspend } or { Decision: Decision.Review, Priority: Priority.High });
        Assert.True(caught >= 0.95 * abusive.Count, $"{caught} of {abusive.Count} abusive accounts suspended or high review");
    }

    [Fact]
    public void ThresholdPolicy_SameSimulatedWorld_SuspendsTheBrigadedActivistsPetitionedLeadersAndTinyAccounts()
    {
        var (sim, reporters) = Generate(1);
        var result = ModerationReplay.Run(new ThresholdPolicy(sim.World), (Report[])sim.Reports.Clone(), sim.World);
        var ever = CampaignSizeSweep.EverSuspended(result);
        // Independent expectation: the rule applied to distinct reporters counted from the reports.
        foreach (var (target, count) in reporters)
        {
            Assert.Equal(count >= 0.25 * sim.World.Followers[target], ever.Contains(target));
        }
        // The harm: every activist (50 followers) and militia leader (640) is suspended by the campaigns ...
        var overQuarter = Labelled(sim, ReportLabel.BrigadedInnocent, ReportLabel.PetitionTarget)
            .Where(t => sim.World.Followers[t] < 1000).ToList(); // activists ~50, militia leaders ~640 (journalists 8,400, the leader 1.3M)
        Assert.Equal(3 + 5, overQuarter.Count);
        Assert.All(overQuarter, t => Assert.Contains(t, ever));
        // ... and tiny accounts with one to three stray reports are suspended too.
        Assert.Contains(Labelled(sim, ReportLabel.Noise), t => ever.Contains(t) && reporters[t] <= 3);
    }

    [Fact]
    public void SimulatedReports_From_CarriesEveryReportAndLabelOfTheWorld()
    {
        var world = WorldGenerator.Generate(Small with { Scale = 0.05 }, 3);
        var sim = SimulatedReports.From(world);
        Assert.Equal(world.Reports.Count, sim.Reports.Length);
        Assert.Equal(world.Truth.Reported.Count, sim.Labels.Count);
        var first = world.Reports[0];
        Assert.Equal(first.ReporterId, sim.World.Accounts[sim.Reports[0].Reporter]);
        Assert.Equal(first.TargetId, sim.World.Accounts[sim.Reports[0].Target]);
        Assert.Equal(first.Timestamp, sim.Reports[0].Time);
        Assert.True(sim.World.Exposure.HasData);
    }
}
