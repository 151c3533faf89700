using System.Buffers.Text;
using Tansiq.Core.CoAction;

namespace Tansiq.IO.Output;

/// <summary>
/// Writes a raw network as <c>source,target,weight</c> CSV. Millions of rows: each account's CSV field is encoded to
/// UTF-8 once, and rows are assembled as bytes in a large buffer instead of going through a text writer.
/// </summary>
public static class NetworkCsvWriter
{
    private const int BufferBytes = 1 << 20;

    public static void Write(string path, RawNetwork network) => Write(path, network, byteOrderMark: false);

    /// <summary>As <see cref="Write(string, RawNetwork)"/>, with the UTF-8 byte-order mark first when asked (<c>--excel</c>).</summary>
    public static void Write(string path, RawNetwork network, bool byteOrderMark)
    {
        var fields = new byte[network.Pairs.Count][];
        for (var rank = 0; rank < fields.Length; rank++)
        {
            var text = new StringWriter();
            OutputText.WriteCsvField(text, network.Pairs.ByRank(rank));
            fields[rank] = OutputText.Utf8.GetBytes(text.ToString());
        }
        AtomicFile.Write(path, stream =>
        {
            var buffer = new byte[BufferBytes];
            var used = 0;
            "source,target,weight\n"u8.CopyTo(buffer);
            used += "source,target,weight\n"u8.Length;
            var keys = network.Keys;
            var weights = network.Weights;
            for (var i = 0; i < keys.Length; i++)
            {
                var source = fields[(int)(keys[i] >> 32)];
                var target = fields[(int)(uint)keys[i]];
                // Room for both ids, two commas, ten digits and a newline.
                if (used + source.Length + target.Length + 16 > buffer.Length)
                {
                    stream.Write(buffer, 0, used);
                    used = 0;
                    if (source.Length + target.Length + 16 > buffer.Length)
                    {
                        buffer = new byte[source.Length + target.Length + 16];
                    }
                }
                source.CopyTo(buffer, used);
                used += source.Length;
                buffer[used++] = (byte)',';
                target.CopyTo(buffer, used);
                used += target.Length;
                buffer[used++] = (byte)',';
                Utf8Formatter.TryFormat(weights[i], buffer.AsSpan(used), out var digits);
                used += digits;
                buffer[used++] = (byte)'\n';
            }
            stream.Write(buffer, 0, used);
        }, byteOrderMark);
    }
}
