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

/// <summary>One row of accounts.csv as read (from a file or a request body).</summary>
public readonly record struct AccountRow(string AccountId, string? Username, long? CreatedAt, long? Followers, long Line);

/// <summary>One row of follows.csv.</summary>
public readonly record struct FollowRow(string Follower, string Followee, long Line);

/// <summary>One row of reports.csv (or one NDJSON report): the id as given, both accounts, unix seconds, the reason.</summary>
public readonly record struct ReportRow(string ReportId, string Reporter, string Target, long Time, string? Reason, long Line);

/// <summary>
/// Readers for the moderation inputs: accounts.csv, follows.csv, reports.csv, from a file or an in-memory body (an HTTP
/// request), all through the one CSV reader. Malformed rows throw <see cref="InputException"/> naming the source and line.
/// </summary>
public static class ModerationReaders
{
    private static readonly string[] AccountColumns = ["created_at", "followers_count"];

    /// <summary>accounts.csv: <c>account_id,username,created_at,followers_count,following_count</c> (more columns may
    /// follow), read by the same reader as <c>detect --accounts</c>.</summary>
    public static void ReadAccounts(string path, ModerationWorldBuilder world, ModerationReadStats stats, Pseudonymiser? pseudonyms = null)
    {
        foreach (var profile in AccountReaders.Open(path, new ReadOptions { Pseudonyms = pseudonyms }, AccountColumns))
        {
            world.AddAccount(profile.AccountId, profile.Username, profile.CreatedAt, profile.FollowersCount);
            stats.Accounts++;
        }
    }

    /// <summary>Account rows of a body (header first); <paramref name="source"/> names it in errors.</summary>
    public static List<AccountRow> ReadAccountRows(Stream body, string source) =>
        [.. AccountReaders.Read(body, source, new ReadOptions(), AccountColumns)
            .Select(p => new AccountRow(p.AccountId, p.Username, p.CreatedAt, p.FollowersCount, 0))];

    /// <summary>follows.csv: <c>follower_id,followee_id</c>. Rows naming unknown accounts are counted and ignored.</summary>
    public static void ReadFollows(string path, ModerationWorldBuilder world, ModerationReadStats stats, Pseudonymiser? pseudonyms = null)
    {
        InputFiles.Check(path);
        using var csv = CsvRecords.Open(path);
        world.MarkExposureAvailable();
        foreach (var row in FollowRows(csv))
        {
            var (a, b) = pseudonyms is null ? (row.Follower, row.Followee) : (pseudonyms.Account(row.Follower), pseudonyms.Account(row.Followee));
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

    /// <summary>Follow rows of a body (header first).</summary>
    public static List<FollowRow> ReadFollowRows(Stream body, string source)
    {
        using var csv = CsvRecords.Open(body, source);
        return [.. FollowRows(csv)];
    }

    private static IEnumerable<FollowRow> FollowRows(CsvRecords csv)
    {
        var header = CsvHeader.Read(csv, "a follows file", "follower_id,followee_id");
        var cols = header.Require(csv, "follower_id", "followee_id");
        var (follower, followee) = (cols[0], cols[1]);
        while (csv.MoveNext())
        {
            CheckRow(csv, header);
            var a = csv.Field(follower).Trim().ToString();
            var b = csv.Field(followee).Trim().ToString();
            if (a.Length == 0 || b.Length == 0)
            {
                throw new InputException(csv.Path, csv.Line, "follower_id and followee_id must not be empty");
            }
            yield return new FollowRow(a, b, csv.Line);
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
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var reports = new List<Report>();
        foreach (var row in ReportRows(csv))
        {
            stats.ReportRows++;
            var (reporter, target) = pseudonyms is null ? (row.Reporter, row.Target) : (pseudonyms.Account(row.Reporter), pseudonyms.Account(row.Target));
            if (!seen.Add(row.ReportId))
            {
                stats.DuplicateReportIds++;
                if (stats.DuplicateExamples.Count < ModerationReadStats.MaxExamples)
                {
                    stats.DuplicateExamples.Add($"{path}:{row.Line}: report_id '{Clip(row.ReportId)}' seen before; the first row is kept");
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
                    stats.UnknownExamples.Add($"{path}:{row.Line}: {who} is not in the accounts file");
                }
                continue;
            }
            reports.Add(new Report(r, t, row.Time, reports.Count));
        }
        return [.. reports];
    }

    /// <summary>Report rows of a CSV body (header first), repeated ids included: the caller decides what a repeat means.</summary>
    public static List<ReportRow> ReadReportRows(Stream body, string source)
    {
        using var csv = CsvRecords.Open(body, source);
        return [.. ReportRows(csv)];
    }

    private static IEnumerable<ReportRow> ReportRows(CsvRecords csv)
    {
        var header = CsvHeader.Read(csv, "a reports file", "report_id,reporter_id,target_id,timestamp,reason");
        var cols = header.Require(csv, "report_id", "reporter_id", "target_id", "timestamp");
        var (idCol, reporterCol, targetCol, timeCol) = (cols[0], cols[1], cols[2], cols[3]);
        var reasonCol = header.Find("reason");
        while (csv.MoveNext())
        {
            CheckRow(csv, header);
            yield return Validate(csv.Path, csv.Line, csv.Field(idCol).Trim().ToString(), csv.Field(reporterCol).Trim().ToString(),
                csv.Field(targetCol).Trim().ToString(), csv.Field(timeCol).ToString(), reasonCol >= 0 ? csv.Field(reasonCol).ToString() : null);
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
        if (!Timestamps.TryParse(timeText, out var seconds, out var timeError))
        {
            throw new InputException(source, line, timeError!);
        }
        return new ReportRow(id, reporter, target, (long)Math.Floor(seconds), reason, line);
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
