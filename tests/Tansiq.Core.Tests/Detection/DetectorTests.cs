using Tansiq.Core.CoAction;
using Tansiq.Core.Detection;

namespace Tansiq.Core.Tests.Detection;

public class DetectorTests
{
    private static DetectionResult Detect(MiniWorld world, DetectOptions? options = null)
    {
        options ??= new DetectOptions();
        var builder = new CorpusBuilder(options.Signals);
        foreach (var m in world.Messages.OrderBy(m => m.Timestamp))
        {
            builder.Add(m);
        }
        return new Detector(options, TimeProvider.System).Run(builder.Build());
    }

    private static HashSet<string> Flagged(DetectionResult result) =>
        result.Accounts.Where(a => a.ClusterId is not null).Select(a => a.AccountId).ToHashSet();

    [Fact]
    public void Run_SquadsAmongFansAndFriends_FlagsTheSquadsOnly()
    {
        var world = MiniWorld.Build(seed: 11, withArmy: true);
        var flagged = Flagged(Detect(world));
        var truePositives = flagged.Count(world.Army.Contains);
        var precision = flagged.Count == 0 ? 0 : (double)truePositives / flagged.Count;
        var recall = (double)truePositives / world.Army.Count;
        Assert.True(precision >= 0.95, $"precision {precision:F3} ({flagged.Count} flagged)");
        Assert.True(recall >= 0.95, $"recall {recall:F3}");
        Assert.True(flagged.Count(world.FastFans.Contains) == 0, "fast fans flagged");
        Assert.True(flagged.Count(world.Friends.Contains) <= world.Friends.Count / 100, "friend-group members flagged");
    }

    [Fact]
    public void Run_OneThreadOrThree_SameAccountsScoresAndClusters()
    {
        var world = MiniWorld.Build(seed: 14, withArmy: true);

        var one = Detect(world, new DetectOptions { Parallelism = 1 });
        var three = Detect(world, new DetectOptions { Parallelism = 3 });

        Assert.NotEmpty(one.Clusters);
        Assert.Equal(
            one.Accounts.Select(a => (a.AccountId, a.ClusterId, a.Score)).OrderBy(a => a.AccountId, StringComparer.Ordinal),
            three.Accounts.Select(a => (a.AccountId, a.ClusterId, a.Score)).OrderBy(a => a.AccountId, StringComparer.Ordinal));
        Assert.Equal(one.Clusters.Select(c => string.Join(" ", c.Members)), three.Clusters.Select(c => string.Join(" ", c.Members)));
        Assert.Equal(one.Edges.Select(e => (e.Source, e.Target, e.Signal, e.Weight, e.Significant)),
            three.Edges.Select(e => (e.Source, e.Target, e.Signal, e.Weight, e.Significant)));
    }

    [Fact]
    public void Run_NoArmy_FlagsAlmostNobody()
    {
        var world = MiniWorld.Build(seed: 12, withArmy: false);
        var result = Detect(world);
        Assert.True(Flagged(result).Count <= 5, $"{Flagged(result).Count} accounts flagged in a world without an army");
    }

    [Fact]
    public void Run_SquadsFound_ClustersMatchSquads()
    {
        var world = MiniWorld.Build(seed: 13, withArmy: true);
        var result = Detect(world);
        // Each detected cluster is drawn from the army only, and every squad (members named a{squad}_{i}) is found. Two
        // squads that also repost the leader within seconds of each other may form one cluster: with the slower scales
        // the evidence graph no longer always separates them (recorded as a weakness in docs/detection.md).
        foreach (var cluster in result.Clusters)
        {
            // The squads' producers (their campaign posts' authors) join them.
            Assert.All(cluster.Members, m => Assert.True(world.Army.Contains(m) || m.StartsWith("producer", StringComparison.Ordinal), m));
            Assert.NotEmpty(cluster.SharedObjects);
            Assert.Contains(cluster.Evidence, e => e.Name == "exclusive_objects" && e.Value >= 3);
        }
        var squadsFound = result.Clusters.SelectMany(c => c.Members).Where(world.Army.Contains).Select(m => m.Split('_')[0]).Distinct().Count();
        Assert.Equal(2, squadsFound);
        Assert.InRange(result.Clusters.Count, 1, 2);
    }

    [Fact]
    public void Run_SquadPushesAProducersPosts_ProducerJoinsTheSquadsCluster()
    {
        var world = MiniWorld.Build(seed: 14, withArmy: true);
        var result = Detect(world);
        Assert.NotEmpty(result.Clusters);
        // Nobody but its squad re-shares a producer's campaign posts: each producer joins the cluster that pushed it,
        // and the cluster's evidence says how many of its members are producers.
        foreach (var cluster in result.Clusters)
        {
            var reposts = cluster.SharedObjects.Where(o => o.Signal == Tansiq.Core.Model.SignalKind.CoRepost).ToList();
            Assert.NotEmpty(reposts);
            Assert.All(reposts, o => Assert.StartsWith("producer", o.Author, StringComparison.Ordinal));
            Assert.All(reposts, o => Assert.Contains(o.Author!, cluster.Members));
            var producers = Assert.Single(cluster.Evidence, e => e.Name == "producers");
            Assert.Equal(cluster.Members.Count(m => m.StartsWith("producer", StringComparison.Ordinal)), producers.Value);
        }
        Assert.Equal(2, Flagged(result).Count(a => a.StartsWith("producer", StringComparison.Ordinal)));
    }
}
