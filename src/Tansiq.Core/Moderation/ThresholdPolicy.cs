namespace Tansiq.Core.Moderation;

/// <summary>
/// The rule of thumb from the case, implemented faithfully as the baseline: suspend once the number of distinct
/// reporters reaches <c>threshold x followers_count</c>; otherwise do nothing. It does not look at who reports.
/// (An account with no followers is suspended by its first report: 1 >= 0.25 x 0.)
/// </summary>
public sealed class ThresholdPolicy : IModerationPolicy
{
    private readonly ModerationWorld _world;
    private readonly double _threshold;
    private readonly HashSet<long> _seen = [];
    private readonly Dictionary<int, (int Reports, int Reporters)> _targets = [];

    public ThresholdPolicy(ModerationWorld world, double threshold = 0.25)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threshold);
        _world = world;
        _threshold = threshold;
    }

    public string Name => "threshold";

    public IReadOnlyList<Campaign> Campaigns => [];

    public Verdict Observe(in Report report)
    {
        ref var state = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_targets, report.Target, out _);
        state.Reports++;
        if (_seen.Add(((long)report.Reporter << 32) | (uint)report.Target))
        {
            state.Reporters++;
        }
        return Suspended(report.Target, state.Reporters) ? new Verdict(Decision.Suspend, Priority.None) : Verdict.NoAction;
    }

    public TargetStanding Explain(int target)
    {
        var (reports, reporters) = _targets.GetValueOrDefault(target);
        var followers = _world.Followers[target];
        var needed = _threshold * followers;
        var reason = Suspended(target, reporters)
            ? $"{reporters} distinct reporters >= {_threshold:0.###} x {followers} followers ({needed:0.#})"
            : $"{reporters} distinct reporters < {_threshold:0.###} x {followers} followers ({needed:0.#})";
        return new TargetStanding(reports, reporters, reporters, [], reason);
    }

    private bool Suspended(int target, int reporters) => reporters > 0 && reporters >= _threshold * _world.Followers[target];
}
