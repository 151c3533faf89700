using Tansiq.Core.Moderation;
using Tansiq.IO.Readers;

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
    /// <summary>accounts.csv: <c>account_id,username,created_at,followers_count,following_count</c> (more columns may
    /// follow), read by the same reader as <c>detect --accounts</c>.</summary>
    public static void ReadAccounts(string path, ModerationWorldBuilder world, ModerationReadStats stats, Pseudonymiser? pseudonyms = null)
    {
        foreach (var profile in AccountReaders.Open(path, new ReadOptions { Pseudonyms = pseudonyms }, ["created_at", "followers_count"]))
        {
            world.AddAccount(profile.AccountId, profile.Username, profile.CreatedAt, profile.FollowersCount);
            stats.Accounts++;
        }
    }

    /// <summary>follows.csv: <c>follower_id,followee_id</c>. Rows naming unknown accounts are counted and ignored.</summary>
    public static void ReadFollows(string path, ModerationWorldBuilder world, ModerationReadStats stats, Pseudonymiser? pseudonyms = null)
    {
        InputFiles.Check(path);
        using var csv = CsvRecords.Open(path);
        var header = CsvHeader.Read(csv, "a follows file", "follower_id,followee_id");
        var cols = header.Require(csv, "follower_id", "followee_id");
        var follower = cols[0];
        var followee = cols[1];
        world.MarkExposureAvailable();
        while (csv.MoveNext())
        {
            var line = csv.Line;
            CheckRow(csv, header);
            var a = csv.Field(follower).Trim().ToString();
            var b = csv.Field(followee).Trim().ToString();
            if (pseudonyms is not null && a.Length > 0 && b.Length > 0)
            {
                (a, b) = (pseudonyms.Account(a), pseudonyms.Account(b));
            }
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
    public static Report[] ReadReports(string path, ModerationWorld world, ModerationReadStats stats, Pseudonymiser? pseudonyms = null)
    {
        InputFiles.Check(path);
        using var csv = CsvRecords.Open(path);
        var header = CsvHeader.Read(csv, "a reports file", "report_id,reporter_id,target_id,timestamp,reason");
        var cols = header.Require(csv, "report_id", "reporter_id", "target_id", "timestamp");
        var (idCol, reporterCol, targetCol, timeCol) = (cols[0], cols[1], cols[2], cols[3]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var reports = new List<Report>();
        while (csv.MoveNext())
        {
            var line = csv.Line;
            CheckRow(csv, header);
            stats.ReportRows++;
            var id = csv.Field(idCol).Trim().ToString();
            var reporter = csv.Field(reporterCol).Trim().ToString();
            var target = csv.Field(targetCol).Trim().ToString();
            if (pseudonyms is not null && reporter.Length > 0 && target.Length > 0)
            {
                (reporter, target) = (pseudonyms.Account(reporter), pseudonyms.Account(target));
            }
            var timeText = csv.Field(timeCol);
            if (id.Length == 0)
            {
                throw new InputException(path, line, "report_id is empty");
            }
            if (reporter.Length == 0 || target.Length == 0)
            {
                throw new InputException(path, line, "reporter_id and target_id must not be empty");
            }
            if (!Timestamps.TryParse(timeText, out var seconds, out var timeError))
            {
                throw new InputException(path, line, timeError!);
            }
            var time = (long)Math.Floor(seconds);
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

    /// <summary>A row with bad bytes or quoting, or a different number of fields than the header, stops the run.</summary>
    private static void CheckRow(CsvRecords csv, CsvHeader header)
    {
        if (csv.Problem is { } problem)
        {
            throw new InputException(csv.Path, csv.Line, problem);
        }
        if (csv.ColCount != header.Count)
        {
            throw new InputException(csv.Path, csv.Line, $"expected {header.Count} columns (as in the header), found {csv.ColCount}");
        }
    }

    private static string Clip(string s) => s.Length <= 40 ? s : s[..40] + "...";
}
