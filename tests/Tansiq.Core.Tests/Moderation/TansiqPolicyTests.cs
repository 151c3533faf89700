using Tansiq.Core.Moderation;
using static Tansiq.Core.Tests.Moderation.WorldFixture;

namespace Tansiq.Core.Tests.Moderation;

public class TansiqPolicyTests
{
    [Fact]
    public void Replay_ExposedEstablishedReportersOverDays_ReviewsThenSuspendsAtHandComputedReports()
    {
        var f = new WorldFixture();
        var target = f.Account("t", followers: 100);
        var reporters = Enumerable.Range(0, 12).Select(i => f.Account($"r{i}")).ToArray();
        foreach (var r in reporters)
        {
            f.Follow(r, target);
        }
        var world = f.Build();
        var step = (long)(0.3 * Day);
        var reports = reporters.Select((r, i) => new Report(r, target, T0 + (i * step), i));
        var result = Replay(new TansiqPolicy(world), world, reports);

        // Bar = 4 + 1.5 x log10(101) = 7.006. Each report weighs 1 (old account, first target, not bursty, exposed).
        // 3 reports -> normal review; 5 -> high (max(5, bar/2)); 8 -> above the bar, and 7 x 0.3 = 2.1 days >= 1 day.
        Assert.Equal(
            [(T0 + (2 * step), new Verdict(Decision.Review, Priority.Normal)),
             (T0 + (4 * step), new Verdict(Decision.Review, Priority.High)),
             (T0 + (7 * step), new Verdict(Decision.Suspend, Priority.None))],
            result.Timeline.Select(e => (e.Time, e.Verdict)).ToArray());
        Assert.Equal(12, result.Decisions.Single().EffectiveReports, 6);
        Assert.Empty(result.Campaigns);
    }

    [Fact]
    public void Replay_SameReportersWithinTwoHours_HighReviewButNoSuspension()
    {
        var f = new WorldFixture();
        var target = f.Account("t", followers: 100);
        var reporters = Enumerable.Range(0, 12).Select(i => f.Account($"r{i}")).ToArray();
        foreach (var r in reporters)
        {
            f.Follow(r, target);
        }
        var world = f.Build();
        var result = Replay(new TansiqPolicy(world), world, reporters.Select((r, i) => new Report(r, target, T0 + (i * 600), i)));
        Assert.Equal(new Verdict(Decision.Review, Priority.High), result.Decisions.Single().Verdict);
        Assert.DoesNotContain(result.Timeline, e => e.Verdict.Decision == Decision.Suspend);
    }

    [Fact]
    public void Replay_BurstOfUnexposedReporters_OpensCampaignCountedOnceAndNeverSuspends()
    {
        var f = new WorldFixture();
        var target = f.Account("journalist", followers: 100);
        var army = Enumerable.Range(0, 200).Select(i => f.Account($"a{i}")).ToArray();
        f.ExposureKnown();
        var world = f.Build();
        var result = Replay(new TansiqPolicy(world), world, army.Select((a, i) => new Report(a, target, T0 + (i * 15), i)));

        var decision = result.Decisions.Single();
        Assert.Equal(Decision.Review, decision.Verdict.Decision);
        Assert.DoesNotContain(result.Timeline, e => e.Verdict.Decision == Decision.Suspend);
        var wave = Assert.Single(result.Campaigns);
        Assert.Equal(200, wave.Participants.Count); // the reports before the trigger joined the wave too
        Assert.Equal(1.0, decision.EffectiveReports, 6); // 200 reports counted once
        var brigade = Assert.Single(result.Brigades);
        Assert.Equal([target], brigade.Targets);
        Assert.Equal(100, brigade.Evidence.Single(e => e.Name == "unexposed_pct").Value);
    }

