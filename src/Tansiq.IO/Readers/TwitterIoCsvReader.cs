using Tansiq.Core.Model;

namespace Tansiq.IO.Readers;

/// <summary>
/// Twitter's information-operations archives (the Transparency Center's <c>*_tweets_csv_hashed.csv</c> releases): one
/// row per tweet with its author's profile on the row. Columns by name; the ones read are <c>tweetid, userid,
/// user_screen_name, follower_count, following_count, account_creation_date, tweet_text, tweet_time,
/// tweet_language, in_reply_to_tweetid, is_retweet, retweet_tweetid, hashtags, urls, user_mentions</c>; the others of the
/// release (display name, location, client, counts, poll choices...) are ignored. Account profiles are collected from
/// the same rows into <see cref="ReadOptions.Profiles"/> when the caller asks for them.
/// </summary>
internal static class TwitterIoCsvReader
{
    public const string Expected = "tweetid, userid and tweet_time";

    private sealed record Layout(int TweetId, int UserId, int ScreenName, int Followers, int Following, int Created, int Text,
        int Time, int Lang, int ReplyTo, int IsRetweet, int RetweetId, int Hashtags, int Urls, int Mentions, int Columns);

    /// <summary>True when header names (lower-cased) are an information-operations archive's.</summary>
    public static bool Matches(IReadOnlyCollection<string> names) =>
        names.Contains("tweetid") && names.Contains("userid") && names.Contains("tweet_time");

    public static IEnumerable<Message> Read(string path, ReadOptions options)
    {
        using var csv = CsvRecords.Open(path);
        var header = CsvHeader.Read(csv, "twitter-io-csv", Expected, options.ColumnMap);
        var layout = ReadLayout(header, csv);
        while (csv.MoveNext())
        {
            var message = Map(csv, layout, options, out var reason);
            if (message is null)
            {
                options.Reject(path, csv.Line, reason!);
                continue;
            }
            yield return message;
        }
    }

    private static Layout ReadLayout(CsvHeader header, CsvRecords csv)
    {
        var missing = new List<string>();
        int Need(string name)
        {
            var index = header.Find(name);
            if (index < 0)
            {
                missing.Add(name);
            }
            return index;
        }
        var layout = new Layout(Need("tweetid"), Need("userid"), header.Find("user_screen_name"), header.Find("follower_count"),
            header.Find("following_count"), header.Find("account_creation_date"), header.Find("tweet_text"), Need("tweet_time"),
            header.Find("tweet_language"), header.Find("in_reply_to_tweetid"), header.Find("is_retweet"), header.Find("retweet_tweetid"),
            header.Find("hashtags"), header.Find("urls"), header.Find("user_mentions"), header.Count);
        if (missing.Count > 0)
        {
            throw header.Missing(csv, missing);
        }
        return layout;
    }

    private static Message? Map(CsvRecords csv, Layout layout, ReadOptions options, out string? reason)
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
        var tweetId = csv.Field(layout.TweetId).Trim();
        if (tweetId.IsEmpty)
        {
            reason = "empty tweetid";
            return null;
        }
        var userId = csv.Field(layout.UserId).Trim();
        if (userId.IsEmpty)
        {
            reason = "empty userid";
            return null;
        }
        if (!Timestamps.TryParse(csv.Field(layout.Time), out var timestamp, out var timeError))
        {
            reason = $"tweet_time: {timeError}";
            return null;
        }
        var accountId = new string(userId);
        var username = Optional(csv, layout.ScreenName);
        if (options.Profiles is { } profiles && !profiles.ContainsKey(accountId))
        {
            if (!TryProfile(csv, layout, accountId, username, out var profile, out reason))
            {
                return null;
            }
            profiles[accountId] = profile;
        }
        var isRetweet = layout.IsRetweet >= 0 && IsTrue(csv.Field(layout.IsRetweet));
        // A retweet whose original is not given is still a retweet (not an original post), with no object to share.
        var repostOf = isRetweet ? Optional(csv, layout.RetweetId) ?? "" : null;
        var text = layout.Text < 0 || !options.KeepText ? "" : csv.FieldString(layout.Text);
        return new Message
        {
            MessageId = new string(tweetId),
            AccountId = accountId,
            Username = username,
            RepostOf = repostOf,
            ReplyTo = Optional(csv, layout.ReplyTo),
            Text = text,
            Timestamp = timestamp,
            Urls = layout.Urls < 0 ? [] : BracketedList(csv.Field(layout.Urls)),
            Hashtags = layout.Hashtags >= 0 ? BracketedList(csv.Field(layout.Hashtags)) : options.ExtractHashtags ? TextEntities.Hashtags(text) : [],
            Mentions = layout.Mentions >= 0 ? BracketedList(csv.Field(layout.Mentions)) : [],
            Lang = Optional(csv, layout.Lang),
            Platform = "twitter",
        };
    }

    private static bool TryProfile(CsvRecords csv, Layout layout, string accountId, string? username, out AccountProfile profile, out string? reason)
    {
        profile = null!;
        reason = null;
        long? created = null;
        if (layout.Created >= 0 && !csv.Field(layout.Created).IsWhiteSpace())
        {
            if (!Timestamps.TryParse(csv.Field(layout.Created), out var seconds, out var error))
            {
                reason = $"account_creation_date: {error}";
                return false;
            }
            created = (long)Math.Floor(seconds);
        }
        if (!AccountReaders.TryCount(csv, layout.Followers, "follower_count", out var followers, out reason)
            || !AccountReaders.TryCount(csv, layout.Following, "following_count", out var following, out reason))
        {
            return false;
        }
        profile = new AccountProfile
        {
            AccountId = accountId,
            Username = username,
            CreatedAt = created,
            FollowersCount = followers,
            FollowingCount = following,
        };
        return true;
    }

    private static bool IsTrue(ReadOnlySpan<char> cell)
    {
        cell = cell.Trim();
        return cell.Equals("true", StringComparison.OrdinalIgnoreCase) || cell is "1";
    }

    /// <summary>The archives' list cells: <c>[a, b]</c>, also <c>['a', 'b']</c> as Python writes lists; an empty cell or
    /// <c>[]</c> is an empty list. A leading <c>#</c> or <c>@</c> is dropped.</summary>
    internal static IReadOnlyList<string> BracketedList(ReadOnlySpan<char> cell)
    {
        cell = cell.Trim();
        if (cell.StartsWith('[') && cell.EndsWith(']'))
        {
            cell = cell[1..^1];
        }
        if (cell.IsWhiteSpace())
        {
            return [];
        }
        var items = new List<string>();
        foreach (var range in cell.Split(','))
        {
            var item = cell[range].Trim().Trim('\'').Trim('"').Trim().TrimStart('#').TrimStart('@');
            if (!item.IsEmpty)
            {
                items.Add(new string(item));
            }
        }
        return items;
    }

    private static string? Optional(CsvRecords csv, int col) => col < 0 ? null : CntCsvReader.NullIfEmpty(csv.Field(col).Trim());
}
