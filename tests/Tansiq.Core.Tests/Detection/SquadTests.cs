using Tansiq.Core.CoAction;
using Tansiq.Core.Detection;
using Tansiq.Core.Model;

namespace Tansiq.Core.Tests.Detection;

/// <summary>
/// Scheduler squads (accounts acting within seconds of an order, each with a jitter of its own) and the material they
/// reuse; the hard negatives beside them are friends who repost one another and an organic background. Worlds are built
/// here, by hand, not by the product's simulator.
/// </summary>
public class SquadTests
{
    private const double Day = 86400;

    private sealed class Builder(int seed)
    {
        private int _next;
        public Random Random { get; } = new(seed);
        public List<Message> Messages { get; } = [];

        public string Post(string account, double time, string? text = null)
        {
            var id = $"m{_next++}";
            Messages.Add(new Message { MessageId = id, AccountId = account, Timestamp = Math.Round(time), Text = text ?? "post " + id });
            return id;
        }

        public void Repost(string account, string original, double time) =>
            Messages.Add(new Message { MessageId = $"m{_next++}", AccountId = account, RepostOf = original, Timestamp = Math.Round(time) });

        /// <summary>Organic background: accounts that post and repost one another's posts at human delays (minutes to hours).</summary>
        public void Background(int accounts, double days)
        {
            var pool = new List<(string Id, double Time)>();
            for (var i = 0; i < accounts * 3; i++)
            {
                var t = Random.NextDouble() * days * Day;
                pool.Add((Post($"o{Random.Next(accounts)}", t), t));
            }
            for (var i = 0; i < accounts * 4; i++)
            {
                var (id, t) = pool[Random.Next(pool.Count)];
                Repost($"o{Random.Next(accounts)}", id, t + Math.Exp(3 + (Random.NextDouble() * 6)));
            }
        }

        /// <summary>Friend groups who repost each other's posts, most within a few minutes.</summary>
        public HashSet<string> Friends(int groups, int size, double days, double medianDelay)
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
                    foreach (var friend in group.Where(f => f != author && Random.NextDouble() < 0.6))
                    {
                        Repost(friend, post, t + (medianDelay * Math.Exp(0.8 * Gaussian())));
                    }
                }
            }
            return all;
        }

        /// <summary>A squad member's delay after an order: the relay, one second, and an exponential jitter.</summary>
        public double Jitter(double mean) => 5 + 1 - (mean * Math.Log(1 - Random.NextDouble()));

        private double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - Random.NextDouble())) * Math.Cos(2 * Math.PI * Random.NextDouble());

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

    [Theory]
    [InlineData(0.9)]
    [InlineData(0.4)]
    public void Run_SchedulerSquadReusingCannedTexts_WholeSquadFlaggedFriendsNot(double participation)
    {
        var b = new Builder(75);
        const double days = 9;
        b.Background(1500, days);
        var friends = b.Friends(groups: 10, size: 8, days, medianDelay: 240);
        // A scheduler squad of forty: it pushes a few obscure campaign posts within seconds, and on most days it floods
        // and swarms with the same eight canned texts, each used on six occasions days apart (each use a burst of
        // seconds; each member joins each action with the given probability). By its busiest window alone, every canned
        // text is one operation's burst among six, and its members' first actions lie days apart.
        var squad = Enumerable.Range(0, 40).Select(i => $"sq{i}").ToList();
        for (var c = 0; c < 4; c++)
        {
            var t = b.Random.NextDouble() * days * Day;
            var post = b.Post($"producer{c % 2}", t);
            foreach (var member in squad.Where(_ => b.Random.NextDouble() < participation))
            {
                b.Repost(member, post, t + b.Jitter(20));
            }
        }
        for (var text = 0; text < 8; text++)
        {
            for (var occasion = 0; occasion < 6; occasion++)
            {
                var t = ((occasion + b.Random.NextDouble()) * days * Day / 6) + (text * 3600);
                foreach (var member in squad.Where(_ => b.Random.NextDouble() < participation))
                {
                    b.Post(member, t + b.Jitter(20), $"canned accusation number {text} against the critics of the leader");
                }
            }
        }

        var result = b.Detect();

        var flagged = Flagged(result);
        Assert.True(flagged.Count(squad.Contains) >= 38, $"{flagged.Count(squad.Contains)} of 40 squad members flagged");
        Assert.DoesNotContain(flagged, friends.Contains);
        Assert.DoesNotContain(flagged, a => a.StartsWith('o'));
    }
}
