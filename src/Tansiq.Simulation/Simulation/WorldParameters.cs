namespace Tansiq.Core.Simulation;

/// <summary>
/// Every number of the simulated world. Counts of accounts are given for scale 1 and multiplied by <see cref="Scale"/>;
/// rates (per day, per post), probabilities, delays and follower counts are not scaled. Event times that must survive a
/// change of <see cref="Days"/> are given as fractions of the period.
/// </summary>
public sealed record WorldParameters
{
    // ---- the period ----
    /// <summary>Unix seconds of the first instant of the world (2021-01-21 00:00 UTC, days before the report of 3 Feb 2021).</summary>
    public long Start { get; init; } = 1611187200;
    public double Days { get; init; } = 14;
    /// <summary>Multiplies every account count (organic, fans, army, petition, abusive, noise, viral crowds).</summary>
    public double Scale { get; init; } = 1.0;

    // ---- organic accounts ----
    public int OrganicAccounts { get; init; } = 20000;
    /// <summary>Followers: Pareto tail with this minimum and exponent (heavy-tailed), capped.</summary>
    public double OrganicFollowersMin { get; init; } = 30;
    public double OrganicFollowersAlpha { get; init; } = 0.9;
    public double OrganicFollowersCap { get; init; } = 400000;
    public double OrganicFollowingMedian { get; init; } = 180;
    /// <summary>Actions (posts, reposts, replies) per day: lognormal per account.</summary>
    public double OrganicActionsPerDayMedian { get; init; } = 0.5;
    public double OrganicActionsPerDaySigma { get; init; } = 1.0;
    public double OrganicPostShare { get; init; } = 0.5;
    public double OrganicRepostShare { get; init; } = 0.35;
    /// <summary>Share of original posts that carry a hashtag, and a news link.</summary>
    public double OrganicHashtagShare { get; init; } = 0.35;
    public double OrganicLinkShare { get; init; } = 0.15;
    /// <summary>Share of link posts that share a story in the news (the rest link a unique article).</summary>
    public double NewsStoryShare { get; init; } = 0.6;
    /// <summary>Stories in the news over the period; their popularity falls as a Zipf law with this exponent.</summary>
    public int NewsStories { get; init; } = 300;
    public double NewsStoryZipf { get; init; } = 1.0;
    /// <summary>Median delay between a story breaking and a share of it (lognormal, sigma 1.2).</summary>
    public double NewsShareDelayMedianSeconds { get; init; } = 5400;
    /// <summary>Human repost/reply delay after the original: lognormal median and sigma (minutes to hours).</summary>
    public double HumanDelayMedianSeconds { get; init; } = 1800;
    public double HumanDelaySigma { get; init; } = 1.4;
    /// <summary>Follow edges inside the world per organic account (mean); targets chosen in proportion to followers.</summary>
    public double OrganicFollowsMean { get; init; } = 25;

    // ---- friend groups ----
    /// <summary>Share of organic accounts that belong to a friend group.</summary>
    public double FriendGroupShare { get; init; } = 0.15;
    public int FriendGroupMin { get; init; } = 4;
    public int FriendGroupMax { get; init; } = 12;
    /// <summary>Chance that a friend reposts / replies to a group member's post, and the delay (human, shorter than strangers').</summary>
    public double FriendRepostProbability { get; init; } = 0.4;
    public double FriendReplyProbability { get; init; } = 0.25;
    public double FriendDelayMedianSeconds { get; init; } = 900;
    public double FriendDelaySigma { get; init; } = 1.3;

    // ---- viral moments ----
    public int ViralMoments { get; init; } = 8;
    /// <summary>Strangers who repost a viral post within the hour (scaled).</summary>
    public int ViralReposters { get; init; } = 1000;
    public double ViralDelayMeanSeconds { get; init; } = 900;
    public double ViralWindowSeconds { get; init; } = 3600;

    // ---- the leader and his fans ----
    public long LeaderFollowers { get; init; } = 1300000;
    public double LeaderPostsPerDay { get; init; } = 5;
    public int Fans { get; init; } = 3000;
    /// <summary>Chance that a fan reposts a given leader post.</summary>
    public double FanRepostProbability { get; init; } = 0.9;
    /// <summary>Share of fans who repost the leader within a minute, every time.</summary>
    public double FastFanShare { get; init; } = 0.15;
    public double FastFanDelayMedianSeconds { get; init; } = 18;
    public double FastFanDelaySigma { get; init; } = 0.5;
    /// <summary>Ordinary fans: fast but human (minutes).</summary>
    public double FanDelayMedianSeconds { get; init; } = 420;
    public double FanDelaySigma { get; init; } = 1.1;
    /// <summary>Chance that a fan reposts a commander post (human delay).</summary>
    public double FanCommanderRepostProbability { get; init; } = 0.25;
    /// <summary>Share of fans who pile on in replies to each critic's post.</summary>
    public double FanPileOnShare { get; init; } = 0.03;
    public double PileOnDelayMedianSeconds { get; init; } = 1500;
    /// <summary>Organic replies to leader posts that criticise him (and draw the fans' pile-on), per leader post.</summary>
    public double CriticRepliesPerLeaderPost { get; init; } = 0.4;

