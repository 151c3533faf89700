using Tansiq.IO.Readers;

namespace Tansiq.IO.Tests.Readers;

public class AccountReadersTests
{
    [Fact]
    public void Open_Fixture_ReadsColumnsByNameInAnyOrder()
    {
        var profiles = AccountReaders.Open(TempFiles.Fixture("accounts.csv"), new ReadOptions()).ToList();

        Assert.Equal(["111", "444", "555"], profiles.Select(p => p.AccountId));
        Assert.Equal(["leader", "squad_01", null], profiles.Select(p => p.Username));
        // 2019-09-15T08:00:00Z = 1568534400, given once as ISO-8601 and once as unix seconds.
        Assert.Equal([1568534400L, 1568534400L, null], profiles.Select(p => p.CreatedAt));
        Assert.Equal([1300000L, 3L, null], profiles.Select(p => p.FollowersCount));
        Assert.Equal([12L, 250L, null], profiles.Select(p => p.FollowingCount));
    }

    [Fact]
    public void Open_OnlyAccountIdColumn_LeavesTheRestUnknown()
    {
        using var files = new TempFiles();
        var path = files.Text("a.csv", "user_id\n42\n");

        var profile = Assert.Single(AccountReaders.Open(path, new ReadOptions()));

        Assert.Equal("42", profile.AccountId);
        Assert.Null(profile.CreatedAt);
        Assert.Null(profile.FollowersCount);
    }

    [Fact]
    public void Open_NoAccountIdColumn_IsFatal()
    {
        using var files = new TempFiles();
        var path = files.Text("a.csv", "username,created_at\nx,5\n");

        var error = Assert.Throws<InputException>(() => AccountReaders.Open(path, new ReadOptions { SkipBadRows = true }).ToList());

        Assert.Contains("account_id", error.Reason);
        Assert.Equal(1, error.Line);
    }

    [Theory]
    [InlineData("-3", "followers_count")]
    [InlineData("1.5", "followers_count")]
    [InlineData("many", "followers_count")]
    public void Open_BadCount_NamesTheColumnAndLine(string followers, string column)
    {
        using var files = new TempFiles();
        var path = files.Text("a.csv", $"account_id,followers_count\n1,10\n2,{followers}\n");

        var error = Assert.Throws<InputException>(() => AccountReaders.Open(path, new ReadOptions()).ToList());

        Assert.Equal(3, error.Line);
        Assert.StartsWith(column, error.Reason);
    }

    [Fact]
    public void Open_BadCreatedAt_IsRejectedAndSkippable()
    {
        using var files = new TempFiles();
        var path = files.Text("a.csv", "account_id,created_at\n1,yesterday\n2,0\n");
        var options = new ReadOptions { SkipBadRows = true };

        var profile = Assert.Single(AccountReaders.Open(path, options));

        Assert.Equal("2", profile.AccountId);
        Assert.Equal(0L, profile.CreatedAt);
        Assert.Equal(1, options.BadRows.Count);
        Assert.StartsWith($"{path}:2: created_at:", options.BadRows.Examples[0]);
    }

    [Fact]
    public void Open_MissingFile_FailsAtOnce()
    {
        var error = Assert.Throws<InputException>(() => AccountReaders.Open("/nonexistent/accounts.csv", new ReadOptions()));

        Assert.Equal(0, error.Line);
    }
}
