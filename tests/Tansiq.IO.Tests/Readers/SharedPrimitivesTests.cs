using Tansiq.Core.Moderation;
using Tansiq.IO.Moderation;
using Tansiq.IO.Readers;

namespace Tansiq.IO.Tests.Readers;

/// <summary>One CSV reader, one timestamp parser and one accounts reader for every command: the same file is read the
/// same way by detect and moderate, semicolon-separated files included.</summary>
public class SharedPrimitivesTests
{
    private const string MillisecondAccounts =
        "account_id,username,created_at,followers_count,following_count\n" +
        "a,alpha,1611223200000,10,2\n" +
        "b,beta,Thu Jan 21 10:00:00 +0000 2021,5,1\n";

    [Fact]
    public void AccountsWithMillisecondCreatedAt_DetectAndModerateReaders_AgreeOnTheSameSeconds()
    {
        using var files = new TempFiles();
        var path = files.Text("accounts.csv", MillisecondAccounts);

        var detect = AccountReaders.Open(path, new ReadOptions()).ToList();
        var world = new ModerationWorldBuilder();
        ModerationReaders.ReadAccounts(path, world, new ModerationReadStats());
        var moderate = world.Build();

        Assert.Equal([1611223200L, 1611223200L], detect.Select(p => p.CreatedAt));
        Assert.Equal(2, moderate.AccountCount);
        Assert.True(moderate.Accounts.TryGet("a", out var a));
        Assert.Equal(1611223200L, moderate.CreatedAt[a]);
    }

    [Fact]
    public void SemicolonTansiqCsv_AutoDetected_ReadsLikeTheCommaFile()
    {
        using var files = new TempFiles();
        var comma = files.Text("comma.csv", "message_id,account_id,timestamp,text\n1,u1,21/01/2021 10:00,\"hello; world\"\n2,u2,1611223260,\"a, b\"\n");
        var semicolon = files.Text("semi.csv", "message_id;account_id;timestamp;text\n1;u1;21/01/2021 10:00;\"hello; world\"\n2;u2;1611223260;a, b\n");

        var fromComma = MessageReaders.Open(comma, InputFormat.Auto, new ReadOptions()).ToList();
        var fromSemicolon = MessageReaders.Open(semicolon, InputFormat.Auto, new ReadOptions()).ToList();

        Assert.Equal(InputFormat.TansiqCsv, MessageReaders.Detect(semicolon));
        Assert.Equal(fromComma.Select(m => (m.MessageId, m.AccountId, m.Timestamp, m.Text)), fromSemicolon.Select(m => (m.MessageId, m.AccountId, m.Timestamp, m.Text)));
        Assert.Equal("hello; world", fromSemicolon[0].Text);
        Assert.Equal(1611223200, fromSemicolon[0].Timestamp);
    }

    [Fact]
    public void SemicolonAccountsFile_Read_GivesTheProfiles()
    {
        using var files = new TempFiles();
        var path = files.Text("accounts.csv", "account_id;username;created_at\n7;seven;2021-01-21 10:00\n");

        var profile = Assert.Single(AccountReaders.Open(path, new ReadOptions()));

        Assert.Equal(("7", "seven", 1611223200L), (profile.AccountId, profile.Username, profile.CreatedAt));
    }

    [Fact]
    public void Detect_HeaderWithOnlyTimestampMissing_NamesOnlyTimestamp()
    {
        using var files = new TempFiles();
        var path = files.Text("f.csv", "message_id,account_id,created\n1,a,5\n");

        var error = Assert.Throws<InputException>(() => MessageReaders.Detect(path));

        Assert.Contains("lacks tansiq-csv's timestamp;", error.Reason);
        Assert.DoesNotContain("account_id", error.Reason.Split("lacks")[1]);
    }

    [Fact]
    public void ReadReports_MissingTwoColumns_NamesBothAndOnlyThem()
    {
        using var files = new TempFiles();
        var accounts = files.Text("accounts.csv", "account_id,created_at,followers_count\na,1,1\n");
        var reports = files.Text("reports.csv", "report_id,reporter_id\n1,a\n");
        var builder = new ModerationWorldBuilder();
        ModerationReaders.ReadAccounts(accounts, builder, new ModerationReadStats());

        var error = Assert.Throws<InputException>(() => ModerationReaders.ReadReports(reports, builder.Build(), new ModerationReadStats()));

        Assert.Contains("header lacks the required columns target_id, timestamp (header:", error.Reason);
    }

    [Fact]
    public void ReadReports_GzipAndSemicolons_ReadThroughTheSharedOpener()
    {
        using var files = new TempFiles();
        var accounts = files.Text("accounts.csv", "account_id,created_at,followers_count\na,1,1\nb,1,1\n");
        var reports = files.Gzip("reports.csv.gz", System.Text.Encoding.UTF8.GetBytes("report_id;reporter_id;target_id;timestamp;reason\n1;a;b;21/01/2021 10:00;spam\n"));
        var builder = new ModerationWorldBuilder();
        ModerationReaders.ReadAccounts(accounts, builder, new ModerationReadStats());

        var report = Assert.Single(ModerationReaders.ReadReports(reports, builder.Build(), new ModerationReadStats()));

        Assert.Equal(1611223200L, report.Time);
    }
}