    // ---- the electronic army ----
    /// <summary>Fake accounts in squads (scaled); 0 (or --no-army) removes the army, its commander and producers.</summary>
    public int ArmySize { get; init; } = 300;
    public int Squads { get; init; } = 5;
    /// <summary>Creation batches per squad; members of a batch are created within <see cref="ArmyBatchSpreadSeconds"/>.</summary>
    public int ArmyBatchesPerSquad { get; init; } = 2;
    public double ArmyBatchSpreadSeconds { get; init; } = 5400;
    /// <summary>Creation batches fall between this many days before the start and <see cref="ArmyCreatedLatestDaysBefore"/>.</summary>
    public double ArmyCreatedEarliestDaysBefore { get; init; } = 500;
    public double ArmyCreatedLatestDaysBefore { get; init; } = 30;
    public int Producers { get; init; } = 3;
    public long CommanderFollowers { get; init; } = 160000;
    public double CommanderPostsPerDay { get; init; } = 3;
    public double ProducerPostsPerDay { get; init; } = 4;
    /// <summary>Chance that a squad acts on an order at all, and that a member joins a squad action (members skip some).</summary>
    public double SquadActProbability { get; init; } = 0.9;
    public double MemberParticipation { get; init; } = 0.8;
    /// <summary>A squad's relay delay before members act: lognormal around the squad's own median (drawn in this range).</summary>
    public double SquadLatencyMinSeconds { get; init; } = 3;
    public double SquadLatencyMaxSeconds { get; init; } = 25;
    /// <summary>Member jitter after the squad's relay (exponential mean, seconds).</summary>
    public double MemberJitterSeconds { get; init; } = 6;
    /// <summary>Squads amplify the leader and the commander during their 8-hour shift; outside it, with this chance.</summary>
    public double OffShiftProbability { get; init; } = 0.3;
    /// <summary>Squads that push one producer post.</summary>
    public int SquadsPerCampaignPost { get; init; } = 2;
    /// <summary>Organic reposts of each campaign post by people who stumble on it (Poisson mean, human delay).</summary>
    public double CampaignPostOrganicReposts { get; init; } = 1.5;
    public int HashtagFloods { get; init; } = 12;
    public int CampaignHashtags { get; init; } = 5;
    /// <summary>Posts per participating member in a flood, and the spread of a flood (exponential mean after the relay).</summary>
    public double FloodPostsPerMember { get; init; } = 1.5;
    public double FloodSpreadSeconds { get; init; } = 45;
    /// <summary>Share of flood copies left byte-identical (the rest get spelling variants).</summary>
    public double FloodExactCopyShare { get; init; } = 0.3;
    /// <summary>Organic accounts that join a trending campaign hashtag with their own words in the hours after a flood (scaled).</summary>
    public int FloodOrganicJoiners { get; init; } = 40;
    public int FakeNewsPushes { get; init; } = 10;
    public double FakeNewsSpreadSeconds { get; init; } = 40;
    /// <summary>Chance that a squad swarms a journalist's critical post with accusation replies.</summary>
    public double SwarmProbability { get; init; } = 0.6;
    public double SwarmRelayMedianSeconds { get; init; } = 150;
    public double SwarmSpreadSeconds { get; init; } = 30;
    /// <summary>Organic-looking noise per army member: own posts and reposts per day.</summary>
    public double ArmyNoiseActionsPerDay { get; init; } = 0.6;

    // ---- army mass reporting ----
    public int ArmyReportCampaigns { get; init; } = 3;
    public double ArmyReportParticipation { get; init; } = 0.9;
    /// <summary>Share of fans who join an army reporting campaign (zealous followers stalking a critic).</summary>
    public double FanReportShare { get; init; } = 0.05;
    public double ReportDelayMedianSeconds { get; init; } = 1800;
    public double ReportDelaySigma { get; init; } = 1.0;

    // ---- journalists, activists, militia leaders ----
    public int Journalists { get; init; } = 6;
    public double JournalistFollowersMin { get; init; } = 2000;
    public double JournalistFollowersMax { get; init; } = 20000;
    /// <summary>Activists: small critics (role journalist in the truth) that the army can report past the 25% rule.</summary>
    public int Activists { get; init; } = 3;
    public double ActivistFollowersMin { get; init; } = 150;
    public double ActivistFollowersMax { get; init; } = 1500;
    public double JournalistPostsPerDay { get; init; } = 3;
    public double JournalistCriticalShare { get; init; } = 0.35;
    public int MilitiaLeaders { get; init; } = 5;
    public double MilitiaFollowersMin { get; init; } = 30000;
    public double MilitiaFollowersMax { get; init; } = 400000;
    public double MilitiaPostsPerDay { get; init; } = 1;

