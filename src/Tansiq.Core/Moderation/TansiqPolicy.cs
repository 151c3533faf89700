using System.Globalization;
using System.Text;

namespace Tansiq.Core.Moderation;

/// <summary>
/// The tansiq policy: weighs each report by who sends it and how independently, finds campaign waves per target as
/// the reports arrive, counts a wave roughly once, and suspends only on independent, credible, exposed reporters whose
/// reports are spread over time. A target of a campaign goes to review at most, with the campaign shown.
/// </summary>
public sealed class TansiqPolicy : IModerationPolicy
{
    private const double SecondsPerDay = 86400;

    private readonly ModerationWorld _world;
    private readonly TansiqPolicyOptions _o;
    private readonly IPolicyState _state;
    private readonly List<Campaign> _campaigns = [];

    private readonly ModeratorFeedback? _feedback;

    /// <param name="feedback">Moderators' verdicts on earlier reports (the live service): reporters whose reports were
    /// rejected count for less from then on. Null in batch runs.</param>
    /// <param name="state">Where the per-target, per-reporter and per-pair state lives (<see cref="IPolicyState"/>);
    /// by default in this process (<see cref="InMemoryPolicyState"/>).</param>
    public TansiqPolicy(ModerationWorld world, TansiqPolicyOptions? options = null, ModeratorFeedback? feedback = null, IPolicyState? state = null)
    {
        _world = world;
        _feedback = feedback;
        _o = options ?? new TansiqPolicyOptions();
        _state = state ?? new InMemoryPolicyState(world.AccountCount);
    }

    public string Name => "tansiq";

    public IReadOnlyList<Campaign> Campaigns => _campaigns;

    public TansiqPolicyOptions Options => _o;

    /// <summary>Repeat partners of a reporter so far (pairs that co-reported at least the minimum number of targets).</summary>
    public int RepeatPartners(int reporter) => _state.Reporter(reporter).RepeatPartners;

    /// <summary>Distinct targets a reporter has reported so far.</summary>
    public int DistinctTargets(int reporter) => _state.Reporter(reporter).DistinctTargets;

    public Verdict Observe(in Report report)
    {
        var u = report.Reporter;
        var t = report.Time;
        var s = _state.GetOrAddTarget(report.Target);
        s.Reports++;
        if (!_state.AddReporter(report.Target, u))
        {
            // A second report by the same person adds nothing: it is the same opinion again.
            return s.Verdict;
        }
        s.Reporters++;
        var credibility = Credibility(u, t, out var flags);
        if (_feedback is not null)
        {
            credibility *= _feedback.Factor(u, report.Sequence);
        }
        flags |= Relation(u, report.Target, t);
        CoReport(s, u, t);
        if (_state.Reporter(u).RepeatPartners >= _o.CoReportMinPartners)
        {
            flags |= ReportFlags.CoReporter;
        }
        var suspicious = flags != ReportFlags.None;

        var decay = Math.Exp(-(t - s.DecayAt) / _o.WaveTau);
        s.DecaySuspicious *= decay;
        s.DecayAll *= decay;
        s.DecayAt = t;
        if (s.Wave is not null && s.DecaySuspicious < _o.WaveQuiet)
        {
            s.Wave = null;
        }
        s.DecayAll += 1;
        if (suspicious)
        {
            s.DecaySuspicious += 1;
        }
        if (s.Wave is null && suspicious && s.DecaySuspicious >= _o.WaveTrigger && s.DecaySuspicious >= _o.WaveShare * s.DecayAll)
        {
            OpenWave(s, report.Target, t);
        }

        if (s.Wave is { } wave)
        {
            // Inside a wave even a report that looks independent cannot be told apart from the campaign (an army
            // follows the people it attacks): it joins the wave and is counted as such in the evidence.
            wave.PeakRate = Math.Max(wave.PeakRate, s.DecaySuspicious);
            var before = wave.Contribution(_o.CampaignCap);
            wave.Add(u, t, flags, credibility);
            s.CampaignEffective += wave.Contribution(_o.CampaignCap) - before;
            if (!suspicious)
            {
                wave.IndependentDuring++;
            }
        }
        else if (suspicious)
        {
            s.Loose += _o.LooseWeight * credibility;
            s.LooseReports++;
        }
        else
        {
            s.Independent += credibility;
            s.IndependentReporters++;
            if (s.IndependentReporters == 1)
            {
                s.FirstIndependent = t;
            }
            s.LastIndependent = t;
        }
        s.Remember(u, t, flags, (float)credibility, inWave: s.Wave is not null, _o.CoReportRing);
        s.Verdict = Decide(s, report.Target);
        return s.Verdict;
    }

