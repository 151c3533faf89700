using Tansiq.Core.Model;
using Tansiq.Core.Simulation;

namespace Tansiq.Simulation.Tests.Simulation;

public class ScenarioTests
{
    private static readonly WorldParameters Tiny = new() { Scale = 0.05, Days = 4 };

    private static readonly ScenarioParameters Everything = new()
    {
        SleeperShare = 0.3,
        HumanSquads = 3,
        HumanSquadSizeMin = 8,
        HumanSquadSizeMax = 20,
        HumanSpreadMinSeconds = 120,
        HumanSpreadMaxSeconds = 900,
        HumanOwnPostShare = 1,
        HumanCopyTextShare = 0,
        Operators = 6,
        OperatorActionsMin = 30,
        OperatorActionsMax = 60,
        Relays = 2,
        RelayLengthMin = 6,
        RelayLengthMax = 12,
        RelayEventsMin = 12,
        RelayParticipation = 1,
        HashtagGameGroups = 2,
        BreakingNewsTags = 2,
        BreakingNewsAdoptersMin = 200,
        BreakingNewsAdoptersMax = 300,
        BreakingNewsDelayMinSeconds = 60,
        BreakingNewsDelayMaxSeconds = 120,
        Publishers = 2,
    };

    private static readonly Lazy<World> ScenarioWorld = new(() => WorldGenerator.Generate(Tiny with { Scenarios = Everything }, 5));

    private static readonly Lazy<World> CoarseWorld = new(() =>
        WorldGenerator.Generate(Tiny with { Days = 2, Scenarios = new ScenarioParameters { CoarseTimestamps = true, Operators = 2 } }, 6));

    private static Dictionary<string, SimAccount> ById(World w) => w.Accounts.ToDictionary(a => a.AccountId, StringComparer.Ordinal);

    private static List<(SimAccount Account, Message Message)> Acts(World w, AccountRole role)
    {
        var byId = ById(w);
        return w.Messages.Where(m => byId[m.AccountId].Role == role).Select(m => (byId[m.AccountId], m)).ToList();
    }

    private static string WorldText(World w) => string.Join('\n', w.Messages.Select(m => $"{m.MessageId}|{m.AccountId}|{m.Text}|{m.Timestamp}|{m.RepostOf}"))
        + string.Join('\n', w.Accounts.Select(a => a.ToString())) + string.Join('\n', w.Follows) + string.Join('\n', w.Reports);

    [Fact]
    public void Generate_EmptyScenarioParameters_SameWorldAsWithout()
    {
        var plain = WorldGenerator.Generate(Tiny with { Days = 2 }, 3);
        var empty = WorldGenerator.Generate(Tiny with { Days = 2, Scenarios = new ScenarioParameters() }, 3);
        Assert.Equal(WorldText(plain), WorldText(empty));
        Assert.DoesNotContain(plain.Truth.Parameters, p => p.Key.StartsWith("Scenario", StringComparison.Ordinal));
        Assert.Contains(empty.Truth.Parameters, p => p.Key == "ScenarioHumanSquads");
        Assert.All(plain.Truth.Accounts, a => Assert.Null(a.Behaviour));
    }

    [Fact]
    public void Generate_SameScenarioSeed_SameWorld()
    {
        var again = WorldGenerator.Generate(Tiny with { Scenarios = Everything }, 5);
        Assert.Equal(WorldText(ScenarioWorld.Value), WorldText(again));
    }

    [Fact]
    public void Generate_Scenarios_EveryCoordinatedAccountHasAGroupAndABehaviour()
    {
        var w = ScenarioWorld.Value;
        var scenario = w.Truth.Accounts.Where(a => a.Behaviour is not null).ToList();
        Assert.Contains(scenario, a => a.Behaviour == Behaviours.HumanSquad && a.Role == AccountRole.Army);
        Assert.Contains(scenario, a => a.Behaviour == Behaviours.Sockpuppets && a.Role == AccountRole.Sockpuppet);
        Assert.Contains(scenario, a => a.Behaviour == Behaviours.Relay && a.Role == AccountRole.Relay);
        Assert.Contains(scenario, a => a.Behaviour == Behaviours.HashtagGame && a.Role == AccountRole.HashtagGamer);
        Assert.Contains(scenario, a => a.Behaviour == Behaviours.Publisher && a.Role == AccountRole.Publisher);
        Assert.All(scenario, a => Assert.False(string.IsNullOrEmpty(a.Squad)));
        // the seed world's squads keep their old truth (no behaviour field), and sleepers are among them
        Assert.Contains(w.Truth.Accounts, a => a.Role == AccountRole.Army && a.Behaviour is null && a.Sleeper);
        Assert.Equal(Everything.HumanSquads, scenario.Where(a => a.Behaviour == Behaviours.HumanSquad).Select(a => a.Squad).Distinct().Count());
        var operators = scenario.Where(a => a.Role == AccountRole.Sockpuppet).GroupBy(a => a.Squad).ToList();
        Assert.Equal(Everything.Operators, operators.Count);
        Assert.All(operators, g => Assert.InRange(g.Count(), 2, 3));
    }

