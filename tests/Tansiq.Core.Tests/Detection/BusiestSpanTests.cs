using Tansiq.Core.Detection;

namespace Tansiq.Core.Tests.Detection;

/// <summary>
/// The busiest window of an object's actions, shared by the cluster tests (actions of members, an account may act twice)
/// and the co-burst pass (first actions only, counted by the window's length).
/// </summary>
public class BusiestSpanTests
{
    [Fact]
    public void BusiestSpan_AccountActingTwice_CountedOnceFirstOfEqualWindowsKeptScratchHandedBackZero()
    {
        // a twice and b within a minute: two accounts; c and d later: two accounts as well, so the first window stays.
        List<(int Account, double Time)> actions = [(1, 0), (1, 10), (2, 20), (3, 100), (4, 105), (5, 300)];

        var counts = new int[6];
        var span = Detector.BusiestSpan(actions, 60, counts);

        Assert.Equal((0, 2, 2), span);
        Assert.Equal([1, 2], Detector.SpanMembers(actions, span).Order());
        Assert.All(counts, c => Assert.Equal(0, c));
    }

    [Fact]
    public void BusiestSpan_FirstActionsCountedByLength_SameWindowAsCountingAccounts()
    {
        // Seven accounts' first actions: four of them fall within the minute from 200 s.
        List<(int Account, double Time)> firsts = [(1, 0), (2, 30), (3, 50), (4, 200), (5, 210), (6, 220), (7, 230)];

        Assert.Equal((3, 6, 4), Detector.BusiestSpan(firsts, 60, counts: null));
        Assert.Equal((3, 6, 4), Detector.BusiestSpan(firsts, 60, new int[8]));
    }

    [Fact]
    public void BusiestSpan_NoActions_EmptySpan()
    {
        var span = Detector.BusiestSpan([], 60, new int[1]);

        Assert.Equal(0, span.Count);
        Assert.Empty(Detector.SpanMembers([], span));
    }
}
