using Tansiq.Core.Model;

namespace Tansiq.Core.Tests.Detection;

/// <summary>
/// A small hand-built world for detector tests, independent of the product's simulator: a leader with fans (some of
/// them reposting within a minute every time), organic friend groups who repost each other with human delays, viral
/// moments, and optionally squads that push obscure posts within seconds.
/// </summary>
internal sealed class MiniWorld
{
    public List<Message> Messages { get; } = [];
    public HashSet<string> Army { get; } = [];
    public HashSet<string> Fans { get; } = [];
    public HashSet<string> FastFans { get; } = [];
    public HashSet<string> Friends { get; } = [];

    private int _next;

    public static MiniWorld Build(int seed, bool withArmy, int organic = 2000, int fans = 300, int squads = 2, int squadSize = 25)
    {
        var r = new Random(seed);
        var w = new MiniWorld();
        const double day = 86400;
        const int days = 14;
        var organicIds = Enumerable.Range(0, organic).Select(i => $"o{i}").ToList();
        var fanIds = Enumerable.Range(0, fans).Select(i => $"f{i}").ToList();
        w.Fans.UnionWith(fanIds);
        w.FastFans.UnionWith(fanIds.Take(fans / 5));
        var squadIds = new List<List<string>>();
        if (withArmy)
        {
            for (var s = 0; s < squads; s++)
            {
                var members = Enumerable.Range(0, squadSize).Select(i => $"a{s}_{i}").ToList();
                squadIds.Add(members);
                w.Army.UnionWith(members);
            }
        }

        // The leader posts three times a day; fans repost nearly everything, the fast ones within a minute.
        for (var p = 0; p < days * 3; p++)
        {
            var t = p * day / 3 + r.Next(3600);
            var post = w.Post("leader", t);
            foreach (var fan in fanIds)
            {
                if (r.NextDouble() < 0.9)
                {
                    var delay = w.FastFans.Contains(fan) ? 5 + r.NextDouble() * 50 : Math.Exp(4 + r.NextDouble() * 5);
                    w.Repost(fan, post, t + delay);
                }
            }
            foreach (var squad in squadIds)
            {
                foreach (var a in squad)
                {
                    if (r.NextDouble() < 0.85)
                    {
                        w.Repost(a, post, t + 2 + r.NextDouble() * 20);
                    }
                }
            }
        }

        // Friend groups of six repost each other's posts with human delays (minutes to hours).
        for (var g = 0; g < organic / 40; g++)
        {
            var group = organicIds.Skip(g * 6).Take(6).ToList();
            w.Friends.UnionWith(group);
            for (var p = 0; p < days * 4; p++)
            {
                var author = group[r.Next(group.Count)];
                var t = r.NextDouble() * days * day;
                var post = w.Post(author, t);
                foreach (var friend in group)
                {
                    if (friend != author && r.NextDouble() < 0.7)
                    {
                        w.Repost(friend, post, t + Math.Exp(3.5 + r.NextDouble() * 4.5));
                    }
                }
            }
        }

        // Viral moments: hundreds of strangers repost one post within the hour.
        for (var v = 0; v < 10; v++)
        {
            var t = r.NextDouble() * days * day;
            var post = w.Post(organicIds[r.Next(organic)], t);
            foreach (var who in organicIds.Where(_ => r.NextDouble() < 0.25))
            {
                w.Repost(who, post, t + r.NextDouble() * 3600);
            }
        }

        // Background: organic accounts repost random organic posts now and then.
        var pool = new List<(string Id, double Time)>();
        for (var i = 0; i < organic * 3; i++)
        {
            var t = r.NextDouble() * days * day;
            pool.Add((w.Post(organicIds[r.Next(organic)], t), t));
        }
        for (var i = 0; i < organic * 4; i++)
        {
            var (id, t) = pool[r.Next(pool.Count)];
            w.Repost(organicIds[r.Next(organic)], id, t + Math.Exp(3 + r.NextDouble() * 6));
        }

        // Squads push obscure campaign posts from a producer within seconds; members skip some and jitter.
        foreach (var squad in squadIds)
        {
            for (var c = 0; c < 15; c++)
            {
                var t = r.NextDouble() * days * day;
                var post = w.Post("producer" + squadIds.IndexOf(squad), t);
                foreach (var a in squad)
                {
                    if (r.NextDouble() < 0.8)
                    {
                        w.Repost(a, post, t + 1 + r.NextDouble() * 30);
                    }
                }
            }
        }
        return w;
    }

    private string Post(string account, double time)
    {
        var id = $"m{_next++}";
        Messages.Add(new Message { MessageId = id, AccountId = account, Timestamp = Math.Round(time), Text = "post " + id });
        return id;
    }

    private void Repost(string account, string original, double time) =>
        Messages.Add(new Message { MessageId = $"m{_next++}", AccountId = account, RepostOf = original, Timestamp = Math.Round(time) });
}
