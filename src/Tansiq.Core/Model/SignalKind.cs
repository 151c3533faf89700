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
        _ => ObjectKinds.TryGetValue(kind, out var objectKind) ? ObjectSignalPrefix + objectKind : throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The name of a per-kind co-object signal is this prefix and the kind: <c>co-object:image_hash</c>.</summary>
    public const string ObjectSignalPrefix = "co-object:";

    /// <summary>Values of per-kind co-object signals start here (their value is this bit and a hash of the kind's name).</summary>
    private const int ObjectKindBit = 0x4000_0000;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<SignalKind, string> ObjectKinds = new();

    /// <summary>
    /// The co-object signal of one kind of object of an object table with a kind column (<c>co-object:domain</c>,
    /// <c>co-object:image_hash</c>): swept and weighed as a signal of its own, like the built-in ones. Its value is a
    /// fixed function of the kind's name (the same in every run and process), so outputs never depend on the order in
    /// which kinds were first met. Kind names are letters, digits, '_' and '-'.
    /// </summary>
    public static SignalKind ObjectKind(string kind)
    {
        if (kind.Length == 0 || !kind.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            throw new ArgumentException($"an object kind is a name of letters, digits, '_' and '-', got '{kind}'", nameof(kind));
        }
        var hash = 2166136261u;
        foreach (var c in kind)
        {
            hash = (hash ^ c) * 16777619u;
        }
        var value = (SignalKind)(ObjectKindBit | (int)(hash & 0x3FFF_FFFF));
        var known = ObjectKinds.GetOrAdd(value, kind);
        return known == kind ? value : throw new ArgumentException($"object kinds '{known}' and '{kind}' collide; rename one", nameof(kind));
    }

    /// <summary>True for a per-kind co-object signal (<see cref="ObjectKind"/>), false for the built-in ones.</summary>
    public static bool IsObjectKind(SignalKind kind) => ((int)kind & ObjectKindBit) != 0;

    /// <summary>Where a signal goes in lists: the built-in signals in their order, then per-kind co-object signals by name.</summary>
    public static IEnumerable<SignalKind> InCanonicalOrder(IEnumerable<SignalKind> signals)
    {
        var set = signals.ToHashSet();
        return All.Concat(FormatSpecific).Where(set.Contains)
            .Concat(set.Where(IsObjectKind).OrderBy(k => k.Name(), StringComparer.Ordinal));
    }

    /// <summary>Signals that only some formats can give (Telegram's forwards): not in <see cref="All"/>, which stays
    /// the default set and its outputs unchanged; a caller adds them when its inputs carry them.</summary>
    public static readonly IReadOnlyList<SignalKind> FormatSpecific = [SignalKind.CoForward, SignalKind.CoObject];

    public static bool TryParse(string name, out SignalKind kind)
    {
        var trimmed = name.Trim();
        if (trimmed.StartsWith(ObjectSignalPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var objectKind = trimmed[ObjectSignalPrefix.Length..];
            if (objectKind.Length > 0 && objectKind.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                kind = ObjectKind(objectKind);
                return true;
            }
            kind = default;
            return false;
        }
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
