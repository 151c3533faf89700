using System.Globalization;

namespace Tansiq.Core.Simulation;

public static partial class WorldGenerator
{
    /// <summary>
    /// The scenario behaviours (off by default; see <see cref="ScenarioParameters"/>): coordination at other time scales
    /// than the seed world's scheduler squads (human squads, operator-run sockpuppets, relays, hashtag games) and hard
    /// negatives (breaking-news hashtags, publisher pages). They run after the seed world is built, on the same random
    /// stream, so a world without scenarios draws exactly what it drew before they existed.
    /// </summary>
    private sealed partial class Builder
    {
        private double SleeperActivityFactor => Params.Scenarios?.SleeperActivity ?? 1;

        private void CreateScenarios(ScenarioParameters s)
        {
            for (var k = 0; k < s.HumanSquads; k++)
            {
                CreateHumanSquad(s, k);
            }
            RunHumanOrders(s);
            for (var k = 0; k < s.Operators; k++)
            {
                CreateOperator(s, k);
            }
            for (var k = 0; k < s.Relays; k++)
            {
                CreateRelay(s, k);
            }
            for (var k = 0; k < s.HashtagGameGroups; k++)
            {
                CreateHashtagGames(s, k);
            }
            for (var k = 0; k < s.BreakingNewsTags; k++)
            {
                CreateBreakingNews(s, k);
            }
            for (var k = 0; k < s.Publishers; k++)
            {
                CreatePublisher(s, k);
            }
        }

        // ---------------------------------------------------------------- helpers

        private double LogUniform(double min, double max) => Math.Exp(_rng.Uniform(Math.Log(min), Math.Log(max)));

        private int LogUniformInt(int min, int max) => Math.Clamp((int)Math.Floor(LogUniform(min, max + 1.0)), min, max);

        private int ScenarioAccount(AccountRole role, string group, string behaviour, bool fakeLike)
        {
            var created = fakeLike ? OldCreatedAt(0.1, 2) : OldCreatedAt(0.3, 10);
            var index = fakeLike
                ? NewAccount(role, (long)_rng.LogNormal(80, 1.0), (long)_rng.LogNormal(600, 0.6), created, armyStyleName: _rng.Chance(0.5))
                : NewAccount(role, OrganicFollowers(), (long)_rng.LogNormal(Params.OrganicFollowingMedian, 0.9), created);
            var acc = _accounts[index];
            acc.Group = group;
            acc.Behaviour = behaviour;
            return index;
        }

        /// <summary>An ordinary-looking life around the coordinated acts: own posts and reposts at human times and delays.</summary>
        private void Camouflage(int who, double actionsPerDay)
        {
            var n = _rng.Poisson(actionsPerDay * DaysFrom(who));
            for (var i = 0; i < n; i++)
            {
                if (_rng.Chance(0.5) || _poolSampler is null || _pool.Count == 0)
                {
                    OrganicOriginal(who, HumanTime(who));
                }
                else
                {
                    var original = _pool[_poolSampler.Next(_rng)];
                    Repost(who, original, _posts[original].Time + HumanDelay());
                }
            }
        }

        private int RandomPoolPost() => _pool[_poolSampler!.Next(_rng)];

        private string NewHashtag(string prefix)
        {
            var a = _rng.Pick(ArabicText.OrganicWords);
            var b = _rng.Pick(ArabicText.OrganicWords);
            return $"{prefix}{a}_{b}{_rng.Next(10, 1000).ToString(CultureInfo.InvariantCulture)}";
        }

        private double SquadTime() => DailyRhythm.Draw(_rng, Params.Start, Params.Days);

        // ---------------------------------------------------------------- human squads

        private sealed class HumanSquad
        {
            public required string Name;
            public List<int> Members = [];
            public List<double> Participation = [];
            public double Spread;
            public string Hashtag = "";
        }

        private readonly List<HumanSquad> _humanSquads = [];

        private void CreateHumanSquad(ScenarioParameters s, int k)
        {
            var squad = new HumanSquad
            {
                Name = $"h{k + 1}",
                Spread = LogUniform(s.HumanSpreadMinSeconds, s.HumanSpreadMaxSeconds),
                Hashtag = NewHashtag(""),
            };
            var size = LogUniformInt(s.HumanSquadSizeMin, s.HumanSquadSizeMax);
            for (var m = 0; m < size; m++)
            {
                // real people (or people running real-looking accounts) who take orders from a chat group
                var index = ScenarioAccount(AccountRole.Army, squad.Name, Behaviours.HumanSquad, fakeLike: _rng.Chance(0.3));
                var sleeper = _rng.Chance(s.SleeperShare);
                _accounts[index].Sleeper = sleeper;
                squad.Members.Add(index);
                squad.Participation.Add(sleeper ? s.SleeperParticipation : _rng.Uniform(s.HumanParticipationMin, s.HumanParticipationMax));
                _army.Add(index);
                Camouflage(index, Params.ArmyNoiseActionsPerDay * (sleeper ? s.SleeperActivity : 1));
            }
            _humanSquads.Add(squad);
        }

