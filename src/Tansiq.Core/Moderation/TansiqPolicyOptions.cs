namespace Tansiq.Core.Moderation;

/// <summary>Every weight and threshold of the tansiq policy; docs/moderation.md gives the reason for each default.</summary>
public sealed record TansiqPolicyOptions
{
    // Credibility of one report (a product of factors in [0, 1]).

    /// <summary>Accounts younger than this (days) at report time get <see cref="FreshCredibility"/>.</summary>
    public double FreshDays { get; init; } = 7;

    /// <summary>From this age (days) an account counts fully; credibility rises linearly from fresh to established.</summary>
    public double EstablishedDays { get; init; } = 90;

    public double FreshCredibility { get; init; } = 0.05;

    /// <summary>Below this age (days) a report is not independent evidence, whatever else it shows.</summary>
    public double YoungDays { get; init; } = 30;

    /// <summary>Credibility factor for accounts created in a batch.</summary>
    public double BatchFactor { get; init; } = 0.2;

    /// <summary>A reporter's first this-many distinct targets count fully; the d-th target after that counts n/d.</summary>
    public int HistoryFreeTargets { get; init; } = 3;

    /// <summary>Time constant (s) of a reporter's own report rate.</summary>
    public double ReporterBurstTau { get; init; } = 3600;

    /// <summary>A reporter whose decayed rate exceeds this is bursty and gets <see cref="BurstFactor"/>.</summary>
    public double ReporterBurstLimit { get; init; } = 3;

    public double BurstFactor { get; init; } = 0.5;

    // Co-reporting network (the incremental window sweep: targets are the objects, reports the actions).

    /// <summary>Two reports on one target within this many seconds are a co-report.</summary>
    public long CoReportWindow { get; init; } = 3600;

    /// <summary>How many recent reports per target are remembered for the sweep (the bounded per-target sketch).</summary>
    public int CoReportRing { get; init; } = 16;

    /// <summary>A pair that co-reported this many distinct targets is a repeat pair.</summary>
    public int CoReportMinTargets { get; init; } = 2;

    /// <summary>A reporter with this many repeat partners is a co-reporter.</summary>
    public int CoReportMinPartners { get; init; } = 2;

    // Campaign waves per target.

    /// <summary>Time constant (s) of the per-target decayed counts of reports.</summary>
    public double WaveTau { get; init; } = 6 * 3600;

    /// <summary>A wave opens when the decayed count of non-independent reports reaches this ...</summary>
    public double WaveTrigger { get; init; } = 4;

    /// <summary>... and they are at least this share of the decayed count of all reports.</summary>
    public double WaveShare { get; init; } = 0.5;

    /// <summary>A wave closes when the decayed count of non-independent reports falls below this.</summary>
    public double WaveQuiet { get; init; } = 0.5;

    /// <summary>A whole wave adds at most this much to the effective reports ("counted roughly once").</summary>
    public double CampaignCap { get; init; } = 1;

    /// <summary>Weight of a non-independent report outside any wave (a stray report from someone with no visible exposure).</summary>
    public double LooseWeight { get; init; } = 0.25;

    // Decisions.

    /// <summary>Independent evidence needed to suspend: base + per-decade x log10(1 + followers).</summary>
    public double SuspendBase { get; init; } = 4;

    public double SuspendPerDecade { get; init; } = 1.5;

    /// <summary>Independent reports must span at least this many seconds before a suspension (a day).</summary>
    public long MinSpread { get; init; } = 86400;

    /// <summary>Review at high priority from this fraction of the suspension bar.</summary>
    public double HighFraction { get; init; } = 0.5;

    /// <summary>... but never on less independent evidence than this (a tiny account's bar is low).</summary>
    public double HighMinimum { get; init; } = 5;

    /// <summary>Review at normal priority from this much independent evidence.</summary>
    public double NormalIndependent { get; init; } = 3;

    /// <summary>Review at low priority from this much effective evidence of any kind.</summary>
    public double LowEffective { get; init; } = 4;
}
