using Tansiq.Core.Simulation;

namespace Tansiq.Simulation.Tests.Simulation;

public class ScenarioFuzzerTests
{
    private static readonly FuzzOptions Options = new() { Worlds = 200, Seed = 3 };

    [Fact]
    public void Draw_SameSeed_SameWorlds()
    {
        var a = ScenarioFuzzer.Draw(Options);
        var b = ScenarioFuzzer.Draw(Options);
        Assert.Equal(a.Select(w => (w.Seed, w.NoArmy, w.Parameters)), b.Select(w => (w.Seed, w.NoArmy, w.Parameters)));
        Assert.NotEqual(a.Select(w => w.Seed), ScenarioFuzzer.Draw(Options with { Seed = 4 }).Select(w => w.Seed));
    }

    [Fact]
    public void Draw_FewerWorlds_SamePrefix()
    {
        var many = ScenarioFuzzer.Draw(Options);
        var few = ScenarioFuzzer.Draw(Options with { Worlds = 5 });
        Assert.Equal(few.Select(w => w.Parameters), many.Take(5).Select(w => w.Parameters));
    }

    [Fact]
    public void Draw_ManyWorlds_WideRangesAndNoArmyShare()
    {
        var worlds = ScenarioFuzzer.Draw(Options);
        Assert.All(worlds, w =>
        {
            w.Parameters.Validate();
            Assert.Equal(ScenarioFuzzer.DrawnNames, w.Drawn.Select(d => d.Key));
            Assert.InRange(w.Parameters.Scale, 0.08, 0.7);
            Assert.InRange(w.Parameters.Days, 3, 14);
            Assert.InRange(w.Parameters.FriendGroupMax, 4, 40);
        });
        var noArmy = worlds.Where(w => w.NoArmy).ToList();
        Assert.InRange(noArmy.Count, 20, 60);
        Assert.All(noArmy, w =>
        {
            var s = w.Parameters.Scenarios!;
            Assert.Equal(0, w.Parameters.ArmySize);
            Assert.Equal(0, s.HumanSquads + s.Operators + s.Relays + s.HashtagGameGroups);
            Assert.Equal(0, s.SleeperShare);
        });
        var army = worlds.Where(w => !w.NoArmy).ToList();
        Assert.All(army, w =>
        {
            var s = w.Parameters.Scenarios!;
            Assert.True(w.Parameters.ArmySize + s.HumanSquads + s.Operators + s.Relays + s.HashtagGameGroups > 0);
        });
        // every behaviour in part of the worlds, and timing from seconds to many minutes
        Assert.Contains(army, w => w.Parameters.ArmySize > 0);
        Assert.Contains(army, w => w.Parameters.Scenarios!.HumanSquads > 0);
        Assert.Contains(army, w => w.Parameters.Scenarios!.Operators >= 20);
        Assert.Contains(army, w => w.Parameters.Scenarios!.Relays > 0);
        Assert.Contains(army, w => w.Parameters.Scenarios!.HashtagGameGroups > 0);
        Assert.Contains(army, w => w.Parameters.Scenarios!.SleeperShare > 0);
        Assert.Contains(worlds, w => w.Parameters.SquadLatencyMaxSeconds < 20);
        Assert.Contains(worlds, w => w.Parameters.SquadLatencyMaxSeconds > 200);
        Assert.Contains(worlds, w => w.Parameters.Scenarios!.CoarseTimestamps);
        Assert.Contains(worlds, w => !w.Parameters.Scenarios!.CoarseTimestamps);
        Assert.Contains(worlds, w => w.Parameters.Scenarios!.BreakingNewsTags > 0 && w.Parameters.Scenarios.Publishers > 0);
        Assert.Contains(worlds, w => w.Parameters.FriendGroupMax >= 30);
    }
}
