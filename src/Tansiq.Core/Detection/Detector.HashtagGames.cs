using Tansiq.Core.CoAction;
using Tansiq.Core.Evidence;
using Tansiq.Core.Model;
using Tansiq.Core.Text;

namespace Tansiq.Core.Detection;

public sealed partial class Detector
{
    /// <summary>
    /// A hashtag game's players riff on a new tag for an hour or three, each making several entries, and a group plays
    /// a few games a week with about two thirds of its players in each. A player of one game shares a single object
    /// with the others: no pair edge, no second burst, so neither the pair test nor <see cref="ExtendMembers"/> (two
    /// bursts) can take it in, and in the fuzzed worlds those were most of the players missed (seed-2 worlds 42 and 84:
    /// 34 of 40 and 26 of 31; the rest played no game at all). What it shares is the game itself. A cluster judged a
    /// hashtag game at hours therefore takes in the accounts outside every cluster that play one of its games as its
    /// players do: on a tag among its synchronous objects (a tag the cluster owns, used by at most
    /// <see cref="DetectOptions.SlowScaleMaxParticipants"/> accounts), at least
    /// <see cref="DetectOptions.MinMemberObjects"/> entries inside the game's burst (within the cluster's spread limit
    /// of its members' first and last entries), on a game where at least half of the burst's members made that many
    /// entries themselves. Repeated entries are what sets a player apart from a passer-by: someone who sees a game
    /// trending and joins in once has posted under a tag, as thousands do under a breaking-news tag; someone who keeps
    /// making entries while it is played is playing it. An account that used the tag once, or only after the game (the
    /// fuzzer's strangers join hours later), is not taken in. The evidence says how many joined this way
    /// (<c>game_players</c>).
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
                // Within the spread limit of the burst's first and last entries, on either side (none when the burst
                // itself is wider than the limit).
                var (lo, hi) = BurstTimes(s);
                if (hi - lo > v.SpreadLimit)
                {
                    continue;
                }
                CountEntries(corpus.Signals[SignalKind.CoHashtag].EventsOf(s.Shared.Object), hi - v.SpreadLimit, lo + v.SpreadLimit, entries);
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

    /// <summary>One hashtag's game: its busiest window at hours and the accounts outside every cluster that posted in it.</summary>
    private sealed record Game(
        int Tag, int Participants, double Start, HashSet<int> InWindow, List<(int Account, double Time)> Firsts);

