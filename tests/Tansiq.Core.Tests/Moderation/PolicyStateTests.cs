using Tansiq.Core.Moderation;

namespace Tansiq.Core.Tests.Moderation;

/// <summary>The policy's state behind <see cref="IPolicyState"/>: a store keyed per target, per reporter and per pair
/// (as grains would hold it) decides exactly as the in-process arrays do, and the policy keeps nothing of it elsewhere.</summary>
public class PolicyStateTests
{
    [Fact]
    public void Observe_KeyedState_DecidesExactlyAsInMemoryState()
    {
        var g = ReportWorld.Generate(new ReportWorldOptions { Seed = 2 });
        var keyed = new KeyedState();

        var inMemory = ModerationReplay.Run(new TansiqPolicy(g.World), (Report[])g.Reports.Clone(), g.World);
        var viaKeys = ModerationReplay.Run(new TansiqPolicy(g.World, state: keyed), (Report[])g.Reports.Clone(), g.World);

        Assert.Equal(Lines(inMemory), Lines(viaKeys));
        Assert.Equal(inMemory.Brigades.Count, viaKeys.Brigades.Count);
        // Every reported target and every reporter went through the store (counted from the reports, not the policy).
        Assert.Equal(g.Reports.Select(r => r.Target).Distinct().Count(), keyed.Targets.Count);
        Assert.Equal(g.Reports.Select(r => r.Reporter).Distinct().Count(), keyed.Reporters.Count);
        Assert.All(keyed.Targets.Values, t => Assert.True(t.Reports > 0));
    }

    [Fact]
    public void RepeatPartners_TwoTargetsReportedTogether_ReadFromTheState()
    {
        var f = new WorldFixture();
        var x = f.Account("x");
        var y = f.Account("y");
        var a = f.Account("a", followers: 100);
        var b = f.Account("b", followers: 100);
        var keyed = new KeyedState();
        var policy = new TansiqPolicy(f.Build(), state: keyed);

        // x and y report a, then b, a minute apart: a pair that co-reported two targets.
        policy.Observe(new Report(x, a, WorldFixture.T0, 0));
        policy.Observe(new Report(y, a, WorldFixture.T0 + 60, 1));
        policy.Observe(new Report(x, b, WorldFixture.T0 + 120, 2));
        policy.Observe(new Report(y, b, WorldFixture.T0 + 180, 3));

        Assert.Equal(2, keyed.Pairs[(Math.Min(x, y), Math.Max(x, y))]);
        Assert.Equal(1, keyed.Reporters[x].RepeatPartners);
        Assert.Equal(1, policy.RepeatPartners(y));
        Assert.Equal(2, policy.DistinctTargets(x));
        Assert.Equal(0, policy.DistinctTargets(a));
    }

    private static List<string> Lines(ModerationResult r) =>
        [.. r.Decisions.Select(d => $"{d.Target} {d.Verdict} {d.Reports} {d.Reporters} {d.EffectiveReports:R} {string.Join('/', d.Campaigns)} {d.Reason}"),
            .. r.Timeline.Select(t => $"{t.Time} {t.Target} {t.Verdict} {t.EffectiveReports:R} {t.Reason}")];

    /// <summary>One dictionary entry per target, reporter and pair: the shape of a partitioned store.</summary>
    private sealed class KeyedState : IPolicyState
    {
        public Dictionary<int, TargetState> Targets { get; } = [];
        public Dictionary<int, HashSet<int>> ReportersOf { get; } = [];
        public Dictionary<int, ReporterState> Reporters { get; } = [];
        public Dictionary<(int, int), int> Pairs { get; } = [];

        public TargetState? Target(int target) => Targets.GetValueOrDefault(target);

        public TargetState GetOrAddTarget(int target) => Targets.TryGetValue(target, out var s) ? s : Targets[target] = new TargetState();

        public bool AddReporter(int target, int reporter) =>
            (ReportersOf.TryGetValue(target, out var set) ? set : ReportersOf[target] = []).Add(reporter);

        public ReporterState Reporter(int reporter) => Reporters.GetValueOrDefault(reporter);

        public void SetReporter(int reporter, in ReporterState state) => Reporters[reporter] = state;

        public int CoReported(int a, int b)
        {
            var key = a < b ? (a, b) : (b, a);
            return Pairs[key] = Math.Min(255, Pairs.GetValueOrDefault(key) + 1);
        }
    }
}
