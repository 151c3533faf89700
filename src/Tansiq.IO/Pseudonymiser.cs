using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Tansiq.Core.Model;

namespace Tansiq.IO;

/// <summary>
/// <c>--pseudonymise KEYFILE</c>: every account id and username is replaced, as it is read, by a keyed pseudonym
/// (HMAC-SHA256 under the key, the first 80 bits in hex), so every output of every command carries pseudonyms only,
/// the same ones for the same key across runs and commands, and none can be reversed or recomputed without the key.
/// The key is read from its file and never written anywhere.
/// </summary>
public sealed partial class Pseudonymiser
{
    /// <summary>A key shorter than this is refused: it could be guessed.</summary>
    public const int MinKeyBytes = 16;

    private readonly byte[] _key;
    private readonly Dictionary<string, string> _cache = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Every account id and username seen (case-insensitively) with its pseudonym, for <see cref="Scrub(string)"/>.</summary>
    private readonly Dictionary<string, string> _seen = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Seen names that hold a separator (a display name with a space): found by search, not by token.</summary>
    private readonly List<(string Name, string Pseudonym)> _spaced = [];

    /// <summary>Names shorter than this are not searched for inside texts: "rt", "a" or "12" would replace ordinary words
    /// and numbers, and identify nobody.</summary>
    public const int MinScrubLength = 3;

    public Pseudonymiser(byte[] key)
    {
        if (key.Length < MinKeyBytes)
        {
            throw new ArgumentException($"the pseudonymisation key must have at least {MinKeyBytes} bytes (it has {key.Length})");
        }
        _key = [.. key];
    }

