using Tansiq.Core.Moderation;

namespace Tansiq.Core.Tests.Moderation;

public class ThresholdPolicyTests
{
    [Fact]
    public void Observe_ReportersReachQuarterOfFollowers_SuspendsAtThirdOfTen()
    {
        var f = new WorldFixture();
        var target = f.Account("t", followers: 10);
        var r = Enumerable.Range(0, 4).Select(i => f.Account($"r{i}")).ToArray();
        var world = f.Build();
        var policy = new ThresholdPolicy(world, 0.25);
        // 0.25 x 10 = 2.5: the third distinct reporter crosses it.
        Assert.Equal(Decision.None, policy.Observe(new Report(r[0], target, 1)).Decision);
        Assert.Equal(Decision.None, policy.Observe(new Report(r[1], target, 2)).Decision);
        Assert.Equal(Decision.Suspend, policy.Observe(new Report(r[2], target, 3)).Decision);
    }

    [Fact]
    public void Observe_SameReporterRepeats_CountsOnce()
    {
        var f = new WorldFixture();
        var target = f.Account("t", followers: 4);
        var a = f.Account("a");
        var policy = new ThresholdPolicy(f.Build(), 0.5);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(Decision.None, policy.Observe(new Report(a, target, i)).Decision);
        }
        Assert.Equal(1, policy.Explain(target).DistinctReporters);
        Assert.Equal(5, policy.Explain(target).Reports);
    }

    [Fact]
    public void Observe_AccountWithoutFollowers_FirstReportSuspends()
    {
        var f = new WorldFixture();
        var target = f.Account("t", followers: 0);
        var a = f.Account("a");
        var policy = new ThresholdPolicy(f.Build());
        Assert.Equal(Decision.Suspend, policy.Observe(new Report(a, target, 1)).Decision);
    }
}
