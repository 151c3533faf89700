namespace Tansiq.IO.Output;

/// <summary>
/// Writes a file under a temporary name in the same directory and renames it into place only when the content is
/// complete, so a reader (or a crash) never sees a half-written output under its final name.
/// </summary>
public static class AtomicFile
{
    private const int BufferSize = 1 << 16;

    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>; on any exception the temp file is removed and the old file (if any) is left untouched.</summary>
    public static void Write(string path, Action<Stream> write) => Write(path, write, byteOrderMark: false);

    /// <summary>As <see cref="Write(string, Action{Stream})"/>, starting the file with the UTF-8 byte-order mark when
    /// <paramref name="byteOrderMark"/> is set (<c>--excel</c>: Excel reads a CSV as UTF-8 only with it).</summary>
    public static void Write(string path, Action<Stream> write, bool byteOrderMark)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full) ?? ".";
        // Same directory as the target: a rename within one file system is atomic, a copy across mounts is not.
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize))
            {
                if (byteOrderMark)
                {
                    stream.Write("\uFEFF"u8);
                }
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Like <see cref="Write(string, Action{Stream})"/>, through a UTF-8 (no BOM) text writer with LF line ends.</summary>
    public static void WriteText(string path, Action<TextWriter> write) => WriteText(path, write, byteOrderMark: false);

    /// <summary>Like <see cref="WriteText(string, Action{TextWriter})"/>, with the UTF-8 byte-order mark first when asked.</summary>
    public static void WriteText(string path, Action<TextWriter> write, bool byteOrderMark) =>
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, OutputText.Utf8, BufferSize, leaveOpen: true) { NewLine = "\n" };
            write(writer);
            writer.Flush();
        }, byteOrderMark);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The original error is the one worth reporting; a leftover temp file is named so it is visibly not an output.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