    /// <summary>
    /// A group that plays two games a week is found by the pair test only when its players of both games are the
    /// majority of both tags' accounts; with the players of one game and a few strangers beside them they are not
    /// (seed-2 fuzz world 41: 21 of 46 on one tag), the group's pairs share two tags each (too little for an edge that
    /// stands), and Louvain leaves fragments of three to five that own nothing. Seen as games the group is plain: the
    /// same accounts met again, hours or days later, on another new tag. A tag is a game when its busiest window at the
    /// largest scale (three hours) holds at least half of its accounts (at most
    /// <see cref="DetectOptions.SlowScaleMaxParticipants"/>), and at least half of those, and at least
    /// <see cref="DetectOptions.MinClusterSize"/>, made <see cref="DetectOptions.MinMemberObjects"/> or more entries in
    /// it: a flood of entries, not a breaking-news tag that thousands use once. Two games whose windows do not overlap
    /// are linked when more accounts outside every cluster posted in both windows than chance explains: each account of
    /// one window is in the other's by chance with probability (the other window's accounts) × (the hashtags the
    /// account used) / (the hashtags all accounts used, each account's counted once), so P[Poisson(λ) ≥ shared], λ the
    /// sum of those chances (the larger of the two directions), must be below 10^-<see cref="CoBurstBar"/> (7.66)
    /// divided by the pairs of games tested, with at least <see cref="DetectOptions.MinClusterSize"/> shared. The
    /// chance follows activity: in the German elections five accounts that post under 17-40 tags each (the mean hashtag
    /// user: 2) met on two small tags a day apart (four of the five accounts on each): 10^-13.8 against all hashtag
    /// users alike, 10^-8 with their activity counted. A group found from its games alone has no orders test beside it
    /// (its bursts carry no post time), so, as for the co-bursts judged at seconds, its evidence must reach the bar of
    /// timing and orders together. Two tags used together in the same posts (a slogan and its party) have overlapping
    /// windows and are never linked: the group must meet again. The linked games' components are the groups, and their
    /// members the accounts in the windows of two or more of the group's games. The verdict is at the largest scale,
    /// kind hashtag game, so <see cref="ExtendGamePlayers"/> then takes in its players of one game.
    /// </summary>
    private List<Community> GameGroups(Corpus corpus, List<Community> judged)
    {
        var o = _options;
        var scale = JudgedScales().Max();
        if (scale <= o.MaxPostScale * o.Window || !corpus.Signals.TryGetValue(SignalKind.CoHashtag, out var tags))
        {
            return [];
        }
        var taken = new HashSet<int>(judged.SelectMany(c => c.Kept));
        var tagsUsed = new int[corpus.AccountCount];
        var allTagsUsed = 0L;
        var games = new List<Game>();
        // A stamp per account, not a set cleared per tag: clearing a set costs the capacity the largest tag left.
        var seen = new int[corpus.AccountCount];
        var entries = new Dictionary<int, int>();
        var firsts = new List<(int Account, double Time)>();
        for (var tag = 0; tag < tags.ObjectCount; tag++)
        {
            var events = tags.EventsOf(tag);
            firsts.Clear();
            foreach (var e in events)
            {
                if (seen[e.Account] != tag + 1)
                {
                    seen[e.Account] = tag + 1;
                    if (firsts.Count <= o.SlowScaleMaxParticipants)
                    {
                        firsts.Add((e.Account, e.Time));
                    }
                    tagsUsed[e.Account]++;
                    allTagsUsed++;
                }
            }
            if (firsts.Count < o.MinClusterSize || firsts.Count > o.SlowScaleMaxParticipants)
            {
                continue;
            }
            var busiest = BusiestSpan(firsts, scale, counts: null);
            if (busiest.Count < o.MinClusterSize || busiest.Count < o.MinBurstShare * firsts.Count)
            {
                continue;
            }
            var start = firsts[busiest.Start].Time;
            CountEntries(events, start, start + scale, entries);
            var players = entries.Values.Count(n => n >= o.MinMemberObjects);
            if (players < o.MinClusterSize || players * 2 < entries.Count)
            {
                continue;
            }
            var inWindow = entries.Keys.Where(a => !taken.Contains(a)).ToHashSet();
            if (inWindow.Count >= o.MinClusterSize)
            {
                games.Add(new Game(tag, firsts.Count, start, inWindow, [.. firsts]));
            }
        }
        if (games.Count < 2)
        {
            return [];
        }
        var pairs = games.Count * (games.Count - 1) / 2.0;
        var bar = Math.Pow(10, -CoBurstBar) / pairs;
        var linked = new UnionFind(games.Count);
        var strongest = new double[games.Count];
        for (var i = 0; i < games.Count; i++)
        {
            for (var j = i + 1; j < games.Count; j++)
            {
                var (a, b) = (games[i], games[j]);
                if (Math.Abs(a.Start - b.Start) <= scale)
                {
                    continue;
                }
                var shared = a.InWindow.Count(b.InWindow.Contains);
                if (shared < o.MinClusterSize)
                {
                    continue;
                }
                var p = Poisson.UpperTail(shared, Math.Max(ChanceMeetings(a, b), ChanceMeetings(b, a)));
                if (p < bar)
                {
                    var log10P = -Math.Log10(Math.Max(p, 1e-300));
                    strongest[i] = Math.Max(strongest[i], log10P);
                    strongest[j] = Math.Max(strongest[j], log10P);
                    linked.Union(i, j);
                }
            }
        }
        double ChanceMeetings(Game a, Game b) =>
            a.InWindow.Sum(x => Math.Min(1, (double)b.InWindow.Count * tagsUsed[x] / allTagsUsed));
        var result = new List<Community>();
        foreach (var component in Enumerable.Range(0, games.Count).Where(g => strongest[g] > 0).GroupBy(linked.Find).OrderBy(g => g.Min()))
        {
            var played = new Dictionary<int, int>();
            foreach (var g in component)
            {
                foreach (var account in games[g].InWindow)
                {
                    played[account] = played.GetValueOrDefault(account) + 1;
                }
            }
            var members = played.Where(p => p.Value >= 2).Select(p => p.Key).Order().ToList();
            if (members.Count < o.MinClusterSize)
            {
                continue;
            }
            var memberSet = members.ToHashSet();
            var community = new Community();
            community.Accounts.AddRange(members);
            var synchronous = new List<SynchronousObject>();
            var spreads = new List<double>();
            foreach (var g in component)
            {
                var game = games[g];
                var actions = game.Firsts.Where(f => memberSet.Contains(f.Account)).ToList();
                var shared = new SharedAction
                {
                    Signal = SignalKind.CoHashtag,
                    Object = game.Tag,
                    Participants = game.Participants,
                    Acting = actions.Count,
                    Author = -1,
                    Owner = -1,
                    BeyondChance = true,
                };
                shared.Actions.AddRange(actions);
                community.Own.Add(shared);
                var burst = game.InWindow.Where(memberSet.Contains).ToHashSet();
                if (burst.Count >= 2)
                {
                    synchronous.Add(new SynchronousObject(shared, burst));
                    var times = actions.Where(x => burst.Contains(x.Account)).Select(x => x.Time).ToList();
                    spreads.Add(times.Max() - times.Min());
                }
            }
            spreads.Sort();
            var verdict = new Verdict
            {
                Scale = scale,
                CoSelected = community.Own.Count,
                Synchronous = synchronous,
                MedianSpread = spreads.Count == 0 ? 0 : spreads[spreads.Count / 2],
                SpreadLimit = scale,
                GamesLog10P = component.Max(g => strongest[g]),
            };
            foreach (var account in members)
            {
                verdict.Kept.Add(account);
                verdict.PerMember[account] = played[account];
            }
            community.Verdict = verdict;
            result.Add(community);
        }
        return result;
    }

    /// <summary>Each account's entries (events) on one object between <paramref name="from"/> and <paramref name="to"/>, inclusive.</summary>
    private static void CountEntries(ReadOnlySpan<CoActionEvent> events, double from, double to, Dictionary<int, int> entries)
    {
        entries.Clear();
        foreach (var e in events)
        {
            if (e.Time >= from && e.Time <= to)
            {
                entries[e.Account] = entries.GetValueOrDefault(e.Account) + 1;
            }
        }
    }
}
