using System.Text.Json;

namespace Tansiq.Cli.Tests.Outputs;

/// <summary>Shared objects are shown with what they are: a re-shared post's text and its author's username, taken from
/// the inputs, in clusters.json and report.html.</summary>
public sealed class SharedObjectTextsTests(SmallWorld world) : IClassFixture<SmallWorld>, IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Detect_CoRepostObjects_CarryTheOriginalsTextAuthorAndUsername()
    {
        var dir = _cli.PathOf("d");
        var (exit, _, err) = _cli.Run("detect", world.Messages, "--accounts", world.Accounts, "--out", dir);
        Assert.True(exit == 0, err);
        // The truth, straight from the simulated input: each post's author and text, each account's username.
        var posts = Tansiq.IO.Readers.MessageReaders.Open(world.Messages, Tansiq.IO.Readers.InputFormat.Auto, new Tansiq.IO.Readers.ReadOptions())
            .ToDictionary(m => m.MessageId, m => (m.AccountId, m.Text));
        var usernames = new Dictionary<string, string>();
        foreach (var line in File.ReadLines(world.Accounts).Skip(1))
        {
            var f = line.Split(',');
            usernames[f[0]] = f[1];
        }

        using var clusters = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "clusters.json")));
        var reposted = clusters.RootElement.GetProperty("clusters").EnumerateArray()
            .SelectMany(c => c.GetProperty("shared_objects").EnumerateArray())
            .Where(o => o.GetProperty("signal").GetString() == "co-repost").ToList();

        Assert.NotEmpty(reposted);
        var report = File.ReadAllText(Path.Combine(dir, "report.html"));
        foreach (var o in reposted)
        {
            var author = o.GetProperty("author").GetString()!;
            var original = posts[o.GetProperty("key").GetString()!];
            Assert.Equal(original.AccountId, author);
            Assert.Equal(original.Text, o.GetProperty("text").GetString());
            Assert.Equal(usernames[author], o.GetProperty("author_username").GetString());
            Assert.Contains($"@{System.Net.WebUtility.HtmlEncode(usernames[author])}", report, StringComparison.Ordinal);
        }
    }
}
