using System.Globalization;

namespace Tansiq.Core.Simulation;

/// <summary>What the fuzzer drew for one world: its seed, its parameters, and the drawn values worth a column.</summary>
public sealed record FuzzWorld
{
    public required int Index { get; init; }
    public required int Seed { get; init; }
    /// <summary>True for a world with no coordinated accounts at all (no army, no scenario positives).</summary>
    public required bool NoArmy { get; init; }
    public required WorldParameters Parameters { get; init; }
    /// <summary>Name and value (invariant text) of each drawn quantity, in a fixed order shared by every world.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Drawn { get; init; }
}

/// <summary>Options of the fuzzer's draw.</summary>
public sealed record FuzzOptions
{
    public int Worlds { get; init; } = 100;
    public int Seed { get; init; } = 1;
    /// <summary>Share of worlds with no coordinated accounts at all.</summary>
    public double NoArmyShare { get; init; } = 0.2;
    /// <summary>Multiplies the drawn scale (1: 0.08-0.7 of the seed world, about 2,000-19,000 accounts).</summary>
    public double ScaleMax { get; init; } = 1;
    public double DaysMin { get; init; } = 3;
    public double DaysMax { get; init; } = 14;
}

/// <summary>
/// Draws worlds from wide ranges of every behaviour (log-uniform where a quantity spans orders of magnitude):
/// scheduler squads of seconds to minutes, human squads of minutes, operator-run sockpuppets, relays, hashtag games and
/// sleepers; and hard negatives: friend groups up to 40 people, fast fan bases, viral moments, breaking-news hashtags,
/// publisher pages, coarse timestamps. The ranges follow what real coordination and real crowds look like
/// (docs/simulator.md, "Scenarios"), not what a detector finds. Pure: the worlds are a function of the options.
/// </summary>
public static class ScenarioFuzzer
{
    /// <summary>The names of <see cref="FuzzWorld.Drawn"/>, in order.</summary>
    public static IReadOnlyList<string> DrawnNames { get; } =
    [
        "scale", "days", "coarse_timestamps",
        "army_size", "squads", "squad_latency_min_s", "squad_latency_max_s", "member_jitter_s", "member_participation", "sleeper_share",
        "human_squads", "human_squad_size_max", "human_spread_min_s", "human_spread_max_s", "human_participation_min", "human_participation_max",
        "operators", "relays", "relay_hop_min_s", "relay_hop_max_s", "hashtag_game_groups",
        "friend_group_max", "friend_repost_p", "friend_delay_median_s", "fans_at_scale_1", "fast_fan_share", "fast_fan_delay_median_s", "fan_delay_median_s",
        "viral_moments", "viral_delay_mean_s", "breaking_news_tags", "publisher_outlets",
    ];

    public static IReadOnlyList<FuzzWorld> Draw(FuzzOptions options)
    {
        var rng = new Random(options.Seed);
        var worlds = new List<FuzzWorld>(options.Worlds);
        for (var i = 0; i < options.Worlds; i++)
        {
            // each world draws from its own stream: world i is the same whatever the number of worlds
            var seed = rng.Next(1, int.MaxValue);
            var noArmy = rng.Chance(options.NoArmyShare);
            worlds.Add(DrawOne(new Random(seed), options, i, seed, noArmy));
        }
        return worlds;
    }

    private static double LogUniform(Random rng, double min, double max) => Math.Exp(rng.Uniform(Math.Log(min), Math.Log(max)));

    private static int LogUniformInt(Random rng, int min, int max) => Math.Clamp((int)Math.Floor(LogUniform(rng, min, max + 1.0)), min, max);

