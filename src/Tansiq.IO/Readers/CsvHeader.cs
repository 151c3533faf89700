namespace Tansiq.IO.Readers;

/// <summary>Finds columns by name in a header record: names compare case-insensitively after trimming; the first
/// listed spelling present wins when a file has both a name and its alias.</summary>
internal sealed class CsvHeader
{
    private readonly string[] _names;

    public CsvHeader(CsvRecords csv)
    {
        _names = new string[csv.ColCount];
        for (var i = 0; i < csv.ColCount; i++)
        {
            _names[i] = csv.Field(i).Trim().ToString().ToLowerInvariant();
        }
    }

    public int Count => _names.Length;

    /// <summary>Index of the first of <paramref name="spellings"/> present, or -1.</summary>
    public int Find(params ReadOnlySpan<string> spellings)
    {
        foreach (var spelling in spellings)
        {
            var index = Array.IndexOf(_names, spelling);
            if (index >= 0)
            {
                return index;
            }
        }
        return -1;
    }

    public bool Has(string name) => Array.IndexOf(_names, name) >= 0;

    public bool SequenceEqual(IReadOnlyList<string> names) => _names.SequenceEqual(names);

    public override string ToString() => string.Join(",", _names);

    /// <summary>Reads the header record of <paramref name="csv"/>; a missing or unreadable header is fatal.</summary>
    public static CsvHeader Read(CsvRecords csv, string formatName, string expected)
    {
        if (!csv.MoveNext())
        {
            throw new InputException(csv.Path, 0, $"empty file: no header row ({formatName} needs a header naming {expected})");
        }
        if (csv.Problem is { } problem)
        {
            throw new InputException(csv.Path, csv.Line, $"unreadable header: {problem}");
        }
        return new CsvHeader(csv);
    }
}
