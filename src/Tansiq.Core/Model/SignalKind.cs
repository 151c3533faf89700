namespace Tansiq.Core.Model;

/// <summary>The kinds of co-action network. Each names the object two accounts must act on together.</summary>
public enum SignalKind
{
    /// <summary>Re-sharing the same original post.</summary>
    CoRepost,
    /// <summary>Sharing the same normalised URL in an original post.</summary>
    CoLink,
    /// <summary>Replying to the same post.</summary>
    CoReply,
    /// <summary>Posting the same text (after the toolkit's normalisation).</summary>
    CoText,
    /// <summary>Using the same hashtag in an original post.</summary>
    CoHashtag,
    /// <summary>Posting near-duplicate text (MinHash/LSH text clusters).</summary>
    CoSimilar,
    /// <summary>Forwarding the same original post into chats (Telegram).</summary>
    CoForward,
    /// <summary>Sharing the same object of a user-named kind (an object table: image hash, domain...).</summary>
    CoObject,
}

public static class SignalNames
{
    public static readonly IReadOnlyList<SignalKind> All =
        [SignalKind.CoRepost, SignalKind.CoLink, SignalKind.CoReply, SignalKind.CoText, SignalKind.CoHashtag, SignalKind.CoSimilar];

    public static string Name(this SignalKind kind) => kind switch
    {
        SignalKind.CoRepost => "co-repost",
        SignalKind.CoLink => "co-link",
        SignalKind.CoReply => "co-reply",
        SignalKind.CoText => "co-text",
        SignalKind.CoHashtag => "co-hashtag",
        SignalKind.CoSimilar => "co-similar",
        SignalKind.CoForward => "co-forward",
        SignalKind.CoObject => "co-object",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Signals that only some formats can give (Telegram's forwards): not in <see cref="All"/>, which stays
    /// the default set and its outputs unchanged; a caller adds them when its inputs carry them.</summary>
    public static readonly IReadOnlyList<SignalKind> FormatSpecific = [SignalKind.CoForward, SignalKind.CoObject];

    public static bool TryParse(string name, out SignalKind kind)
    {
        foreach (var k in All.Concat(FormatSpecific))
        {
            if (string.Equals(k.Name(), name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }
        kind = default;
        return false;
    }
}
