using System.Globalization;

namespace Tansiq.IO.Readers;

/// <summary>
/// Timestamps as readers accept them (the one parser every reader uses): unix seconds (fractions allowed) or
/// milliseconds, ISO-8601 date-times, Twitter v1.1's <c>created_at</c> and day-first <c>DD/MM/YYYY HH:MM</c>. Valid instants lie in
/// [1970-01-01T00:00:00Z, 9999-12-31T23:59:59.999Z]: no platform data predates unix time, so a negative value is a
/// mix-up, and anything past year 9999 is most often milliseconds given as seconds.
/// </summary>
public static class Timestamps
{
    /// <summary>9999-12-31T23:59:59Z plus one second, in unix seconds (exclusive bound).</summary>
    public const double MaxExclusive = 253402300800;

    /// <summary>Unix seconds only (cnt-csv, as the toolkit's <c>float(timestamp)</c>).</summary>
    public static bool TryParseUnix(ReadOnlySpan<char> text, out double seconds, out string? error)
    {
        text = text.Trim();
        if (text.IsEmpty)
        {
            seconds = 0;
            error = "empty timestamp";
            return false;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out seconds))
        {
            error = $"timestamp '{Clip(text)}' is not a number of unix seconds";
            return false;
        }
        return CheckRange(text, seconds, out error);
    }

    /// <summary>
    /// Any timestamp form an analyst's export uses: a number of unix seconds, or of milliseconds when the number is
    /// too large to be seconds (past year 9999 as seconds, before it as milliseconds); ISO-8601 (which covers
    /// <c>YYYY-MM-DD HH:MM</c>); Twitter API v1.1's <c>Thu Jan 21 10:00:00 +0000 2021</c>; and the day-first
    /// <c>DD/MM/YYYY HH:MM[:SS]</c> of European spreadsheets (UTC).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out double seconds, out string? error)
    {
        text = text.Trim();
        if (text.IsEmpty)
        {
            seconds = 0;
            error = "empty timestamp";
            return false;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out seconds))
        {
            if (double.IsFinite(seconds) && seconds >= MaxExclusive && seconds < MaxExclusive * 1000)
            {
                seconds /= 1000;
                error = null;
                return true;
            }
            return CheckRange(text, seconds, out error);
        }
        if (TryParseIso(text, out seconds) || TryParseV11(text, out seconds) || TryParseDayFirst(text, out seconds))
        {
            error = null;
            return true;
        }
        error = $"timestamp '{Clip(text)}' is not unix seconds or milliseconds, ISO-8601, 'Thu Jan 21 10:00:00 +0000 2021' or 'DD/MM/YYYY HH:MM'";
        return false;
    }

    private static readonly string[] MonthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    private static readonly string[] DayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    /// <summary>Twitter API v1.1 <c>created_at</c>: <c>Thu Jan 21 10:00:00 +0000 2021</c> (day name, month name, day,
    /// time, offset, year). The day name is checked to be a day name, not against the date.</summary>
    public static bool TryParseV11(ReadOnlySpan<char> s, out double seconds)
    {
        seconds = 0;
        s = s.Trim();
        // "Thu Jan 21 10:00:00 +0000 2021" is exactly 30 characters.
        if (s.Length != 30 || s[3] != ' ' || s[7] != ' ' || s[10] != ' ' || s[13] != ':' || s[16] != ':' || s[19] != ' '
            || s[25] != ' ' || s[20] is not ('+' or '-'))
        {
            return false;
        }
        if (Array.IndexOf(DayNames, new string(s[..3])) < 0)
        {
            return false;
        }
        var month = Array.IndexOf(MonthNames, new string(s[4..7])) + 1;
        if (month == 0 || !Digits(s, 8, 2, out var day) || !Digits(s, 11, 2, out var hour) || !Digits(s, 14, 2, out var minute)
            || !Digits(s, 17, 2, out var second) || !Digits(s, 21, 2, out var oh) || !Digits(s, 23, 2, out var om)
            || !Digits(s, 26, 4, out var year))
        {
            return false;
        }
        var offset = (s[20] == '+' ? 1 : -1) * (oh * 60 + om);
        return Compose(year, month, day, hour, minute, second, 0, offset, out seconds) && oh <= 23 && om <= 59;
    }

    /// <summary>Day first, as spreadsheets in most of the world write dates: <c>DD/MM/YYYY</c>, optionally followed by a
    /// space and <c>HH:MM</c> or <c>HH:MM:SS</c>; one-digit days, months and hours are allowed. UTC.</summary>
    public static bool TryParseDayFirst(ReadOnlySpan<char> s, out double seconds)
    {
        seconds = 0;
        s = s.Trim();
        var i = 0;
        if (!Number(s, ref i, 1, 2, out var day) || !Expect(s, ref i, '/') || !Number(s, ref i, 1, 2, out var month)
            || !Expect(s, ref i, '/') || !Number(s, ref i, 4, 4, out var year))
        {
            return false;
        }
        int hour = 0, minute = 0, second = 0;
        if (i < s.Length)
        {
            if (!Expect(s, ref i, ' ') || !Number(s, ref i, 1, 2, out hour) || !Expect(s, ref i, ':') || !Number(s, ref i, 2, 2, out minute))
            {
                return false;
            }
            if (i < s.Length && (!Expect(s, ref i, ':') || !Number(s, ref i, 2, 2, out second)))
            {
                return false;
            }
            if (i != s.Length)
            {
                return false;
            }
        }
        return Compose(year, month, day, hour, minute, second, 0, 0, out seconds);
    }

    private static bool Number(ReadOnlySpan<char> s, ref int i, int min, int max, out int value)
    {
        value = 0;
        var start = i;
        while (i < s.Length && i - start < max && char.IsAsciiDigit(s[i]))
        {
            value = value * 10 + (s[i] - '0');
            i++;
        }
        return i - start >= min;
    }

    private static bool Expect(ReadOnlySpan<char> s, ref int i, char c)
    {
        if (i < s.Length && s[i] == c)
        {
            i++;
            return true;
        }
        return false;
    }

    /// <summary>A calendar date and time with an offset in minutes, as unix seconds within the accepted range.</summary>
    private static bool Compose(int year, int month, int day, int hour, int minute, int second, double fraction, int offsetMinutes, out double seconds)
    {
        seconds = 0;
        if (year < 1 || year > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }
        var ticks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).Ticks - DateTime.UnixEpoch.Ticks;
        seconds = ticks / (double)TimeSpan.TicksPerSecond + fraction - offsetMinutes * 60.0;
        return seconds is >= 0 and < MaxExclusive;
    }

    /// <summary>
    /// ISO-8601 / RFC 3339: <c>YYYY-MM-DD</c>, optionally followed by <c>T</c> or a space and <c>hh:mm[:ss[.fraction]]</c>,
    /// optionally followed by <c>Z</c> or an offset <c>±hh[:mm]</c> / <c>±hhmm</c>. Without an offset the time is UTC.
    /// </summary>
    public static bool TryParseIso(ReadOnlySpan<char> s, out double seconds)
    {
        seconds = 0;
        s = s.Trim();
        if (s.Length < 10 || !Digits(s, 0, 4, out var year) || s[4] != '-' || !Digits(s, 5, 2, out var month) || s[7] != '-'
            || !Digits(s, 8, 2, out var day))
        {
            return false;
        }
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }
        int hour = 0, minute = 0, second = 0;
        double fraction = 0;
        var i = 10;
        if (i < s.Length && s[i] is 'T' or 't' or ' ')
        {
            if (s.Length < i + 6 || !Digits(s, i + 1, 2, out hour) || s[i + 3] != ':' || !Digits(s, i + 4, 2, out minute))
            {
                return false;
            }
            i += 6;
            if (i < s.Length && s[i] == ':')
            {
                if (!Digits(s, i + 1, 2, out second))
                {
                    return false;
                }
                i += 3;
                if (i < s.Length && s[i] is '.' or ',')
                {
                    var scale = 0.1;
                    var j = i + 1;
                    while (j < s.Length && char.IsAsciiDigit(s[j]))
                    {
                        fraction += (s[j] - '0') * scale;
                        scale /= 10;
                        j++;
                    }
                    if (j == i + 1)
                    {
                        return false;
                    }
                    i = j;
                }
            }
            if (hour > 23 || minute > 59 || second > 59)
            {
                return false;
            }
        }
        var offsetMinutes = 0;
        if (i < s.Length)
        {
            var zone = s[i..];
            if (zone is "Z" or "z")
            {
                i = s.Length;
            }
            else if (zone[0] is '+' or '-')
            {
                var sign = zone[0] == '+' ? 1 : -1;
                int oh = 0, om = 0;
                var wellFormed = (zone.Length == 3 && Digits(zone, 1, 2, out oh))
                    || (zone.Length == 5 && Digits(zone, 1, 2, out oh) && Digits(zone, 3, 2, out om))
                    || (zone.Length == 6 && Digits(zone, 1, 2, out oh) && zone[3] == ':' && Digits(zone, 4, 2, out om));
                if (!wellFormed)
                {
                    return false;
                }
                if (oh > 23 || om > 59)
                {
                    return false;
                }
                offsetMinutes = sign * (oh * 60 + om);
                i = s.Length;
            }
            else
            {
                return false;
            }
        }
        var ticks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).Ticks - DateTime.UnixEpoch.Ticks;
        seconds = ticks / (double)TimeSpan.TicksPerSecond + fraction - offsetMinutes * 60.0;
        return seconds is >= 0 and < MaxExclusive;
    }

    private static bool CheckRange(ReadOnlySpan<char> text, double seconds, out string? error)
    {
        if (!double.IsFinite(seconds))
        {
            error = $"timestamp '{Clip(text)}' is not a finite number";
            return false;
        }
        if (seconds < 0)
        {
            error = $"timestamp {Clip(text)} is negative (before 1970-01-01)";
            return false;
        }
        if (seconds >= MaxExclusive)
        {
            error = $"timestamp {Clip(text)} is beyond the year 9999 (milliseconds given as seconds?)";
            return false;
        }
        error = null;
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        if (start + count > s.Length)
        {
            return false;
        }
        for (var k = start; k < start + count; k++)
        {
            if (!char.IsAsciiDigit(s[k]))
            {
                return false;
            }
            value = value * 10 + (s[k] - '0');
        }
        return true;
    }

    internal static string Clip(ReadOnlySpan<char> text) => text.Length <= 40 ? new string(text) : string.Concat(text[..40], "...");
}
