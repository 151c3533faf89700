using System.IO.Compression;

namespace Tansiq.IO.Readers;

/// <summary>Opens an input file for reading, decompressing gzip transparently, and turns I/O failures into
/// <see cref="InputException"/>s that name the file.</summary>
internal static class InputFiles
{
    private const int FileBuffer = 1 << 16;

    /// <summary>Opens <paramref name="path"/>; gzip is recognised by its magic bytes (1F 8B), not by the name,
    /// so a mis-named file is still read right.</summary>
    public static Stream Open(string path)
    {
        if (Directory.Exists(path))
        {
            throw new InputException(path, 0, "is a directory, not a file");
        }
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileBuffer, FileOptions.SequentialScan);
        }
        catch (FileNotFoundException)
        {
            throw new InputException(path, 0, "no such file");
        }
        catch (DirectoryNotFoundException)
        {
            throw new InputException(path, 0, "no such file (its directory does not exist)");
        }
        catch (UnauthorizedAccessException)
        {
            throw new InputException(path, 0, "cannot read the file: permission denied");
        }
        catch (IOException e)
        {
            throw new InputException(path, 0, $"cannot read the file: {e.Message}");
        }
        try
        {
            if (IsGzip(file))
            {
                return new GZipStream(file, CompressionMode.Decompress, leaveOpen: false);
            }
            return file;
        }
        catch (IOException e)
        {
            file.Dispose();
            throw new InputException(path, 0, $"cannot read the file: {e.Message}");
        }
    }

    private static bool IsGzip(FileStream file)
    {
        Span<byte> magic = stackalloc byte[2];
        var n = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        file.Position = 0;
        return n == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
    }

    /// <summary>A failure while reading the (decompressed) stream: corrupt or truncated gzip, or a disk error.
    /// Always fatal: nothing after it can be trusted.</summary>
    public static InputException ReadFailure(string path, long line, Exception e) => e switch
    {
        InvalidDataException => new InputException(path, line, $"corrupt compressed data ({e.Message})"),
        _ => new InputException(path, line, $"cannot read the file: {e.Message}"),
    };

    /// <summary>True for the exceptions a read can raise that mean the bytes cannot be had.</summary>
    public static bool IsReadFailure(Exception e) => e is IOException or InvalidDataException or UnauthorizedAccessException;
}
