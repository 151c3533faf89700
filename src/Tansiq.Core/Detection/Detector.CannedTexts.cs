using Tansiq.Core.Model;

namespace Tansiq.Core.Detection;

public sealed partial class Detector
{
    /// <summary>
    /// A scheduler squad keeps a pool of canned texts and its members draw on it for days: two members who paste the
    /// same line on different days own that text (nobody else wrote it) without ever having used it together. Judged as
    /// an object, such a text counted against the squad's synchrony share: seed-2 fuzz world 56, one squad of 348, failed
    /// at every scale with 391 of its 1,112 own objects texts that no two members used within
    /// <see cref="DetectOptions.MaxPostScale"/> windows of each other. A text used alone, occasion after occasion, says
    /// nothing about whether the community acts together or apart, so at the scales up to the posts' (where an occasion,
    /// members' actions separated by silences longer than that, is longer than the scale) it is set aside: neither
    /// synchronous nor in the share's denominator. Only pasted texts (co-text, co-similar): a friend's post, a story's
    /// link or a popular hashtag reached by people one at a time is how human pace looks, and must count against the
    /// community; people do not paste the same words by chance.
    /// </summary>
    private bool CannedTextUsedAlone(SharedAction shared, double scale)
    {
        var o = _options;
        if (shared.Signal is not (SignalKind.CoText or SignalKind.CoSimilar) || scale > o.MaxPostScale * o.Window)
        {
            return false;
        }
        var silence = o.MaxPostScale * o.Window;
        var actions = shared.Actions;
        var occasionStart = 0;
        for (var i = 1; i < actions.Count; i++)
        {
            if (actions[i].Time - actions[i - 1].Time > silence)
            {
                occasionStart = i;
                continue;
            }
            // Two members in one occasion: the text was used together (or nearly), so it is judged as usual.
            for (var j = occasionStart; j < i; j++)
            {
                if (actions[j].Account != actions[i].Account)
                {
                    return false;
                }
            }
        }
        return true;
    }
}
