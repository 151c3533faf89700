namespace Tansiq.Core.Moderation;

/// <summary>Why a report was not counted as independent. A report may carry several.</summary>
[Flags]
public enum ReportFlags : byte
{
    None = 0,
    /// <summary>The reporter had no follow, reply, re-share or mention with the target before reporting.</summary>
    Unexposed = 1,
    /// <summary>The reporter's account was younger than the young-account age at report time.</summary>
    Young = 2,
    /// <summary>The reporter's account was created in a batch of sign-ups.</summary>
    Batch = 4,
    /// <summary>The reporter belongs to a coordinated cluster found in the messages.</summary>
    Clustered = 8,
    /// <summary>The reporter had repeatedly reported the same targets as the same partners within the co-report window.</summary>
    CoReporter = 16,
}

/// <summary>
/// One wave of a reporting campaign against one target: a burst of reports from accounts with no exposure, young or
/// batch-created accounts, or repeat co-reporters. Waves sharing participants are joined into brigades afterwards.
/// </summary>
public sealed class Campaign
{
    internal Campaign(int id, int target, long start)
    {
        Id = id;
        Target = target;
        Start = start;
        End = start;
    }

    public int Id { get; }
    public string Name => $"W{Id + 1}";
    public int Target { get; }
    public long Start { get; private set; }
    public long End { get; private set; }
    public List<int> Participants { get; } = [];
    public List<long> Times { get; } = [];
    public List<ReportFlags> Flags { get; } = [];

    /// <summary>Sum of the participants' credibility weights (what they would have counted as independent reporters).</summary>
    public double Credibility { get; private set; }

    /// <summary>Reports that joined the wave although, outside a wave, they would have passed as independent.</summary>
    public int IndependentDuring { get; internal set; }

    /// <summary>The peak of the decayed suspicious-report rate while the wave was open (reports per time constant).</summary>
    public double PeakRate { get; internal set; }

    /// <summary>What the whole wave adds to the target's effective reports: its credibility, capped (counted roughly once).</summary>
    public double Contribution(double cap) => Math.Min(cap, Credibility);

    internal void Add(int reporter, long time, ReportFlags flags, double credibility)
    {
        Participants.Add(reporter);
        Times.Add(time);
        Flags.Add(flags);
        Credibility += credibility;
        Start = Math.Min(Start, time);
        End = Math.Max(End, time);
    }

    public int Count(ReportFlags flag)
    {
        var n = 0;
        foreach (var f in Flags)
        {
            if ((f & flag) != 0)
            {
                n++;
            }
        }
        return n;
    }
}