    /// <summary>Reads the key file (its bytes are the key; a trailing line break is dropped, so a key written by
    /// <c>openssl rand -hex 32 &gt; key</c> or by an editor is the same key).</summary>
    public static Pseudonymiser FromFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new InputException(path, 0, "no such key file (create one with: head -c 32 /dev/urandom > KEYFILE, and keep it safe)");
        }
        byte[] key;
        try
        {
            key = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(path, 0, $"cannot read the key file: {e.Message}");
        }
        var length = key.Length;
        while (length > 0 && key[length - 1] is (byte)'\n' or (byte)'\r')
        {
            length--;
        }
        if (length < MinKeyBytes)
        {
            throw new InputException(path, 0, $"the key file holds {length} bytes; a key needs at least {MinKeyBytes} (e.g. head -c 32 /dev/urandom > KEYFILE)");
        }
        return new Pseudonymiser(key[..length]);
    }

    /// <summary>The pseudonym of an account id: <c>a_</c> and 20 hex digits.</summary>
    public string Account(string accountId) => Remember(accountId, Pseudonym("a_", accountId));

    /// <summary>The pseudonym of a username (a handle or display name, without a leading @): <c>u_</c> and 20 hex digits.</summary>
    public string Username(string username) => Remember(username.TrimStart('@'), Pseudonym("u_", username.TrimStart('@')));

    /// <summary>How many distinct account ids and usernames were seen (and are searched for by <see cref="Scrub(string)"/>).</summary>
    public int SeenCount
    {
        get
        {
            lock (_lock)
            {
                return _seen.Count;
            }
        }
    }

    /// <summary>
    /// A text with every account id and username seen so far replaced by its pseudonym wherever it stands as a word of
    /// its own (an "RT name:" prefix, a profile link <c>x.com/name/status/1</c>, a Bluesky <c>at://did:plc:…/…</c> URI, a
    /// channel id in a Telegram link), case-insensitively; names shorter than <see cref="MinScrubLength"/> are left.
    /// Outputs call it on every text and object key they write, after all inputs were read, so a name is found even
    /// where it appears before its account does. Pseudonyms themselves are never replaced.
    /// </summary>
    public string Scrub(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }
        lock (_lock)
        {
            // Names with spaces first (a display name), so that the word pass cannot break one apart.
            foreach (var (name, pseudonym) in _spaced)
            {
                if (text.Contains(name, StringComparison.OrdinalIgnoreCase))
                {
                    text = text.Replace(name, pseudonym, StringComparison.OrdinalIgnoreCase);
                }
            }
            var b = new StringBuilder(text.Length);
            var i = 0;
            while (i < text.Length)
            {
                if (IsSeparator(text[i]))
                {
                    b.Append(text[i++]);
                    continue;
                }
                var end = i;
                while (end < text.Length && !IsSeparator(text[end]))
                {
                    end++;
                }
                ScrubToken(text.AsSpan(i, end - i), b);
                i = end;
            }
            return b.ToString();
        }
    }

    /// <summary>A run without white space, '/', '@' and the like, made of parts between '.', ':', '-' and similar marks:
    /// from each part on, the longest run of whole parts that is a seen name is replaced (the whole token for a DID such
    /// as <c>did:plc:abc</c>, <c>baqir.hashimi82</c> inside <c>baqir.hashimi82:</c>).</summary>
    private void ScrubToken(ReadOnlySpan<char> token, StringBuilder b)
    {
        var lookup = _seen.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<int> starts = stackalloc int[Math.Min(token.Length, 64) + 1];
        Span<int> ends = stackalloc int[starts.Length];
        var parts = 0;
        for (var i = 0; i < token.Length && parts < starts.Length - 1;)
        {
            while (i < token.Length && IsInnerMark(token[i]))
            {
                i++;
            }
            if (i == token.Length)
            {
                break;
            }
            var end = i;
            while (end < token.Length && !IsInnerMark(token[end]))
            {
                end++;
            }
            starts[parts] = i;
            ends[parts++] = end;
            i = end;
        }
        var written = 0;
        for (var p = 0; p < parts; p++)
        {
            for (var q = parts - 1; q >= p; q--)
            {
                var span = token[starts[p]..ends[q]];
                if (span.Length >= MinScrubLength && lookup.TryGetValue(span, out var pseudonym))
                {
                    b.Append(token[written..starts[p]]);
                    b.Append(pseudonym);
                    written = ends[q];
                    p = q;
                    break;
                }
            }
        }
        b.Append(token[written..]);
    }

    private static bool IsSeparator(char c) =>
        char.IsWhiteSpace(c) || c is '/' or '@' or '＠' or '#' or '?' or '&' or '=' or ',' or ';' or '"' or '\'' or '(' or ')'
            or '[' or ']' or '{' or '}' or '<' or '>' or '|' or '!' or '«' or '»' or '،' or '؛' or '\u001F';

    private static bool IsInnerMark(char c) => c is '.' or ':' or '-' or '+' or '*' or '~' or '…' or '؟';

    private string Remember(string original, string pseudonym)
    {
        if (original.Length < MinScrubLength || LooksLikePseudonym(original))
        {
            return pseudonym;
        }
        lock (_lock)
        {
            if (_seen.TryAdd(original, pseudonym) && original.AsSpan().IndexOfAny(SpacedMarks) >= 0)
            {
                _spaced.Add((original, pseudonym));
                // Longest first, so that "Ali Hassan Jr" is replaced before "Ali Hassan".
                _spaced.Sort((x, y) => y.Name.Length.CompareTo(x.Name.Length));
            }
        }
        return pseudonym;
    }

    private static readonly System.Buffers.SearchValues<char> SpacedMarks = System.Buffers.SearchValues.Create(" \t/@#?&=,;\"'()[]{}<>|!«»،؛");

    private static bool LooksLikePseudonym(string s) =>
        s.Length == 22 && s[1] == '_' && s[0] is 'a' or 'u' && s.AsSpan(2).IndexOfAnyExcept("0123456789abcdef") < 0;

    /// <summary>A text with every @mention replaced by the mentioned username's pseudonym.</summary>
    public string Text(string text) => Text(text, []);

    /// <summary>
    /// A text with every @mention replaced by the mentioned username's pseudonym: first the mentions the message lists
    /// (a handle with a '.' that the pattern alone would cut short), longest first, then anything else that looks like one.
    /// </summary>
    public string Text(string text, IReadOnlyList<string> mentions)
    {
        if (!text.Contains('@') && !text.Contains('＠'))
        {
            return text;
        }
        foreach (var mention in mentions.Select(m => m.TrimStart('@')).Where(m => m.Length > 0).Distinct().OrderByDescending(m => m.Length))
        {
            text = Regex.Replace(text, "(?<![A-Za-z0-9_])[@＠]" + Regex.Escape(mention) + "(?![A-Za-z0-9_])", "@" + Username(mention), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        }
        return MentionPattern().Replace(text, m => LooksLikePseudonym(m.Groups[2].Value) ? m.Value : m.Groups[1].Value + "@" + Username(m.Groups[2].Value));
    }

    public Message Message(Message m) => m with
    {
        AccountId = Account(m.AccountId),
        Username = m.Username is null ? null : Username(m.Username),
        Text = Text(m.Text, m.Mentions),
        Mentions = m.Mentions.Count == 0 ? m.Mentions : [.. m.Mentions.Select(Username)],
    };

    /// <summary>
    /// A detection result with every text it will write scrubbed (<see cref="Scrub(string)"/>): shared objects' keys and
    /// texts, the members' timeline and edge_objects.csv object keys, evidence sentences and warnings. Account ids and
    /// usernames in it are pseudonyms already (they were replaced as they were read).
    /// </summary>
    public Tansiq.Core.Detection.DetectionResult Scrub(Tansiq.Core.Detection.DetectionResult r)
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        string Key(string key)
        {
            if (!keys.TryGetValue(key, out var scrubbed))
            {
                keys[key] = scrubbed = Scrub(key);
            }
            return scrubbed;
        }
        return r with
        {
            Clusters = [.. r.Clusters.Select(c => c with
            {
                SharedObjects = [.. c.SharedObjects.Select(o => o with { Key = Key(o.Key), Text = o.Text is null ? null : Scrub(o.Text) })],
                Evidence = [.. c.Evidence.Select(e => e with { Explanation = Scrub(e.Explanation) })],
                Timeline = [.. c.Timeline.Select(t => t with { ObjectKey = Key(t.ObjectKey) })],
            })],
            EdgeObjects = [.. r.EdgeObjects.Select(e => e with { ObjectKey = Key(e.ObjectKey) })],
            Summary = r.Summary with { Warnings = [.. r.Summary.Warnings.Select(w => Scrub(w))] },
        };
    }

    public AccountProfile Profile(AccountProfile p) => p with
    {
        AccountId = Account(p.AccountId),
        Username = p.Username is null ? null : Username(p.Username),
    };

    private string Pseudonym(string prefix, string value)
    {
        var key = prefix + value;
        lock (_lock)
        {
            if (_cache.TryGetValue(key, out var known))
            {
                return known;
            }
        }
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(key), mac);
        var pseudonym = prefix + Convert.ToHexStringLower(mac[..10]);
        lock (_lock)
        {
            if (_cache.Count < 1 << 20)
            {
                _cache[key] = pseudonym;
            }
        }
        return pseudonym;
    }

    [GeneratedRegex(@"(^|[^A-Za-z0-9_])[@＠]([A-Za-z0-9_]{1,50})")]
    private static partial Regex MentionPattern();
}
