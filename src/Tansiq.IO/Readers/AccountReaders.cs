using System.Globalization;
using Tansiq.Core.Model;

namespace Tansiq.IO.Readers;

/// <summary>
/// Reads an accounts file (<c>--accounts FILE</c>): CSV whose header names account_id (or user_id) and optionally
/// username (or screen_name), created_at (unix seconds or ISO-8601), followers_count, following_count (or friends_count),
/// in any order; other columns are ignored and empty cells are unknown (null). Each account may appear once.
/// </summary>
public static class AccountReaders
{
    /// <summary>Streams the profiles of <paramref name="path"/> (gzip read transparently). A missing file is reported
    /// at once; rows are read as the result is enumerated.</summary>
    public static IEnumerable<AccountProfile> Open(string path, ReadOptions options) => Open(path, options, []);

    /// <summary>As <see cref="Open(string, ReadOptions)"/>, and the header must also name <paramref name="required"/>
    /// (moderation needs created_at and followers_count).</summary>
    public static IEnumerable<AccountProfile> Open(string path, ReadOptions options, IReadOnlyList<string> required)
    {
        InputFiles.Check(path);
        return Read(path, options, required);
    }

    private sealed record Layout(int AccountId, int Username, int CreatedAt, int Followers, int Following, int Columns);

    /// <summary>The profiles of an in-memory body (an HTTP request) named <paramref name="source"/> in errors.</summary>
    public static IEnumerable<AccountProfile> Read(Stream body, string source, ReadOptions options, IReadOnlyList<string> required) =>
        Read(source, () => CsvRecords.Open(body, source), options, required);

    private static IEnumerable<AccountProfile> Read(string path, ReadOptions options, IReadOnlyList<string> required) =>
        Read(path, () => CsvRecords.Open(path), options, required);

    private static IEnumerable<AccountProfile> Read(string path, Func<CsvRecords> open, ReadOptions options, IReadOnlyList<string> required)
    {
        using var csv = open();
        var header = CsvHeader.Read(csv, "an accounts file", "account_id,username,created_at,followers_count,following_count", options.ColumnMap);
        var accountId = header.Find("account_id", "user_id", "userid");
        List<string> missing = [.. required.Where(name => header.Find(name) < 0)];
        if (accountId < 0)
        {
            missing.Insert(0, "account_id (or user_id)");
        }
        if (missing.Count > 0)
        {
            throw header.Missing(csv, missing);
        }
        // Aliases: Twitter API names (screen_name, friends_count) and the information-operations archives' users file
        // (userid, user_screen_name, follower_count, following_count, account_creation_date).
        var layout = new Layout(accountId, header.Find("username", "screen_name", "user_screen_name"), header.Find("created_at", "account_creation_date"),
            header.Find("followers_count", "follower_count"), header.Find("following_count", "friends_count"), header.Count);
        var firstLine = new Dictionary<string, long>(StringComparer.Ordinal);
        while (csv.MoveNext())
        {
            var profile = Map(csv, layout, out var reason);
            if (profile is null)
            {
                options.Reject(path, csv.Line, reason!);
                continue;
            }
            // One profile per account: callers key by account, and two differing rows leave no way to tell which is right.
            if (!firstLine.TryAdd(profile.AccountId, csv.Line))
            {
                options.Reject(path, csv.Line, $"duplicate account_id '{Timestamps.Clip(profile.AccountId)}' (first on line {firstLine[profile.AccountId]})");
                continue;
            }
            yield return options.Pseudonyms is { } pseudonyms ? pseudonyms.Profile(profile) : profile;
        }
    }

    private static AccountProfile? Map(CsvRecords csv, Layout layout, out string? reason)
    {
        reason = csv.Problem;
        if (reason is not null)
        {
            return null;
        }
        if (csv.ColCount != layout.Columns)
        {
            reason = $"expected {layout.Columns} columns (as in the header), found {csv.ColCount}";
            return null;
        }
        var accountId = csv.Field(layout.AccountId);
        if (accountId.IsEmpty)
        {
            reason = "empty account_id";
            return null;
        }
        long? createdAt = null;
        if (layout.CreatedAt >= 0 && !csv.Field(layout.CreatedAt).IsWhiteSpace())
        {
            if (!Timestamps.TryParse(csv.Field(layout.CreatedAt), out var seconds, out var error))
            {
                reason = $"created_at: {error}";
                return null;
            }
            createdAt = (long)Math.Floor(seconds);
        }
        if (!TryCount(csv, layout.Followers, "followers_count", out var followers, out reason)
            || !TryCount(csv, layout.Following, "following_count", out var following, out reason))
        {
            return null;
        }
        return new AccountProfile
        {
            AccountId = new string(accountId),
            Username = layout.Username < 0 ? null : CntCsvReader.NullIfEmpty(csv.Field(layout.Username)),
            CreatedAt = createdAt,
            FollowersCount = followers,
            FollowingCount = following,
        };
    }

    /// <summary>A non-negative whole number; "123.0" is accepted because spreadsheet and pandas exports write counts so.</summary>
    internal static bool TryCount(CsvRecords csv, int col, string name, out long? count, out string? reason)
    {
        count = null;
        reason = null;
        if (col < 0)
        {
            return true;
        }
        var cell = csv.Field(col).Trim();
        if (cell.IsEmpty)
        {
            return true;
        }
        if (long.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out var whole))
        {
            count = whole;
            return true;
        }
        if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real)
            && real >= 0 && real == Math.Floor(real) && real < long.MaxValue)
        {
            count = (long)real;
            return true;
        }
        reason = $"{name} '{Timestamps.Clip(cell)}' is not a non-negative whole number";
        return false;
    }
}