        /// <summary>A member's delay after an order: lognormal (median a quarter of the squad's spread), within the spread.</summary>
        private double HumanMemberDelay(ScenarioParameters s, HumanSquad squad)
        {
            for (var attempt = 0; attempt < 8; attempt++)
            {
                var d = _rng.LogNormal(squad.Spread / 4, s.HumanDelaySigma);
                if (d >= 5 && d <= squad.Spread)
                {
                    return d;
                }
            }
            return _rng.Uniform(5, Math.Max(6, squad.Spread));
        }

        private void RunHumanOrders(ScenarioParameters s)
        {
            foreach (var squad in _humanSquads)
            {
                var orders = _rng.Poisson(s.HumanOrdersPerDay * Params.Days);
                for (var o = 0; o < orders; o++)
                {
                    var squads = new List<HumanSquad> { squad };
                    if (_humanSquads.Count > 1 && _rng.Chance(s.HumanSharedOrderShare))
                    {
                        var other = _rng.Pick(_humanSquads);
                        if (other != squad)
                        {
                            squads.Add(other);
                        }
                    }
                    var x = _rng.NextDouble();
                    if (x < s.HumanCopyTextShare)
                    {
                        // "post this": a text handed out in the chat group, pasted with small edits or none
                        var t = SquadTime();
                        var text = _rng.Pick(ArabicText.CampaignBodies);
                        foreach (var sq in squads)
                        {
                            ForMembers(sq, (m, delay) =>
                            {
                                var at = Math.Floor(t + delay);
                                if (InPeriod(at))
                                {
                                    Original(m, at, _rng.Chance(0.4) ? text : ArabicText.Variant(_rng, text), [sq.Hashtag]);
                                }
                            });
                        }
                        continue;
                    }
                    int post;
                    var own = x < s.HumanCopyTextShare + s.HumanOwnPostShare;
                    if (own)
                    {
                        // a member posts; the group is told to push it
                        var author = _rng.Pick(squad.Members);
                        post = Original(author, HumanTime(author), _rng.Chance(0.5) ? _rng.Pick(ArabicText.CampaignBodies) : ArabicText.OrganicSentence(_rng),
                            _rng.Chance(0.6) ? [squad.Hashtag] : null);
                    }
                    else
                    {
                        // someone else's post: the leader's, a politician's, an ordinary account's
                        post = _leaderPosts.Count > 0 && _rng.Chance(0.3) ? _rng.Pick(_leaderPosts) : RandomPoolPost();
                    }
                    var order = _posts[post].Time + _rng.LogNormal(300, 1.0);
                    foreach (var sq in squads)
                    {
                        ForMembers(sq, (m, delay) => Repost(m, post, order + delay));
                    }
                    if (own && _organic.Count > 0)
                    {
                        // a squad's own post is also met by a few strangers, as campaign posts are
                        var stray = _rng.Poisson(Params.CampaignPostOrganicReposts);
                        for (var k = 0; k < stray; k++)
                        {
                            Repost(_rng.Pick(_organic), post, _posts[post].Time + HumanDelay());
                        }
                    }
                }
            }
        }

        private void ForMembers(HumanSquad squad, Action<int, double> act)
        {
            var s = Params.Scenarios!;
            for (var i = 0; i < squad.Members.Count; i++)
            {
                if (_rng.Chance(squad.Participation[i]))
                {
                    act(squad.Members[i], HumanMemberDelay(s, squad));
                }
            }
        }

        // ---------------------------------------------------------------- operator-run sockpuppets

        private void CreateOperator(ScenarioParameters s, int k)
        {
            var group = $"o{k + 1}";
            var count = _rng.Next(s.OperatorAccountsMin, s.OperatorAccountsMax + 1);
            var accounts = new List<int>();
            for (var i = 0; i < count; i++)
            {
                var index = ScenarioAccount(AccountRole.Sockpuppet, group, Behaviours.Sockpuppets, fakeLike: _rng.Chance(0.6));
                accounts.Add(index);
                Camouflage(index, 0.3);
            }
            var actions = LogUniformInt(s.OperatorActionsMin, s.OperatorActionsMax);
            var order = new List<int>(accounts);
            for (var a = 0; a < actions; a++)
            {
                _rng.Shuffle(order);
                if (_rng.Chance(s.OperatorRepostShare))
                {
                    var post = RandomPoolPost();
                    var t = _posts[post].Time + HumanDelay();
                    foreach (var who in order)
                    {
                        Repost(who, post, t);
                        t += OperatorGap(s);
                    }
                }
                else
                {
                    var text = _rng.Chance(0.5) ? ArabicText.OrganicSentence(_rng, 6, 16) : _rng.Pick(ArabicText.CampaignBodies);
                    var tags = _rng.Chance(0.4) ? new[] { _rng.Pick(ArabicText.OrganicHashtags) } : null;
                    var t = HumanTime(order[0]);
                    foreach (var who in order)
                    {
                        var at = Math.Floor(t);
                        if (InPeriod(at))
                        {
                            Original(who, at, who == order[0] || !_rng.Chance(s.OperatorVariantShare) ? text : ArabicText.Variant(_rng, text), tags);
                        }
                        t += OperatorGap(s);
                    }
                }
            }
        }