    /// <summary>Credibility in [0, 1] from the reporter's age, creation batch and reporting history; flags young and batch accounts.</summary>
    private double Credibility(int u, long t, out ReportFlags flags)
    {
        flags = ReportFlags.None;
        double ageFactor;
        var created = _world.CreatedAt[u];
        if (created == ModerationWorld.Unknown)
        {
            // Unknown age is neither fresh nor established; it cannot make a report independent evidence by itself.
            ageFactor = 0.5;
        }
        else
        {
            var age = (t - created) / SecondsPerDay;
            if (age < _o.YoungDays)
            {
                flags |= ReportFlags.Young;
            }
            ageFactor = age <= _o.FreshDays ? _o.FreshCredibility
                : Math.Min(1, _o.FreshCredibility + (1 - _o.FreshCredibility) * (age - _o.FreshDays) / (_o.EstablishedDays - _o.FreshDays));
        }
        var c = ageFactor;
        if (_world.BatchCreated[u])
        {
            flags |= ReportFlags.Batch;
            c *= _o.BatchFactor;
        }
        var r = _state.Reporter(u);
        var d = ++r.DistinctTargets;
        if (d > _o.HistoryFreeTargets)
        {
            c *= (double)_o.HistoryFreeTargets / d;
        }
        var rate = r.Burst * Math.Exp(-(t - r.BurstAt) / _o.ReporterBurstTau) + 1;
        r.Burst = (float)rate;
        r.BurstAt = t;
        _state.SetReporter(u, r);
        if (rate > _o.ReporterBurstLimit)
        {
            c *= _o.BurstFactor;
        }
        return c;
    }

    private ReportFlags Relation(int u, int target, long t)
    {
        var flags = ReportFlags.None;
        // Without follows or messages nobody can show exposure; the flag would then mark every report, so it is left off
        // (and suspension is off too: see Decide).
        if (_world.Exposure.HasData && !_world.Exposure.Exposed(u, target, t))
        {
            flags |= ReportFlags.Unexposed;
        }
        if (_world.ClusterOf[u] >= 0)
        {
            flags |= ReportFlags.Clustered;
        }
        return flags;
    }

    /// <summary>The incremental co-report sweep: pair the reporter with the target's recent reporters inside the window.</summary>
    private void CoReport(TargetState s, int u, long t)
    {
        if (s.Ring is null)
        {
            return;
        }
        for (var i = 0; i < s.RingCount; i++)
        {
            ref readonly var e = ref s.Ring[i];
            if (t - e.Time > _o.CoReportWindow || e.Reporter == u)
            {
                continue;
            }
            if (_state.CoReported(u, e.Reporter) == _o.CoReportMinTargets)
            {
                AddRepeatPartner(u);
                AddRepeatPartner(e.Reporter);
            }
        }
    }

    private void AddRepeatPartner(int reporter)
    {
        var r = _state.Reporter(reporter);
        r.RepeatPartners++;
        _state.SetReporter(reporter, r);
    }

    private void OpenWave(TargetState s, int target, long t)
    {
        var wave = new Campaign(_campaigns.Count, target, t);
        _campaigns.Add(wave);
        s.Wave = wave;
        s.Campaigns.Add(wave.Id);
        // The reports that made the burst arrived before it could be seen; they join the wave now and leave the loose pool.
        if (s.Ring is not null)
        {
            for (var i = 0; i < s.RingCount; i++)
            {
                ref var e = ref s.Ring[i];
                if (e.Flags != ReportFlags.None && !e.InWave && t - e.Time <= 2 * _o.WaveTau)
                {
                    e.InWave = true;
                    s.Loose -= _o.LooseWeight * e.Credibility;
                    s.LooseReports--;
                    wave.Add(e.Reporter, e.Time, e.Flags, e.Credibility);
                }
            }
        }
        s.Loose = Math.Max(0, s.Loose);
        s.CampaignEffective += wave.Contribution(_o.CampaignCap);
    }

