namespace Tansiq.Cli;

/// <summary>
/// Checks a command's <c>--out</c> before anything is written: a directory option must not name an existing file, a
/// file option must not name a directory, and no output may land on one of the command's inputs (exit 2, naming both).
/// </summary>
internal static class OutputGuard
{
    /// <summary>An output directory: fails when <paramref name="dir"/> is an existing file.</summary>
    public static void Directory(string dir, string option = "--out")
    {
        if (File.Exists(dir))
        {
            throw new UsageException($"{option} {dir} is an existing file; it must name a directory");
        }
    }

    /// <summary>An output file: fails when <paramref name="file"/> is an existing directory.</summary>
    public static void FilePath(string file, string option = "--out")
    {
        if (System.IO.Directory.Exists(file))
        {
            throw new UsageException($"{option} {file} is an existing directory; it must name a file");
        }
    }

    /// <summary>Fails when writing <paramref name="outputs"/> would replace one of <paramref name="inputs"/> (compared
    /// as full paths with symbolic links resolved, so <c>--out .</c> beside the inputs is caught).</summary>
    public static void NoInputOverwritten(IEnumerable<string?> inputs, IEnumerable<string> outputs, string option = "--out")
    {
        var byPath = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            if (input is not null)
            {
                byPath.TryAdd(Canonical(input), input);
            }
        }
        foreach (var output in outputs)
        {
            if (byPath.TryGetValue(Canonical(output), out var input))
            {
                throw new UsageException($"{option} would overwrite the input {input} (output {output}); choose another {option}");
            }
        }
    }

    /// <summary>The outputs of a command that writes fixed file names into a directory.</summary>
    public static IEnumerable<string> In(string dir, IEnumerable<string> names) => names.Select(name => Path.Combine(dir, name));

    private static string Canonical(string path)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full);
        var name = Path.GetFileName(full);
        if (directory is not null && directory != full)
        {
            directory = Canonical(directory);
            full = name.Length == 0 ? directory : Path.Combine(directory, name);
        }
        try
        {
            var info = new FileInfo(full);
            if (info.LinkTarget is not null)
            {
                var target = info.ResolveLinkTarget(returnFinalTarget: true);
                if (target is not null)
                {
                    return Path.GetFullPath(target.FullName);
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return full;
    }
}
