using System.IO.Compression;
using System.Text;

namespace Tansiq.IO.Tests.Readers;

/// <summary>A private temporary folder for files a test writes; removed when disposed.</summary>
public sealed class TempFiles : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tansiq-io-").FullName;

    public string Path(string name) => System.IO.Path.Combine(_dir, name);

    public string Text(string name, string content) => Bytes(name, new UTF8Encoding(false).GetBytes(content));

    public string Bytes(string name, byte[] content)
    {
        var path = Path(name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public string Gzip(string name, byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gz = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gz.Write(content);
        }
        return Bytes(name, buffer.ToArray());
    }

    public static string Fixture(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
