using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;

namespace Tansiq.Core.Text;

/// <summary>
/// Turns a post into the words used for matching, folding the spelling variants that copy-paste campaigns use to look
/// different: NFKC (from generated Unicode data, since string.Normalize does nothing under invariant globalisation),
/// Arabic diacritics, tatweel and Quranic marks dropped, alef / yaa / taa marbuta / hamza carriers unified, every
/// script's digits to ASCII, Latin lower-cased and stripped of accents. URLs and @mentions are dropped, emoji,
/// punctuation and symbols break words; '#' and '_' break words too, so a hashtag counts as its words.
/// One instance per thread: it reuses its buffer, so normalising a post allocates nothing.
/// </summary>
public sealed class TextNormaliser
{
    private char[] _token = new char[64];
    private int _length;

    /// <summary>The normalised words of <paramref name="text"/>, separated by single spaces (for display and tests).</summary>
    public static string Normalise(string text)
    {
        var sink = new StringSink(new StringBuilder(text.Length));
        new TextNormaliser().Run(text, ref sink);
        return sink.Builder.ToString();
    }

    /// <summary>Appends the 64-bit hash of every normalised word of <paramref name="text"/> (in order, repeats included).</summary>
    public void AddWordHashes(ReadOnlySpan<char> text, List<ulong> hashes)
    {
        var sink = new HashSink(hashes);
        Run(text, ref sink);
    }

    /// <summary>The 64-bit hash of one already normalised word, as <see cref="AddWordHashes"/> computes it.</summary>
    public static ulong HashWord(ReadOnlySpan<char> word) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(word));

    private void Run<TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where TSink : struct, ITokenSink
    {
        _length = 0;
        var bmp = FoldTable.Bmp;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if ((c | 0x20) == 'h' && IsUrlStart(text[i..]))
            {
                Flush(ref sink);
                i = SkipToWhiteSpace(text, i);
                continue;
            }
            if ((c | 0x20) == 'w' && _length == 0 && text[i..].StartsWith("www.", StringComparison.OrdinalIgnoreCase))
            {
                i = SkipToWhiteSpace(text, i);
                continue;
            }
            if (c is '@' or '\uFF20')
            {
                // A mention names an account, not what is said: drop the handle (ASCII letters, digits, '_').
                Flush(ref sink);
                i++;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }
                continue;
            }
            var entry = bmp[c];
            switch (entry >> 16)
            {
                case FoldTable.Keep:
                    Append((char)entry);
                    i++;
                    break;
                case FoldTable.Drop:
                    i++;
                    break;
                case FoldTable.Break:
                    Flush(ref sink);
                    i++;
                    break;
                case FoldTable.Expand:
                    AppendExpansion(FoldTable.Expansions[entry & 0xFFFF], ref sink);
                    i++;
                    break;
                default:
                    if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        AppendSupplementary(char.ConvertToUtf32(c, text[i + 1]), ref sink);
                        i += 2;
                    }
                    else
                    {
                        Flush(ref sink);
                        i++;
                    }
                    break;
            }
        }
        Flush(ref sink);
    }

    private void AppendSupplementary<TSink>(int codePoint, ref TSink sink)
        where TSink : struct, ITokenSink
    {
        if (FoldTable.Supplementary.TryGetValue(codePoint, out var mapped))
        {
            AppendExpansion(mapped, ref sink);
            return;
        }
        var rune = new Rune(codePoint);
        switch (Rune.GetUnicodeCategory(rune))
        {
            case System.Globalization.UnicodeCategory.UppercaseLetter:
            case System.Globalization.UnicodeCategory.LowercaseLetter:
            case System.Globalization.UnicodeCategory.TitlecaseLetter:
            case System.Globalization.UnicodeCategory.ModifierLetter:
            case System.Globalization.UnicodeCategory.OtherLetter:
            case System.Globalization.UnicodeCategory.SpacingCombiningMark:
            case System.Globalization.UnicodeCategory.LetterNumber:
            case System.Globalization.UnicodeCategory.OtherNumber:
            case System.Globalization.UnicodeCategory.DecimalDigitNumber:
                AppendExpansion(FoldTable.ResolveSupplementary(codePoint), ref sink);
                return;
            case System.Globalization.UnicodeCategory.NonSpacingMark:
            case System.Globalization.UnicodeCategory.EnclosingMark:
            case System.Globalization.UnicodeCategory.Format:
                return;
            default:
                // Emoji and other symbols: they decorate a copy-pasted text without changing it.
                Flush(ref sink);
                return;
        }
    }

    private void AppendExpansion<TSink>(string expansion, ref TSink sink)
        where TSink : struct, ITokenSink
    {
        foreach (var ch in expansion)
        {
            if (ch == ' ')
            {
                Flush(ref sink);
            }
            else
            {
                Append(ch);
            }
        }
    }

    private void Append(char c)
    {
        if (_length == _token.Length)
        {
            Array.Resize(ref _token, _token.Length * 2);
        }
        _token[_length++] = c;
    }

    private void Flush<TSink>(ref TSink sink)
        where TSink : struct, ITokenSink
    {
        if (_length > 0)
        {
            sink.Word(_token.AsSpan(0, _length));
            _length = 0;
        }
    }

    private static bool IsUrlStart(ReadOnlySpan<char> s) =>
        s.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    private static int SkipToWhiteSpace(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && !char.IsWhiteSpace(text[i]))
        {
            i++;
        }
        return i;
    }

    private interface ITokenSink
    {
        void Word(ReadOnlySpan<char> word);
    }

    private readonly struct HashSink(List<ulong> hashes) : ITokenSink
    {
        public void Word(ReadOnlySpan<char> word) => hashes.Add(HashWord(word));
    }

    private readonly struct StringSink(StringBuilder builder) : ITokenSink
    {
        public StringBuilder Builder => builder;

        public void Word(ReadOnlySpan<char> word)
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }
            builder.Append(word);
        }
    }
}
