namespace Tansiq.Core.Model;

/// <summary>
/// One post as a reader hands it to the core: the platform's identifiers as strings, time as unix seconds.
/// Readers stream these; the core interns what it keeps, so a message is not retained after it is added.
/// </summary>
public sealed record Message
{
    public required string MessageId { get; init; }
    public required string AccountId { get; init; }
    public string? Username { get; init; }
    /// <summary>The post this message re-shares verbatim (retweet, reblog); null when it is an original post.</summary>
    public string? RepostOf { get; init; }
    /// <summary>The post this message replies to; null when it is not a reply.</summary>
    public string? ReplyTo { get; init; }
    public string Text { get; init; } = "";
    /// <summary>Unix time in seconds (fractions allowed, as in the toolkit's CSV).</summary>
    public required double Timestamp { get; init; }
    public IReadOnlyList<string> Urls { get; init; } = [];
    /// <summary>Hashtags without the leading '#'; when the source has no hashtag column they are taken from the text.</summary>
    public IReadOnlyList<string> Hashtags { get; init; } = [];
    public IReadOnlyList<string> Mentions { get; init; } = [];
    public string? Lang { get; init; }
    public string? Platform { get; init; }
    /// <summary>The original post this message forwards into another chat (Telegram): a key naming the source and
    /// the content, the object of the co-forward signal; null when it is not a forward.</summary>
    public string? ForwardOf { get; init; }
    /// <summary>An object of a kind the user names (an image hash, a domain...) that this message carries, from an
    /// object table (CooRTweet's layout), prefixed by its kind: the object of the co-object signal; null otherwise.</summary>
    public string? SharedObject { get; init; }
    /// <summary>When the object table names each row's kind (a kind column): the kind of <see cref="SharedObject"/>,
    /// whose co-action then goes to that kind's own signal (<c>co-object:KIND</c>) instead of <c>co-object</c>.</summary>
    public string? SharedObjectKind { get; init; }

    public bool IsRepost => RepostOf is not null;
}

/// <summary>Profile facts about an account, from an accounts file (optional input).</summary>
public sealed record AccountProfile
{
    public required string AccountId { get; init; }
    public string? Username { get; init; }
    /// <summary>Unix seconds; null when unknown.</summary>
    public long? CreatedAt { get; init; }
    public long? FollowersCount { get; init; }
    public long? FollowingCount { get; init; }
}