        private double OperatorGap(ScenarioParameters s) => _rng.Chance(s.OperatorLongGapShare)
            ? _rng.Uniform(s.OperatorGapMaxSeconds, s.OperatorLongGapMaxSeconds)
            : _rng.Uniform(s.OperatorGapMinSeconds, s.OperatorGapMaxSeconds);

        // ---------------------------------------------------------------- relays

        private void CreateRelay(ScenarioParameters s, int k)
        {
            var group = $"r{k + 1}";
            var length = LogUniformInt(s.RelayLengthMin, s.RelayLengthMax);
            var chain = new List<int>();
            for (var i = 0; i < length; i++)
            {
                var index = ScenarioAccount(AccountRole.Relay, group, Behaviours.Relay, fakeLike: _rng.Chance(0.5));
                chain.Add(index);
                Camouflage(index, 0.4);
            }
            var hopMedian = LogUniform(s.RelayHopMinSeconds, s.RelayHopMaxSeconds);
            var events = _rng.Next(s.RelayEventsMin, s.RelayEventsMax + 1);
            for (var e = 0; e < events; e++)
            {
                var kind = _rng.Next(3);
                var t = SquadTime();
                var text = _rng.Chance(0.5) ? _rng.Pick(ArabicText.CampaignBodies) : ArabicText.OrganicSentence(_rng, 6, 14);
                var url = kind == 2 ? "https://" + _rng.Pick(ArabicText.FakeNewsDomains) + "/r/" + _rng.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture) : null;
                var seedPost = kind == 1 ? RandomPoolPost() : -1;
                if (seedPost >= 0)
                {
                    t = Math.Max(t, _posts[seedPost].Time + 60);
                }
                var first = true;
                foreach (var who in chain)
                {
                    if (!first && !_rng.Chance(s.RelayParticipation))
                    {
                        continue;
                    }
                    if (!first)
                    {
                        t += Math.Clamp(_rng.LogNormal(hopMedian, 0.4), s.RelayHopMinSeconds, s.RelayHopMaxSeconds);
                    }
                    first = false;
                    var at = Math.Floor(t);
                    if (!InPeriod(at))
                    {
                        break;
                    }
                    switch (kind)
                    {
                        case 0:
                            // each copies the text of the one before, sometimes with an edit: the text drifts along the chain
                            text = _rng.Chance(0.3) ? ArabicText.Variant(_rng, text) : text;
                            Original(who, at, text);
                            break;
                        case 1:
                            Repost(who, seedPost, at);
                            break;
                        default:
                            Original(who, at, _rng.Chance(0.5) ? text : ArabicText.Variant(_rng, text), null, [url!]);
                            break;
                    }
                }
            }
        }

        // ---------------------------------------------------------------- hashtag games

        private void CreateHashtagGames(ScenarioParameters s, int k)
        {
            var group = $"hg{k + 1}";
            var size = LogUniformInt(s.HashtagGamersMin, s.HashtagGamersMax);
            var gamers = new List<int>();
            for (var i = 0; i < size; i++)
            {
                var index = ScenarioAccount(AccountRole.HashtagGamer, group, Behaviours.HashtagGame, fakeLike: _rng.Chance(0.4));
                gamers.Add(index);
                Camouflage(index, 0.5);
            }
            var games = _rng.Next(s.HashtagGamesMin, s.HashtagGamesMax + 1);
            for (var g = 0; g < games; g++)
            {
                var tag = NewHashtag("لعبة_");
                var start = SquadTime();
                var hours = _rng.Uniform(s.HashtagGameHoursMin, s.HashtagGameHoursMax);
                var posted = new List<int>();
                foreach (var who in gamers)
                {
                    if (!_rng.Chance(s.HashtagGameParticipation))
                    {
                        continue;
                    }
                    var n = 1 + _rng.Next(s.HashtagGamePostsMax);
                    for (var i = 0; i < n; i++)
                    {
                        var at = Math.Floor(start + _rng.Uniform(0, hours * 3600));
                        if (InPeriod(at))
                        {
                            // every post different: the game is to riff on the tag
                            posted.Add(Original(who, at, ArabicText.OrganicSentence(_rng, 4, 12), [tag]));
                        }
                    }
                }
                // gamers boost a few of each other's entries
                foreach (var who in gamers)
                {
                    if (posted.Count > 0 && _rng.Chance(0.2))
                    {
                        var post = _rng.Pick(posted);
                        Repost(who, post, _posts[post].Time + _rng.Uniform(30, 1800));
                    }
                }
                // and a few strangers join the trending tag later with their own words
                var joiners = _rng.Poisson(5);
                for (var j = 0; j < joiners && _organic.Count > 0; j++)
                {
                    var who = _rng.Pick(_organic);
                    var at = Math.Floor(start + (hours * 3600) + _rng.Exponential(3 * 3600));
                    if (InPeriod(at) && at >= _accounts[who].CreatedAt)
                    {
                        Original(who, at, ArabicText.OrganicSentence(_rng), [tag]);
                    }
                }
            }
        }

