namespace Tansiq.Core.Simulation;

/// <summary>
/// Behaviours beyond the seed world, drawn by the scenario fuzzer (<c>./tansiq fuzz</c>). Every count defaults to 0,
/// so a <see cref="ScenarioParameters"/> with defaults adds nothing but may still set <see cref="CoarseTimestamps"/>.
/// Counts here are absolute (not multiplied by <see cref="WorldParameters.Scale"/>): the fuzzer draws them per world.
/// See docs/simulator.md, "Scenarios".
/// </summary>
public sealed record ScenarioParameters
{
    // ---- sleepers (scheduler squads and human squads) ----
    /// <summary>Share of army members (scheduler and human squads) who are sleepers: quiet most of the period, joining few actions.</summary>
    public double SleeperShare { get; init; }
    /// <summary>Chance that a sleeper joins a given squad action (instead of the squad's participation).</summary>
    public double SleeperParticipation { get; init; } = 0.08;
    /// <summary>A sleeper's camouflage activity, as a share of an ordinary member's.</summary>
    public double SleeperActivity { get; init; } = 0.2;

    // ---- human squads: people taking orders from a chat group ----
    public int HumanSquads { get; init; }
    public int HumanSquadSizeMin { get; init; } = 5;
    public int HumanSquadSizeMax { get; init; } = 60;
    /// <summary>Orders per squad per day (Poisson), at human times of day.</summary>
    public double HumanOrdersPerDay { get; init; } = 4;
    /// <summary>A squad's spread: members act within this many seconds of an order (drawn per squad, log-uniform in [min, max]).</summary>
    public double HumanSpreadMinSeconds { get; init; } = 60;
    public double HumanSpreadMaxSeconds { get; init; } = 1800;
    /// <summary>Sigma of a member's delay (lognormal, median a quarter of the squad's spread, truncated to the spread).</summary>
    public double HumanDelaySigma { get; init; } = 0.8;
    /// <summary>Each member's chance of joining an order: uniform in [min, max] per member.</summary>
    public double HumanParticipationMin { get; init; } = 0.1;
    public double HumanParticipationMax { get; init; } = 0.9;
    /// <summary>Share of orders that push a post by a squad member (the rest: copy a text, or push someone else's post).</summary>
    public double HumanOwnPostShare { get; init; } = 0.5;
    /// <summary>Share of orders that hand out a text to post (copied, often with small edits).</summary>
    public double HumanCopyTextShare { get; init; } = 0.2;
    /// <summary>Chance that a second human squad takes the same order (several squads, overlapping lags, one object).</summary>
    public double HumanSharedOrderShare { get; init; } = 0.25;

    // ---- operator-run sockpuppets ----
    /// <summary>Operators, each running 2-3 accounts (role sockpuppet, group "o1".."oN").</summary>
    public int Operators { get; init; }
    public int OperatorAccountsMin { get; init; } = 2;
    public int OperatorAccountsMax { get; init; } = 3;
    /// <summary>Actions per operator over the period (log-uniform in [min, max]); each is repeated on every account.</summary>
    public int OperatorActionsMin { get; init; } = 24;
    public int OperatorActionsMax { get; init; } = 300;
    /// <summary>Gap between the same action on two of the operator's accounts (uniform in [min, max] seconds).</summary>
    public double OperatorGapMinSeconds { get; init; } = 60;
    public double OperatorGapMaxSeconds { get; init; } = 120;
    /// <summary>Share of gaps that are longer: uniform up to <see cref="OperatorLongGapMaxSeconds"/>.</summary>
    public double OperatorLongGapShare { get; init; } = 0.15;
    public double OperatorLongGapMaxSeconds { get; init; } = 600;
    /// <summary>Share of actions that repost a post (the rest paste a text).</summary>
    public double OperatorRepostShare { get; init; } = 0.4;
    /// <summary>Share of pasted copies lightly varied (spelling variants).</summary>
    public double OperatorVariantShare { get; init; } = 0.3;

    // ---- relays ----
    /// <summary>Relay chains (role relay, group "r1".."rN"): each account copies the one before.</summary>
    public int Relays { get; init; }
    public int RelayLengthMin { get; init; } = 5;
    public int RelayLengthMax { get; init; } = 50;
    /// <summary>Relayed items per chain over the period (uniform in [min, max]).</summary>
    public int RelayEventsMin { get; init; } = 5;
    public int RelayEventsMax { get; init; } = 30;
    /// <summary>A hop (one member copying the previous) takes [min, max] seconds; each chain has its own median in that range.</summary>
    public double RelayHopMinSeconds { get; init; } = 60;
    public double RelayHopMaxSeconds { get; init; } = 1200;
    /// <summary>Chance that a member passes on a given item (a member who skips is bridged: the next copies the one before).</summary>
    public double RelayParticipation { get; init; } = 0.9;

    // ---- hashtag games ----
    /// <summary>Groups that play hashtag games (role hashtag_gamer, group "hg1".."hgN").</summary>
    public int HashtagGameGroups { get; init; }
    public int HashtagGamersMin { get; init; } = 20;
    public int HashtagGamersMax { get; init; } = 80;
    /// <summary>Games per group over the period (uniform in [min, max]); each under a new hashtag.</summary>
    public int HashtagGamesMin { get; init; } = 2;
    public int HashtagGamesMax { get; init; } = 6;
    /// <summary>A game lasts [min, max] hours; gamers post different texts under its tag inside it.</summary>
    public double HashtagGameHoursMin { get; init; } = 1;
    public double HashtagGameHoursMax { get; init; } = 3;
    public double HashtagGameParticipation { get; init; } = 0.7;
    /// <summary>Posts per playing gamer in one game: uniform in [1, max].</summary>
    public int HashtagGamePostsMax { get; init; } = 4;

