using Tansiq.Core.CoAction;
using Tansiq.Core.Detection;
using Tansiq.Core.Model;

namespace Tansiq.Core.Tests.Detection;

/// <summary>
/// Group-level evidence where pair evidence is thin (Detector.Groups.cs): a large human squad whose members each join a
/// few of the orders shares one object or two pair by pair, yet every order puts a dozen of them on one obscure post
/// within minutes. Worlds are built here, by hand, not by the product's simulator.
/// </summary>
public class GroupEvidenceTests
{
    private const double Day = 86400;

    private sealed class Builder(int seed)
    {
        private int _next;
        public Random Random { get; } = new(seed);
        public List<Message> Messages { get; } = [];
        public List<(string Id, double Time)> Pool { get; } = [];

        public string Post(string account, double time)
        {
            var id = $"m{_next++}";
            Messages.Add(new Message { MessageId = id, AccountId = account, Timestamp = Math.Round(time), Text = "post " + id });
            return id;
        }

        public void Repost(string account, string original, double time) =>
            Messages.Add(new Message { MessageId = $"m{_next++}", AccountId = account, RepostOf = original, Timestamp = Math.Round(time) });

        /// <summary>Organic background: accounts that post and repost one another's posts at human delays (minutes to hours).</summary>
        public void Background(int accounts, double days)
        {
            for (var i = 0; i < accounts * 3; i++)
            {
                var t = Random.NextDouble() * days * Day;
                Pool.Add((Post($"o{Random.Next(accounts)}", t), t));
            }
            for (var i = 0; i < accounts * 4; i++)
            {
                var (id, t) = Pool[Random.Next(Pool.Count)];
                Repost($"o{Random.Next(accounts)}", id, t + Math.Exp(3 + Random.NextDouble() * 6));
            }
        }

        /// <summary>Friend groups who repost each other's posts, most within a few minutes (lognormal delays, sigma 0.8).</summary>
        public HashSet<string> Friends(int groups, int size, double days, double medianDelay, double share)
        {
            var all = new HashSet<string>();
            for (var g = 0; g < groups; g++)
            {
                var group = Enumerable.Range(0, size).Select(i => $"fr{g}_{i}").ToList();
                all.UnionWith(group);
                for (var p = 0; p < days * 6; p++)
                {
                    var author = group[Random.Next(size)];
                    var t = Random.NextDouble() * days * Day;
                    var post = Post(author, t);
                    foreach (var friend in group.Where(f => f != author && Random.NextDouble() < share))
                    {
                        Repost(friend, post, t + medianDelay * Math.Exp(0.8 * Gaussian()));
                    }
                }
            }
            return all;
        }

        /// <summary>
        /// A squad taking orders in a chat group: each order names an ordinary account's post, comes 5 to 30 minutes after
        /// it, and each member (with its own participation) re-shares the post within the spread after the order.
        /// </summary>
        public void Orders(IReadOnlyList<string> squad, IReadOnlyList<double> participation, int orders, double spread)
        {
            for (var o = 0; o < orders; o++)
            {
                var (post, t) = Pool[Random.Next(Pool.Count)];
                var order = t + 300 + Random.NextDouble() * 1500;
                for (var i = 0; i < squad.Count; i++)
                {
                    if (Random.NextDouble() < participation[i])
                    {
                        Repost(squad[i], post, order + 5 + Random.NextDouble() * spread);
                    }
                }
            }
        }

        public double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - Random.NextDouble())) * Math.Cos(2 * Math.PI * Random.NextDouble());

        public DetectionResult Detect()
        {
            var options = new DetectOptions();
            var builder = new CorpusBuilder(options.Signals);
            foreach (var m in Messages.OrderBy(m => m.Timestamp))
            {
                builder.Add(m);
            }
            return new Detector(options, TimeProvider.System).Run(builder.Build());
        }
    }

    private static HashSet<string> Flagged(DetectionResult result) =>
        result.Accounts.Where(a => a.ClusterId is not null).Select(a => a.AccountId).ToHashSet();

    [Fact]
    public void Run_SparseHumanSquadWithoutPairEvidence_FlaggedFromItsBursts()
    {
        var b = new Builder(41);
        const double days = 10;
        b.Background(2000, days);
        var friends = b.Friends(groups: 12, size: 10, days, medianDelay: 180, share: 0.6);
        // Eighty people, each joining 8-14% of thirty orders within ten minutes: a pair shares a third of an object on
        // average, so pairs hardly ever beat the null model; each order still puts about nine of them on one obscure post.
        var squad = Enumerable.Range(0, 80).Select(i => $"hs{i}").ToList();
        b.Orders(squad, [.. squad.Select(_ => 0.08 + 0.06 * b.Random.NextDouble())], orders: 30, spread: 600);

        var result = b.Detect();

        var flagged = Flagged(result);
        Assert.True(flagged.Count(squad.Contains) >= 56, $"{flagged.Count(squad.Contains)} of 80 squad members flagged");
        Assert.DoesNotContain(flagged, friends.Contains);
        // Strangers who re-shared a few of the same small posts near the bursts may join (7 of 2,000 here): below the 1%
        // bar for organic accounts.
        Assert.True(flagged.Count(a => !squad.Contains(a)) <= 20, $"{flagged.Count(a => !squad.Contains(a))} others flagged");
        // Found at the minutes where the squad acts (Louvain may cut it in two).
        Assert.All(result.Clusters.Where(c => c.Members.Any(squad.Contains)), c => Assert.True(c.TimeScaleSeconds > 60, $"judged at {c.TimeScaleSeconds} s"));
    }

    [Fact]
    public void Run_SquadWithLowParticipationMembers_TheyJoinTheCluster()
    {
        var b = new Builder(43);
        const double days = 8;
        b.Background(2000, days);
        // Twenty regulars join 70% of thirty orders; ten irregulars join 10% each: two shared objects with each regular
        // on average, too few for a pair edge, but each of them is in three of the squad's bursts.
        var squad = Enumerable.Range(0, 30).Select(i => $"hs{i}").ToList();
        b.Orders(squad, [.. squad.Select((_, i) => i < 20 ? 0.7 : 0.1)], orders: 30, spread: 300);

        var result = b.Detect();

        var flagged = Flagged(result);
        Assert.True(flagged.Count(squad.Take(20).Contains) >= 19, $"{flagged.Count(squad.Take(20).Contains)} of 20 regulars flagged");
        Assert.True(flagged.Count(squad.Skip(20).Contains) >= 6, $"{flagged.Count(squad.Skip(20).Contains)} of 10 irregulars flagged");
        Assert.True(flagged.Count(a => !squad.Contains(a)) <= 1, $"{flagged.Count(a => !squad.Contains(a))} others flagged");
    }

    [Fact]
    public void Run_ManyFastFriendGroups_NotFlagged()
    {
        var b = new Builder(47);
        const double days = 10;
        b.Background(2000, days);
        // Thirty groups of twelve friends, each re-sharing 70% of one another's posts two minutes after them (median):
        // thousands of co-bursts on small posts, reactions to the posts, not to orders.
        var friends = b.Friends(groups: 30, size: 12, days, medianDelay: 120, share: 0.7);

        var result = b.Detect();

        var flagged = Flagged(result);
        Assert.True(flagged.Count(friends.Contains) <= 3, $"{flagged.Count(friends.Contains)} of {friends.Count} friends flagged");
    }
}
