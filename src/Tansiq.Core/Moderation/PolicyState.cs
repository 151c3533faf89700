namespace Tansiq.Core.Moderation;

/// <summary>
/// Where <see cref="TansiqPolicy"/> keeps what it has learnt, split by the key it belongs to: one target's state (its
/// counters, its current wave and a ring of its recent reports, and who has reported it), one reporter's state (its
/// reporting history and burst rate) and one pair of reporters' co-report count. Every member touches the state of a
/// single target, a single reporter or a single pair, so an implementation may keep each key elsewhere (an Orleans
/// grain per target and per reporter, pairs partitioned by their lower id) while the policy stays one algorithm.
/// <see cref="InMemoryPolicyState"/> (arrays indexed by account) is the default of batch <c>moderate</c> and the service.
/// </summary>
public interface IPolicyState
{
    /// <summary>The target's state, or null before its first report.</summary>
    TargetState? Target(int target);

    /// <summary>The target's state, created on its first report.</summary>
    TargetState GetOrAddTarget(int target);

    /// <summary>Records that <paramref name="reporter"/> reported <paramref name="target"/>; false when it had before
    /// (a second report by the same person adds nothing). Part of the target's state.</summary>
    bool AddReporter(int target, int reporter);

    /// <summary>The reporter's state (all zero before its first report).</summary>
    ReporterState Reporter(int reporter);

    /// <summary>Stores the reporter's new state.</summary>
    void SetReporter(int reporter, in ReporterState state);

    /// <summary>Adds one co-reported target to the unordered pair (<paramref name="a"/>, <paramref name="b"/>) and
    /// returns its count (it may saturate at 255: only small counts matter).</summary>
    int CoReported(int a, int b);
}

/// <summary>One reporter's history as the policy weighs its next report.</summary>
public struct ReporterState
{
    /// <summary>Distinct targets reported so far.</summary>
    public int DistinctTargets;

    /// <summary>Exponentially decayed count of recent reports, as of <see cref="BurstAt"/>.</summary>
    public float Burst;

    public long BurstAt;

    /// <summary>Reporters it co-reported at least the minimum number of targets with.</summary>
    public int RepeatPartners;
}

/// <summary>One recent report in a target's ring.</summary>
public struct RingEntry
{
    public int Reporter;
    public long Time;
    public float Credibility;
    public ReportFlags Flags;
    public bool InWave;
}

/// <summary>Per-target state of <see cref="TansiqPolicy"/>: a handful of counters and a bounded ring of recent reports.</summary>
public sealed class TargetState
{
    public int Reports;
    public int Reporters;
    public double Independent;
    public int IndependentReporters;
    public long FirstIndependent;
    public long LastIndependent;
    public double Loose;
    public int LooseReports;
    public double CampaignEffective;
    public double DecaySuspicious;
    public double DecayAll;
    public long DecayAt;
    public Campaign? Wave;
    public Verdict Verdict = Verdict.NoAction;
    public RingEntry[]? Ring;
    public int RingCount;
    private int _ringNext;

    /// <summary>Ids of the campaign waves that hit this target.</summary>
    public List<int> Campaigns { get; } = new(0);

    public double Effective => Independent + Loose + CampaignEffective;

    public void Remember(int reporter, long time, ReportFlags flags, float credibility, bool inWave, int size)
    {
        // Most targets get one or two reports: the ring starts at two entries and grows to its bound only when needed.
        Ring ??= new RingEntry[Math.Min(2, size)];
        if (RingCount == Ring.Length && Ring.Length < size)
        {
            Array.Resize(ref Ring, Math.Min(size, Ring.Length * 2));
            _ringNext = RingCount;
        }
        Ring[_ringNext] = new RingEntry { Reporter = reporter, Time = time, Flags = flags, Credibility = credibility, InWave = inWave };
        _ringNext = (_ringNext + 1) % Ring.Length;
        RingCount = Math.Min(RingCount + 1, Ring.Length);
    }
}

/// <summary>The policy's state in this process: arrays indexed by account id, a set of (reporter, target) pairs and
/// the packed co-report counter. Memory is bounded by accounts, reported targets and co-reporting pairs.</summary>
public sealed class InMemoryPolicyState : IPolicyState
{
    private readonly TargetState?[] _targets;
    private readonly ReporterState[] _reporters;
    private readonly HashSet<long> _reported = [];
    private readonly CoReportCounter _pairs = new();

    public InMemoryPolicyState(int accounts)
    {
        _targets = new TargetState?[accounts];
        _reporters = new ReporterState[accounts];
    }

    public TargetState? Target(int target) => _targets[target];

    public TargetState GetOrAddTarget(int target) => _targets[target] ??= new TargetState();

    public bool AddReporter(int target, int reporter) => _reported.Add(((long)reporter << 32) | (uint)target);

    public ReporterState Reporter(int reporter) => _reporters[reporter];

    public void SetReporter(int reporter, in ReporterState state) => _reporters[reporter] = state;

    public int CoReported(int a, int b) => _pairs.Increment(a, b);
}
