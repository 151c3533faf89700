using Tansiq.IO.Readers;

namespace Tansiq.IO.Tests.Readers;

public class TextEntitiesTests
{
    [Theory]
    [InlineData("no tags here", new string[0])]
    [InlineData("#one and #two_2", new[] { "one", "two_2" })]
    [InlineData("عاجل #العراق_ينتفض، انشروا", new[] { "العراق_ينتفض" })]
    [InlineData("#العراق #العراق", new[] { "العراق", "العراق" })]
    [InlineData("تشكيل #مُقْتَدَى مع حركات", new[] { "مُقْتَدَى" })]
    [InlineData("أرقام #٢٠٢١ و #ثورة_٢٠١٩", new[] { "ثورة_٢٠١٩" })]
    [InlineData("#2021 is not a tag but #2021vote is", new[] { "2021vote" })]
    [InlineData("html &#39; entity, a#b, # alone, ##double", new[] { "double" })]
    [InlineData("full-width ＃タグ and emoji #tag😀end", new[] { "タグ", "tag" })]
    [InlineData("persian #می‌خواهم", new[] { "می‌خواهم" })]
    [InlineData("#end.", new[] { "end" })]
    public void Hashtags_Text_FindsTagsPerTheDocumentedRule(string text, string[] expected)
    {
        Assert.Equal(expected, TextEntities.Hashtags(text));
    }

    [Theory]
    [InlineData("hi @leader and @fan_1!", new[] { "leader", "fan_1" })]
    [InlineData("mail me at a@b.com", new string[0])]
    [InlineData("RT @صدر: نص", new string[0])]
    [InlineData("@a@b ＠wide", new[] { "a", "wide" })]
    public void Mentions_Text_FindsAsciiNamesAfterAt(string text, string[] expected)
    {
        Assert.Equal(expected, TextEntities.Mentions(text));
    }

    [Theory]
    [InlineData("", new string[0])]
    [InlineData("a;b c,d", new[] { "a", "b", "c", "d" })]
    [InlineData("#a ; #b", new[] { "a", "b" })]
    [InlineData("  ", new string[0])]
    public void SplitList_Cell_SplitsOnSpaceSemicolonAndComma(string cell, string[] expected)
    {
        Assert.Equal(expected, TextEntities.SplitList(cell, '#'));
    }

    [Theory]
    [InlineData("", new string[0])]
    [InlineData("http://a", new[] { "http://a" })]
    [InlineData(" http://a  http://b ", new[] { "http://a", "http://b" })]
    public void SplitUrls_Cell_SplitsOnWhiteSpaceAndDropsEmpties(string cell, string[] expected)
    {
        Assert.Equal(expected, TextEntities.SplitUrls(cell));
    }
}