    [Fact]
    public void Replay_NoFollowsOrMessagesGiven_NeverSuspends()
    {
        var f = new WorldFixture();
        var target = f.Account("t", followers: 100);
        var reporters = Enumerable.Range(0, 30).Select(i => f.Account($"r{i}")).ToArray();
        var world = f.Build();
        var result = Replay(new TansiqPolicy(world), world, reporters.Select((r, i) => new Report(r, target, T0 + (i * Day / 3), i)));
        Assert.Equal(new Verdict(Decision.Review, Priority.High), result.Decisions.Single().Verdict);
        Assert.Contains("exposure cannot be shown", result.Decisions.Single().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_FreshAccountsThatFollow_AreNotIndependentEvidence()
    {
        var f = new WorldFixture();
        var target = f.Account("leader", followers: 100);
        var signers = Enumerable.Range(0, 40).Select(i => f.Account($"s{i}", createdDaysBefore: 2)).ToArray();
        foreach (var s in signers)
        {
            f.Follow(s, target);
        }
        var world = f.Build();
        // One signer every six hours for ten days: slow enough that no burst forms, yet none counts as independent.
        var result = Replay(new TansiqPolicy(world), world, signers.Select((s, i) => new Report(s, target, T0 + (i * Day / 4), i)));
        Assert.DoesNotContain(result.Timeline, e => e.Verdict.Decision == Decision.Suspend);
        Assert.DoesNotContain("from 1 exposed", result.Decisions.Single().Reason, StringComparison.Ordinal);
        Assert.StartsWith("40 reports from 40 reporters; independent evidence 0 from 0", result.Decisions.Single().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_ExposureAfterTheReport_DoesNotCount()
    {
        var f = new WorldFixture();
        var target = f.Account("t", followers: 100);
        var early = f.Account("early");
        var late = f.Account("late");
        f.Exposure(early, target, T0 - 10);
        f.Exposure(late, target, T0 + 10);
        var world = f.Build();
        Assert.True(world.Exposure.Exposed(early, target, T0));
        Assert.False(world.Exposure.Exposed(late, target, T0));
        Assert.True(world.Exposure.Exposed(late, target, T0 + 10));
        Assert.False(world.Exposure.Exposed(target, late, T0 + 100)); // exposure is directed
    }

    [Fact]
    public void Observe_SixAccountsReportTwoTargetsTogether_EachHasFiveRepeatPartners()
    {
        var f = new WorldFixture();
        var a = f.Account("a", followers: 100);
        var b = f.Account("b", followers: 100);
        var ring = Enumerable.Range(0, 6).Select(i => f.Account($"m{i}")).ToArray();
        var outsider = f.Account("x");
        var world = f.Build();
        var policy = new TansiqPolicy(world);
        var seq = 0;
        foreach (var m in ring)
        {
            policy.Observe(new Report(m, a, T0 + (seq * 60), seq++));
        }
        policy.Observe(new Report(outsider, a, T0 + (seq * 60), seq++)); // co-reports only once with each
        foreach (var m in ring)
        {
            policy.Observe(new Report(m, b, T0 + Day + (seq * 60), seq++));
        }
        Assert.All(ring, m => Assert.Equal(5, policy.RepeatPartners(m)));
        Assert.Equal(0, policy.RepeatPartners(outsider));
    }

    [Fact]
    public void Replay_ArmyHitsThreeTargets_OneBrigadeWithAllThree()
    {
        var f = new WorldFixture();
        var targets = Enumerable.Range(0, 3).Select(i => f.Account($"t{i}", followers: 500)).ToArray();
        var army = Enumerable.Range(0, 30).Select(i => f.Account($"a{i}")).ToArray();
        f.ExposureKnown();
        var world = f.Build();
        var reports = new List<Report>();
        for (var t = 0; t < 3; t++)
        {
            foreach (var (m, i) in army.Select((m, i) => (m, i)))
            {
                reports.Add(new Report(m, targets[t], T0 + (t * 3 * Day) + (i * 60), reports.Count));
            }
        }
        var result = Replay(new TansiqPolicy(world), world, reports);
        var brigade = Assert.Single(result.Brigades);
        Assert.Equal(targets, brigade.Targets);
        Assert.Equal(30, brigade.Participants.Count);
        Assert.All(result.Decisions, d => Assert.Equal(Decision.Review, d.Verdict.Decision));
    }

    [Fact]
    public void Replay_StrayReportsOnTinyAccount_ThresholdSuspendsTansiqDoesNothing()
    {
        var f = new WorldFixture();
        var target = f.Account("tiny", followers: 5);
        var r1 = f.Account("r1");
        var r2 = f.Account("r2");
        f.ExposureKnown();
        var world = f.Build();
        Report[] reports = [new(r1, target, T0, 0), new(r2, target, T0 + (9 * Day), 1)];
        Assert.Equal(Decision.Suspend, Replay(new ThresholdPolicy(world), world, reports).Decisions.Single().Verdict.Decision);
        Assert.Equal(Verdict.NoAction, Replay(new TansiqPolicy(world), world, reports).Decisions.Single().Verdict);
    }
}

public class TansiqPolicyBatchTests
{
    [Fact]
    public void Replay_BatchCreatedAccountsThatFollow_NeverSuspendEvenOverDays()
    {
        var f = new WorldFixture();
        var target = f.Account("t", followers: 100);
        var batch = f.Batch("b", 40, createdDaysBefore: 400);
        foreach (var m in batch)
        {
            f.Follow(m, target);
        }
        var world = f.Build();
        Assert.All(batch, m => Assert.True(world.BatchCreated[m]));
        Assert.False(world.BatchCreated[target]);
        var result = Replay(new TansiqPolicy(world), world, batch.Select((m, i) => new Report(m, target, T0 + (i * Day / 4), i)));
        Assert.DoesNotContain(result.Timeline, e => e.Verdict.Decision == Decision.Suspend);
        Assert.StartsWith("40 reports from 40 reporters; independent evidence 0 from 0", result.Decisions.Single().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_ProfileSaysNoFollowersButSixFollowInTheGraph_BarUsesTheLargerAudience()
    {
        var f = new WorldFixture();
        var target = f.Account("t", followers: 0);
        var reporters = Enumerable.Range(0, 6).Select(i => f.Account($"r{i}")).ToArray();
        foreach (var r in reporters)
        {
            f.Follow(r, target);
            f.Follow(r, target); // a repeated edge is one follower
        }
        var world = f.Build();
        Assert.Equal(0, world.Followers[target]);
        Assert.Equal(6, world.Audience(target));
        var step = Day / 2;
        var result = Replay(new TansiqPolicy(world), world, reporters.Select((r, i) => new Report(r, target, T0 + (i * step), i)));
        // Bar for 6 followers = 4 + 1.5 x log10(7) = 5.27 (for the profile's 0 it would be 4, reached at the 4th report):
        // 3 -> normal, 5 -> high (the minimum), 6 -> suspend.
        Assert.Equal(
            [(T0 + (2 * step), new Verdict(Decision.Review, Priority.Normal)),
             (T0 + (4 * step), new Verdict(Decision.Review, Priority.High)),
             (T0 + (5 * step), new Verdict(Decision.Suspend, Priority.None))],
            result.Timeline.Select(e => (e.Time, e.Verdict)).ToArray());
    }
}
