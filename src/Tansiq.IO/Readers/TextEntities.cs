using System.Globalization;
using System.Text;

namespace Tansiq.IO.Readers;

/// <summary>
/// Hashtags and mentions taken from a message's text, for formats that carry no such column or entities.
/// A hashtag is '#' (or the full-width '＃') not preceded by a word character or '&amp;', followed by a run of Unicode
/// letters, combining marks, decimal digits, '_' or ZWNJ (Arabic, Persian and Urdu tags included) that is not all digits.
/// A mention is '@' (or '＠') not preceded by an ASCII word character, followed by ASCII letters, digits or '_', the
/// characters platform user names are made of. Both are returned without their sign, in order, repeats kept.
/// </summary>
public static class TextEntities
{
    public static IReadOnlyList<string> Hashtags(string text)
    {
        var span = text.AsSpan();
        if (span.IndexOfAny('#', '＃') < 0)
        {
            return [];
        }
        List<string>? tags = null;
        for (var i = 0; i < span.Length; i++)
        {
            if (span[i] is not ('#' or '＃'))
            {
                continue;
            }
            if (i > 0 && (span[i - 1] == '&' || EndsWithTagChar(span[..i])))
            {
                continue;
            }
            var end = i + 1;
            var hasNonDigit = false;
            while (end < span.Length)
            {
                var status = Rune.DecodeFromUtf16(span[end..], out var rune, out var used);
                if (status != System.Buffers.OperationStatus.Done || !IsTagRune(rune))
                {
                    break;
                }
                hasNonDigit |= Rune.GetUnicodeCategory(rune) != UnicodeCategory.DecimalDigitNumber;
                end += used;
            }
            if (end > i + 1 && hasNonDigit)
            {
                (tags ??= []).Add(new string(span[(i + 1)..end]));
            }
            i = end - 1;
        }
        return tags is null ? [] : tags;
    }

    public static IReadOnlyList<string> Mentions(string text)
    {
        var span = text.AsSpan();
        if (span.IndexOfAny('@', '＠') < 0)
        {
            return [];
        }
        List<string>? names = null;
        for (var i = 0; i < span.Length; i++)
        {
            if (span[i] is not ('@' or '＠'))
            {
                continue;
            }
            if (i > 0 && IsNameChar(span[i - 1]))
            {
                continue;
            }
            var end = i + 1;
            while (end < span.Length && IsNameChar(span[end]))
            {
                end++;
            }
            if (end > i + 1)
            {
                (names ??= []).Add(new string(span[(i + 1)..end]));
            }
            i = end - 1;
        }
        return names is null ? [] : names;
    }

    /// <summary>Splits a list cell (hashtags, mentions) on white space, ';' and ','; drops empty items and a leading
    /// <paramref name="sign"/> from each.</summary>
    internal static IReadOnlyList<string> SplitList(ReadOnlySpan<char> cell, char sign)
    {
        if (cell.IsWhiteSpace())
        {
            return [];
        }
        var items = new List<string>();
        while (!cell.IsEmpty)
        {
            var cut = IndexOfListSeparator(cell);
            var item = (cut < 0 ? cell : cell[..cut]).TrimStart(sign);
            if (!item.IsEmpty)
            {
                items.Add(new string(item));
            }
            cell = cut < 0 ? [] : cell[(cut + 1)..];
        }
        return items;
    }

    /// <summary>Splits a URL cell on white space (the toolkit's space-separated list); an empty cell is no URL.</summary>
    internal static IReadOnlyList<string> SplitUrls(ReadOnlySpan<char> cell)
    {
        if (cell.IsEmpty)
        {
            return [];
        }
        var first = cell.IndexOfAny(' ', '\t');
        if (first < 0 && !cell.IsWhiteSpace())
        {
            return [new string(cell)];
        }
        var urls = new List<string>();
        foreach (var range in cell.SplitAny(" \t\r\n"))
        {
            var url = cell[range];
            if (!url.IsEmpty)
            {
                urls.Add(new string(url));
            }
        }
        return urls;
    }

    private static int IndexOfListSeparator(ReadOnlySpan<char> cell)
    {
        for (var i = 0; i < cell.Length; i++)
        {
            if (cell[i] is ';' or ',' || char.IsWhiteSpace(cell[i]))
            {
                return i;
            }
        }
        return -1;
    }

    private static bool EndsWithTagChar(ReadOnlySpan<char> before) =>
        Rune.DecodeLastFromUtf16(before, out var rune, out _) == System.Buffers.OperationStatus.Done && IsTagRune(rune);

    private static bool IsTagRune(Rune rune)
    {
        if (rune.Value is '_' or 0x200C)
        {
            return true;
        }
        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark
                or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber => true,
            _ => false,
        };
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
