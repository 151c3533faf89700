using Tansiq.Core.Model;

namespace Tansiq.Core.Simulation;

/// <summary>The role an account plays in the simulated world, as truth.json names it.</summary>
public enum AccountRole
{
    Organic,
    Leader,
    Fan,
    Army,
    Commander,
    Producer,
    Journalist,
    MilitiaLeader,
    Brigade,
    Abusive,
    /// <summary>An account of an operator who runs two or three accounts and pastes the same text on each (scenario).</summary>
    Sockpuppet,
    /// <summary>A member of a relay chain: each account copies the one before (scenario).</summary>
    Relay,
    /// <summary>A member of a group that plays hashtag games: many different texts under one new tag within hours (scenario).</summary>
    HashtagGamer,
    /// <summary>An outlet's own page posting its links through a scheduler: coordinated but declared (scenario).</summary>
    Publisher,
}

/// <summary>Why an account was reported, as truth.json labels it.</summary>
public enum ReportLabel
{
    /// <summary>An innocent critic (journalist, activist) mass-reported by the army and its fans.</summary>
    BrigadedInnocent,
    /// <summary>A militia leader (or the leader) reported by the Telegram petition.</summary>
    PetitionTarget,
    /// <summary>A genuinely abusive account reported by independent users who saw its posts.</summary>
    Abusive,
    /// <summary>An ordinary account with a few stray reports.</summary>
    Noise,
}

public enum CampaignKind
{
    ArmyReporting,
    Petition,
}

public static class TruthNames
{
    public static string Name(this AccountRole role) => role switch
    {
        AccountRole.Organic => "organic",
        AccountRole.Leader => "leader",
        AccountRole.Fan => "fan",
        AccountRole.Army => "army",
        AccountRole.Commander => "commander",
        AccountRole.Producer => "producer",
        AccountRole.Journalist => "journalist",
        AccountRole.MilitiaLeader => "militia_leader",
        AccountRole.Brigade => "brigade",
        AccountRole.Abusive => "abusive",
        AccountRole.Sockpuppet => "sockpuppet",
        AccountRole.Relay => "relay",
        AccountRole.HashtagGamer => "hashtag_gamer",
        AccountRole.Publisher => "publisher",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static string Name(this ReportLabel label) => label switch
    {
        ReportLabel.BrigadedInnocent => "brigaded_innocent",
        ReportLabel.PetitionTarget => "petition_target",
        ReportLabel.Abusive => "abusive",
        ReportLabel.Noise => "noise",
        _ => throw new ArgumentOutOfRangeException(nameof(label)),
    };

    public static string Name(this CampaignKind kind) => kind switch
    {
        CampaignKind.ArmyReporting => "army_reporting",
        CampaignKind.Petition => "petition",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static bool TryParseRole(string name, out AccountRole role) => TryParse(name, Enum.GetValues<AccountRole>(), r => r.Name(), out role);

    public static bool TryParseLabel(string name, out ReportLabel label) => TryParse(name, Enum.GetValues<ReportLabel>(), l => l.Name(), out label);

    public static bool TryParseCampaignKind(string name, out CampaignKind kind) => TryParse(name, Enum.GetValues<CampaignKind>(), k => k.Name(), out kind);

    private static bool TryParse<T>(string name, T[] values, Func<T, string> nameOf, out T value)
        where T : struct
    {
        foreach (var v in values)
        {
            if (nameOf(v) == name)
            {
                value = v;
                return true;
            }
        }
        value = default;
        return false;
    }
}

/// <summary>An account of the world: its public profile and its hidden truth.</summary>
public sealed record SimAccount
{
    public required string AccountId { get; init; }
    public required string Username { get; init; }
    public required long CreatedAt { get; init; }
    /// <summary>The profile's follower count (the platform's number, including followers outside the simulated world).</summary>
    public required long FollowersCount { get; init; }
    public required long FollowingCount { get; init; }
    public required AccountRole Role { get; init; }
    /// <summary>"s1".."sN" for army members, "producers" for producers, null otherwise.</summary>
    public string? Squad { get; init; }
    public string? FriendGroup { get; init; }
    public bool FastFan { get; init; }
    /// <summary>Scenario accounts: the coordinated behaviour (<see cref="Behaviours"/>); null for the seed world's roles.</summary>
    public string? Behaviour { get; init; }
    /// <summary>An army member who stays quiet most of the period and joins only a few actions.</summary>
    public bool Sleeper { get; init; }

    public AccountProfile ToProfile() => new()
    {
        AccountId = AccountId,
        Username = Username,
        CreatedAt = CreatedAt,
        FollowersCount = FollowersCount,
        FollowingCount = FollowingCount,
    };
}

public sealed record Follow(string FollowerId, string FolloweeId);

public sealed record UserReport(string ReportId, string ReporterId, string TargetId, long Timestamp, string Reason);

/// <summary>The truth about one account: what truth.json's "accounts" holds.</summary>
public sealed record TruthAccount(string AccountId, AccountRole Role, string? Squad, string? FriendGroup, bool FastFan)
{
    /// <summary>The coordinated behaviour of a scenario account (<see cref="Behaviours"/>); null for the seed world's roles.</summary>
    public string? Behaviour { get; init; }
    public bool Sleeper { get; init; }
}

/// <summary>The names of coordinated behaviours, as truth.json's "behaviour" and the fuzzer's reports use them.</summary>
public static class Behaviours
{
    /// <summary>The seed world's squads: a scheduler-like relay of seconds (truth leaves "behaviour" out for them).</summary>
    public const string SchedulerSquad = "scheduler_squad";
    public const string HumanSquad = "human_squad";
    public const string Sockpuppets = "sockpuppets";
    public const string Relay = "relay";
    public const string HashtagGame = "hashtag_game";
    public const string Producer = "producer";
    public const string Publisher = "publisher";
}

/// <summary>The truth about one reported account.</summary>
public sealed record ReportedTarget(string TargetId, ReportLabel Label, string? Campaign);

public sealed record ReportCampaign(string Id, CampaignKind Kind, int Participants, IReadOnlyList<string> Targets);

/// <summary>Everything truth.json holds. Also what <c>eval</c> reads back.</summary>
public sealed record GroundTruth
{
    public required int Seed { get; init; }
    public required double Scale { get; init; }
    public required double Days { get; init; }
    public required long Start { get; init; }
    /// <summary>Parameter name to value (numbers, booleans), in declaration order.</summary>
    public required IReadOnlyList<KeyValuePair<string, object>> Parameters { get; init; }
    public required IReadOnlyList<TruthAccount> Accounts { get; init; }
    public required IReadOnlyList<ReportedTarget> Reported { get; init; }
    public required IReadOnlyList<ReportCampaign> Campaigns { get; init; }
}

/// <summary>A generated world: the inputs a platform would export plus the truth behind them.</summary>
public sealed record World
{
    public required WorldParameters Parameters { get; init; }
    /// <summary>Sorted by account id (ordinal), so the file order leaks no role.</summary>
    public required IReadOnlyList<SimAccount> Accounts { get; init; }
    /// <summary>In time order (ties by message id); message ids increase with time like platform snowflakes.</summary>
    public required IReadOnlyList<Message> Messages { get; init; }
    public required IReadOnlyList<Follow> Follows { get; init; }
    /// <summary>In time order.</summary>
    public required IReadOnlyList<UserReport> Reports { get; init; }
    public required GroundTruth Truth { get; init; }
}