    [Fact]
    public void Generate_Operators_SameActionOnEachAccountOneToTenMinutesApart()
    {
        var w = ScenarioWorld.Value;
        var gaps = new List<double>();
        foreach (var group in Acts(w, AccountRole.Sockpuppet).GroupBy(x => x.Account.Squad))
        {
            var accounts = group.Select(x => x.Account.AccountId).Distinct().Count();
            // one action = the same post reposted, or the same text pasted (before any spelling variant: the first words)
            foreach (var same in group.GroupBy(x => x.Message.RepostOf ?? string.Join(' ', x.Message.Text.Split(' ').Take(2))))
            {
                var times = same.Select(x => x.Message.Timestamp).Order().ToList();
                if (times.Count == accounts && same.Select(x => x.Account.AccountId).Distinct().Count() == accounts)
                {
                    gaps.AddRange(times.Zip(times.Skip(1), (a, b) => b - a));
                }
            }
        }
        Assert.True(gaps.Count > 50, $"only {gaps.Count} operator gaps");
        // (a text pasted in two separate actions, or an account's own earlier repost of the post, can fake a gap: rare)
        Assert.True(gaps.Count(g => g is >= 59 and <= 601) >= 0.95 * gaps.Count, string.Join(", ", gaps.Where(g => g is < 59 or > 601).Take(10)));
        // most a minute or two apart, some longer
        Assert.True(gaps.Count(g => g is >= 59 and <= 121) > 0.7 * gaps.Count);
        Assert.Contains(gaps, g => g is > 121 and <= 601);
    }

    [Fact]
    public void Generate_Relays_EachCopiesTheOneBeforeInAFixedOrder()
    {
        var w = ScenarioWorld.Value;
        foreach (var chain in Acts(w, AccountRole.Relay).GroupBy(x => x.Account.Squad))
        {
            var before = new HashSet<(string, string)>();
            var relayed = 0;
            // links relayed along the chain (each item its own new link): one object, members in time order
            foreach (var item in chain.Where(x => x.Message.Urls.Count > 0 && x.Message.Urls[0].Contains("/r/", StringComparison.Ordinal))
                         .GroupBy(x => x.Message.Urls[0]).Where(g => g.Count() >= 3))
            {
                relayed++;
                var order = item.OrderBy(x => x.Message.Timestamp).ToList();
                for (var i = 1; i < order.Count; i++)
                {
                    var gap = order[i].Message.Timestamp - order[i - 1].Message.Timestamp;
                    Assert.InRange(gap, Everything.RelayHopMinSeconds - 1, Everything.RelayHopMaxSeconds + 1);
                    before.Add((order[i - 1].Account.AccountId, order[i].Account.AccountId));
                }
                var span = order[^1].Message.Timestamp - order[0].Message.Timestamp;
                Assert.True(span >= (order.Count - 1) * (Everything.RelayHopMinSeconds - 1), "first and last are far apart");
            }
            Assert.True(relayed >= 1, $"chain {chain.Key} relayed nothing");
            // no pair is ever in both orders: the chain's order is the same for every item
            Assert.All(before, p => Assert.DoesNotContain((p.Item2, p.Item1), before));
        }
    }

    [Fact]
    public void Generate_HashtagGames_ManyDifferentTextsUnderANewTagWithinHours()
    {
        var w = ScenarioWorld.Value;
        var games = Acts(w, AccountRole.HashtagGamer).Where(x => x.Message.Hashtags.Count > 0 && x.Message.Hashtags[0].StartsWith("لعبة_", StringComparison.Ordinal))
            .GroupBy(x => x.Message.Hashtags[0]).ToList();
        Assert.True(games.Count >= Everything.HashtagGameGroups * Everything.HashtagGamesMin);
        foreach (var game in games)
        {
            var times = game.Select(x => x.Message.Timestamp).ToList();
            Assert.True(times.Max() - times.Min() <= Everything.HashtagGameHoursMax * 3600, $"game {game.Key} lasts too long");
            Assert.True(game.Select(x => x.Account.AccountId).Distinct().Count() >= 5);
            Assert.True(game.Select(x => x.Message.Text).Distinct().Count() >= 0.9 * game.Count(), "game texts differ");
        }
    }

