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
    public string Account(string accountId) => Pseudonym("a_", accountId);

    /// <summary>The pseudonym of a username (a handle or display name, without a leading @): <c>u_</c> and 20 hex digits.</summary>
    public string Username(string username) => Pseudonym("u_", username.TrimStart('@'));

    /// <summary>A text with every @mention replaced by the mentioned username's pseudonym.</summary>
    public string Text(string text) =>
        text.Contains('@') ? MentionPattern().Replace(text, m => m.Groups[1].Value + "@" + Username(m.Groups[2].Value)) : text;

    public Message Message(Message m) => m with
    {
        AccountId = Account(m.AccountId),
        Username = m.Username is null ? null : Username(m.Username),
        Text = Text(m.Text),
        Mentions = m.Mentions.Count == 0 ? m.Mentions : [.. m.Mentions.Select(Username)],
    };

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