    // ---- hard negatives ----
    /// <summary>Breaking-news hashtags adopted by organic accounts within minutes.</summary>
    public int BreakingNewsTags { get; init; }
    /// <summary>Adopters per breaking-news tag (log-uniform in [min, max], capped at half of the organic accounts and fans).</summary>
    public int BreakingNewsAdoptersMin { get; init; } = 500;
    public int BreakingNewsAdoptersMax { get; init; } = 3000;
    /// <summary>Mean delay of an adopter after the news breaks (exponential, per tag drawn in [min, max]).</summary>
    public double BreakingNewsDelayMinSeconds { get; init; } = 60;
    public double BreakingNewsDelayMaxSeconds { get; init; } = 900;
    /// <summary>Outlets whose own pages post their links through a scheduler at the same second (role publisher: declared).</summary>
    public int Publishers { get; init; }
    public int PublisherAccountsMin { get; init; } = 2;
    public int PublisherAccountsMax { get; init; } = 5;
    public double PublisherLinksPerDay { get; init; } = 6;
    /// <summary>Share of scheduled links posted with the same text on every page (the rest: each page its own words).</summary>
    public double PublisherSameTextShare { get; init; } = 0.5;

    // ---- the export ----
    /// <summary>Truncate every timestamp to the minute, as most research exports do.</summary>
    public bool CoarseTimestamps { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first parameter out of range.</summary>
    public void Validate()
    {
        Range(HumanSquadSizeMin, HumanSquadSizeMax, 2, nameof(HumanSquadSizeMin));
        Range(OperatorAccountsMin, OperatorAccountsMax, 2, nameof(OperatorAccountsMin));
        Range(OperatorActionsMin, OperatorActionsMax, 1, nameof(OperatorActionsMin));
        Range(RelayLengthMin, RelayLengthMax, 2, nameof(RelayLengthMin));
        Range(RelayEventsMin, RelayEventsMax, 1, nameof(RelayEventsMin));
        Range(HashtagGamersMin, HashtagGamersMax, 2, nameof(HashtagGamersMin));
        Range(HashtagGamesMin, HashtagGamesMax, 1, nameof(HashtagGamesMin));
        Range(BreakingNewsAdoptersMin, BreakingNewsAdoptersMax, 1, nameof(BreakingNewsAdoptersMin));
        Range(PublisherAccountsMin, PublisherAccountsMax, 1, nameof(PublisherAccountsMin));
        Check(HashtagGamePostsMax >= 1, nameof(HashtagGamePostsMax), "must be at least 1");
        foreach (var (name, lo, hi) in new[]
        {
            (nameof(HumanSpreadMinSeconds), HumanSpreadMinSeconds, HumanSpreadMaxSeconds),
            (nameof(OperatorGapMinSeconds), OperatorGapMinSeconds, OperatorGapMaxSeconds),
            (nameof(OperatorGapMaxSeconds), OperatorGapMaxSeconds, OperatorLongGapMaxSeconds),
            (nameof(RelayHopMinSeconds), RelayHopMinSeconds, RelayHopMaxSeconds),
            (nameof(HashtagGameHoursMin), HashtagGameHoursMin, HashtagGameHoursMax),
            (nameof(BreakingNewsDelayMinSeconds), BreakingNewsDelayMinSeconds, BreakingNewsDelayMaxSeconds),
            (nameof(HumanParticipationMin), HumanParticipationMin, HumanParticipationMax),
        })
        {
            Check(lo > 0 && hi >= lo, name, "needs 0 < min <= max");
        }
        foreach (var (name, count) in new[]
        {
            (nameof(HumanSquads), HumanSquads), (nameof(Operators), Operators), (nameof(Relays), Relays),
            (nameof(HashtagGameGroups), HashtagGameGroups), (nameof(BreakingNewsTags), BreakingNewsTags), (nameof(Publishers), Publishers),
        })
        {
            Check(count >= 0, name, "must not be negative");
        }
        foreach (var (name, share) in new[]
        {
            (nameof(SleeperShare), SleeperShare), (nameof(SleeperParticipation), SleeperParticipation), (nameof(SleeperActivity), SleeperActivity),
            (nameof(HumanParticipationMax), HumanParticipationMax), (nameof(HumanOwnPostShare), HumanOwnPostShare),
            (nameof(HumanCopyTextShare), HumanCopyTextShare), (nameof(HumanSharedOrderShare), HumanSharedOrderShare),
            (nameof(OperatorLongGapShare), OperatorLongGapShare), (nameof(OperatorRepostShare), OperatorRepostShare),
            (nameof(OperatorVariantShare), OperatorVariantShare), (nameof(RelayParticipation), RelayParticipation),
            (nameof(HashtagGameParticipation), HashtagGameParticipation), (nameof(PublisherSameTextShare), PublisherSameTextShare),
        })
        {
            Check(share >= 0 && share <= 1, name, "must be a share in [0, 1]");
        }
        Check(HumanOwnPostShare + HumanCopyTextShare <= 1, nameof(HumanCopyTextShare), "own-post and copy-text shares must sum to at most 1");
    }

    private static void Range(int min, int max, int least, string name) =>
        Check(min >= least && max >= min, name, $"needs {least} <= min <= max");

    private static void Check(bool ok, string name, string reason)
    {
        if (!ok)
        {
            throw new ArgumentException($"{name} {reason}", name);
        }
    }
}
