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

/// <summary>Readers for the moderation inputs: accounts.csv, follows.csv, reports.csv. Malformed rows throw <see cref="InputException"/>.</summary>
public static class ModerationReaders
{
    /// <summary>accounts.csv: <c>account_id,username,created_at,followers_count,following_count</c> (more columns may follow).</summary>
    public static void ReadAccounts(string path, ModerationWorldBuilder world, ModerationReadStats stats)
    {
        using var csv = SimpleCsv.Open(path);
        var cols = csv.ReadHeader(["account_id", "created_at", "followers_count"]);
        var id = cols["account_id"];
        var created = cols["created_at"];
        var followers = cols["followers_count"];
        var username = cols.GetValueOrDefault("username", -1);
        var fields = new List<string>();
        var firstLine = new List<long>();
        for (var i = 0; i < world.AccountCount; i++)
        {
            firstLine.Add(0);
        }
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
            var before = world.AccountCount;
            var index = world.AddAccount(accountId, name, createdAt, followerCount);
            if (world.AccountCount == before)
            {
                // As for detect: two profiles for one account cannot both be right.
                throw new InputException(path, line, $"duplicate account_id '{Clip(accountId)}' (first on line {firstLine[index]})");
            }
            firstLine.Add(line);
            stats.Accounts++;
        }
    }

    /// <summary>follows.csv: <c>follower_id,followee_id</c>. Rows naming unknown accounts are counted and ignored.</summary>
    public static void ReadFollows(string path, ModerationWorldBuilder world, ModerationReadStats stats)
    {
        using var csv = SimpleCsv.Open(path);
        var cols = csv.ReadHeader(["follower_id", "followee_id"]);
        var follower = cols["follower_id"];
        var followee = cols["followee_id"];
        var fields = new List<string>();
        world.MarkExposureAvailable();
        while (csv.TryRead(fields, out var line))
        {
            var a = Field(csv, fields, follower, line, "follower_id").Trim();
            var b = Field(csv, fields, followee, line, "followee_id").Trim();
            if (a.Length == 0 || b.Length == 0)
            {
                throw new InputException(path, line, "follower_id and followee_id must not be empty");
            }
            if (world.TryGetAccount(a, out var ia) && world.TryGetAccount(b, out var ib))
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

    /// <summary>
    /// reports.csv: <c>report_id,reporter_id,target_id,timestamp,reason</c>. A repeated report_id keeps its first row; a
    /// report naming an account missing from accounts.csv is counted and left out of the replay.
    /// </summary>
    public static Report[] ReadReports(string path, ModerationWorld world, ModerationReadStats stats)
    {
        using var csv = SimpleCsv.Open(path);
        var cols = csv.ReadHeader(["report_id", "reporter_id", "target_id", "timestamp"]);
        var idCol = cols["report_id"];
        var reporterCol = cols["reporter_id"];
        var targetCol = cols["target_id"];
        var timeCol = cols["timestamp"];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var reports = new List<Report>();
        var fields = new List<string>();
        while (csv.TryRead(fields, out var line))
        {
            stats.ReportRows++;
            var id = Field(csv, fields, idCol, line, "report_id").Trim();
            var reporter = Field(csv, fields, reporterCol, line, "reporter_id").Trim();
            var target = Field(csv, fields, targetCol, line, "target_id").Trim();
            var timeText = Field(csv, fields, timeCol, line, "timestamp");
            if (id.Length == 0)
            {
                throw new InputException(path, line, "report_id is empty");
            }
            if (reporter.Length == 0 || target.Length == 0)
            {
                throw new InputException(path, line, "reporter_id and target_id must not be empty");
            }
            if (!UnixTimes.TryParse(timeText, out var time))
            {
                throw new InputException(path, line, $"timestamp '{Clip(timeText)}' is neither unix seconds nor an ISO-8601 time");
            }
            if (!seen.Add(id))
            {
                stats.DuplicateReportIds++;
                if (stats.DuplicateExamples.Count < ModerationReadStats.MaxExamples)
                {
                    stats.DuplicateExamples.Add($"{path}:{line}: report_id '{Clip(id)}' seen before; the first row is kept");
                }
                continue;
            }
            var knownReporter = world.Accounts.TryGet(reporter, out var r);
            var knownTarget = world.Accounts.TryGet(target, out var t);
            if (!knownReporter || !knownTarget)
            {
                stats.ReportsNamingUnknownAccounts++;
                stats.UnknownReporters += knownReporter ? 0 : 1;
                stats.UnknownTargets += knownTarget ? 0 : 1;
                if (stats.UnknownExamples.Count < ModerationReadStats.MaxExamples)
                {
                    var who = !knownReporter ? $"reporter '{Clip(reporter)}'" : $"target '{Clip(target)}'";
                    stats.UnknownExamples.Add($"{path}:{line}: {who} is not in the accounts file");
                }
                continue;
            }
            reports.Add(new Report(r, t, time, reports.Count));
        }
        return [.. reports];
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