    private static FuzzWorld DrawOne(Random rng, FuzzOptions options, int index, int seed, bool noArmy)
    {
        var baseWorld = new WorldParameters();
        var scale = LogUniform(rng, 0.08, 0.7) * options.ScaleMax;
        var days = Math.Round(rng.Uniform(options.DaysMin, options.DaysMax), 1);
        // roughly how many accounts the world will have (organic, fans, petition): caps coordinated groups
        var accounts = (baseWorld.OrganicAccounts + baseWorld.Fans + baseWorld.PetitionParticipants) * scale;

        // ---- hard negatives, in every world
        var friendMax = LogUniformInt(rng, 4, 40);
        var friendRepost = rng.Uniform(0.2, 0.8);
        var friendDelay = LogUniform(rng, 60, 3600);
        var fans = LogUniformInt(rng, 300, 8000);
        var fastFanShare = rng.Uniform(0, 0.6);
        var fastFanDelay = LogUniform(rng, 5, 40);
        var fanDelay = LogUniform(rng, 60, 1500);
        var viral = LogUniformInt(rng, 1, 40);
        var viralDelay = LogUniform(rng, 60, 1800);
        var viralReposters = LogUniformInt(rng, 200, 3000);
        var breaking = rng.Next(0, 7);
        var publishers = rng.Next(0, 4);
        var coarse = rng.Chance(0.3);

        // ---- coordination: each behaviour present in part of the worlds, at least one in a world with an army
        var hasScheduler = !noArmy && rng.Chance(0.6);
        var hasHuman = !noArmy && rng.Chance(0.5);
        var hasOperators = !noArmy && rng.Chance(0.5);
        var hasRelays = !noArmy && rng.Chance(0.4);
        var hasGames = !noArmy && rng.Chance(0.4);
        if (!noArmy && !(hasScheduler || hasHuman || hasOperators || hasRelays || hasGames))
        {
            switch (rng.Next(5))
            {
                case 0: hasScheduler = true; break;
                case 1: hasHuman = true; break;
                case 2: hasOperators = true; break;
                case 3: hasRelays = true; break;
                default: hasGames = true; break;
            }
        }
        var squads = hasScheduler ? LogUniformInt(rng, 1, 10) : 0;
        var armySize = hasScheduler ? LogUniformInt(rng, 2 * squads, Math.Max(2 * squads, Math.Min(1000 * squads, (int)(accounts * 0.15)))) : 0;
        var latencyMin = LogUniform(rng, 1, 30);
        var latencyMax = latencyMin * LogUniform(rng, 1.5, 20);
        var jitter = LogUniform(rng, 2, 120);
        var participation = rng.Uniform(0.1, 0.9);
        var sleeperShare = rng.Chance(0.4) ? rng.Uniform(0.05, 0.4) : 0;
        var humanSquads = hasHuman ? rng.Next(1, 5) : 0;
        var humanSizeMax = LogUniformInt(rng, 5, Math.Max(5, Math.Min(1000, (int)(accounts * 0.08))));
        var spreadMin = LogUniform(rng, 60, 600);
        var spreadMax = Math.Min(1800, spreadMin * LogUniform(rng, 1, 10));
        var humanPartMin = rng.Uniform(0.1, 0.5);
        var humanPartMax = rng.Uniform(humanPartMin, 0.9);
        var operators = hasOperators ? LogUniformInt(rng, 1, 40) : 0;
        var relays = hasRelays ? rng.Next(1, 5) : 0;
        var hopMin = LogUniform(rng, 60, 600);
        var hopMax = Math.Min(1200, hopMin * LogUniform(rng, 1, 6));
        var games = hasGames ? rng.Next(1, 4) : 0;

        var scenarios = new ScenarioParameters
        {
            SleeperShare = noArmy ? 0 : sleeperShare,
            HumanSquads = humanSquads,
            HumanSquadSizeMin = 2,
            HumanSquadSizeMax = humanSizeMax,
            HumanOrdersPerDay = LogUniform(rng, 1, 10),
            HumanSpreadMinSeconds = spreadMin,
            HumanSpreadMaxSeconds = spreadMax,
            HumanParticipationMin = humanPartMin,
            HumanParticipationMax = humanPartMax,
            Operators = operators,
            Relays = relays,
            RelayHopMinSeconds = hopMin,
            RelayHopMaxSeconds = hopMax,
            HashtagGameGroups = games,
            BreakingNewsTags = breaking,
            BreakingNewsAdoptersMin = 200,
            BreakingNewsAdoptersMax = 5000,
            BreakingNewsDelayMinSeconds = 30,
            BreakingNewsDelayMaxSeconds = 900,
            Publishers = publishers,
            CoarseTimestamps = coarse,
        };
        var parameters = baseWorld with
        {
            Scale = scale,
            Days = days,
            FriendGroupShare = rng.Uniform(0.05, 0.25),
            FriendGroupMin = Math.Min(4, friendMax),
            FriendGroupMax = friendMax,
            FriendRepostProbability = friendRepost,
            FriendReplyProbability = rng.Uniform(0.1, 0.5),
            FriendDelayMedianSeconds = friendDelay,
            FriendDelaySigma = rng.Uniform(0.8, 1.5),
            Fans = fans,
            FanRepostProbability = rng.Uniform(0.5, 0.95),
            FastFanShare = fastFanShare,
            FastFanDelayMedianSeconds = fastFanDelay,
            FanDelayMedianSeconds = fanDelay,
            ViralMoments = viral,
            ViralDelayMeanSeconds = viralDelay,
            ViralReposters = (int)Math.Round(viralReposters / scale),
            // the seed world's army, with its count given at scale 1 so that Scaled() gives the drawn size
            ArmySize = armySize == 0 ? 0 : Math.Max(1, (int)Math.Round(armySize / scale)),
            Squads = Math.Max(1, squads),
            SquadLatencyMinSeconds = latencyMin,
            SquadLatencyMaxSeconds = latencyMax,
            MemberJitterSeconds = jitter,
            MemberParticipation = participation,
            SquadActProbability = rng.Uniform(0.6, 1.0),
            OffShiftProbability = rng.Uniform(0, 0.6),
            ProducerPostsPerDay = LogUniform(rng, 0.5, 8),
            HashtagFloods = rng.Next(0, 21),
            FakeNewsPushes = rng.Next(0, 16),
            Scenarios = scenarios,
        };
        var drawn = new (string, object)[]
        {
            ("scale", scale), ("days", days), ("coarse_timestamps", coarse),
            ("army_size", armySize), ("squads", squads), ("squad_latency_min_s", latencyMin), ("squad_latency_max_s", latencyMax),
            ("member_jitter_s", jitter), ("member_participation", participation), ("sleeper_share", scenarios.SleeperShare),
            ("human_squads", humanSquads), ("human_squad_size_max", humanSquads > 0 ? humanSizeMax : 0), ("human_spread_min_s", spreadMin),
            ("human_spread_max_s", spreadMax), ("human_participation_min", humanPartMin), ("human_participation_max", humanPartMax),
            ("operators", operators), ("relays", relays), ("relay_hop_min_s", hopMin), ("relay_hop_max_s", hopMax), ("hashtag_game_groups", games),
            ("friend_group_max", friendMax), ("friend_repost_p", friendRepost), ("friend_delay_median_s", friendDelay), ("fans_at_scale_1", fans),
            ("fast_fan_share", fastFanShare), ("fast_fan_delay_median_s", fastFanDelay), ("fan_delay_median_s", fanDelay),
            ("viral_moments", viral), ("viral_delay_mean_s", viralDelay), ("breaking_news_tags", breaking), ("publisher_outlets", publishers),
        };
        return new FuzzWorld
        {
            Index = index,
            Seed = seed,
            NoArmy = noArmy,
            Parameters = parameters,
            Drawn = drawn.Select(d => new KeyValuePair<string, string>(d.Item1, Text(d.Item2))).ToList(),
        };
    }

    private static string Text(object value) => value switch
    {
        bool b => b ? "1" : "0",
        double d => Math.Round(d, 3).ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
