using System.Globalization;
using System.Reflection;
using System.Text;
using Tansiq.Core.Model;

namespace Tansiq.IO.Output;

/// <summary>Formatting shared by the writers: invariant numbers, UTC times, CSV quoting, XML and HTML escaping.</summary>
public static class OutputText
{
    /// <summary>UTF-8 without a byte-order mark: a BOM breaks header matching in many CSV and JSON consumers.</summary>
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>"tansiq &lt;informational version&gt;", written into every machine-readable output.</summary>
    public static string GeneratedBy { get; } =
        "tansiq " + (typeof(OutputText).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0");

    /// <summary>A score clamped to [0, 1] (NaN as 0) with four decimals, invariant culture.</summary>
    public static string Score(double score) => ClampScore(score).ToString("F4", Inv);

    public static double ClampScore(double score) => double.IsNaN(score) ? 0 : Math.Clamp(score, 0, 1);

    /// <summary>A measured value for people: integers plainly, small values in scientific notation, others with up to 4 decimals.</summary>
    public static string Number(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return value.ToString(Inv);
        }
        var abs = Math.Abs(value);
        if (abs >= 1e15 || value == Math.Floor(value))
        {
            return abs >= 10000 ? value.ToString("#,0", Inv) : value.ToString("0", Inv);
        }
        if (abs < 0.001)
        {
            return value.ToString("0.##e+0", Inv);
        }
        return abs >= 10000 ? value.ToString("#,0.##", Inv) : value.ToString("0.####", Inv);
    }

    public static string Count(long value) => value.ToString("#,0", Inv);

    /// <summary>Unix seconds as ISO-8601 UTC ("2021-02-03T10:15:30Z", milliseconds only when present); null when out of range.</summary>
    public static string? IsoUtc(double unixSeconds)
    {
        if (!TryUtc(unixSeconds, out var t))
        {
            return null;
        }
        return t.Millisecond == 0
            ? t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", Inv)
            : t.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", Inv);
    }

    public static bool TryUtc(double unixSeconds, out DateTime utc)
    {
        // DateTimeOffset's range is years 1..9999; beyond it (or NaN) there is no calendar time to show.
        if (double.IsNaN(unixSeconds) || unixSeconds < -62135596800 || unixSeconds > 253402300799)
        {
            utc = default;
            return false;
        }
        utc = DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(unixSeconds * 1000)).UtcDateTime;
        return true;
    }

    /// <summary>A duration in seconds for people: "42 s", "3 min 5 s", "2 h 10 min", "4 d 3 h".</summary>
    public static string Duration(double seconds)
    {
        if (double.IsNaN(seconds) || double.IsInfinity(seconds))
        {
            return "-";
        }
        if (seconds < 60)
        {
            return seconds == Math.Floor(seconds) || seconds >= 10
                ? $"{Math.Round(seconds).ToString("0", Inv)} s"
                : $"{seconds.ToString("0.#", Inv)} s";
        }
        var total = (long)Math.Round(seconds);
        var d = total / 86400;
        var h = total % 86400 / 3600;
        var m = total % 3600 / 60;
        var s = total % 60;
        if (d > 0)
        {
            return h > 0 ? $"{d} d {h} h" : $"{d} d";
        }
        if (h > 0)
        {
            return m > 0 ? $"{h} h {m} min" : $"{h} h";
        }
        return s > 0 ? $"{m} min {s} s" : $"{m} min";
    }

    /// <summary>Signal names in canonical order without repeats.</summary>
    public static IEnumerable<SignalKind> Canonical(IEnumerable<SignalKind> signals) => SignalNames.InCanonicalOrder(signals);

    public static string JoinSignals(IEnumerable<SignalKind> signals, string separator) =>
        string.Join(separator, Canonical(signals).Select(s => s.Name()));

    /// <summary>Writes one CSV field, quoted per RFC 4180 only when it contains a comma, quote, CR or LF.</summary>
    public static void WriteCsvField(TextWriter writer, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            writer.Write(value);
            return;
        }
        writer.Write('"');
        foreach (var c in value)
        {
            if (c == '"')
            {
                writer.Write('"');
            }
            writer.Write(c);
        }
        writer.Write('"');
    }

    /// <summary>
    /// Drops what XML 1.0 cannot carry at all (C0 controls other than tab/CR/LF, U+FFFE/U+FFFF, unpaired surrogates);
    /// an XML writer would otherwise throw on an account name with a stray control byte, hours into a run.
    /// </summary>
    public static string XmlSafe(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        var firstBad = FirstXmlIllegal(value, 0);
        if (firstBad < 0)
        {
            return value;
        }
        var sb = new StringBuilder(value.Length);
        sb.Append(value, 0, firstBad);
        for (var i = firstBad; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                sb.Append(c).Append(value[i + 1]);
                i++;
            }
            else if (IsXmlChar(c))
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    private static int FirstXmlIllegal(string value, int start)
    {
        for (var i = start; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (!IsXmlChar(c))
            {
                return i;
            }
        }
        return -1;
    }

    private static bool IsXmlChar(char c) =>
        c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);

    /// <summary>Escapes text for HTML element content and quoted attribute values; drops characters XML/HTML cannot carry.</summary>
    public static string Html(string? value)
    {
        var safe = XmlSafe(value);
        if (safe.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return safe;
        }
        var sb = new StringBuilder(safe.Length + 16);
        foreach (var c in safe)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>True when the text holds Arabic-script letters (Arabic, Persian, Urdu...): such text is shown right-to-left.</summary>
    public static bool HasArabicScript(string? value)
    {
        if (value is null)
        {
            return false;
        }
        foreach (var c in value)
        {
            if (c is (>= '\u0600' and <= '\u06FF') or (>= '\u0750' and <= '\u077F') or (>= '\u08A0' and <= '\u08FF')
                or (>= '\uFB50' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF'))
            {
                return true;
            }
        }
        return false;
    }
}
