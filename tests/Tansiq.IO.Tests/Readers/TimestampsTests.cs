using Tansiq.IO.Readers;

namespace Tansiq.IO.Tests.Readers;

public class TimestampsTests
{
    // Expected values computed independently: python3 datetime.fromisoformat(...).timestamp().
    [Theory]
    [InlineData("1970-01-01T00:00:00Z", 0)]
    [InlineData("2021-02-03T10:15:30Z", 1612347330)]
    [InlineData("2021-02-03T10:15:30.250Z", 1612347330.25)]
    [InlineData("2021-02-03T10:15:30,5z", 1612347330.5)]
    [InlineData("2021-02-03t10:15:30", 1612347330)]
    [InlineData("2021-02-03 10:15", 1612347300)]
    [InlineData("2021-02-03", 1612310400)]
    [InlineData("2021-02-03T13:15:30+03:00", 1612347330)]
    [InlineData("2021-02-03T13:15:30+0300", 1612347330)]
    [InlineData("2021-02-03T07:15:30-03", 1612347330)]
    [InlineData("2024-02-29T00:00:00Z", 1709164800)]
    [InlineData("9999-12-31T23:59:59Z", 253402300799)]
    public void TryParseIso_ValidForms_GiveUnixSeconds(string text, double expected)
    {
        Assert.True(Timestamps.TryParseIso(text, out var seconds));
        Assert.Equal(expected, seconds, 6);
    }

    [Theory]
    [InlineData("2021-02-29")]
    [InlineData("2021-00-10")]
    [InlineData("2021-02-03T24:00:00Z")]
    [InlineData("2021-02-03T10:60:00Z")]
    [InlineData("2021-02-03T10:15:30.Z")]
    [InlineData("2021-02-03T10:15:30 UTC")]
    [InlineData("2021-02-03T10:15:30+3")]
    [InlineData("21-02-03")]
    [InlineData("1969-12-31T23:59:59Z")]
    [InlineData("1970-01-01T02:00:00+03:00")]
    public void TryParseIso_InvalidOrOutOfRange_IsRejected(string text)
    {
        Assert.False(Timestamps.TryParseIso(text, out _));
    }

    [Theory]
    [InlineData("1612347330", 1612347330)]
    [InlineData("2021-02-03T10:15:30Z", 1612347330)]
    [InlineData("1e9", 1e9)]
    public void TryParse_NumberOrIso_IsAccepted(string text, double expected)
    {
        Assert.True(Timestamps.TryParse(text, out var seconds, out var error));
        Assert.Null(error);
        Assert.Equal(expected, seconds);
    }

    // Expected values: python3 -c "import datetime as d; print(d.datetime(2021,1,21,10,0,tzinfo=d.timezone.utc).timestamp())" and alike.
    [Theory]
    [InlineData("1611223200000", 1611223200)]
    [InlineData("1611223200500", 1611223200.5)]
    [InlineData("Thu Jan 21 10:00:00 +0000 2021", 1611223200)]
    [InlineData("Thu Jan 21 13:00:00 +0300 2021", 1611223200)]
    [InlineData("Thu Jan 21 05:00:00 -0500 2021", 1611223200)]
    [InlineData("2021-01-21 10:00", 1611223200)]
    [InlineData("21/01/2021 10:00", 1611223200)]
    [InlineData("21/01/2021 10:00:30", 1611223230)]
    [InlineData("1/2/2021 9:05", 1612170300)]
    [InlineData("21/01/2021", 1611187200)]
    public void TryParse_AnalystForms_GiveUnixSeconds(string text, double expected)
    {
        Assert.True(Timestamps.TryParse(text, out var seconds, out var error), error);
        Assert.Equal(expected, seconds, 6);
    }

    [Theory]
    [InlineData("Thu Jan 21 10:00:00 2021")]
    [InlineData("Xyz Jan 21 10:00:00 +0000 2021")]
    [InlineData("Thu Foo 21 10:00:00 +0000 2021")]
    [InlineData("Thu Feb 30 10:00:00 +0000 2021")]
    [InlineData("32/01/2021 10:00")]
    [InlineData("21/13/2021 10:00")]
    [InlineData("21/01/21 10:00")]
    [InlineData("21/01/2021 10:60")]
    [InlineData("21/01/2021T10:00")]
    [InlineData("253402300800000")]
    public void TryParse_MalformedAnalystForms_AreRejectedWithTheFormsNamed(string text)
    {
        Assert.False(Timestamps.TryParse(text, out _, out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public void TryParseUnix_Milliseconds_StayRejectedForTheToolkitFormat()
    {
        Assert.False(Timestamps.TryParseUnix("1611223200000", out _, out var error));
        Assert.Contains("beyond the year 9999", error);
    }
}
