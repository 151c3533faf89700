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
                var expectedSize = TrailerSize(file);
                return new GzipSizeCheck(new GZipStream(file, CompressionMode.Decompress, leaveOpen: false), expectedSize, path);
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

    /// <summary>ISIZE, the last four bytes of a gzip file: the uncompressed size of its last member, modulo 2^32.</summary>
    private static uint TrailerSize(FileStream file)
    {
        if (file.Length < 18)
        {
            return uint.MaxValue;
        }
        Span<byte> trailer = stackalloc byte[4];
        file.Position = file.Length - 4;
        file.ReadExactly(trailer);
        file.Position = 0;
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(trailer);
    }

    /// <summary>A failure while reading the (decompressed) stream: corrupt or truncated gzip, or a disk error.
    /// Always fatal: nothing after it can be trusted.</summary>
    public static InputException ReadFailure(string path, long line, Exception e) => e switch
    {
        InvalidDataException => new InputException(path, line, $"compressed data is truncated or corrupt ({e.Message})"),
        _ => new InputException(path, line, $"cannot read the file: {e.Message}"),
    };

    /// <summary>True for the exceptions a read can raise that mean the bytes cannot be had.</summary>
    public static bool IsReadFailure(Exception e) => e is IOException or InvalidDataException or UnauthorizedAccessException;
}

/// <summary>
/// .NET's gzip decoder ends quietly when a file is cut short, which would silently drop the rest of the data; this
/// compares the decompressed size with the gzip trailer at the end and fails loudly when they differ. (A file made of
/// several gzip members joined together carries only the last member's size, so it is reported too: such a file must be
/// decompressed first.)
/// </summary>
internal sealed class GzipSizeCheck(Stream inner, uint expectedSize, string path) : Stream
{
    private long _total;
    private bool _checked;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _total; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        _total += n;
        if (n == 0 && buffer.Length > 0 && !_checked)
        {
            _checked = true;
            if ((uint)_total != expectedSize)
            {
                throw new InputException(path, 0,
                    $"gzip data is truncated or corrupt: it decompressed to {_total} bytes, but its trailer records {expectedSize} "
                    + "(if the file is several gzip files joined together, decompress it first)");
            }
        }
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
