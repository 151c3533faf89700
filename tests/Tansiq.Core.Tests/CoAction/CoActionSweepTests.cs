using Tansiq.Core.CoAction;
using Tansiq.Core.Model;

namespace Tansiq.Core.Tests.CoAction;

public class CoActionSweepTests
{
    private static Message Repost(string id, string account, string original, double time) =>
        new() { MessageId = id, AccountId = account, RepostOf = original, Timestamp = time };

    private static Dictionary<(string, string), int> Network(IEnumerable<Message> messages, SignalKind kind, double window, int parallelism = 1, bool deferred = false)
    {
        var builder = new CorpusBuilder([kind]);
        foreach (var m in messages)
        {
            builder.Add(m);
        }
        var corpus = builder.Build();
        var table = CoActionSweep.Run(corpus.Signals[kind], corpus.AccountCount, new SweepOptions
        {
            Window = window,
            Parallelism = parallelism,
            DeferUpdatesAboveBytes = deferred ? 0 : PairShard.DefaultDeferAboveBytes,
        });
        var result = new Dictionary<(string, string), int>();
        foreach (var (lo, hi, stats) in table.Pairs())
        {
            var a = corpus.Accounts[lo];
            var b = corpus.Accounts[hi];
            result[string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a)] = stats.Weight;
        }
        return result;
    }

    [Fact]
    public void Run_ToolkitSampleWindow60_MatchesToolkitPairs()
    {
        // The toolkit's own test input (tests/data/coretweet_test_input.csv): 59 s apart is within a 60 s window, 60 s too (inclusive).
        var messages = new[]
        {
            Repost("0", "uid0", "rtid0", 0),
            Repost("1", "uid1", "rtid0", 59),
            Repost("2", "uid2", "rtid1", 60),
            Repost("3", "uid3", "rtid1", 121),
        };
        var network = Network(messages, SignalKind.CoRepost, 60);
        Assert.Equal(new Dictionary<(string, string), int> { [("uid0", "uid1")] = 1 }, network);
    }

    [Fact]
    public void Run_GapEqualsWindow_CountsAsCoAction()
    {
        var network = Network([Repost("1", "a", "p", 100), Repost("2", "b", "p", 160)], SignalKind.CoRepost, 60);
        Assert.Equal(1, network[("a", "b")]);
    }

    [Fact]
    public void Run_AsymmetricCounts_WeightIsLargerDirectedCount()
    {
        // a reposts p twice near b's single repost: toolkit counts 2 messages of a, 1 of b; the undirected weight is 2.
        var network = Network([Repost("1", "a", "p", 0), Repost("2", "a", "p", 10), Repost("3", "b", "p", 5)], SignalKind.CoRepost, 60);
        Assert.Equal(2, network[("a", "b")]);
    }

    [Fact]
    public void Run_SameAccountTwice_NoSelfPair()
    {
        var network = Network([Repost("1", "a", "p", 0), Repost("2", "a", "p", 10)], SignalKind.CoRepost, 60);
        Assert.Empty(network);
    }

    [Fact]
    public void Run_MessageWithTwoSharedLinks_CountsOnce()
    {
        var m1 = new Message { MessageId = "1", AccountId = "a", Timestamp = 0, Urls = ["http://x.com/1", "http://x.com/2"] };
        var m2 = new Message { MessageId = "2", AccountId = "b", Timestamp = 1, Urls = ["http://x.com/1", "https://www.x.com/2/"] };
        var network = Network([m1, m2], SignalKind.CoLink, 60);
        Assert.Equal(1, network[("a", "b")]);
    }

    [Fact]
    public void Run_ManyObjectsInParallelWithDeferredUpdates_SameAsSerial()
    {
        var random = new Random(7);
        var messages = Enumerable.Range(0, 60_000)
            .Select(i => Repost(i.ToString(), "acc" + random.Next(500), "post" + random.Next(3000), random.Next(100_000)))
            .ToList();
        var serial = Network(messages, SignalKind.CoRepost, 300, parallelism: 1);
        var parallel = Network(messages, SignalKind.CoRepost, 300, parallelism: 4, deferred: true);
        Assert.NotEmpty(serial);
        Assert.Equal(serial, parallel);
    }

    [Theory]
    [InlineData(1, false, false)]
    [InlineData(3, false, false)]
    [InlineData(1, true, false)]
    [InlineData(3, true, false)]
    [InlineData(2, false, true)]
    [InlineData(2, true, true)]
    public void Run_MixedSingleAndMultiLinkMessages_MatchesBruteForceToolkitCount(int parallelism, bool accountsRepeatOnALink, bool deferred)
    {
        // Most messages carry one link, some two or three (shared with others): the fast path for one-link messages and
        // the per-message de-duplication of several-link messages must together give the toolkit's count(distinct
        // message) per directed pair, both when every account acts once per link (the one-action-per-account sweep) and
        // when accounts post a link again and again (the general sweep).
        var random = new Random(11);
        var messages = new List<Message>();
        if (accountsRepeatOnALink)
        {
            for (var i = 0; i < 4000; i++)
            {
                var links = random.Next(10) switch
                {
                    0 => 3,
                    < 3 => 2,
                    _ => 1,
                };
                var urls = Enumerable.Range(0, links).Select(_ => $"http://n.example/{random.Next(6)}").Distinct().ToList();
                messages.Add(new Message { MessageId = i.ToString(), AccountId = "u" + random.Next(40), Timestamp = random.Next(20_000), Urls = urls });
            }
        }
        else
        {
            // Bursts on two links each; every account posts once per burst: the first link, the second, or both.
            for (var g = 0; g < 300; g++)
            {
                var accounts = Enumerable.Range(0, 50).OrderBy(_ => random.Next()).Take(10).ToList();
                foreach (var account in accounts)
                {
                    string[] urls = random.Next(3) switch
                    {
                        0 => [$"http://n.example/{2 * g}"],
                        1 => [$"http://n.example/{2 * g + 1}"],
                        _ => [$"http://n.example/{2 * g}", $"http://n.example/{2 * g + 1}"],
                    };
                    messages.Add(new Message { MessageId = messages.Count.ToString(), AccountId = "u" + account, Timestamp = 1000 * g + random.Next(200), Urls = urls });
                }
            }
        }
        const double window = 120;

        var expected = new Dictionary<(string, string), int>();
        foreach (var a in messages.GroupBy(m => m.AccountId))
        {
            foreach (var b in messages.GroupBy(m => m.AccountId))
            {
                if (string.CompareOrdinal(a.Key, b.Key) >= 0)
                {
                    continue;
                }
                int Directed(IEnumerable<Message> from, IEnumerable<Message> to) => from.Count(m =>
                    to.Any(o => o.MessageId != m.MessageId && Math.Abs(o.Timestamp - m.Timestamp) <= window && o.Urls.Intersect(m.Urls).Any()));
                var weight = Math.Max(Directed(a, b), Directed(b, a));
                if (weight > 0)
                {
                    expected[(a.Key, b.Key)] = weight;
                }
            }
        }

        Assert.Contains(expected.Values, w => w > 1);
        Assert.Equal(expected, Network(messages, SignalKind.CoLink, window, parallelism, deferred));
    }

    [Theory]
    [InlineData(1, false, true)]
    [InlineData(3, false, true)]
    [InlineData(1, true, true)]
    [InlineData(2, true, true)]
    [InlineData(1, false, false)]
    [InlineData(2, true, false)]
    public void Run_TimingEvidence_MatchesBruteForceSyncAndControlObjects(int parallelism, bool deferred, bool accountsRepeat)
    {
        // A pair's synchronous objects (closest gap <= w), their summed weights (here: the object's participants), and
        // control objects (closest gap in (w, 3w]) for every pair that co-acted somewhere, counted pair by pair over every
        // object; accounts may act on a post more than once.
        var random = new Random(5);
        // Either accounts repeat on a post (the general sweep) or each acts once per post (the one-action sweep), with
        // whole-second times so that gaps of exactly the window occur.
        var messages = accountsRepeat
            ? Enumerable.Range(0, 3000)
                .Select(i => Repost(i.ToString(), "u" + random.Next(60), "p" + random.Next(150), random.Next(5_000)))
                .ToList()
            : Enumerable.Range(0, 150)
                .SelectMany(p => Enumerable.Range(0, 60).OrderBy(_ => random.Next()).Take(20)
                    .Select(a => Repost($"{p}-{a}", "u" + a, "p" + p, random.Next(200))))
                .ToList();
        const double window = 30;
        var gaps = new Dictionary<(string, string), List<(double Gap, int Participants)>>();
        foreach (var post in messages.GroupBy(m => m.RepostOf))
        {
            foreach (var a in post.GroupBy(m => m.AccountId))
            {
                foreach (var b in post.GroupBy(m => m.AccountId))
                {
                    if (string.CompareOrdinal(a.Key, b.Key) < 0)
                    {
                        var closest = a.Min(x => b.Min(y => Math.Abs(x.Timestamp - y.Timestamp)));
                        var participants = post.Select(m => m.AccountId).Distinct().Count();
                        (gaps.TryGetValue((a.Key, b.Key), out var list) ? list : gaps[(a.Key, b.Key)] = []).Add((closest, participants));
                    }
                }
            }
        }
        var expected = gaps.Where(g => g.Value.Any(x => x.Gap <= window)).ToDictionary(g => g.Key, g => (
            Sync: g.Value.Count(x => x.Gap <= window),
            Control: g.Value.Count(x => x.Gap > window && x.Gap <= 3 * window),
            Evidence: (double)g.Value.Where(x => x.Gap <= window).Sum(x => x.Participants)));

        var builder = new CorpusBuilder([SignalKind.CoRepost]);
        messages.ForEach(m => builder.Add(m));
        var corpus = builder.Build();
        var table = CoActionSweep.Run(corpus.Signals[SignalKind.CoRepost], corpus.AccountCount,
            new SweepOptions
            {
                Window = window,
                ObjectWeight = stats => stats.Participants,
                ControlFactor = 3,
                Parallelism = parallelism,
                DeferUpdatesAboveBytes = deferred ? 0 : PairShard.DefaultDeferAboveBytes,
            });
        var actual = new Dictionary<(string, string), (int Sync, int Control, double Evidence)>();
        foreach (var (lo, hi, stats) in table.Pairs())
        {
            var (a, b) = (corpus.Accounts[lo], corpus.Accounts[hi]);
            actual[string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a)] = (stats.SyncObjects, stats.ControlObjects, stats.Evidence);
        }

        Assert.Contains(expected.Values, v => v.Control > 0);
        Assert.Equal(expected, actual);
    }
}
