using System.Runtime.InteropServices;
using Tansiq.Core.CoAction;

namespace Tansiq.Core.Tests.CoAction;

public class HugePagesTests
{
    [Theory]
    [InlineData(100)]
    [InlineData(HugePages.MinBytes + 12_345)]
    public void NewNativeCacheAligned_AnySize_AlignedZeroedAndWritable(long bytes)
    {
        var (block, aligned) = HugePages.NewNativeCacheAligned(bytes);
        try
        {
            Assert.NotEqual(0, block);
            Assert.Equal(0, aligned % 64);
            Assert.InRange(aligned - block, 0, 63);
            for (long i = 0; i < bytes; i += 4093)
            {
                Assert.Equal(0, Marshal.ReadByte(aligned, (int)i));
                Marshal.WriteByte(aligned, (int)i, 7);
                Assert.Equal(7, Marshal.ReadByte(aligned, (int)i));
            }
            Assert.Equal(0, Marshal.ReadByte(aligned, (int)(bytes - 1)));
        }
        finally
        {
            HugePages.FreeNative(block);
        }
    }
}
