namespace Tansiq.Core.Detection;

public sealed partial class Detector
{
    /// <summary>
    /// A scheduler squad reuses its canned material: the same accusation under every critic it swarms, the same campaign
    /// text in every flood, the same hashtags in every push, for days. Each use is a burst within seconds, but the object
    /// (a text, a near-duplicate cluster, a hashtag, a link) is one. Judged as one, its busiest window holds only the
    /// members of one operation, and the spread of the members' first actions runs over days (a member who missed the
    /// first flood joins the next): the squad's most-used material counted against it (fuzz world 75: 288 of the 705
    /// unsynchronised own objects of a 269-account squad were texts and tags it had used in bursts on two or more
    /// occasions). At the window itself, an own object that is not a post (posts are reacted to once, around their own
    /// time) is therefore judged occasion by occasion when it has several: its members' actions are cut into
    /// <b>occasions</b> at silences longer than <see cref="DetectOptions.MaxPostScale"/> windows; an occasion is a burst
    /// when the busiest window of the scale holds at least two members and the burst share of the occasion's members. With
    /// at least two bursts whose members are together at least the burst share of all the members who acted on the
    /// object, the object is synchronous, its burst members are those of all its bursts, and its spread is the median over
    /// the bursts of the spread of the members' first actions in each. Returns null otherwise (the object is judged by its
    /// busiest window, as before). Only on a clock of seconds: on a minute clock the window is one tick, bursts of seconds
    /// cannot be told from people acting in the same minute, and the rule let an army and its small fan base pass
    /// together (fuzz world 98: 86 of 139 fans flagged when it applied there).
    /// </summary>
    private (HashSet<int> Burst, double Spread)? RepeatedBursts(SharedAction shared, double scale)
    {
        var o = _options;
        if (_tick > 1 || scale > o.Window || IsPost(shared.Signal) || shared.Actions.Count < 4)
        {
            return null;
        }
        var silence = o.MaxPostScale * o.Window;
        var burst = new HashSet<int>();
        var spreads = new List<double>();
        var distinct = new HashSet<int>();
        var actions = shared.Actions;
        var start = 0;
        for (var i = 1; i <= actions.Count; i++)
        {
            if (i < actions.Count && actions[i].Time - actions[i - 1].Time <= silence)
            {
                continue;
            }
            var occasion = actions.GetRange(start, i - start);
            start = i;
            distinct.Clear();
            var last = occasion[0].Time;
            foreach (var (account, time) in occasion)
            {
                if (distinct.Add(account))
                {
                    last = time;
                }
            }
            if (distinct.Count < 2)
            {
                continue;
            }
            var window = BusiestWindow(occasion, scale);
            if (window.Count < 2 || window.Count < o.MinBurstShare * distinct.Count)
            {
                continue;
            }
            burst.UnionWith(window);
            spreads.Add(last - occasion[0].Time);
        }
        if (spreads.Count < 2 || burst.Count < o.MinBurstShare * shared.Acting)
        {
            return null;
        }
        spreads.Sort();
        return (burst, spreads[spreads.Count / 2]);
    }
}
