using System.Globalization;
using System.Text;

namespace Tansiq.Core.Text;

/// <summary>
/// What each code point becomes for matching: kept (possibly replaced by one character), dropped, a word break, or an
/// expansion into several characters. Built once from the generated NFKC data, the Unicode categories and the Arabic
/// rules below, so that the hot loop of <see cref="TextNormaliser"/> is one array read per character.
/// </summary>
internal static partial class FoldTable
{
    internal const uint Keep = 0;
    internal const uint Drop = 1;
    internal const uint Break = 2;
    internal const uint Expand = 3;
    internal const uint HighSurrogate = 4;

    /// <summary>Per BMP character: kind in the high 16 bits, replacement character or expansion index in the low 16.</summary>
    internal static readonly uint[] Bmp;

    /// <summary>Expansions; a space inside one is a word break (e.g. the ligature U+FDFA expands to four words).</summary>
    internal static readonly string[] Expansions;

    /// <summary>Supplementary code points with a mapping (mathematical alphanumerics, enclosed letters, ...).</summary>
    internal static readonly Dictionary<int, string> Supplementary;

    /// <summary>
    /// The Arabic rules, on top of NFKC. Spelling variants that writers use interchangeably collapse to one form:
    /// alef with hamza above or below, with madda, wasla and the wavy-hamza alefs to bare alef; alef maqsura to yaa;
    /// taa marbuta to haa; hamza on waw to waw and hamza on yaa to yaa (the hamza is dropped, as it is on alef);
    /// the Persian yeh and keheh and the Urdu heh forms (what Persian and Urdu keyboards type) to Arabic yaa, kaf and
    /// haa. Tatweel, the high hamza and the small Quranic waw and yaa are dropped; the harakat, tanween, shadda, sukun,
    /// superscript alef and Quranic annotation marks are non-spacing marks, dropped like every other combining mark.
    /// </summary>
    private static readonly (char From, char To)[] ArabicMap =
    [
        ('\u0622', '\u0627'), ('\u0623', '\u0627'), ('\u0625', '\u0627'), ('\u0671', '\u0627'),
        ('\u0672', '\u0627'), ('\u0673', '\u0627'),
        ('\u0649', '\u064A'), ('\u0629', '\u0647'),
        ('\u0624', '\u0648'), ('\u0626', '\u064A'),
        ('\u06CC', '\u064A'), ('\u06A9', '\u0643'), ('\u06BE', '\u0647'), ('\u06C1', '\u0647'),
    ];

    private static readonly char[] ArabicDrop = ['\u0640', '\u0674', '\u06E5', '\u06E6'];

    static FoldTable()
    {
        var generated = Parse(Data);
        Bmp = new uint[65536];
        var expansions = new List<string>();
        Supplementary = [];
        for (var c = 0; c < 65536; c++)
        {
            if (c is >= 0xD800 and <= 0xDBFF)
            {
                Bmp[c] = HighSurrogate << 16;
                continue;
            }
            if (c is >= 0xDC00 and <= 0xDFFF)
            {
                Bmp[c] = Break << 16;
                continue;
            }
            var folded = generated.TryGetValue(c, out var mapped) ? Resolve(mapped) : Resolve(((char)c).ToString());
            Bmp[c] = Encode(folded, expansions);
        }
        foreach (var (cp, mapped) in generated)
        {
            if (cp > 0xFFFF)
            {
                Supplementary[cp] = Resolve(mapped);
            }
        }
        Expansions = [.. expansions];
    }

    private static uint Encode(string folded, List<string> expansions)
    {
        if (folded.Length == 0)
        {
            return Drop << 16;
        }
        if (folded.Length == 1)
        {
            return folded[0] == ' ' ? Break << 16 : (Keep << 16) | folded[0];
        }
        if (folded.Trim().Length == 0)
        {
            return Break << 16;
        }
        expansions.Add(folded);
        return (Expand << 16) | (uint)(expansions.Count - 1);
    }

    /// <summary>Applies the per-character rules (Arabic, categories, case, digits) to an NFKC mapping. A space marks a word break.</summary>
    private static string Resolve(string mapped)
    {
        var sb = new StringBuilder(mapped.Length);
        for (var i = 0; i < mapped.Length; i++)
        {
            if (char.IsHighSurrogate(mapped[i]) && i + 1 < mapped.Length)
            {
                var rune = new Rune(mapped[i], mapped[i + 1]);
                i++;
                AppendRune(sb, rune);
                continue;
            }
            AppendChar(sb, mapped[i]);
        }
        return sb.ToString();
    }

    private static void AppendChar(StringBuilder sb, char c)
    {
        foreach (var (from, to) in ArabicMap)
        {
            if (c == from)
            {
                sb.Append(to);
                return;
            }
        }
        if (Array.IndexOf(ArabicDrop, c) >= 0)
        {
            return;
        }
        switch (char.GetUnicodeCategory(c))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.SpacingCombiningMark:
            case UnicodeCategory.LetterNumber:
            case UnicodeCategory.OtherNumber:
                sb.Append(char.ToLowerInvariant(c));
                return;
            case UnicodeCategory.DecimalDigitNumber:
                // Every script's decimal digits (Arabic-Indic, Persian, fullwidth, ...) become ASCII digits.
                sb.Append((char)('0' + (int)char.GetNumericValue(c)));
                return;
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.EnclosingMark:
            case UnicodeCategory.Format:
                return;
            default:
                // Punctuation (including '#', '_' and '@'), symbols, emoji, spaces and controls break words.
                sb.Append(' ');
                return;
        }
    }

    private static void AppendRune(StringBuilder sb, Rune rune)
    {
        switch (Rune.GetUnicodeCategory(rune))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.SpacingCombiningMark:
            case UnicodeCategory.LetterNumber:
            case UnicodeCategory.OtherNumber:
                sb.Append(Rune.ToLowerInvariant(rune).ToString());
                return;
            case UnicodeCategory.DecimalDigitNumber:
                sb.Append((char)('0' + (int)Rune.GetNumericValue(rune)));
                return;
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.EnclosingMark:
            case UnicodeCategory.Format:
                return;
            default:
                sb.Append(' ');
                return;
        }
    }

    /// <summary>How a supplementary code point without a generated mapping folds (letters stay, emoji break words).</summary>
    internal static string ResolveSupplementary(int codePoint)
    {
        var sb = new StringBuilder(2);
        AppendRune(sb, new Rune(codePoint));
        return sb.ToString();
    }

    private static Dictionary<int, string> Parse(string data)
    {
        var result = new Dictionary<int, string>(5000);
        foreach (var entry in data.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = entry.IndexOf('=', StringComparison.Ordinal);
            var key = int.Parse(entry.AsSpan(0, eq), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var sb = new StringBuilder();
            foreach (var part in entry[(eq + 1)..].Split(' '))
            {
                sb.Append(char.ConvertFromUtf32(int.Parse(part, NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
            }
            result[key] = sb.ToString();
        }
        return result;
    }
}
