using System.Globalization;
using System.Text;

namespace Tansiq.Cli.Tests.Outputs;

/// <summary>
/// --pseudonymise when the texts themselves name accounts: a squad posting the same texts that quote a member's handle
/// without an @ ("RT name:"), link to its profile (x.com/name/status/1) and name an account id, plus background accounts.
/// Every output file is scanned for every input id and username, as a plain substring.
/// </summary>
public sealed class PseudonymiseTextsTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private (string Messages, string Accounts, string Key, List<string> Secrets) World()
    {
        var random = new Random(7);
        var squad = Enumerable.Range(0, 8).Select(i => ($"71{i:D5}9", $"squad.member{i}")).ToList();
        var others = Enumerable.Range(0, 60).Select(i => ($"82{i:D5}3", $"organic_user{i}")).ToList();
        var accounts = new StringBuilder("account_id,username,created_at,followers_count,following_count\n");
        foreach (var (id, name) in squad.Concat(others))
        {
            accounts.Append(CultureInfo.InvariantCulture, $"{id},{name},1500000000,100,100\n");
        }
        var messages = new StringBuilder("message_id,account_id,username,repost_id,reply_id,text,timestamp,urls,hashtags,mentions,lang,platform\n");
        var next = 1;
        const long start = 1_700_000_000;
        for (var j = 0; j < 40; j++)
        {
            var (quotedId, quoted) = squad[j % squad.Count];
            var text = $"Breaking {j} RT {quoted}: see x.com/{quoted}/status/{j} from {quotedId} سلام";
            foreach (var (id, name) in squad)
            {
                messages.Append(CultureInfo.InvariantCulture, $"m{next++},{id},{name},,,{text},{start + (j * 3600) + random.Next(0, 25)},https://x.com/{quoted}/status/{j},,,ar,twitter\n");
            }
        }
        for (var n = 0; n < 600; n++)
        {
            var (id, name) = others[random.Next(others.Count)];
            var (_, other) = squad.Concat(others).ElementAt(random.Next(68));
            messages.Append(CultureInfo.InvariantCulture, $"m{next++},{id},{name},,,hello {n} to {other} number {random.Next(1_000_000)},{start + random.Next(40 * 3600)},,,,en,twitter\n");
        }
        var secrets = squad.Concat(others).SelectMany(a => new[] { a.Item1, a.Item2 }).ToList();
        return (_cli.Write("messages.csv", messages.ToString()), _cli.Write("accounts.csv", accounts.ToString()),
            _cli.Write("key", "0123456789abcdef0123456789abcdef\n"), secrets);
    }

    private static void AssertNoSecret(string dir, List<string> secrets)
    {
        var files = Directory.GetFiles(dir);
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var leaked = secrets.Where(s => text.Contains(s, StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.True(leaked.Count == 0, $"{Path.GetFileName(file)} holds {string.Join(", ", leaked.Take(5))}");
        }
    }

    [Fact]
    public void Detect_PseudonymiseWithNamesInsideTexts_NoIdOrUsernameInAnyOutput()
    {
        var (messages, accounts, key, secrets) = World();
        var plain = _cli.PathOf("plain");
        Assert.Equal(0, _cli.Run("detect", messages, "--accounts", accounts, "--out", plain).Exit);
        // Without pseudonyms the squad is found and its texts, which quote the names, are written: the scan below is not vacuous.
        Assert.Contains("squad.member", File.ReadAllText(Path.Combine(plain, "clusters.json")), StringComparison.Ordinal);
        Assert.Contains("squad.member", File.ReadAllText(Path.Combine(plain, "edge_objects.csv")), StringComparison.Ordinal);

        var dir = _cli.PathOf("p");
        var (exit, _, err) = _cli.Run("detect", messages, "--accounts", accounts, "--out", dir, "--pseudonymise", key);

        Assert.True(exit == 0, err);
        AssertNoSecret(dir, secrets);
        // The texts are still there, with the names replaced: the Arabic word and the link shape survive.
        var clusters = File.ReadAllText(Path.Combine(dir, "clusters.json"));
        Assert.Matches(@"RT u_[0-9a-f]{20}: see x\.com/u_[0-9a-f]{20}/status/\d+ from a_[0-9a-f]{20} سلام", clusters);
    }

    [Fact]
    public void Texts_PseudonymiseWithNamesInsideTexts_NoIdOrUsernameInTheOutput()
    {
        var (messages, _, key, secrets) = World();
        var dir = _cli.PathOf("t");
        var (exit, _, err) = _cli.Run("texts", messages, "--out", dir, "--pseudonymise", key);

        Assert.True(exit == 0, err);
        Assert.True(File.ReadAllLines(Directory.GetFiles(dir).Single()).Length > 1);
        AssertNoSecret(dir, secrets);
    }
}
