using Tansiq.Core.CoAction;
using Tansiq.Core.Model;

namespace Tansiq.Core.Tests.CoAction;

public class NetworkSweepTests
{
    [Theory]
    [InlineData(1, false)]
    [InlineData(3, false)]
    [InlineData(1, true)]
    [InlineData(2, true)]
    public void Count_RandomRepostsWithRepeats_SameDirectedCountsAsTheGeneralSweep(int threads, bool deferred)
    {
        // Objects where every account acts once (the batched path) and objects where some act twice (the directed path);
        // ties in time, several objects a pair shares.
        var random = new Random(threads * 10 + (deferred ? 1 : 0));
        var builder = new CorpusBuilder([SignalKind.CoRepost]);
        for (var i = 0; i < 30_000; i++)
        {
            var post = random.Next(800);
            var account = post % 3 == 0 ? random.Next(40) : random.Next(600);
            builder.Add(new Message { MessageId = $"m{i}", AccountId = $"a{account}", RepostOf = $"p{post}", Timestamp = post * 1000 + random.Next(600) });
        }
        var corpus = builder.Build();
        var events = corpus.Signals[SignalKind.CoRepost];
        var expected = CoActionSweep.Run(events, corpus.AccountCount, new SweepOptions { Window = 60, Parallelism = 1 })
            .Pairs().ToDictionary(p => PairTable.Key(p.Lo, p.Hi), p => (p.Stats.LoToHi, p.Stats.HiToLo));

        var counts = NetworkSweep.Count(events, corpus.AccountCount, 60, threads, deferred ? 0 : CountShard.DefaultDeferAboveBytes);
        var actual = counts.Pairs().ToDictionary(p => p.Key, p => (p.LoToHi, p.HiToLo));

        Assert.True(NetworkSweep.Supports(events));
        Assert.Contains(expected.Values, v => v.LoToHi != v.HiToLo);
        Assert.Contains(expected.Values, v => v.LoToHi > 1);
        Assert.Equal(expected.Count, counts.Count);
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public void Run_RandomReposts_SameNetworkAsRawNetworkFromTheGeneralSweep(int minWeight)
    {
        var random = new Random(minWeight);
        var builder = new CorpusBuilder([SignalKind.CoRepost]);
        for (var i = 0; i < 20_000; i++)
        {
            var post = random.Next(300);
            builder.Add(new Message { MessageId = $"m{i}", AccountId = $"a{random.Next(150)}", RepostOf = $"p{post}", Timestamp = post * 500 + random.Next(300) });
        }
        var corpus = builder.Build();
        var events = corpus.Signals[SignalKind.CoRepost];
        var pairs = new OrdinalPairs(corpus.Accounts);
        var expected = RawNetwork.From(CoActionSweep.Run(events, corpus.AccountCount, new SweepOptions { Window = 60, Parallelism = 2 }), pairs, minWeight, 2);

        var actual = NetworkSweep.Run(events, corpus.AccountCount, 60, pairs, minWeight, parallelism: 2);

        Assert.True(expected.Count > 10);
        Assert.Equal(expected.Keys, actual.Keys);
        Assert.Equal(expected.Weights, actual.Weights);
    }

    [Fact]
    public void Supports_AMessageWithTwoLinks_False()
    {
        var builder = new CorpusBuilder([SignalKind.CoLink]);
        builder.Add(new Message { MessageId = "1", AccountId = "a", Urls = ["http://x.test/1", "http://x.test/2"], Timestamp = 1 });
        builder.Add(new Message { MessageId = "2", AccountId = "b", Urls = ["http://x.test/1"], Timestamp = 2 });
        var corpus = builder.Build();

        Assert.False(NetworkSweep.Supports(corpus.Signals[SignalKind.CoLink]));
        Assert.Throws<ArgumentException>(() => NetworkSweep.Count(corpus.Signals[SignalKind.CoLink], corpus.AccountCount, 60, 1, 0));
    }

    [Fact]
    public void WindowedPairBound_EveryPairMeetsOnce_EqualsThePairsStored()
    {
        // Each post's reposters are distinct accounts of its own, so no pair meets on two posts: the bound is exact.
        var random = new Random(7);
        var builder = new CorpusBuilder([SignalKind.CoRepost]);
        var account = 0;
        for (var post = 0; post < 200; post++)
        {
            var n = 2 + random.Next(30);
            for (var i = 0; i < n; i++)
            {
                builder.Add(new Message { MessageId = $"m{post}-{i}", AccountId = $"a{account++}", RepostOf = $"p{post}", Timestamp = (post * 10_000) + random.Next(300) });
            }
        }
        var corpus = builder.Build();
        var events = corpus.Signals[SignalKind.CoRepost];

        var counts = NetworkSweep.Count(events, corpus.AccountCount, 60, 1, CountShard.DefaultDeferAboveBytes);

        Assert.True(counts.Count > 1_000);
        Assert.Equal(counts.Count, NetworkSweep.WindowedPairBound(events, 60));
    }

    [Fact]
    public void WindowedPairBound_PairsMeetingOnSeveralPosts_AtLeastThePairsStored()
    {
        var random = new Random(8);
        var builder = new CorpusBuilder([SignalKind.CoRepost]);
        for (var i = 0; i < 20_000; i++)
        {
            var post = random.Next(400);
            builder.Add(new Message { MessageId = $"m{i}", AccountId = $"a{random.Next(300)}", RepostOf = $"p{post}", Timestamp = (post * 1000) + random.Next(600) });
        }
        var corpus = builder.Build();
        var events = corpus.Signals[SignalKind.CoRepost];

        var bound = NetworkSweep.WindowedPairBound(events, 60);
        var stored = NetworkSweep.Count(events, corpus.AccountCount, 60, 1, CountShard.DefaultDeferAboveBytes).Count;

        Assert.True(bound > stored, $"bound {bound}, stored {stored}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Count_HundredsOfThousandsOfPairs_ShardsSizedFromTheDataNeverGrow(int threads)
    {
        // About 400,000 distinct pairs: a shard that started at a few thousand entries would double seven times or more.
        var random = new Random(threads);
        var builder = new CorpusBuilder([SignalKind.CoRepost]);
        for (var i = 0; i < 60_000; i++)
        {
            var post = random.Next(3_000);
            builder.Add(new Message { MessageId = $"m{i}", AccountId = $"a{random.Next(20_000)}", RepostOf = $"p{post}", Timestamp = (post * 1000) + random.Next(120) });
        }
        var corpus = builder.Build();

        var counts = NetworkSweep.Count(corpus.Signals[SignalKind.CoRepost], corpus.AccountCount, 60, threads, CountShard.DefaultDeferAboveBytes);

        Assert.True(counts.Count > 300_000, $"{counts.Count} pairs");
        Assert.All(counts.Shards, s => Assert.Equal(0, s.Grows));
    }
}
