using System.Text;
using Tansiq.IO.Readers;

namespace Tansiq.IO.Tests.Readers;

/// <summary>The decoder under the CSV parser: its line numbers must match the parser's across its 64 KiB buffers.</summary>
public class Utf8LineTrackerTests
{
    private const int Buffer = 1 << 16;

    [Theory]
    [InlineData("a\nb\nc", false, 2)]
    [InlineData("a\r\nb\r\n", false, 2)]
    [InlineData("a\rb\r", true, 1)]
    [InlineData("\r\r\n\n", false, 3)]
    [InlineData("", false, 0)]
    public void CountLineEnds_MixedEndings_CountsLikeTheParser(string text, bool pendingAfter, long expected)
    {
        var pending = false;

        var count = Utf8LineTracker.CountLineEnds(Encoding.ASCII.GetBytes(text), ref pending);

        Assert.Equal(expected, count);
        Assert.Equal(pendingAfter, pending);
    }

    [Fact]
    public void CountLineEnds_CrLfSplitAcrossCalls_CountsOnce()
    {
        var pending = false;

        var total = Utf8LineTracker.CountLineEnds("x\r"u8, ref pending) + Utf8LineTracker.CountLineEnds("\ny"u8, ref pending);

        Assert.Equal(1, total);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Read_MultiByteCharacterSplitAcrossBuffers_DecodesIntact(int shift)
    {
        // Pad so that a 2-byte Arabic letter or a 4-byte emoji straddles the 64 KiB buffer edge.
        var text = new string('a', Buffer - 1 - shift) + "ع😀ب\n";
        using var reader = new Utf8LineTracker(new MemoryStream(Encoding.UTF8.GetBytes(text)), "f");

        Assert.Equal(text, reader.ReadToEnd());
        Assert.Null(reader.TakeProblem(1, 3));
    }

    [Theory]
    [InlineData(-2)]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(1)]
    public void TakeProblem_BadByteAfterCrLfOnBufferEdge_IsOnTheRightLine(int shift)
    {
        // 3 full lines, then a long line that ends with \r\n near the buffer edge, then line 5 holding a bad byte.
        var head = "l1\nl2\r\nl3\r";
        var filler = new string('x', Buffer + shift - head.Length - 2);
        var bytes = Encoding.ASCII.GetBytes(head + filler + "\r\n").Concat(new byte[] { (byte)'y', 0xFF, (byte)'\n', (byte)'z' }).ToArray();
        using var reader = new Utf8LineTracker(new MemoryStream(bytes), "f");

        var text = reader.ReadToEnd();

        Assert.EndsWith("y\uFFFD\nz", text);
        Assert.Null(reader.TakeProblem(1, 5));
        Assert.Equal("invalid UTF-8 (byte 0xFF)", reader.TakeProblem(5, 6));
    }

    [Fact]
    public void Read_ByteOrderMark_IsDropped()
    {
        using var reader = new Utf8LineTracker(new MemoryStream([0xEF, 0xBB, 0xBF, (byte)'a']), "f");

        Assert.Equal("a", reader.ReadToEnd());
    }
}
