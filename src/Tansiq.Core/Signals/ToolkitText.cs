using System.Text;

namespace Tansiq.Core.Signals;

/// <summary>
/// The coordination-network-toolkit's co-tweet normalisation, reproduced so that co-text networks match it:
/// lower-case, remove every run from an '@' up to the next white space, fold white space to single spaces.
/// </summary>
public static class ToolkitText
{
    public static string Normalise(string text)
    {
        var sb = new StringBuilder(text.Length);
        var i = 0;
        var pendingSpace = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '@')
            {
                while (i < text.Length && !IsPythonSpace(text[i]))
                {
                    i++;
                }
                continue;
            }
            if (IsPythonSpace(c))
            {
                pendingSpace = sb.Length > 0;
                i++;
                continue;
            }
            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }
            if (char.IsHighSurrogate(c) && i + 1 < text.Length)
            {
                sb.Append(c).Append(text[i + 1]);
                i += 2;
                continue;
            }
            sb.Append(char.ToLowerInvariant(c));
            i++;
        }
        return sb.ToString();
    }

    /// <summary>Python's str.split() white space: Unicode White_Space plus the ASCII separators 0x1C-0x1F.</summary>
    private static bool IsPythonSpace(char c) => char.IsWhiteSpace(c) || c is >= '\u001C' and <= '\u001F';
}
