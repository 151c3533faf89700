using System.Globalization;
using Tansiq.Core.Moderation;

namespace Tansiq.IO.Moderation;

/// <summary>What the readers counted on the way in, for summary.json and stderr.</summary>
public sealed class ModerationReadStats
{
    public const int MaxExamples = 10;

    public long Accounts { get; set; }
    public long MessagesByUnknownAccounts { get; set; }
    public long Follows { get; set; }
    public long FollowsNamingUnknownAccounts { get; set; }
    public long Messages { get; set; }
    public int MessageClusters { get; set; }
    public int ClusteredAccounts { get; set; }
    public long ReportRows { get; set; }
    public long DuplicateReportIds { get; set; }
    public long ReportsNamingUnknownAccounts { get; set; }
    public long UnknownReporters { get; set; }
    public long UnknownTargets { get; set; }
    public List<string> UnknownExamples { get; } = [];
    public List<string> DuplicateExamples { get; } = [];
}

/// <summary>One row of accounts.csv as read: the parsed fields and the physical line it starts on.</summary>
public readonly record struct AccountRow(string AccountId, string? Username, long? CreatedAt, long? Followers, long Line);

/// <summary>One row of follows.csv.</summary>
public readonly record struct FollowRow(string Follower, string Followee, long Line);

/// <summary>One row of reports.csv (or one NDJSON report): the id as given, both accounts, unix seconds, the reason.</summary>
public readonly record struct ReportRow(string ReportId, string Reporter, string Target, long Time, string? Reason, long Line);

/// <summary>
/// Readers for the moderation inputs: accounts.csv, follows.csv, reports.csv, from a file or any text (an HTTP body).
/// Malformed rows throw <see cref="InputException"/> naming the source and line.
/// </summary>
public static class ModerationReaders
{
    /// <summary>accounts.csv: <c>account_id,username,created_at,followers_count,following_count</c> (more columns may follow).</summary>
    public static void ReadAccounts(string path, ModerationWorldBuilder world, ModerationReadStats stats)
    {
        using var csv = SimpleCsv.Open(path);
        var firstLine = new List<long>();
        for (var i = 0; i < world.AccountCount; i++)
        {
            firstLine.Add(0);
        }
        foreach (var row in AccountRows(csv))
        {
            var before = world.AccountCount;
            var index = world.AddAccount(row.AccountId, row.Username, row.CreatedAt, row.Followers);
            if (world.AccountCount == before)
            {
                // As for detect: two profiles for one account cannot both be right.
                throw new InputException(path, row.Line, $"duplicate account_id '{Clip(row.AccountId)}' (first on line {firstLine[index]})");
            }
            firstLine.Add(row.Line);
            stats.Accounts++;
        }
    }

