using Tansiq.Core.Moderation;

namespace Tansiq.Core.Tests.Moderation;

public class BatchCreationTests
{
    [Fact]
    public void Detect_TwentyInHalfHourAmidSlowTrickle_FlagsExactlyTheBatch()
    {
        // One sign-up every six hours for 60 days, and 20 sign-ups within 30 minutes on day 30.
        var times = new List<long>();
        for (var i = 0; i < 240; i++)
        {
            times.Add(i * 6 * 3600L + 1000);
        }
        var batchStart = (30 * 86400L) + (3 * 3600) + 1234; // three hours clear of the trickle
        for (var i = 0; i < 20; i++)
        {
            times.Add(batchStart + (i * 90));
        }
        var flags = BatchCreation.Detect([.. times], new BatchCreationOptions());
        var flagged = Enumerable.Range(0, flags.Length).Where(i => flags[i]).ToArray();
        Assert.Equal(Enumerable.Range(240, 20).ToArray(), flagged);
    }

    [Fact]
    public void Detect_SteadyBusyTrickle_FlagsNone()
    {
        // 20 sign-ups an hour all month long is a busy platform, not a batch: the background rate is the same.
        var times = Enumerable.Range(0, 20 * 24 * 30).Select(i => i * 180L).ToArray();
        Assert.DoesNotContain(true, BatchCreation.Detect(times, new BatchCreationOptions()));
    }

    [Fact]
    public void Detect_UnknownCreationTimes_AreNeverBatch()
    {
        var times = Enumerable.Repeat(ModerationWorld.Unknown, 50).ToArray();
        Assert.DoesNotContain(true, BatchCreation.Detect(times, new BatchCreationOptions()));
    }
}
