using Tansiq.Core.CoAction;
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
    /// community; and only texts of three or more distinct words (<see cref="IsPastedText"/>): friends and fans post the
    /// same one- or two-word lines by chance (seed-1 world 98: 45 of the texts friends used alone had one or two words).
    /// </summary>
    /// <remarks>
    /// Not in the co-burst pass: a group found from its bursts has its evidence in those bursts, and the pass keeps the
    /// members' own posts in (<see cref="KeepsCircleForOrdersTest"/>). With both, a co-burst community of a squad of 7,
    /// 16 of a leader's fans and 16 organic accounts passed at 16 minutes once its texts used alone were set aside
    /// (seed-1 fuzz world 45: fans 0 → 4%); neither rule alone let it through.
    /// </remarks>
    private bool CannedTextUsedAlone(SharedAction shared, double scale)
    {
        var o = _options;
        if (_coBurstPass || !shared.PastedText || scale > o.MaxPostScale * o.Window)
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

    /// <summary>
    /// A shared link, or a copied text that carries one (a co-text key with a link token, a near-duplicate cluster whose
    /// first text has one): an article shared with the share button is the same headline and link for every reader, and
    /// an outlet's readers share it within hours of one another as a leader's fans re-share his posts. At hours such
    /// objects are no evidence, as posts are not (<see cref="Evaluate"/>); a relay that copies a text hop by hop is judged
    /// by its cascades (<see cref="JudgeCascades"/>).
    /// </summary>
    private static bool SharesLink(Corpus corpus, SignalKind kind, int obj) => kind switch
    {
        SignalKind.CoLink => true,
        // A token that starts with "http", found without splitting the key into words.
        SignalKind.CoText => corpus.Signals[kind].ObjectKeys[obj] is var key && (key.StartsWith("http", StringComparison.Ordinal) || key.Contains(" http", StringComparison.Ordinal)),
        SignalKind.CoSimilar => obj < corpus.SimilarTexts.Count && corpus.SimilarTexts[obj].Contains("http", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    /// <summary>
    /// A co-similar object (near-duplicates of at least three distinct words by construction) or a co-text object whose
    /// normalised text has at least three distinct words besides links and "rt": words people do not write alike by chance.
    /// </summary>
    private static bool IsPastedText(Corpus corpus, SignalKind kind, int obj)
    {
        if (kind == SignalKind.CoSimilar)
        {
            return true;
        }
        if (kind != SignalKind.CoText)
        {
            return false;
        }
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in corpus.Signals[kind].ObjectKeys[obj].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (token != "rt" && !token.StartsWith("http", StringComparison.Ordinal) && words.Add(token) && words.Count >= 3)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The verdict at one scale with canned texts used alone set aside (<see cref="CannedTextUsedAlone"/>). When the
    /// community passes only because they were (it fails with them counted) and some of the posts in its evidence are
    /// ones its members react to on their own (<see cref="WithoutSelfPacedPosts"/>, per author as at minutes), the
    /// failing verdict stands, so the community is split and its parts judged: the texts a leader's fans and a squad
    /// paste are set aside alike, and a community of an army and its leader's fans then passed at the window with the fans
    /// kept through their bursts on his posts (seed-1 fuzz world 98, a minute clock: 86 of 139 fans flagged). Judging it
    /// again without those posts kept the fans out but kept fewer of the army than its parts do (worlds 35, 98).
    /// </summary>
    private Verdict JudgeWithCannedTexts(Community community, List<SharedAction> own, double scale, Dictionary<long, SignificantEdge> edgeOf)
    {
        var verdict = Evaluate(community, own, scale, edgeOf);
        if (!verdict.Passed || verdict.CannedTextsSetAside == 0)
        {
            return verdict;
        }
        var counted = Evaluate(community, own, scale, edgeOf, setAsideCannedTexts: false);
        return counted.Passed || WithoutSelfPacedPosts(own).Count == own.Count ? verdict : counted;
    }
}
