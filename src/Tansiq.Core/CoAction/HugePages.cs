using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Tansiq.Core.CoAction;

/// <summary>
/// Asks Linux for transparent huge pages on the memory of a large pinned array (madvise MADV_HUGEPAGE). A hint about
/// memory, not I/O: it changes how fast the array is, never what it holds, and does nothing on other systems or when
/// refused.
/// </summary>
internal static partial class HugePages
{
    /// <summary>Below this an array spans too few huge pages to matter.</summary>
    public const long MinBytes = 8L << 20;

    private const int MadvHugePage = 14;
    private const long HugePageBytes = 2L << 20;
    private static bool _unavailable = !OperatingSystem.IsLinux();

    /// <summary>
    /// An array that the GC never moves, zeroed unless <paramref name="zeroed"/> is false (then its contents are
    /// undefined); a large one with huge pages advised before its pages are first touched.
    /// </summary>
    public static T[] NewArray<T>(int length, bool zeroed = true)
        where T : unmanaged
    {
        if ((long)length * Unsafe.SizeOf<T>() < MinBytes)
        {
            return zeroed ? GC.AllocateArray<T>(length, pinned: true) : GC.AllocateUninitializedArray<T>(length, pinned: true);
        }
        // Zeroed by the GC, not here: it clears only memory it used before, and memory fresh from the system is zero
        // already (a clear of our own would fault in and write every page of a large table once more).
        var array = zeroed ? GC.AllocateArray<T>(length, pinned: true) : GC.AllocateUninitializedArray<T>(length, pinned: true);
        Advise(array);
        return array;
    }

    /// <summary>The address of the first element of an array allocated pinned (it never moves).</summary>
    public static long AddressOf<T>(T[] pinned)
        where T : unmanaged
    {
        var handle = GCHandle.Alloc(pinned, GCHandleType.Pinned);
        try
        {
            return (long)handle.AddrOfPinnedObject();
        }
        finally
        {
            handle.Free();
        }
    }

    /// <summary>
    /// A zeroed pinned array of at least <paramref name="longs"/> longs and the offset (in longs) at which a 64-byte cache
    /// line starts: hash tables whose entries must not straddle cache lines index from there.
    /// </summary>
    public static (long[] Storage, int Offset) NewCacheAligned(int longs)
    {
        const int Slack = 64 / sizeof(long);
        var storage = NewArray<long>(checked(longs + Slack));
        var address = AddressOf(storage);
        return (storage, (int)((64 - (address & 63)) & 63) / sizeof(long));
    }

    /// <summary>
    /// Zeroed native memory of at least <paramref name="bytes"/> bytes outside the GC's heap: the block (for
    /// <see cref="FreeNative"/>) and its first 64-byte aligned address, with huge pages advised when it is large. A large
    /// block comes straight from the system (zero already, nothing is written until used).
    /// </summary>
    public static unsafe (nint Block, nint Aligned) NewNativeCacheAligned(long bytes)
    {
        var block = (nint)NativeMemory.AllocZeroed(checked((nuint)(bytes + 64)));
        var aligned = (block + 63) & ~(nint)63;
        if (bytes >= MinBytes)
        {
            Advise(aligned, aligned + bytes);
        }
        return (block, aligned);
    }

    /// <summary>Frees a block of <see cref="NewNativeCacheAligned"/>.</summary>
    public static unsafe void FreeNative(nint block) => NativeMemory.Free((void*)block);

    /// <summary>Advises huge pages for the whole 2 MiB pages inside a pinned array.</summary>
    private static void Advise<T>(T[] pinned)
        where T : unmanaged
    {
        var start = AddressOf(pinned);
        Advise(start, start + ((long)pinned.Length * Unsafe.SizeOf<T>()));
    }

    /// <summary>Advises huge pages for the whole 2 MiB pages inside [start, end).</summary>
    private static void Advise(long start, long end)
    {
        if (_unavailable)
        {
            return;
        }
        var from = (start + HugePageBytes - 1) & ~(HugePageBytes - 1);
        var to = end & ~(HugePageBytes - 1);
        if (to <= from)
        {
            return;
        }
        try
        {
            _ = Madvise((nint)from, (nuint)(to - from), MadvHugePage);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _unavailable = true;
        }
    }

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(nint address, nuint length, int advice);
}
