namespace Tansiq.IO.Readers;

/// <summary>Finds columns by name in a header record: names compare case-insensitively after trimming; the first
/// listed spelling present wins when a file has both a name and its alias.</summary>
internal sealed class CsvHeader
{
    private readonly string[] _names;

    public CsvHeader(CsvRecords csv, IReadOnlyDictionary<string, string>? rename = null)
    {
        _names = new string[csv.ColCount];
        for (var i = 0; i < csv.ColCount; i++)
        {
            var name = csv.Field(i).Trim().ToString().ToLowerInvariant();
            _names[i] = rename is not null && rename.TryGetValue(name, out var mapped) ? mapped : name;
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

    /// <summary>The indices of <paramref name="names"/>; when any is absent, fails naming only the absent ones.</summary>
    public int[] Require(CsvRecords csv, params string[] names)
    {
        var indices = new int[names.Length];
        var missing = new List<string>();
        for (var i = 0; i < names.Length; i++)
        {
            indices[i] = Find(names[i]);
            if (indices[i] < 0)
            {
                missing.Add(names[i]);
            }
        }
        if (missing.Count > 0)
        {
            throw Missing(csv, missing);
        }
        return indices;
    }

    /// <summary>"header lacks the required column(s) a, b" for exactly the columns that are absent, with a hint when the
    /// header looks like it was split on the wrong separator.</summary>
    public InputException Missing(CsvRecords csv, IReadOnlyList<string> missing) =>
        new(csv.Path, csv.Line, $"header lacks the required column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}"
            + (_names.Length == 1 && _names[0].Contains('\t') ? " (the file seems tab-separated: only commas and semicolons are read)" : "")
            + $" (header: {this})");

    public override string ToString() => string.Join(",", _names);

    /// <summary>Reads the header record of <paramref name="csv"/>; a missing or unreadable header is fatal.</summary>
    public static CsvHeader Read(CsvRecords csv, string formatName, string expected, IReadOnlyDictionary<string, string>? rename = null)
    {
        if (!csv.MoveNext())
        {
            throw new InputException(csv.Path, 0, $"empty file: no header row ({formatName} needs a header naming {expected})");
        }
        if (csv.Problem is { } problem)
        {
            throw new InputException(csv.Path, csv.Line, $"unreadable header: {problem}");
        }
        return new CsvHeader(csv, rename);
    }
}
