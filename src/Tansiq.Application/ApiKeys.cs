using System.Security.Cryptography;
using System.Text;
using Tansiq.Storage;

namespace Tansiq.Application;

/// <summary>The roles a key can have. An admin key may call every route.</summary>
public static class Roles
{
    public const string Ingest = "ingest";
    public const string Moderator = "moderator";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Ingest, Moderator, Admin];

    public static bool Allows(string keyRole, string required) => keyRole == required || keyRole == Admin;
}

/// <summary>A key as shown once to whoever made it: the full key (never stored) and its record.</summary>
public sealed record IssuedKey(string Key, KeyRecord Record);

/// <summary>
/// API keys: <c>tsq_&lt;id&gt;_&lt;secret&gt;</c>. The id finds the record; only SHA-256 of the 256-bit random secret is
/// stored, compared in constant time. A key is shown once, when it is made.
/// </summary>
public static class ApiKeys
{
    private const string Prefix = "tsq_";

    public static async Task<IssuedKey> IssueAsync(ITansiqStore store, string role, string? name, TimeProvider time, CancellationToken cancel = default)
    {
        if (!Roles.All.Contains(role))
        {
            throw new ArgumentException($"unknown role '{role}' (ingest, moderator or admin)", nameof(role));
        }
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var record = new KeyRecord(id, role, name, Hash(secret), time.GetUtcNow().ToUnixTimeSeconds(), null);
        await store.AddKeyAsync(record, cancel);
        return new IssuedKey($"{Prefix}{id}_{secret}", record);
    }

    /// <summary>The active key a bearer token stands for, or null (malformed, unknown, wrong secret or revoked).</summary>
    public static async Task<KeyRecord?> VerifyAsync(ITansiqStore store, string token, CancellationToken cancel = default)
    {
        if (!TryParse(token, out var id, out var secret))
        {
            return null;
        }
        var record = await store.FindKeyAsync(id, cancel);
        // Hash first, then compare in constant time whether or not the key exists.
        var hash = Hash(secret);
        var expected = record?.SecretHash ?? new byte[hash.Length];
        var match = CryptographicOperations.FixedTimeEquals(hash, expected);
        return match && record is { RevokedAt: null } ? record : null;
    }

    public static bool TryParse(string token, out string id, out string secret)
    {
        id = secret = "";
        if (!token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }
        var rest = token.AsSpan(Prefix.Length);
        var sep = rest.IndexOf('_');
        if (sep <= 0 || sep == rest.Length - 1 || rest.Length > 200)
        {
            return false;
        }
        id = rest[..sep].ToString();
        secret = rest[(sep + 1)..].ToString();
        return true;
    }

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