    // ---- the Telegram petition ----
    public int PetitionParticipants { get; init; } = 4000;
    /// <summary>When the call to action is posted on Telegram, as a fraction of the period.</summary>
    public double PetitionCallFraction { get; init; } = 0.65;
    /// <summary>Share of participants whose account was created in the days before the call.</summary>
    public double PetitionFreshShare { get; init; } = 0.3;
    public double PetitionFreshMaxDaysBefore { get; init; } = 6;
    public double PetitionDelayMedianSeconds { get; init; } = 3600;
    public double PetitionDelaySigma { get; init; } = 1.0;
    /// <summary>Chance that a participant reports each target (everyone reports at least one).</summary>
    public double PetitionTargetProbability { get; init; } = 0.8;
    /// <summary>Whether the leader is among the petition's targets (he is, in the report).</summary>
    public bool PetitionTargetsLeader { get; init; } = true;
    public double PetitionActionsPerDay { get; init; } = 0.3;

    // ---- abuse and noise ----
    public int AbusiveAccounts { get; init; } = 12;
    public int AbusiveReportsMin { get; init; } = 8;
    public int AbusiveReportsMax { get; init; } = 40;
    public double AbusiveFollowersMin { get; init; } = 100;
    public double AbusiveFollowersMax { get; init; } = 4000;
    public double AbusivePostsPerDay { get; init; } = 4;
    /// <summary>Accounts that get a few stray reports (scaled), each 1 to <see cref="NoiseReportsMax"/>.</summary>
    public int NoiseTargets { get; init; } = 100;
    public int NoiseReportsMax { get; init; } = 3;

    // ---- scenarios (off by default) ----
    /// <summary>
    /// The fuzzer's behaviours beyond the seed world (human squads, operators, relays, hashtag games, sleepers,
    /// breaking-news hashtags, publishers, coarse timestamps). Null, the default, leaves the seed world unchanged.
    /// </summary>
    public ScenarioParameters? Scenarios { get; init; }

    /// <summary>A count for this world's scale: rounded, never negative, and at least <paramref name="min"/> when the base is positive.</summary>
    public int Scaled(int baseCount, int min = 1) =>
        baseCount <= 0 ? 0 : Math.Max(min, (int)Math.Round(baseCount * Scale, MidpointRounding.AwayFromZero));

    public WorldParameters WithoutArmy() => this with { ArmySize = 0 };

    /// <summary>Throws <see cref="ArgumentException"/> naming the first parameter out of range.</summary>
    public void Validate()
    {
        Check(Days > 0 && Days <= 3650, nameof(Days), "must be in (0, 3650]");
        Check(Scale > 0 && Scale <= 1000, nameof(Scale), "must be in (0, 1000]");
        Check(OrganicAccounts >= 10, nameof(OrganicAccounts), "must be at least 10");
        Check(Squads >= 1, nameof(Squads), "must be at least 1");
        Check(FriendGroupMin >= 2 && FriendGroupMax >= FriendGroupMin, nameof(FriendGroupMin), "friend groups need 2 <= min <= max");
        Check(AbusiveReportsMin >= 1 && AbusiveReportsMax >= AbusiveReportsMin, nameof(AbusiveReportsMin), "needs 1 <= min <= max");
        Check(NoiseReportsMax >= 1, nameof(NoiseReportsMax), "must be at least 1");
        foreach (var (name, p) in new[]
        {
            (nameof(OrganicPostShare), OrganicPostShare), (nameof(OrganicRepostShare), OrganicRepostShare),
            (nameof(FriendGroupShare), FriendGroupShare), (nameof(FanRepostProbability), FanRepostProbability),
            (nameof(FastFanShare), FastFanShare), (nameof(SquadActProbability), SquadActProbability),
            (nameof(MemberParticipation), MemberParticipation), (nameof(PetitionCallFraction), PetitionCallFraction),
            (nameof(PetitionFreshShare), PetitionFreshShare), (nameof(FloodExactCopyShare), FloodExactCopyShare),
            (nameof(OffShiftProbability), OffShiftProbability), (nameof(NewsStoryShare), NewsStoryShare),
        })
        {
            Check(p >= 0 && p <= 1, name, "must be a share in [0, 1]");
        }
        Scenarios?.Validate();
        Check(OrganicPostShare + OrganicRepostShare <= 1, nameof(OrganicRepostShare), "post and repost shares must sum to at most 1");
    }

    private static void Check(bool ok, string name, string reason)
    {
        if (!ok)
        {
            throw new ArgumentException($"{name} {reason}", name);
        }
    }
}
