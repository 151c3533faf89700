using Tansiq.Core.CoAction;
using Tansiq.Core.Detection;
using Tansiq.Core.Model;

namespace Tansiq.Core.Tests.Detection;

/// <summary>
/// Relays judged by their cascades (Detector.Relays.cs): a chain that passes items hop by hop, each account some minutes
/// after the one before, runs for hours on every item; people who share the same items on their own arrive
/// independently over the same hours. Worlds are built here, by hand, not by the product's simulator.
/// </summary>
public class RelayCascadeTests
{
    private const double Day = 86400;

    private static DetectionResult Detect(List<Message> messages)
    {
        var options = new DetectOptions();
        var builder = new CorpusBuilder(options.Signals);
        foreach (var m in messages.OrderBy(m => m.Timestamp))
        {
            builder.Add(m);
        }
        return new Detector(options, TimeProvider.System).Run(builder.Build());
    }

    private static HashSet<string> Flagged(DetectionResult result) =>
        result.Accounts.Where(a => a.ClusterId is not null).Select(a => a.AccountId).ToHashSet();

    private static double LogNormal(Random random, double median, double sigma) =>
        median * Math.Exp(sigma * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));

    /// <summary>Organic background: accounts that post links of their own and re-share one another's at human delays.</summary>
    private static void Background(List<Message> messages, Random random, int accounts, double days)
    {
        var posts = new List<(string Id, double Time)>();
        for (var i = 0; i < accounts * 3; i++)
        {
            var t = random.NextDouble() * days * Day;
            var id = $"bg{messages.Count}";
            messages.Add(new Message { MessageId = id, AccountId = $"o{random.Next(accounts)}", Timestamp = Math.Round(t), Text = "post " + id, Urls = [$"https://news.example/{random.Next(accounts)}"] });
            posts.Add((id, t));
        }
        for (var i = 0; i < accounts * 4; i++)
        {
            var (id, t) = posts[random.Next(posts.Count)];
            messages.Add(new Message { MessageId = $"bg{messages.Count}", AccountId = $"o{random.Next(accounts)}", RepostOf = id, Timestamp = Math.Round(t + Math.Exp(3 + random.NextDouble() * 6)) });
        }
    }

    [Fact]
    public void Run_SlowRelayChain_ChainFlaggedWhole()
    {
        var random = new Random(7);
        var messages = new List<Message>();
        Background(messages, random, 2000, 8);
        // Twenty-five accounts pass 15 links down the chain, each about ten minutes after the one before (a hop varies
        // by a factor of 1.4): four hours from the first to the last, nine in ten accounts on each item.
        var chain = Enumerable.Range(0, 25).Select(i => $"r{i}").ToList();
        for (var item = 0; item < 15; item++)
        {
            var t = random.NextDouble() * 7 * Day;
            var url = $"https://relay.example/{item}";
            for (var i = 0; i < chain.Count; i++)
            {
                if (i > 0 && random.NextDouble() < 0.1)
                {
                    continue;
                }
                messages.Add(new Message { MessageId = $"r{item}_{i}", AccountId = chain[i], Timestamp = Math.Round(t), Text = $"look {item}", Urls = [url] });
                t += LogNormal(random, 600, 0.35);
            }
        }

        var flagged = Flagged(Detect(messages));

        Assert.True(flagged.Count(chain.Contains) >= 22, $"{flagged.Count(chain.Contains)} of 25 relay accounts flagged");
        Assert.True(flagged.Count(a => !chain.Contains(a)) <= 2, $"{flagged.Count(a => !chain.Contains(a))} others flagged");
    }

    [Fact]
    public void Run_ReadersSharingTheSameLinksOnTheirOwn_NotFlagged()
    {
        var random = new Random(7);
        var messages = new List<Message>();
        Background(messages, random, 2000, 8);
        // Twenty-five readers of one small site share its 15 stories, nine in ten of them each story, each at a time of
        // his own within four hours of its publication: as many objects, accounts and hours as the relay above, but
        // independent arrivals (exponential gaps between consecutive readers).
        var readers = Enumerable.Range(0, 25).Select(i => $"rd{i}").ToList();
        for (var item = 0; item < 15; item++)
        {
            var t = random.NextDouble() * 7 * Day;
            var url = $"https://small-site.example/{item}";
            for (var i = 0; i < readers.Count; i++)
            {
                if (random.NextDouble() < 0.1)
                {
                    continue;
                }
                messages.Add(new Message { MessageId = $"rd{item}_{i}", AccountId = readers[i], Timestamp = Math.Round(t + random.NextDouble() * 4 * 3600), Text = $"story {item} {i}", Urls = [url] });
            }
        }

        var flagged = Flagged(Detect(messages));

        Assert.DoesNotContain(flagged, readers.Contains);
    }
}
