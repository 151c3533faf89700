namespace Tansiq.IO;

/// <summary>Bad input: names the file and line (or JSON line) and what is wrong. The CLI prints it and exits with code 3.</summary>
public sealed class InputException : Exception
{
    public InputException(string file, long line, string reason)
        : base(line > 0 ? $"{file}:{line}: {reason}" : $"{file}: {reason}")
    {
        File = file;
        Line = line;
        Reason = reason;
    }

    public string File { get; }

    /// <summary>1-based line number; 0 when the problem is with the file as a whole.</summary>
    public long Line { get; }

    public string Reason { get; }
}
