namespace Tansiq.Storage.Tests;

/// <summary>The storage contract, run against every backend (SqliteStoreTests, PostgresStoreTests).</summary>
public abstract class StoreContractTests : IDisposable
{
    protected abstract SqlStore Store { get; }

    /// <summary>Runs one statement directly on the backing database.</summary>
    protected abstract void Execute(string sql);

    public abstract void Dispose();

    private static ReportRecord R(string id, string reporter = "a", string target = "b", long time = 100) => new(id, reporter, target, time, "spam");

    [Fact]
    public async Task Migrate_EmptyDatabase_ReachesTheLatestVersion()
    {
        Assert.Equal(0, await Store.SchemaVersionAsync());
        await Store.MigrateAsync();
        Assert.Equal(Store.LatestVersion, await Store.SchemaVersionAsync());
        await Store.MigrateAsync();
        Assert.Equal(Store.LatestVersion, await Store.SchemaVersionAsync());
    }

    [Fact]
    public async Task Migrate_NewerSchema_IsRefusedWithAClearMessage()
    {
        await Store.MigrateAsync();
        Execute($"UPDATE schema_version SET version = {Store.LatestVersion + 1}");
        var e = await Assert.ThrowsAsync<StoreException>(() => Store.MigrateAsync());
        Assert.Contains("newer than this tansiq knows", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddReports_RepeatedId_IsStoredOnceAndNotReturned()
    {
        await Store.MigrateAsync();
        var first = await Store.AddReportsAsync([R("1"), R("2", time: 50), R("1", reporter: "other")]);
        Assert.Equal(["1", "2"], first.Select(r => r.Report.ReportId));
        Assert.True(first[0].Sequence < first[1].Sequence);
        var retry = await Store.AddReportsAsync([R("2"), R("3")]);
        Assert.Equal(["3"], retry.Select(r => r.Report.ReportId));
        var all = await Store.LoadReportsAsync();
        Assert.Equal(["1", "2", "3"], all.Select(r => r.Report.ReportId));
        Assert.Equal("a", all[0].Report.Reporter); // the first row of an id is kept
        Assert.Equal(50, all[1].Report.Time);
        Assert.Equal("spam", all[0].Report.Reason);
    }

    [Fact]
    public async Task AddReports_NullReasonAndRepeats_ReturnTheSequencesStored()
    {
        await Store.MigrateAsync();
        var added = await Store.AddReportsAsync([R("x"), R("y", time: 7) with { Reason = null }, R("x"), R("z", target: "c")]);
        var all = await Store.LoadReportsAsync();
        Assert.Equal(all.Select(r => r.Sequence), added.Select(r => r.Sequence));
        Assert.Equal(["x", "y", "z"], all.Select(r => r.Report.ReportId));
        Assert.Null(all[1].Report.Reason);
        Assert.Equal(7, all[1].Report.Time);
        Assert.Equal("c", all[2].Report.Target);
    }

    [Fact]
    public async Task AddAccountsAndFollows_Repeats_CountAsDuplicatesAndKeepTheFirst()
    {
        await Store.MigrateAsync();
        var a = await Store.AddAccountsAsync([new("x", "ex", 10, 5), new("y", null, null, null)]);
        Assert.Equal(new IngestCounts(2, 0), a);
        var again = await Store.AddAccountsAsync([new("x", "other", 99, 99), new("z", "zed", 1, 2)]);
        Assert.Equal(new IngestCounts(1, 1), again);
        var accounts = await Store.LoadAccountsAsync();
        Assert.Equal([new AccountRecord("x", "ex", 10, 5), new AccountRecord("y", null, null, null), new AccountRecord("z", "zed", 1, 2)], accounts);
        Assert.Equal(new IngestCounts(2, 1), await Store.AddFollowsAsync([new("x", "y"), new("y", "x"), new("x", "y")]));
        Assert.Equal([new FollowRecord("x", "y"), new FollowRecord("y", "x")], await Store.LoadFollowsAsync());
    }

    [Fact]
    public async Task Keys_AddFindListRevoke_RoundTrip()
    {
        await Store.MigrateAsync();
        var key = new KeyRecord("k1", "ingest", "loader", [1, 2, 3], 1000, null);
        await Store.AddKeyAsync(key);
        var found = await Store.FindKeyAsync("k1");
        Assert.NotNull(found);
        Assert.Equal([1, 2, 3], found.SecretHash);
        Assert.Equal("loader", found.Name);
        Assert.Null(await Store.FindKeyAsync("k2"));
        Assert.True(await Store.RevokeKeyAsync("k1", 2000));
        Assert.False(await Store.RevokeKeyAsync("k1", 3000));
        Assert.Equal(2000, (await Store.ListKeysAsync()).Single().RevokedAt);
    }

    [Fact]
    public async Task Events_UpdateOrDelete_IsRefused()
    {
        await Store.MigrateAsync();
        var e = await Store.AppendEventAsync(new ModerationEventRecord(0, "t", "disagree", "campaign", "mod", 10, 5));
        var e2 = await Store.AppendEventAsync(new ModerationEventRecord(0, "u", "agree", "", "mod", 11, 6));
        Assert.True(e2.Sequence > e.Sequence);
        Assert.ThrowsAny<Exception>(() => Execute("UPDATE moderation_events SET note = 'changed'"));
        Assert.ThrowsAny<Exception>(() => Execute("DELETE FROM moderation_events"));
        var events = await Store.LoadEventsAsync();
        Assert.Equal(["campaign", ""], events.Select(x => x.Note));
        Assert.Equal(5, events[0].AfterReport);
    }

    [Fact]
    public async Task Messages_LoadWindow_ReturnsThoseInsideInTimeOrder()
    {
        await Store.MigrateAsync();
        MessageRecord M(string id, double t) => new(id, "acc", null, t, "text", null, null, "", "tag", "");
        Assert.Equal(new IngestCounts(3, 1), await Store.AddMessagesAsync([M("m3", 300), M("m1", 100), M("m2", 200), M("m1", 100)]));
        var window = await Store.LoadMessagesAsync(150, 300);
        Assert.Equal(["m2"], window.Select(m => m.MessageId));
        Assert.Equal("tag", window[0].Hashtags);
    }
}