    /// <summary>Account rows from any text (header first); <paramref name="source"/> names it in errors.</summary>
    public static List<AccountRow> ReadAccountRows(TextReader text, string source)
    {
        using var csv = SimpleCsv.FromReader(text, source);
        var rows = new List<AccountRow>();
        var firstLine = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var row in AccountRows(csv))
        {
            if (!firstLine.TryAdd(row.AccountId, row.Line))
            {
                throw new InputException(source, row.Line, $"duplicate account_id '{Clip(row.AccountId)}' (first on line {firstLine[row.AccountId]})");
            }
            rows.Add(row);
        }
        return rows;
    }

    private static IEnumerable<AccountRow> AccountRows(SimpleCsv csv)
    {
        var path = csv.File;
        var cols = csv.ReadHeader(["account_id", "created_at", "followers_count"]);
        var id = cols["account_id"];
        var created = cols["created_at"];
        var followers = cols["followers_count"];
        var username = cols.GetValueOrDefault("username", -1);
        var fields = new List<string>();
        while (csv.TryRead(fields, out var line))
        {
            var accountId = Field(csv, fields, id, line, "account_id").Trim();
            if (accountId.Length == 0)
            {
                throw new InputException(path, line, "account_id is empty");
            }
            var createdText = Field(csv, fields, created, line, "created_at").Trim();
            long? createdAt = null;
            if (createdText.Length > 0)
            {
                if (!UnixTimes.TryParse(createdText, out var c))
                {
                    throw new InputException(path, line, $"created_at '{Clip(createdText)}' is neither unix seconds nor an ISO-8601 time");
                }
                createdAt = c;
            }
            var followersText = Field(csv, fields, followers, line, "followers_count").Trim();
            long? followerCount = null;
            if (followersText.Length > 0)
            {
                if (!long.TryParse(followersText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var f) || f < 0)
                {
                    throw new InputException(path, line, $"followers_count '{Clip(followersText)}' is not a non-negative whole number");
                }
                followerCount = f;
            }
            var name = username >= 0 && username < fields.Count ? fields[username].Trim() : null;
            yield return new AccountRow(accountId, name, createdAt, followerCount, line);
        }
    }

    /// <summary>follows.csv: <c>follower_id,followee_id</c>. Rows naming unknown accounts are counted and ignored.</summary>
    public static void ReadFollows(string path, ModerationWorldBuilder world, ModerationReadStats stats)
    {
        using var csv = SimpleCsv.Open(path);
        world.MarkExposureAvailable();
        foreach (var row in FollowRows(csv))
        {
            if (world.TryGetAccount(row.Follower, out var ia) && world.TryGetAccount(row.Followee, out var ib))
            {
                world.AddFollow(ia, ib);
                stats.Follows++;
            }
            else
            {
                stats.FollowsNamingUnknownAccounts++;
            }
        }
    }

    /// <summary>Follow rows from any text (header first).</summary>
    public static List<FollowRow> ReadFollowRows(TextReader text, string source)
    {
        using var csv = SimpleCsv.FromReader(text, source);
        return [.. FollowRows(csv)];
    }

    private static IEnumerable<FollowRow> FollowRows(SimpleCsv csv)
    {
        var cols = csv.ReadHeader(["follower_id", "followee_id"]);
        var follower = cols["follower_id"];
        var followee = cols["followee_id"];
        var fields = new List<string>();
        while (csv.TryRead(fields, out var line))
        {
            var a = Field(csv, fields, follower, line, "follower_id").Trim();
            var b = Field(csv, fields, followee, line, "followee_id").Trim();
            if (a.Length == 0 || b.Length == 0)
            {
                throw new InputException(csv.File, line, "follower_id and followee_id must not be empty");
            }
            yield return new FollowRow(a, b, line);
        }
    }

    /// <summary>
    /// reports.csv: <c>report_id,reporter_id,target_id,timestamp,reason</c>. A repeated report_id keeps its first row; a
    /// report naming an account missing from accounts.csv is counted and left out of the replay.
    /// </summary>
    public static Report[] ReadReports(string path, ModerationWorld world, ModerationReadStats stats)
    {
        using var csv = SimpleCsv.Open(path);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var reports = new List<Report>();
        foreach (var row in ReportRows(csv))
        {
            stats.ReportRows++;
            if (!seen.Add(row.ReportId))
            {
                stats.DuplicateReportIds++;
                if (stats.DuplicateExamples.Count < ModerationReadStats.MaxExamples)
                {
                    stats.DuplicateExamples.Add($"{path}:{row.Line}: report_id '{Clip(row.ReportId)}' seen before; the first row is kept");
                }
                continue;
            }
            var knownReporter = world.Accounts.TryGet(row.Reporter, out var r);
            var knownTarget = world.Accounts.TryGet(row.Target, out var t);
            if (!knownReporter || !knownTarget)
            {
                stats.ReportsNamingUnknownAccounts++;
                stats.UnknownReporters += knownReporter ? 0 : 1;
                stats.UnknownTargets += knownTarget ? 0 : 1;
                if (stats.UnknownExamples.Count < ModerationReadStats.MaxExamples)
                {
                    var who = !knownReporter ? $"reporter '{Clip(row.Reporter)}'" : $"target '{Clip(row.Target)}'";
                    stats.UnknownExamples.Add($"{path}:{row.Line}: {who} is not in the accounts file");
                }
                continue;
            }
            reports.Add(new Report(r, t, row.Time, reports.Count));
        }
        return [.. reports];
    }

    /// <summary>Report rows from any CSV text (header first), repeated ids included: the caller decides what a repeat means.</summary>
    public static List<ReportRow> ReadReportRows(TextReader text, string source)
    {
        using var csv = SimpleCsv.FromReader(text, source);
        return [.. ReportRows(csv)];
    }

    private static IEnumerable<ReportRow> ReportRows(SimpleCsv csv)
    {
        var cols = csv.ReadHeader(["report_id", "reporter_id", "target_id", "timestamp"]);
        var idCol = cols["report_id"];
        var reporterCol = cols["reporter_id"];
        var targetCol = cols["target_id"];
        var timeCol = cols["timestamp"];
        var reasonCol = cols.GetValueOrDefault("reason", -1);
        var fields = new List<string>();
        while (csv.TryRead(fields, out var line))
        {
            var id = Field(csv, fields, idCol, line, "report_id").Trim();
            var reporter = Field(csv, fields, reporterCol, line, "reporter_id").Trim();
            var target = Field(csv, fields, targetCol, line, "target_id").Trim();
            var timeText = Field(csv, fields, timeCol, line, "timestamp");
            var reason = reasonCol >= 0 && reasonCol < fields.Count ? fields[reasonCol] : null;
            yield return Validate(csv.File, line, id, reporter, target, timeText, reason);
        }
    }

    /// <summary>Checks one report's fields (shared by the CSV and the NDJSON readers) and parses its time.</summary>
    public static ReportRow Validate(string source, long line, string id, string reporter, string target, string timeText, string? reason)
    {
        if (id.Length == 0)
        {
            throw new InputException(source, line, "report_id is empty");
        }
        if (reporter.Length == 0 || target.Length == 0)
        {
            throw new InputException(source, line, "reporter_id and target_id must not be empty");
        }
        if (!UnixTimes.TryParse(timeText, out var time))
        {
            throw new InputException(source, line, $"timestamp '{Clip(timeText)}' is neither unix seconds nor an ISO-8601 time");
        }
        return new ReportRow(id, reporter, target, time, reason, line);
    }

    private static string Field(SimpleCsv csv, List<string> fields, int index, long line, string name)
    {
        if (index >= fields.Count)
        {
            throw new InputException(csv.File, line, $"the row has {fields.Count} fields, so no '{name}' (column {index + 1})");
        }
        return fields[index];
    }

    private static string Clip(string s) => s.Length <= 40 ? s : s[..40] + "...";
}
