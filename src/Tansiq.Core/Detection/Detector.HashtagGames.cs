using Tansiq.Core.CoAction;
using Tansiq.Core.Model;

namespace Tansiq.Core.Detection;

public sealed partial class Detector
{
    /// <summary>
    /// A hashtag game's players riff on a new tag for an hour or three, each making several entries, and a group plays
    /// a few games a week with about two thirds of its players in each. A player of one game shares a single object
    /// with the others: no pair edge, no second burst, so neither the pair test nor <see cref="ExtendMembers"/> (two
    /// bursts) can take it in, and in the fuzzed worlds those were most of the players missed (seed-2 worlds 42 and 84:
    /// 34 of 40 and 26 of 31; the rest played no game at all). What it shares is the game itself. A cluster judged a hashtag game at hours
    /// therefore takes in the accounts outside every cluster that play one of its games as its players do: on a tag
    /// among its synchronous objects (a tag the cluster owns, used by at most
    /// <see cref="DetectOptions.SlowScaleMaxParticipants"/> accounts), at least <see cref="DetectOptions.MinMemberObjects"/>
    /// entries inside the game's burst (within the cluster's spread limit of its members' first and last entries), on a
    /// game where at least half of the burst's members made that many entries themselves. Repeated entries are what
    /// sets a player apart from a passer-by: someone who sees a game trending and joins in once has posted under a tag,
    /// as thousands do under a breaking-news tag; someone who keeps making entries while it is played is playing it.
    /// An account that used the tag once, or only after the game (the fuzzer's strangers join hours later), is not taken
    /// in. The evidence says how many joined this way (<c>game_players</c>).
    /// </summary>
    private void ExtendGamePlayers(Corpus corpus, List<Community> communities)
    {
        var o = _options;
        var taken = new HashSet<int>(communities.SelectMany(c => c.Kept));
        var entries = new Dictionary<int, int>();
        foreach (var c in communities.Where(c => c.Passed))
        {
            var v = c.Verdict!;
            if (v.Scale <= o.MaxPostScale * o.Window || KindOf(v, v.Kept.Count) != "hashtag game")
            {
                continue;
            }
            var players = new HashSet<int>();
            foreach (var s in v.Synchronous)
            {
                if (s.Shared.Signal != SignalKind.CoHashtag || s.Shared.Participants > o.SlowScaleMaxParticipants)
                {
                    continue;
                }
                var (lo, hi) = BurstTimes(s);
                entries.Clear();
                foreach (var e in corpus.Signals[SignalKind.CoHashtag].EventsOf(s.Shared.Object))
                {
                    if (Math.Max(hi, e.Time) - Math.Min(lo, e.Time) <= v.SpreadLimit)
                    {
                        entries[e.Account] = entries.GetValueOrDefault(e.Account) + 1;
                    }
                }
                var playing = s.Burst.Count(a => entries.GetValueOrDefault(a) >= o.MinMemberObjects);
                if (playing * 2 < s.Burst.Count)
                {
                    continue;
                }
                foreach (var (account, count) in entries.OrderBy(x => x.Key))
                {
                    if (count >= o.MinMemberObjects && !taken.Contains(account))
                    {
                        players.Add(account);
                    }
                }
            }
            foreach (var account in players.Order())
            {
                v.Kept.Add(account);
                v.PerMember[account] = v.PerMember.GetValueOrDefault(account) + 1;
                c.GamePlayers.Add(account);
                taken.Add(account);
            }
        }
    }
}
