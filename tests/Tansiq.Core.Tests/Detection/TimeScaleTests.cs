using Tansiq.Core.CoAction;
using Tansiq.Core.Detection;
using Tansiq.Core.Model;

namespace Tansiq.Core.Tests.Detection;

/// <summary>
/// Coordination at the time scale where it happens: people acting on orders within minutes, an operator's two accounts
/// pasting the same texts a minute or two apart on a minute clock, a hashtag game over hours; and the hard negatives
/// beside them (friends who repost one another, a crowd on popular posts). Worlds are built here, by hand, not by the
/// product's simulator.
/// </summary>
public class TimeScaleTests
{
    private const double Day = 86400;

    private sealed class Builder(int seed)
    {
        private int _next;
        public Random Random { get; } = new(seed);
        public List<Message> Messages { get; } = [];

        public string Post(string account, double time, string? text = null, IReadOnlyList<string>? hashtags = null)
        {
            var id = $"m{_next++}";
            Messages.Add(new Message { MessageId = id, AccountId = account, Timestamp = Math.Round(time), Text = text ?? "post " + id, Hashtags = hashtags ?? [] });
            return id;
        }

        public string Reply(string account, string parent, double time)
        {
            var id = $"m{_next++}";
            Messages.Add(new Message { MessageId = id, AccountId = account, ReplyTo = parent, Timestamp = Math.Round(time), Text = "reply " + id });
            return id;
        }

        /// <summary>A hashtag-game player's entries: different texts under the game's tag within its two hours.</summary>
        public void Entries(string player, string tag, double start, int count)
        {
            for (var k = 0; k < count; k++)
            {
                Post(player, start + (Random.NextDouble() * 7000) + 100, $"my entry {Random.Next(100000)} for the game", [tag]);
            }
        }

