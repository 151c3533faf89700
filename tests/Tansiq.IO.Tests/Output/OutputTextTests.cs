using Tansiq.IO.Output;

namespace Tansiq.IO.Tests.Output;

public class OutputTextTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a\u0000b\u0008c\u001Fd", "abcd")]
    [InlineData("tab\tcr\rlf\n", "tab\tcr\rlf\n")]
    [InlineData("keep 😀 pair", "keep 😀 pair")]
    [InlineData("non\uFFFEchar\uFFFF", "nonchar")]
    [InlineData("عربي", "عربي")]
    public void XmlSafe_IllegalXmlCharacters_DroppedOthersKept(string input, string expected) =>
        Assert.Equal(expected, OutputText.XmlSafe(input));

    [Fact]
    public void XmlSafe_LoneSurrogates_Dropped()
    {
        // Built in code: attribute data cannot carry a lone surrogate into the test intact.
        var high = "lone " + (char)0xD83D + " high";
        var low = "lone " + (char)0xDE00 + " low";
        var reversed = "x" + (char)0xDE00 + (char)0xD83D + "y";

        Assert.Equal("lone  high", OutputText.XmlSafe(high));
        Assert.Equal("lone  low", OutputText.XmlSafe(low));
        Assert.Equal("xy", OutputText.XmlSafe(reversed));
    }

    [Fact]
    public void Html_SpecialCharacters_EscapedAsEntities() =>
        Assert.Equal("&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;", OutputText.Html("<a href=\"x\">&'</a>"));

    [Theory]
    [InlineData("abc", "abc")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\r", "\"cr\r\"")]
    [InlineData("", "")]
    public void WriteCsvField_Rfc4180_QuotesOnlyWhenNeeded(string input, string expected)
    {
        var w = new StringWriter();
        OutputText.WriteCsvField(w, input);
        Assert.Equal(expected, w.ToString());
    }

    [Theory]
    [InlineData(12, "12")]
    [InlineData(123456, "123,456")]
    [InlineData(0.97, "0.97")]
    [InlineData(0.123456, "0.1235")]
    [InlineData(1.5e-9, "1.5e-9")]
    [InlineData(0, "0")]
    public void Number_Values_ReadableInvariantForms(double value, string expected) =>
        Assert.Equal(expected, OutputText.Number(value));

    [Theory]
    [InlineData(4.25, "4.3 s")]
    [InlineData(42, "42 s")]
    [InlineData(185, "3 min 5 s")]
    [InlineData(7800, "2 h 10 min")]
    [InlineData(356400, "4 d 3 h")]
    public void Duration_Seconds_HumanUnits(double seconds, string expected) =>
        Assert.Equal(expected, OutputText.Duration(seconds));

    [Theory]
    [InlineData(0, "1970-01-01T00:00:00Z")]
    [InlineData(1612345600.25, "2021-02-03T09:46:40.250Z")]
    [InlineData(double.NaN, null)]
    [InlineData(1e13, null)]
    public void IsoUtc_UnixSeconds_Iso8601OrNullWhenOutOfRange(double t, string? expected) =>
        Assert.Equal(expected, OutputText.IsoUtc(t));
}