    /// <summary>Independent evidence needed to suspend an account with this many followers.</summary>
    public double SuspendBar(long followers) => _o.SuspendBase + _o.SuspendPerDecade * Math.Log10(1 + followers);

    private Verdict Decide(TargetState s, int target)
    {
        var bar = SuspendBar(_world.Audience(target));
        var high = Math.Max(_o.HighMinimum, bar * _o.HighFraction);
        var independent = s.Independent;
        if (s.Campaigns.Count > 0)
        {
            // Never suspend on the strength of a campaign: its target is for a person to look at, campaign in view.
            var p = independent >= high ? Priority.High
                : independent >= _o.NormalIndependent ? Priority.Normal : Priority.Low;
            return new Verdict(Decision.Review, p);
        }
        if (independent >= bar && s.LastIndependent - s.FirstIndependent >= _o.MinSpread && _world.Exposure.HasData)
        {
            return new Verdict(Decision.Suspend, Priority.None);
        }
        if (independent >= high)
        {
            return new Verdict(Decision.Review, Priority.High);
        }
        if (independent >= _o.NormalIndependent)
        {
            return new Verdict(Decision.Review, Priority.Normal);
        }
        if (s.Effective >= _o.LowEffective)
        {
            return new Verdict(Decision.Review, Priority.Low);
        }
        return Verdict.NoAction;
    }

    public TargetStanding Explain(int target)
    {
        var s = _state.Target(target);
        if (s is null)
        {
            return new TargetStanding(0, 0, 0, [], "no reports");
        }
        var ci = CultureInfo.InvariantCulture;
        var followers = _world.Audience(target);
        var bar = SuspendBar(followers);
        var spreadDays = s.IndependentReporters > 1 ? (s.LastIndependent - s.FirstIndependent) / SecondsPerDay : 0;
        var b = new StringBuilder();
        b.Append(ci, $"{s.Reports} reports from {s.Reporters} reporters; ");
        b.Append(ci, $"independent evidence {s.Independent:0.##} from {s.IndependentReporters} exposed, established, independent reporters over {spreadDays:0.#} days");
        b.Append(ci, $" (suspension bar {bar:0.#} for {followers} followers)");
        if (s.LooseReports > 0)
        {
            b.Append(ci, $"; {s.LooseReports} reports without exposure or credibility count {s.Loose:0.##}");
        }
        if (s.Campaigns.Count > 0)
        {
            b.Append("; target of reporting campaign ");
            for (var i = 0; i < s.Campaigns.Count; i++)
            {
                var w = _campaigns[s.Campaigns[i]];
                if (i > 0)
                {
                    b.Append(", ");
                }
                b.Append(ci, $"{w.Name} ({w.Participants.Count} reporters, {Share(w.Count(ReportFlags.Unexposed), w.Participants.Count)} with no exposure, {Share(w.Count(ReportFlags.Young | ReportFlags.Batch), w.Participants.Count)} young or batch-created)");
            }
            b.Append(ci, $" counted as {s.CampaignEffective:0.##}: review at most, never suspended on a campaign");
        }
        else if (s.Verdict.Decision == Decision.Suspend)
        {
            b.Append("; suspended: independent evidence above the bar and spread over more than a day");
        }
        else if (s.Independent >= bar && !_world.Exposure.HasData)
        {
            b.Append("; no follows or messages given, so exposure cannot be shown: review instead of suspension");
        }
        else if (s.Independent >= bar)
        {
            b.Append("; not yet spread over a day: review");
        }
        return new TargetStanding(s.Reports, s.Reporters, s.Effective, s.Campaigns, b.ToString());
    }

    private static string Share(int part, int whole) => whole == 0 ? "0%" : $"{100.0 * part / whole:0}%";
}