        // ---------------------------------------------------------------- breaking news (hard negative)

        private void CreateBreakingNews(ScenarioParameters s, int k)
        {
            var crowd = new List<int>(_organic);
            crowd.AddRange(_fans);
            if (crowd.Count < 2)
            {
                return;
            }
            var tag = NewHashtag("عاجل_");
            var url = "https://" + _rng.Pick(ArabicText.NewsDomains) + _rng.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);
            var t0 = SquadTime();
            var first = _journalists.Count > 0 && _rng.Chance(0.5) ? _rng.Pick(_journalists) : _rng.Pick(crowd);
            var breaking = Original(first, t0, ArabicText.Compose(_rng, ArabicText.CriticPhrases, 1, 1, 0) + " " + ArabicText.OrganicSentence(_rng, 3, 6), [tag], [url]);
            var adopters = Math.Min(LogUniformInt(s.BreakingNewsAdoptersMin, s.BreakingNewsAdoptersMax), crowd.Count / 2);
            var mean = LogUniform(s.BreakingNewsDelayMinSeconds, s.BreakingNewsDelayMaxSeconds);
            foreach (var i in _rng.Distinct(crowd.Count, adopters))
            {
                var who = crowd[i];
                if (who == first)
                {
                    continue;
                }
                var at = Math.Floor(t0 + 5 + _rng.Exponential(mean));
                if (!InPeriod(at) || at < _accounts[who].CreatedAt)
                {
                    continue;
                }
                var x = _rng.NextDouble();
                if (x < 0.4)
                {
                    Repost(who, breaking, at);
                }
                else
                {
                    // their own words under the new tag; some with the story's link
                    Original(who, at, ArabicText.OrganicSentence(_rng, 3, 12), [tag], x < 0.6 ? [url] : null);
                }
            }
        }

        // ---------------------------------------------------------------- publisher pages (declared coordination)

        private void CreatePublisher(ScenarioParameters s, int k)
        {
            var group = $"p{k + 1}";
            // an outlet's own pages (say its main, regional and English accounts) link its own site
            var host = ArabicText.NewsDomains[k % ArabicText.NewsDomains.Length].Split('/')[0];
            var count = _rng.Next(s.PublisherAccountsMin, s.PublisherAccountsMax + 1);
            var pages = new List<int>();
            for (var i = 0; i < count; i++)
            {
                var created = OldCreatedAt(2, 12);
                var index = NewAccount(AccountRole.Publisher, (long)LogUniform(5_000, 2_000_000), _rng.Next(10, 300), created);
                _accounts[index].Group = group;
                _accounts[index].Behaviour = Behaviours.Publisher;
                pages.Add(index);
            }
            var links = _rng.Poisson(s.PublisherLinksPerDay * Params.Days);
            for (var l = 0; l < links; l++)
            {
                // the scheduler fires at one second on every page of the outlet
                var t = Math.Floor(DailyRhythm.DrawInShift(_rng, Params.Start, Params.Days, 7, 24) / 60) * 60;
                var url = $"https://{host}/{group}/{_rng.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture)}";
                var same = _rng.Chance(s.PublisherSameTextShare);
                var headline = ArabicText.OrganicSentence(_rng, 5, 12);
                var firstPost = -1;
                foreach (var page in pages)
                {
                    var id = Original(page, t + (_rng.Chance(0.2) ? 1 : 0), same ? headline : ArabicText.OrganicSentence(_rng, 5, 12), null, [url]);
                    firstPost = firstPost < 0 ? id : firstPost;
                }
                _pool.Add(firstPost);
                var readers = _rng.Poisson(3);
                for (var r = 0; r < readers && _organic.Count > 0; r++)
                {
                    Repost(_rng.Pick(_organic), firstPost, t + HumanDelay());
                }
            }
        }
    }
}
