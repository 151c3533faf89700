using System.Xml.Linq;
using Tansiq.IO.Output;

namespace Tansiq.IO.Tests.Output;

public class XmlOutTests
{
    private static XElement RoundTrip(string value)
    {
        var w = new StringWriter();
        new XmlOut(w).Raw("<e").Attr("a", value).Raw(">").Text(value).Raw("</e>");
        return XElement.Parse(w.ToString(), LoadOptions.PreserveWhitespace);
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("a&b<c>\"d'e")]
    [InlineData("tab\there\nnew line\r\ncrlf")]
    [InlineData("عربي & \"مقتبس\" <وسم>")]
    [InlineData("emoji 😀 pair")]
    [InlineData("]]> and &amp; literal")]
    public void AttrAndText_LegalStrings_ParseBackUnchanged(string value)
    {
        var e = RoundTrip(value);

        Assert.Equal(value, (string?)e.Attribute("a"));
        Assert.Equal(value, e.Value);
    }

    [Fact]
    public void AttrAndText_IllegalCharacters_DroppedAndTheRestKept()
    {
        var value = "a\u0000b\u0001c\u001Fd" + (char)0xD800 + "e\uFFFEf\uFFFFg";

        var e = RoundTrip(value);

        Assert.Equal("abcdefg", (string?)e.Attribute("a"));
        Assert.Equal("abcdefg", e.Value);
    }
}
