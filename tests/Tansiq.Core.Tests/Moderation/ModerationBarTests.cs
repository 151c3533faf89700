using Tansiq.Core.Moderation;

namespace Tansiq.Core.Tests.Moderation;

/// <summary>The bar on generated worlds: brigades from 1% to 100% of followers, petitions, abuse, stray reports.</summary>
public class ModerationBarTests
{
    public static TheoryData<int> Seeds => [1, 2, 3];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void TansiqPolicy_GeneratedWorld_MeetsTheBar(int seed)
    {
        var g = ReportWorld.Generate(new ReportWorldOptions { Seed = seed });
        var score = ModerationScore.Of(g, ModerationReplay.Run(new TansiqPolicy(g.World), (Report[])g.Reports.Clone(), g.World));
        Assert.Equal(121, score.Innocents);
        Assert.Empty(score.WrongfulTargets);
        Assert.Equal(0, score.InnocentsEverSuspended);
        Assert.Equal(0, score.NoiseEverSuspended);
        Assert.True(score.NoiseNoAction >= 0.9 * score.Noise, $"{score.NoiseNoAction} of {score.Noise} stray-report accounts left alone");
        Assert.True(score.AbusiveCaught >= 0.95 * score.Abusive, $"{score.AbusiveCaught} of {score.Abusive} abusive accounts caught");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ThresholdPolicy_GeneratedWorld_SuspendsExactlyTheCampaignsAtAQuarter(int seed)
    {
        var g = ReportWorld.Generate(new ReportWorldOptions { Seed = seed });
        var result = ModerationReplay.Run(new ThresholdPolicy(g.World), (Report[])g.Reports.Clone(), g.World);
        var suspended = result.Decisions.Where(d => d.Verdict.Decision == Decision.Suspend).Select(d => d.Target).ToHashSet();
        // Independent expectation: distinct reporters per target counted straight from the reports.
        var reporters = g.Reports.GroupBy(r => r.Target).ToDictionary(x => x.Key, x => x.Select(r => r.Reporter).Distinct().Count());
        foreach (var t in g.Truth)
        {
            var expected = reporters[t.Target] >= 0.25 * g.World.Followers[t.Target];
            Assert.Equal(expected, suspended.Contains(t.Target));
        }
        var campaigns = g.Truth.Where(t => t.Label is ReportedLabel.BrigadedInnocent or ReportedLabel.PetitionTarget).ToList();
        Assert.All(campaigns.Where(t => t.CampaignFraction >= 0.25), t => Assert.Contains(t.Target, suspended));
        // The harm: brigaded journalists and tiny accounts with a couple of stray reports are suspended.
        Assert.True(campaigns.Count(t => suspended.Contains(t.Target)) >= 40);
        Assert.Contains(g.Truth, t => t.Label == ReportedLabel.Noise && suspended.Contains(t.Target) && reporters[t.Target] <= 2);
    }

    [Fact]
    public void TansiqPolicy_BrigadedInnocentsWithTenOrMoreReporters_ShowTheirCampaign()
    {
        var g = ReportWorld.Generate(new ReportWorldOptions { Seed = 4 });
        var result = ModerationReplay.Run(new TansiqPolicy(g.World), (Report[])g.Reports.Clone(), g.World);
        var decisions = result.Decisions.ToDictionary(d => d.Target);
        var reporters = g.Reports.GroupBy(r => r.Target).ToDictionary(x => x.Key, x => x.Select(r => r.Reporter).Distinct().Count());
        foreach (var t in g.Truth.Where(t => t.Label == ReportedLabel.BrigadedInnocent && reporters[t.Target] >= 10))
        {
            Assert.NotEmpty(decisions[t.Target].Campaigns);
            Assert.Equal(Decision.Review, decisions[t.Target].Verdict.Decision);
        }
        // One army: its waves join into one brigade that names most of the brigaded targets.
        var army = result.Brigades.MaxBy(b => b.Targets.Count)!;
        var brigaded = g.Truth.Where(t => t.Label == ReportedLabel.BrigadedInnocent && reporters[t.Target] >= 10).Select(t => t.Target).ToHashSet();
        Assert.True(army.Targets.Count(brigaded.Contains) >= 0.9 * brigaded.Count);
        Assert.DoesNotContain(army.Targets, t => g.Truth.Single(x => x.Target == t).Label == ReportedLabel.Abusive);
    }

    [Fact]
    public void TansiqPolicy_ReplayOfAPrefix_GivesTheVerdictsTheFullReplayHadThen()
    {
        // Online: the verdict at time T may depend only on reports up to T.
        var g = ReportWorld.Generate(new ReportWorldOptions { Seed = 5, Population = 3000, Army = 600, AbusiveAccounts = 15, NoiseAccounts = 60, BrigadedFollowers = [50, 500], PetitionFollowers = [300] });
        var full = ModerationReplay.Run(new TansiqPolicy(g.World), (Report[])g.Reports.Clone(), g.World);
        var times = g.Reports.Select(r => r.Time).Order().ToArray();
        foreach (var q in new[] { 0.2, 0.5, 0.8 })
        {
            var cut = times[(int)(q * times.Length)];
            var prefix = g.Reports.Where(r => r.Time <= cut).ToArray();
            var partial = ModerationReplay.Run(new TansiqPolicy(g.World), prefix, g.World);
            foreach (var d in partial.Decisions)
            {
                var last = full.Timeline.LastOrDefault(e => e.Target == d.Target && e.Time <= cut);
                Assert.Equal(last?.Verdict ?? Verdict.NoAction, d.Verdict);
            }
        }
    }
}
