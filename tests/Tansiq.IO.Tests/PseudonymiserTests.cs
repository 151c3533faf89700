using System.Security.Cryptography;
using System.Text;

namespace Tansiq.IO.Tests;

public sealed class PseudonymiserTests
{
    private static readonly byte[] Key = Encoding.ASCII.GetBytes("0123456789abcdef0123456789abcdef");

    /// <summary>The documented pseudonym, computed here: prefix + hex of the first 10 bytes of HMAC-SHA256(key, prefix + value).</summary>
    private static string Expected(string prefix, string value) =>
        prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes(prefix + value))[..10]);

    [Fact]
    public void Scrub_NamesInsideLinksAndQuotes_ReplacedByTheirPseudonyms()
    {
        var p = new Pseudonymiser(Key);
        p.Account("did:plc:abc123xyz");
        p.Account("12345678");
        p.Username("baqir.hashimi82");

        var text = p.Scrub("RT baqir.hashimi82: at://did:plc:abc123xyz/app.bsky.feed.post/3k x.com/BAQIR.HASHIMI82/status/1 t.me/c/12345678/9");

        Assert.Equal(
            $"RT {Expected("u_", "baqir.hashimi82")}: at://{Expected("a_", "did:plc:abc123xyz")}/app.bsky.feed.post/3k x.com/{Expected("u_", "baqir.hashimi82")}/status/1 t.me/c/{Expected("a_", "12345678")}/9",
            text);
    }

    [Fact]
    public void Scrub_PartsOfLongerWordsShortNamesAndPseudonyms_LeftAlone()
    {
        var p = new Pseudonymiser(Key);
        p.Username("ali");
        p.Username("rt");
        var pseudonym = p.Account("ali2");

        // "ali" inside "alibaba" or "ali_" is another word; "rt" is too short to identify anyone; a pseudonym stays.
        Assert.Equal($"alibaba ali_x rt {pseudonym} {Expected("u_", "ali")}", p.Scrub($"alibaba ali_x rt {pseudonym} ALI"));
    }

    [Fact]
    public void Scrub_DisplayNameWithSpaces_ReplacedWhole()
    {
        var p = new Pseudonymiser(Key);
        p.Username("Ahmad Ali Hassan");

        Assert.Equal($"forwarded from {Expected("u_", "Ahmad Ali Hassan")} today", p.Scrub("forwarded from ahmad ali hassan today"));
    }

    [Fact]
    public void Text_ListedMentionWithADot_ReplacedWhole()
    {
        var p = new Pseudonymiser(Key);

        var text = p.Text("RT @baqir.hashimi82: hello @other", ["baqir.hashimi82", "other"]);

        Assert.Equal($"RT @{Expected("u_", "baqir.hashimi82")}: hello @{Expected("u_", "other")}", text);
    }
}