        /// <summary>A message that shares a link: an outlet's article, or a reader's copy of it with the share button.</summary>
        public void ShareLink(string id, string account, double time, string text, string link, string? mention = null) =>
            Messages.Add(new Message { MessageId = id, AccountId = account, Timestamp = Math.Round(time), Text = text, Urls = [link], Mentions = mention is null ? [] : [mention] });

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
                Repost($"o{Random.Next(accounts)}", id, t + Math.Exp(3 + Random.NextDouble() * 6));
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
                        Repost(friend, post, t + medianDelay * Math.Exp(0.8 * Gaussian()));
                    }
                }
            }
            return all;
        }

        public double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - Random.NextDouble())) * Math.Cos(2 * Math.PI * Random.NextDouble());

        public DetectionResult Detect(DetectOptions? options = null)
        {
            options ??= new DetectOptions();
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
    public void Run_SquadActingWithinMinutes_FlaggedAtASlowerScaleFriendsNot()
    {
        var b = new Builder(21);
        const double days = 10;
        b.Background(1500, days);
        var friends = b.Friends(groups: 10, size: 8, days, medianDelay: 240);
        // Twenty people take orders from a chat group: each producer post is pushed by about 60% of them, spread over
        // eight minutes after the order (never within seconds of one another).
        var squad = Enumerable.Range(0, 20).Select(i => $"sq{i}").ToList();
        for (var c = 0; c < 30; c++)
        {
            var t = b.Random.NextDouble() * days * Day;
            var post = b.Post($"producer{c % 3}", t);
            var order = t + 600 + b.Random.NextDouble() * 1800;
            foreach (var member in squad.Where(_ => b.Random.NextDouble() < 0.6))
            {
                b.Repost(member, post, order + b.Random.NextDouble() * 480);
            }
        }

        var result = b.Detect();

        var flagged = Flagged(result);
        Assert.True(flagged.Count(squad.Contains) >= 18, $"{flagged.Count(squad.Contains)} of 20 squad members flagged");
        Assert.DoesNotContain(flagged, friends.Contains);
        // The producers whose posts the squad pushes (nobody else re-shares them) join it; nobody else does.
        var producers = new[] { "producer0", "producer1", "producer2" };
        Assert.All(producers, p => Assert.Contains(p, flagged));
        Assert.DoesNotContain(flagged, a => !squad.Contains(a) && !producers.Contains(a));
        var cluster = Assert.Single(result.Clusters);
        Assert.Equal(3, cluster.Evidence.Single(e => e.Name == "producers").Value);
        Assert.True(cluster.TimeScaleSeconds > 60, $"judged at {cluster.TimeScaleSeconds} s");
        Assert.Equal("squad", cluster.Kind);
    }

    [Fact]
    public void Run_HumanSquadPushingItsMembersOwnPosts_FlaggedFriendsNot()
    {
        var b = new Builder(31);
        const double days = 10;
        b.Background(1500, days);
        // Fast friends: half reacting within two minutes of each other's posts (lognormal delays, sigma 0.8).
        var friends = b.Friends(groups: 12, size: 8, days, medianDelay: 120);
        // Fifteen people push their own members' posts: an order comes 5 to 30 minutes after each post and about 60% of
        // them re-share within eight minutes of it. Their posts are their circle's, as friends' are.
        var squad = Enumerable.Range(0, 15).Select(i => $"hs{i}").ToList();
        for (var c = 0; c < 25; c++)
        {
            var t = b.Random.NextDouble() * days * Day;
            var author = squad[b.Random.Next(squad.Count)];
            var post = b.Post(author, t);
            var order = t + 300 + b.Random.NextDouble() * 1500;
            foreach (var member in squad.Where(m => m != author && b.Random.NextDouble() < 0.6))
            {
                b.Repost(member, post, order + 480 * b.Random.NextDouble());
            }
        }

        var result = b.Detect();

        var flagged = Flagged(result);
        Assert.True(flagged.Count(squad.Contains) >= 13, $"{flagged.Count(squad.Contains)} of 15 squad members flagged");
        Assert.DoesNotContain(flagged, friends.Contains);
        Assert.DoesNotContain(flagged, a => !squad.Contains(a));
        var cluster = Assert.Single(result.Clusters);
        Assert.Contains(cluster.Evidence, e => e.Name == "reacts_on_orders");
    }

    [Fact]
    public void Run_SquadAlsoPushingAWidelySharedJournalist_JournalistNotAProducer()
    {
        var b = new Builder(32);
        const double days = 10;
        b.Background(1500, days);
        // A journalist posts every few hours and a handful of readers re-share each post over the next hours.
        var journalistPosts = new List<(string Id, double Time)>();
        for (var p = 0; p < 40; p++)
        {
            var t = b.Random.NextDouble() * days * Day;
            var post = b.Post("journalist", t);
            journalistPosts.Add((post, t));
            for (var k = 0; k < 2 + b.Random.Next(3); k++)
            {
                b.Repost($"o{b.Random.Next(1500)}", post, t + 600 * Math.Exp(1.2 * b.Gaussian()));
            }
        }
        // A scheduler squad pushes its producer's thirty posts within seconds, and five of the journalist's posts too.
        var squad = Enumerable.Range(0, 12).Select(i => $"sq{i}").ToList();
        void Push(string post, double t)
        {
            foreach (var member in squad.Where(_ => b.Random.NextDouble() < 0.8))
            {
                b.Repost(member, post, t + 20 + 10 * b.Random.NextDouble());
            }
        }
        for (var c = 0; c < 30; c++)
        {
            var t = b.Random.NextDouble() * days * Day;
            Push(b.Post("producer", t), t);
        }
        foreach (var (post, t) in journalistPosts.Take(5))
        {
            Push(post, t);
        }

        var result = b.Detect();

        var flagged = Flagged(result);
        Assert.True(flagged.Count(squad.Contains) >= 11, $"{flagged.Count(squad.Contains)} of 12 squad members flagged");
        Assert.Contains("producer", flagged);
        Assert.DoesNotContain("journalist", flagged);
    }

    [Fact]
    public void Run_LowParticipationSquadCarriesItsProducersPosts_ProducerJoinsJournalistDoesNot()
    {
        var b = new Builder(41);
        const double days = 10;
        b.Background(1500, days);
        // A squad of twelve, each member on a tenth of the orders: it pushes one producer's forty posts within a minute,
        // but two members meet on only about a third of them, so most are no synchronous object of the cluster. A stranger
        // or two re-shares each post hours later.
        var squad = Enumerable.Range(0, 12).Select(i => $"sq{i}").ToList();
        void Push(string post, double t, double participation)
        {
            foreach (var member in squad.Where(_ => b.Random.NextDouble() < participation))
            {
                b.Repost(member, post, t + 20 + 40 * b.Random.NextDouble());
            }
        }
        // Its own orders, which make it a cluster: the commander's thirty posts, most of the squad on each.
        for (var c = 0; c < 30; c++)
        {
            var t = b.Random.NextDouble() * days * Day;
            Push(b.Post("commander", t), t, 0.8);
        }
        for (var p = 0; p < 40; p++)
        {
            var t = b.Random.NextDouble() * days * Day;
            var post = b.Post("producer", t);
            Push(post, t, 0.1);
            for (var k = 0; k < 1 + b.Random.Next(2); k++)
            {
                b.Repost($"o{b.Random.Next(1500)}", post, t + 3600 * Math.Exp(b.Gaussian()));
            }
        }
        // A journalist whose forty readers come back to post after post; the squad re-shares his posts as often as the
        // producer's.
        var readers = Enumerable.Range(0, 40).Select(i => $"rd{i}").ToList();
        for (var p = 0; p < 40; p++)
        {
            var t = b.Random.NextDouble() * days * Day;
            var post = b.Post("journalist", t);
            Push(post, t, 0.1);
            foreach (var reader in readers.Where(_ => b.Random.NextDouble() < 0.15))
            {
                b.Repost(reader, post, t + 900 * Math.Exp(b.Gaussian()));
            }
        }

        var result = b.Detect();

        var flagged = Flagged(result);
        Assert.True(flagged.Count(squad.Contains) >= 10, $"{flagged.Count(squad.Contains)} of 12 squad members flagged");
        Assert.Contains("producer", flagged);
        Assert.DoesNotContain("journalist", flagged);
        Assert.DoesNotContain(readers, flagged.Contains);
    }

    [Fact]
    public void Run_ArmyWhoseActiveFewAreUnderHalfOfEachOrder_RestJoinFromTheirBursts()
    {
        var b = new Builder(43);
        const double days = 10;
        b.Background(3000, days);
        // An army of 400 pushes sixty producer posts within a minute of each: forty active members on half of the orders,
        // 360 on about one in seven. Only the active few have pair evidence; with the rest and forty readers over the next
        // hours they are under half of every order's accounts, so no order is their cluster's own, and the rest are under
        // half as well (no co-burst community of theirs owns an order). The cluster's own objects are fifteen posts its
        // active members push alone. Without the bursts beyond its own objects none of the 360 is flagged.
        var active = Enumerable.Range(0, 40).Select(i => $"ac{i}").ToList();
        var rest = Enumerable.Range(0, 360).Select(i => $"lo{i}").ToList();
        for (var c = 0; c < 15; c++)
        {
            var t = b.Random.NextDouble() * days * Day;
            var post = b.Post("commander", t);
            foreach (var member in active.Where(_ => b.Random.NextDouble() < 0.5))
            {
                b.Repost(member, post, t + 20 + 40 * b.Random.NextDouble());
            }
        }
        for (var c = 0; c < 60; c++)
        {
            var t = b.Random.NextDouble() * days * Day;
            var post = b.Post($"producer{c % 4}", t);
            foreach (var member in active.Where(_ => b.Random.NextDouble() < 0.5).Concat(rest.Where(_ => b.Random.NextDouble() < 0.15)))
            {
                b.Repost(member, post, t + 20 + 40 * b.Random.NextDouble());
            }
            for (var k = 0; k < 40; k++)
            {
                b.Repost($"o{b.Random.Next(3000)}", post, t + 3600 * Math.Exp(b.Gaussian()));
            }
        }

        var result = b.Detect();

        var flagged = Flagged(result);
        Assert.True(flagged.Count(active.Contains) >= 36, $"{flagged.Count(active.Contains)} of 40 active members flagged");
        Assert.True(flagged.Count(rest.Contains) >= 250, $"{flagged.Count(rest.Contains)} of 360 other members flagged");
        Assert.DoesNotContain(flagged, a => a.StartsWith('o'));
    }

    [Fact]
    public void Run_FanBaseThatPilesOnTheLeadersCritics_NotFlagged()
    {
        var b = new Builder(5);
        const double days = 10;
        b.Background(1500, days);
        // Forty fans re-share their leader's posts within minutes of each one (notifications on), and whenever critics
        // answer him, three or four of them pile on each critic in replies: his audience at work, not a squad with as
        // many targets as he has critics.
        var fans = Enumerable.Range(0, 40).Select(i => $"fan{i}").ToList();
        for (var p = 0; p < 15; p++)
        {
            var t = b.Random.NextDouble() * days * Day;
            var post = b.Post("leader", t);
            foreach (var fan in fans.Where(_ => b.Random.NextDouble() < 0.6))
            {
                b.Repost(fan, post, t + 180 * Math.Exp(b.Gaussian()));
            }
            for (var c = 0; c < 3; c++)
            {
                var critic = b.Reply($"o{b.Random.Next(1500)}", post, t + 300 + b.Random.NextDouble() * 900);
                var at = t + 1500 + b.Random.NextDouble() * 600;
                foreach (var fan in fans.OrderBy(_ => b.Random.Next()).Take(3 + b.Random.Next(2)))
                {
                    b.Reply(fan, critic, at + b.Random.NextDouble() * 600);
                }
            }
        }

        var result = b.Detect();

        var flagged = Flagged(result);
        Assert.False(flagged.Any(fans.Contains), string.Join(" | ", result.Clusters.Select(c => $"{c.Kind} {c.TimeScaleSeconds} {c.Members.Count}: " + string.Join("; ", c.Evidence.Select(e => e.Name + "=" + e.Value)))));
    }

    [Fact]
    public void Run_LargeSquadWithStragglersOnEveryOrder_FlaggedFriendsNot()
    {
        var b = new Builder(24);
        const double days = 9;
        b.Background(1500, days);
        var friends = b.Friends(groups: 10, size: 8, days, medianDelay: 240);
        // A hundred and fifty people take eight orders from a chat group, each at a pace of his own (2 to 24 minutes after
        // the order, varying by a factor of 1.6 from one order to the next, never under 90 s nor over 40 minutes). Most
        // of each order's reposts come within a quarter of an hour, but with so many members a few stragglers reach
        // half an hour and more on every post: the range from first to last is over the 32 minutes allowed at 16
        // minutes (none flagged when it was the test), the range of the middle eight tenths is not.
        var squad = Enumerable.Range(0, 150).Select(i => (Member: $"sq{i}", Pace: 60 * (2 + (22 * b.Random.NextDouble())), Part: 0.65 + (0.25 * b.Random.NextDouble()))).ToList();
        for (var order = 0; order < 8; order++)
        {
            var t = b.Random.NextDouble() * days * Day;
            var post = b.Post($"producer{order % 2}", t);
            var orderTime = t + (b.Random.NextDouble() * 1800);
            foreach (var (member, pace, part) in squad.Where(m => b.Random.NextDouble() < m.Part))
            {
                b.Repost(member, post, orderTime + Math.Clamp(pace * Math.Exp(0.5 * b.Gaussian()), 90, 40 * 60));
            }
        }

        var result = b.Detect();

        var flagged = Flagged(result);
        var members = squad.Select(m => m.Member).ToHashSet();
        Assert.True(flagged.Count(members.Contains) >= 120, $"{flagged.Count(members.Contains)} of 150 squad members flagged");
        Assert.DoesNotContain(flagged, friends.Contains);
    }

    [Fact]
    public void Run_SquadActingWithinMinutes_MissedWithTheWindowAlone()
    {
        // The same kind of squad with only the toolkit's window as a scale: the reason for the slower scales.
        var b = new Builder(22);
        var squad = Enumerable.Range(0, 20).Select(i => $"sq{i}").ToList();
        b.Background(800, 7);
        for (var c = 0; c < 30; c++)
        {
            var t = b.Random.NextDouble() * 7 * Day;
            var post = b.Post($"producer{c % 3}", t);
            foreach (var member in squad.Where(_ => b.Random.NextDouble() < 0.6))
            {
                b.Repost(member, post, t + 600 + b.Random.NextDouble() * 480);
            }
        }

        var fast = b.Detect(new DetectOptions { Scales = [1] });
        var all = b.Detect();

        Assert.True(Flagged(fast).Count(squad.Contains) < 10, $"{Flagged(fast).Count(squad.Contains)} flagged at the window alone");
        Assert.True(Flagged(all).Count(squad.Contains) >= 18, $"{Flagged(all).Count(squad.Contains)} flagged with the slower scales");
    }

    [Fact]
    public void Run_OperatorPairOnAMinuteClock_ReportedAsAPairFinding()
    {
        var b = new Builder(23);
        b.Background(600, 7);
        // One operator pastes the same 40 texts on two accounts one or two minutes apart; timestamps are whole minutes.
        for (var i = 0; i < 40; i++)
        {
            var t = Math.Floor(b.Random.NextDouble() * 7 * Day / 60) * 60;
            var text = $"the council stole the budget again, share before they delete it number {i} {b.Random.Next(1000, 9999)}";
            b.Post("opA", t, text);
            b.Post("opB", t + 60 * b.Random.Next(1, 3), text);
        }
        var coarse = new Builder(0);
        coarse.Messages.AddRange(b.Messages.Select(m => m with { Timestamp = Math.Floor(m.Timestamp / 60) * 60 }));

        var result = coarse.Detect();

        Assert.Equal(60, result.Summary.TimeResolutionSeconds);
        var cluster = Assert.Single(result.Clusters);
        Assert.Equal(["opA", "opB"], cluster.Members);
        Assert.Equal("operator accounts", cluster.Kind);
        Assert.True(cluster.Evidence.Single(e => e.Name == "strongest_edge_log10_p").Value >= 12);
        // Per-edge evidence: the pasted texts behind the pair, each with both accounts' times one or two minutes apart.
        // Per-edge evidence: the pasted texts behind the pair that fall within the cluster's scale, each with both times.
        // (A text is one co-text object and, once clustered with its near-duplicates, one co-similar object.)
        var pasted = coarse.Messages.Where(m => m.AccountId is "opA" or "opB").GroupBy(m => m.Text)
            .Count(g => g.Count() == 2 && Math.Abs(g.First().Timestamp - g.Last().Timestamp) <= cluster.TimeScaleSeconds);
        var rows = result.EdgeObjects.Where(r => r.ClusterId == cluster.ClusterId).ToList();
        Assert.Equal(pasted, rows.Count(r => r.Signal == SignalKind.CoText));
        Assert.All(rows, r =>
        {
            Assert.Contains(r.Signal, new[] { SignalKind.CoText, SignalKind.CoSimilar });
            Assert.Equal(("opA", "opB"), (r.Source, r.Target));
            Assert.InRange(Math.Abs(r.TargetTime - r.SourceTime), 0, cluster.TimeScaleSeconds);
        });
    }

    [Fact]
    public void Run_HashtagGameOverHours_FlaggedAsAHashtagGame()
    {
        var b = new Builder(24);
        const double days = 10;
        b.Background(1500, days);
        // Thirty accounts play five games: each game a new tag, about 70% of them post one to three different texts
        // under it within two hours. Organic posts use a few popular tags at any time.
        var gamers = Enumerable.Range(0, 30).Select(i => $"g{i}").ToList();
        for (var game = 0; game < 5; game++)
        {
            var start = (game * 2 + 0.5) * Day;
            var tag = $"game{game}";
            foreach (var gamer in gamers.Where(_ => b.Random.NextDouble() < 0.7))
            {
                for (var k = b.Random.Next(1, 4); k > 0; k--)
                {
                    b.Post(gamer, start + b.Random.NextDouble() * 7200, $"my entry {b.Random.Next(100000)} for the game", [tag]);
                }
            }
        }
        for (var i = 0; i < 3000; i++)
        {
            b.Post($"o{b.Random.Next(1500)}", b.Random.NextDouble() * days * Day, $"organic words {i}", [$"popular{b.Random.Next(5)}"]);
        }

        var result = b.Detect();

        var flagged = Flagged(result);
        Assert.True(flagged.Count(gamers.Contains) >= 25, $"{flagged.Count(gamers.Contains)} of 30 gamers flagged");
        Assert.DoesNotContain(flagged, a => !gamers.Contains(a));
        Assert.Contains(result.Clusters, c => c.Kind == "hashtag game" && c.TimeScaleSeconds > 960);
    }

    [Fact]
    public void Run_OutletReadersSharingWithTheShareButton_NotFlagged()
    {
        var b = new Builder(28);
        const double days = 10;
        b.Background(1500, days);
        // An outlet posts eight articles a day; forty loyal readers each share a quarter of them with the share button
        // (the same "headline link via @outlet" text and link for every reader of an article), an hour or so after it
        // appears. Nobody else shares the outlet's links, so the readers own them, and within three hours of one another.
        var readers = Enumerable.Range(0, 40).Select(i => $"r{i}").ToList();
        for (var article = 0; article < days * 8; article++)
        {
            var t = b.Random.NextDouble() * days * Day;
            var link = $"https://outlet.example/news/{article}";
            var headline = $"headline {article} of the day about the city council and its budget";
            b.ShareLink($"a{article}", "outlet", t, $"{headline} {link}", link);
            foreach (var reader in readers.Where(_ => b.Random.NextDouble() < 0.25))
            {
                b.ShareLink($"a{article}_{reader}", reader, t + (3600 * Math.Exp(b.Gaussian())), $"{headline} {link} via @outlet", link, "outlet");
            }
        }

        var result = b.Detect();

        var flagged = Flagged(result);
        Assert.True(!readers.Any(flagged.Contains), $"{readers.Count(flagged.Contains)} of 40 readers flagged");
        Assert.DoesNotContain("outlet", flagged);
    }

    [Fact]
    public void Run_ReadersSharingWithinAMinuteOfAnOutletsPages_PagesFlaggedReadersNot()
    {
        var b = new Builder(29);
        const double days = 10;
        b.Background(1500, days);
        // An outlet posts each article on its two pages at the same second (declared coordination). Each article is
        // shared with the share button by one of thirty fast readers a minute or so later, who is then in the pages'
        // burst, the only one there who copied it, and by forty slow readers a tenth of the time, an hour or so later.
        var fast = Enumerable.Range(0, 30).Select(i => $"fast{i}").ToList();
        var slow = Enumerable.Range(0, 40).Select(i => $"slow{i}").ToList();
        for (var article = 0; article < days * 12; article++)
        {
            var t = Math.Round(b.Random.NextDouble() * days * Day);
            var link = $"https://outlet.example/news/{article}";
            var headline = $"headline {article} of the day about the city council and its budget";
            foreach (var page in new[] { "page1", "page2" })
            {
                b.ShareLink($"{page}_{article}", page, t, $"{headline} {link}", link);
            }
            var sharers = slow.Where(_ => b.Random.NextDouble() < 0.1).Select(r => (Reader: r, Delay: 3600.0)).Append((fast[article % fast.Count], 30.0));
            foreach (var (reader, delay) in sharers)
            {
                b.ShareLink($"{reader}_{article}", reader, t + 5 + (delay * Math.Exp(0.5 * b.Gaussian())), $"{headline} {link} via @page1", link, "page1");
            }
        }

        var result = b.Detect();

        var flagged = Flagged(result);
        Assert.Contains("page1", flagged);
        Assert.Contains("page2", flagged);
        Assert.True(!fast.Concat(slow).Any(flagged.Contains), $"{fast.Count(flagged.Contains)} of 30 fast and {slow.Count(flagged.Contains)} of 40 slow readers flagged");
    }

    [Fact]
    public void Run_SeveralFastReadersWithinAMinuteOfAnOutletsPages_PagesFlaggedReadersNot()
    {
        var b = new Builder(32);
        const double days = 10;
        b.Background(1500, days);
        // The outlet's two pages post each article at the same second. Twelve fast readers each share a third of the
        // articles with the share button (the headline and the link, without the outlet's sign-off), most within a
        // minute (a pace of 15 to 60 s each), so two to six of them share each article within a minute of one another;
        // forty slow readers share a tenth of them an hour or so later.
        var fast = Enumerable.Range(0, 12).Select(i => (Reader: $"fast{i}", Pace: 15 + (45 * b.Random.NextDouble()))).ToList();
        var slow = Enumerable.Range(0, 40).Select(i => (Reader: $"slow{i}", Pace: 3600.0)).ToList();
        for (var article = 0; article < days * 12; article++)
        {
            var t = Math.Round(b.Random.NextDouble() * days * Day);
            var link = $"https://outlet.example/news/{article}";
            var headline = $"headline {article} of the day about the city council and its budget";
            foreach (var page in new[] { "page1", "page2" })
            {
                b.ShareLink($"{page}_{article}", page, t, $"{headline} | the outlet {link}", link);
            }
            foreach (var (reader, pace) in fast.Where(_ => b.Random.NextDouble() < 0.33).Concat(slow.Where(_ => b.Random.NextDouble() < 0.1)))
            {
                b.ShareLink($"{reader}_{article}", reader, t + 5 + (pace * Math.Exp(0.9 * b.Gaussian())), $"{headline} {link}", link);
            }
        }

        var result = b.Detect();

        // The pages are a finding (declared), the readers are not. Judging the outlet's links at the window as at
        // minutes (copies scattered beyond sigma 1 no evidence; the pages' same-second burst kept) was tried at stop 22:
        // the twelve fast readers then passed at 60 s as a group found from their bursts (docs/detection.md, "Fuzzed
        // worlds", stop 22).
        var flagged = Flagged(result);
        Assert.Contains("page1", flagged);
        Assert.Contains("page2", flagged);
        var readers = fast.Concat(slow).Select(r => r.Reader).ToList();
        Assert.True(!readers.Any(flagged.Contains), $"{readers.Count(flagged.Contains)} readers flagged; clusters: {string.Join("; ", result.Clusters.Select(c => $"{c.TimeScaleSeconds} s, {c.Members.Count}"))}");
    }

    [Fact]
    public void Run_ReadersSharingAnOutletsArticlesWithinMinutes_NotFlagged()
    {
        var b = new Builder(30);
        const double days = 10;
        b.Background(1500, days);
        // An outlet posts twelve articles a day; thirty fast readers each share one in seven with the share button a minute
        // or a few after it appears (each at a pace of its own), so most articles are shared by several of them within
        // minutes; forty slow readers share a tenth of them an hour or so later. Nobody else shares the outlet's links.
        var fast = Enumerable.Range(0, 30).Select(i => (Reader: $"fast{i}", Pace: 60 * Math.Exp(b.Gaussian()))).ToList();
        var slow = Enumerable.Range(0, 40).Select(i => (Reader: $"slow{i}", Pace: 3600.0)).ToList();
        for (var article = 0; article < days * 12; article++)
        {
            var t = Math.Round(b.Random.NextDouble() * days * Day);
            var link = $"https://outlet.example/news/{article}";
            var headline = $"headline {article} of the day about the city council and its budget";
            b.ShareLink($"a{article}", "outlet", t, $"{headline} {link}", link);
            foreach (var (reader, pace) in fast.Where(_ => b.Random.NextDouble() < 0.15).Concat(slow.Where(_ => b.Random.NextDouble() < 0.1)))
            {
                b.ShareLink($"{reader}_{article}", reader, t + 5 + (pace * Math.Exp(0.9 * b.Gaussian())), $"{headline} {link} via @outlet", link, "outlet");
            }
        }

        var result = b.Detect();

        // At minutes their reactions are their own; at the window the outlet and a few fast readers who happen to share
        // the same articles within a minute of it, again and again, are still a finding (docs/detection.md, "What is
        // still weak").
        var readers = fast.Concat(slow).Select(r => r.Reader).ToHashSet();
        var atMinutes = result.Clusters.Where(c => c.TimeScaleSeconds > 60).SelectMany(c => c.Members).Count(readers.Contains);
        Assert.True(atMinutes == 0, $"{atMinutes} readers flagged at minutes; clusters: {string.Join("; ", result.Clusters.Select(c => $"{c.TimeScaleSeconds} s, {c.Members.Count(readers.Contains)} readers"))}");
    }

    [Fact]
    public void Run_PlayersOfOneHashtagGame_JoinTheGameClusterPassersByDoNot()
    {
        var b = new Builder(26);
        const double days = 10;
        b.Background(1500, days);
        // Thirty accounts play five games as above, and six more play the third game only: two or three entries each
        // inside its two hours. A passer-by posts once under that tag while it is played; a latecomer twice, five hours
        // after it ended; both are organic accounts.
        var gamers = Enumerable.Range(0, 30).Select(i => $"g{i}").ToList();
        var oneGame = Enumerable.Range(0, 6).Select(i => $"one{i}").ToList();
        for (var game = 0; game < 5; game++)
        {
            var start = (game * 2 + 0.5) * Day;
            var tag = $"game{game}";
            var players = gamers.Where(_ => b.Random.NextDouble() < 0.7).ToList();
            if (game == 2)
            {
                players.AddRange(oneGame);
            }
            foreach (var gamer in players)
            {
                b.Entries(gamer, tag, start, b.Random.Next(1, 4) + (oneGame.Contains(gamer) ? 1 : 0));
            }
        }
        b.Post("o7", (4.5 * Day) + 3600, "what is this game", ["game2"]);
        b.Post("o8", (4.5 * Day) + (7 * 3600), "late to the game", ["game2"]);
        b.Post("o8", (4.5 * Day) + (7.3 * 3600), "still playing", ["game2"]);
        for (var i = 0; i < 3000; i++)
        {
            b.Post($"o{b.Random.Next(1500)}", b.Random.NextDouble() * days * Day, $"organic words {i}", [$"popular{b.Random.Next(5)}"]);
        }

        var result = b.Detect();

        var flagged = Flagged(result);
        Assert.True(oneGame.All(flagged.Contains), $"{oneGame.Count(flagged.Contains)} of 6 players of one game flagged");
        Assert.DoesNotContain("o7", flagged);
        Assert.DoesNotContain("o8", flagged);
        Assert.DoesNotContain(flagged, a => !gamers.Contains(a) && !oneGame.Contains(a));
        var cluster = Assert.Single(result.Clusters, c => c.Kind == "hashtag game");
        Assert.Contains(cluster.Evidence, e => e.Name == "game_players" && e.Value >= 6);
    }

    [Fact]
    public void Run_TwoGameGroupUnderHalfOfEachTag_FoundFromItsGames()
    {
        var b = new Builder(27);
        const double days = 10;
        b.Background(1500, days);
        // Ten accounts play two games four days apart, two or three entries each within two hours; beside them on each
        // game twelve others play that game only (two entries each), so the ten are under half of either tag's accounts.
        var both = Enumerable.Range(0, 10).Select(i => $"g{i}").ToList();
        var oneGame = new List<string>();
        foreach (var (game, start) in new[] { (0, 2.3 * Day), (1, 6.6 * Day) })
        {
            var once = Enumerable.Range(0, 12).Select(i => $"one{game}_{i}").ToList();
            oneGame.AddRange(once);
            foreach (var player in both.Concat(once))
            {
                b.Entries(player, $"game{game}", start, once.Contains(player) ? 2 : b.Random.Next(2, 4));
            }
        }
        for (var i = 0; i < 3000; i++)
        {
            b.Post($"o{b.Random.Next(1500)}", b.Random.NextDouble() * days * Day, $"organic words {i}", [$"popular{b.Random.Next(5)}"]);
        }

        var result = b.Detect();

        var flagged = Flagged(result);
        Assert.True(both.All(flagged.Contains), $"{both.Count(flagged.Contains)} of the 10 players of both games flagged");
        Assert.True(oneGame.Count(flagged.Contains) >= 20, $"{oneGame.Count(flagged.Contains)} of 24 players of one game flagged");
        Assert.DoesNotContain(flagged, a => !both.Contains(a) && !oneGame.Contains(a));
        var cluster = Assert.Single(result.Clusters, c => c.Kind == "hashtag game");
        Assert.Contains(cluster.Evidence, e => e.Name == "games_log10_p" && e.Value >= 7.66);
        var edges = Assert.Single(cluster.Evidence, e => e.Name == "significant_edges");
        var members = Assert.Single(cluster.Evidence, e => e.Name == "members");
        Assert.Equal(edges.Value == 0, members.Explanation.Contains("no pair of them", StringComparison.Ordinal));
        Assert.Equal(0, edges.Value);
        var scale = Assert.Single(cluster.Evidence, e => e.Name == "time_scale_seconds");
        Assert.DoesNotContain("beats the null model", scale.Explanation, StringComparison.Ordinal);
        // No significant pair, so the signals are those of the objects the evidence came from: the games' hashtags.
        Assert.Equal([SignalKind.CoHashtag], cluster.Signals);
        var signals = Assert.Single(cluster.Evidence, e => e.Name == "signals");
        Assert.Equal(1, signals.Value);
        Assert.EndsWith("co-hashtag.", signals.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_StrongPairsWithoutAFinding_RankedAsLeadsWithTheFailedTest()
    {
        var b = new Builder(25);
        b.Background(600, 7);
        // Two accounts repost the same five popular posts within seconds: strong timing, but the posts are a crowd's.
        for (var i = 0; i < 12; i++)
        {
            var t = b.Random.NextDouble() * 7 * Day;
            var post = b.Post("star", t);
            b.Repost("pa", post, t + 5);
            b.Repost("pb", post, t + 7);
            for (var k = 0; k < 40; k++)
            {
                b.Repost($"o{b.Random.Next(600)}", post, t + 30 + b.Random.NextDouble() * 3000);
            }
        }

        var result = b.Detect();

        Assert.DoesNotContain("pa", Flagged(result));
        var lead = Assert.Single(result.Leads, l => l.Accounts.Contains("pa") && l.Accounts.Contains("pb"));
        Assert.False(string.IsNullOrEmpty(lead.FailedTest));
        Assert.True(lead.StrongestLog10P > 3);
        Assert.Equal(Enumerable.Range(1, result.Leads.Count), result.Leads.Select(l => l.Rank));
        Assert.All(result.Leads, l => Assert.InRange(l.Accounts.Count, 2, Math.Min(50, l.Size)));
        // The lead's per-edge evidence: the twelve posts both reposted, each within seconds of the other.
        var rows = result.EdgeObjects.Where(r => r.LeadRank == lead.Rank).ToList();
        Assert.Equal(12, rows.Count);
        Assert.All(rows, r => Assert.Equal(2, Math.Abs(r.TargetTime - r.SourceTime)));
    }

    [Fact]
    public void Run_TextFreeInput_NoCoTextObject()
    {
        var b = new Builder(26);
        for (var i = 0; i < 200; i++)
        {
            b.Messages.Add(new Message { MessageId = $"e{i}", AccountId = $"a{i % 50}", Timestamp = i * 10, Text = i % 2 == 0 ? "" : "RT" });
        }

        var result = b.Detect();

        Assert.Equal(0, result.Summary.Signals["co-text"].Events);
        Assert.DoesNotContain(result.Edges, e => e.Signal == SignalKind.CoText);
    }

    [Fact]
    public void Scores_FlaggedAboveHalfUnflaggedBelow_RisingWithEvidence()
    {
        Assert.InRange(Detector.FlaggedScore(2, 3), 0.5, 1);
        Assert.True(Detector.FlaggedScore(20, 3) > Detector.FlaggedScore(10, 3));
        Assert.True(Detector.FlaggedScore(10, 30) > Detector.FlaggedScore(10, 3));
        Assert.Equal(0, Detector.UnflaggedScore(0, 0));
        Assert.InRange(Detector.UnflaggedScore(300, 50), 0, 0.5);
        Assert.True(Detector.UnflaggedScore(300, 0) > Detector.UnflaggedScore(100, 0));
    }
}