    [Fact]
    public void Generate_HumanSquads_MembersActWithinTheSquadsSpread()
    {
        var w = ScenarioWorld.Value;
        var byId = ById(w);
        var posts = w.Messages.ToDictionary(m => m.MessageId, StringComparer.Ordinal);
        var humans = Acts(w, AccountRole.Army).Where(x => x.Account.Behaviour == Behaviours.HumanSquad).ToList();
        var spans = new List<double>();
        foreach (var pushed in humans.Where(x => x.Message.RepostOf is not null).GroupBy(x => (x.Message.RepostOf!, x.Account.Squad)))
        {
            var original = posts[pushed.Key.Item1];
            if (byId[original.AccountId].Squad != pushed.Key.Squad || pushed.Count() < 3)
            {
                continue;
            }
            var times = pushed.Select(x => x.Message.Timestamp).ToList();
            spans.Add(times.Max() - times.Min());
        }
        Assert.True(spans.Count > 20, $"only {spans.Count} pushed posts");
        Assert.All(spans, s => Assert.True(s <= Everything.HumanSpreadMaxSeconds, $"spread {s}"));
        // minutes, not seconds: the median push spreads over more than a minute
        Assert.True(spans.Order().ElementAt(spans.Count / 2) > 60);
    }

    [Fact]
    public void Generate_Sleepers_JoinFewerSquadActionsThanTheirSquadMates()
    {
        var w = ScenarioWorld.Value;
        var reposts = Acts(w, AccountRole.Army).Where(x => x.Message.RepostOf is not null)
            .GroupBy(x => x.Account.AccountId).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var army = w.Accounts.Where(a => a.Role == AccountRole.Army).ToList();
        double Mean(IEnumerable<SimAccount> accounts) => accounts.Select(a => reposts.GetValueOrDefault(a.AccountId)).DefaultIfEmpty().Average();
        var sleepers = army.Where(a => a.Sleeper).ToList();
        Assert.NotEmpty(sleepers);
        Assert.True(Mean(sleepers) * 3 < Mean(army.Where(a => !a.Sleeper)), $"sleepers {Mean(sleepers)}, others {Mean(army.Where(a => !a.Sleeper))}");
    }

    [Fact]
    public void Generate_BreakingNews_HundredsOfOrganicAccountsWithinMinutes()
    {
        var w = ScenarioWorld.Value;
        var byId = ById(w);
        var tags = w.Messages.Where(m => m.Hashtags.Count > 0 && m.Hashtags[0].StartsWith("عاجل_", StringComparison.Ordinal)).GroupBy(m => m.Hashtags[0]).ToList();
        Assert.Equal(Everything.BreakingNewsTags, tags.Count);
        foreach (var tag in tags)
        {
            var times = tag.Select(m => m.Timestamp).Order().ToList();
            var adopters = tag.Select(m => m.AccountId).Distinct().ToList();
            Assert.True(adopters.Count >= 100, $"{adopters.Count} adopters");
            Assert.All(adopters, a => Assert.True(byId[a].Role is AccountRole.Organic or AccountRole.Fan or AccountRole.Journalist));
            // half of them within ten minutes of the first
            Assert.True(times[times.Count / 2] - times[0] <= 600);
        }
    }

    [Fact]
    public void Generate_Publishers_PostTheirOwnLinkOnEveryPageAtTheSameSecond()
    {
        var w = ScenarioWorld.Value;
        var pages = Acts(w, AccountRole.Publisher);
        Assert.Equal(Everything.Publishers, pages.Select(x => x.Account.Squad).Distinct().Count());
        foreach (var link in pages.Where(x => x.Message.Urls.Count > 0).GroupBy(x => x.Message.Urls[0]))
        {
            var times = link.Select(x => x.Message.Timestamp).ToList();
            Assert.True(times.Max() - times.Min() <= 1);
            Assert.Equal(link.Count(), link.Select(x => x.Account.AccountId).Distinct().Count());
            Assert.Single(link.Select(x => x.Account.Squad).Distinct());
        }
    }

    [Fact]
    public void Generate_CoarseTimestamps_EveryTimeOnAMinuteInOrder()
    {
        var w = CoarseWorld.Value;
        Assert.All(w.Messages, m => Assert.Equal(0, m.Timestamp % 60));
        for (var i = 1; i < w.Messages.Count; i++)
        {
            Assert.True(w.Messages[i].Timestamp >= w.Messages[i - 1].Timestamp);
        }
        Assert.True(w.Messages.Select(m => m.Timestamp).Distinct().Count() > 100);
    }

    [Fact]
    public void Validate_RangeUpsideDown_NamesTheParameter()
    {
        var bad = Tiny with { Scenarios = new ScenarioParameters { RelayLengthMin = 10, RelayLengthMax = 5 } };
        var e = Assert.Throws<ArgumentException>(bad.Validate);
        Assert.Equal(nameof(ScenarioParameters.RelayLengthMin), e.ParamName);
    }
}
