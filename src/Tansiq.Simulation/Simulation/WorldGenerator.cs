using System.Globalization;
using System.Text;
using Tansiq.Core.Model;

namespace Tansiq.Core.Simulation;

/// <summary>
/// Generates the world of the seed case: organic users with friend groups and viral moments, a leader and his fans,
/// an electronic army in squads with its commander and producers, journalists and activists it swarms and reports,
/// militia leaders reported by a Telegram petition, abusive accounts reported by people who saw them, and stray reports.
/// Pure and deterministic: the same parameters and seed give the same world.
/// </summary>
public static partial class WorldGenerator
{
    public static World Generate(WorldParameters parameters, int seed)
    {
        parameters.Validate();
        return new Builder(parameters, seed).Build();
    }

    private sealed class Acc
    {
        public int Index;
        public string Id = "";
        public string Username = "";
        public long CreatedAt;
        public long Followers;
        public long Following;
        public AccountRole Role;
        public int Squad = -1;
        public int FriendGroup = -1;
        public bool FastFan;
        public double ShiftHours;
        public bool Reported;
        /// <summary>Scenario accounts: the group id written as truth's squad (human squads, operators, relays, games, publishers).</summary>
        public string? Group;
        /// <summary>Scenario accounts: the coordinated behaviour written to truth (null for the seed world's roles).</summary>
        public string? Behaviour;
        public bool Sleeper;
    }

    private sealed class Post
    {
        public int Author;
        public double Time;
        public int RepostOf = -1;
        public int ReplyTo = -1;
        public string Text = "";
        public string[] Urls = [];
        public string[] Hashtags = [];
        public string[] Mentions = [];
        public int TieBreak;
    }

    private sealed class Squad
    {
        public required string Name;
        public List<int> Members = [];
        public double LatencyMedian;
        public int ShiftFrom;
        public int ShiftTo;
    }

    private sealed record RawReport(int Reporter, int Target, double Time, string Reason);

    private sealed partial class Builder(WorldParameters p, int seed)
    {
        private readonly Random _rng = new(seed);
        private readonly List<Acc> _accounts = [];
        private readonly List<Post> _posts = [];
        private readonly List<RawReport> _reports = [];
        private readonly HashSet<long> _followKeys = [];
        private readonly HashSet<long> _reposted = [];
        private readonly List<(int Follower, int Followee)> _follows = [];
        private readonly HashSet<string> _usernames = new(StringComparer.Ordinal);
        private readonly HashSet<long> _ids = [];
        private readonly List<Squad> _squads = [];
        private readonly List<ReportedTarget> _reported = [];
        private readonly List<ReportCampaign> _campaigns = [];
        private readonly Dictionary<int, string> _friendGroupNames = [];

        private long End => p.Start + (long)Math.Round(p.Days * 86400);

        /// <summary>The parameters, for the scenario parts of this class (src/Tansiq.Simulation/Simulation/Scenarios).</summary>
        private WorldParameters Params => p;

        private int _leader = -1;
        private int _commander = -1;
        private readonly List<int> _producers = [];
        private readonly List<int> _journalists = [];
        private readonly List<int> _activists = [];
        private readonly List<int> _militia = [];
        private readonly List<int> _organic = [];
        private readonly List<int> _fans = [];
        private readonly List<int> _army = [];
        private readonly List<int> _brigade = [];
        private readonly List<int> _abusive = [];
        private readonly List<List<int>> _friendGroups = [];

        // originals that people repost or reply to, by popularity of the author
        private readonly List<int> _pool = [];
        private WeightedSampler? _poolSampler;
        private readonly List<int> _leaderPosts = [];
        private readonly List<int> _commanderPosts = [];
        private readonly List<int> _journalistCriticalPosts = [];
        private readonly List<int> _criticReplies = [];

        public World Build()
        {
            CreateAccounts();
            CreateFriendGroups();
            CreateFollows();
            CreateOriginals();
            // the orchestrated and the zealous first: an account reposts a post at most once, so their timing wins
            CreateFanReactions();
            if (_army.Count > 0)
            {
                CreateArmyActivity();
                CreateArmyReporting();
            }
            CreateOrganicReactions();
            CreateFriendReactions();
            CreateViralMoments();
            if (p.Scenarios is not null)
            {
                CreateScenarios(p.Scenarios);
            }
            CreatePetition();
            CreateAbuse();
            CreateNoiseReports();
            return Assemble();
        }

        // ---------------------------------------------------------------- accounts

        private int NewAccount(AccountRole role, long followers, long following, long createdAt, bool armyStyleName = false)
        {
            long id;
            do
            {
                id = _rng.NextInt64(100_000_000L, 9_999_999_999L);
            }
            while (!_ids.Add(id));
            var acc = new Acc
            {
                Index = _accounts.Count,
                Id = id.ToString(CultureInfo.InvariantCulture),
                Username = NewUsername(armyStyleName),
                CreatedAt = createdAt,
                Followers = followers,
                Following = following,
                Role = role,
                ShiftHours = _rng.Uniform(-1.5, 1.5),
            };
            _accounts.Add(acc);
            return acc.Index;
        }

        private string NewUsername(bool armyStyle)
        {
            while (true)
            {
                var first = _rng.Pick(ArabicText.FirstNames);
                var last = _rng.Pick(ArabicText.Surnames);
                var name = armyStyle
                    ? $"{first}{_rng.Next(10_000_000, 99_999_999)}"
                    : _rng.Next(4) switch
                    {
                        0 => $"{first}_{last}",
                        1 => $"{first}.{last}{_rng.Next(1, 100)}",
                        2 => $"{first}{_rng.Next(1970, 2006)}",
                        _ => $"{last}_{first}{_rng.Next(1, 1000)}",
                    };
                if (_usernames.Add(name))
                {
                    return name;
                }
            }
        }

        private long OldCreatedAt(double minYearsBefore = 0.5, double maxYearsBefore = 12) =>
            p.Start - (long)(_rng.Uniform(minYearsBefore, maxYearsBefore) * 365.25 * 86400);

        private long OrganicFollowers() => (long)_rng.Pareto(p.OrganicFollowersMin, p.OrganicFollowersAlpha, p.OrganicFollowersCap);

        private void CreateAccounts()
        {
            _leader = NewAccount(AccountRole.Leader, p.LeaderFollowers, _rng.Next(0, 30), OldCreatedAt(8, 11));
            var armySize = p.Scaled(p.ArmySize, Math.Max(2, p.Squads * 2));
            if (armySize > 0)
            {
                _commander = NewAccount(AccountRole.Commander, p.CommanderFollowers, _rng.Next(50, 400), OldCreatedAt(1.5, 4));
                for (var i = 0; i < p.Producers; i++)
                {
                    _producers.Add(NewAccount(AccountRole.Producer, (long)_rng.LogNormal(800, 0.8), (long)_rng.LogNormal(600, 0.5), OldCreatedAt(1, 2)));
                }
            }
            for (var i = 0; i < p.Journalists; i++)
            {
                var followers = (long)Math.Exp(_rng.Uniform(Math.Log(p.JournalistFollowersMin), Math.Log(p.JournalistFollowersMax)));
                _journalists.Add(NewAccount(AccountRole.Journalist, followers, (long)_rng.LogNormal(700, 0.6), OldCreatedAt(3, 11)));
            }
            for (var i = 0; i < p.Activists; i++)
            {
                var followers = (long)Math.Exp(_rng.Uniform(Math.Log(p.ActivistFollowersMin), Math.Log(p.ActivistFollowersMax)));
                _activists.Add(NewAccount(AccountRole.Journalist, followers, (long)_rng.LogNormal(400, 0.6), OldCreatedAt(1, 6)));
            }
            for (var i = 0; i < p.MilitiaLeaders; i++)
            {
                var followers = (long)Math.Exp(_rng.Uniform(Math.Log(p.MilitiaFollowersMin), Math.Log(p.MilitiaFollowersMax)));
                _militia.Add(NewAccount(AccountRole.MilitiaLeader, followers, _rng.Next(5, 200), OldCreatedAt(2, 9)));
            }
            var organic = p.Scaled(p.OrganicAccounts, 10);
            for (var i = 0; i < organic; i++)
            {
                _organic.Add(NewAccount(AccountRole.Organic, OrganicFollowers(), (long)_rng.LogNormal(p.OrganicFollowingMedian, 0.9), OldCreatedAt(0.2, 12)));
            }
            var fans = p.Scaled(p.Fans);
            for (var i = 0; i < fans; i++)
            {
                var index = NewAccount(AccountRole.Fan, OrganicFollowers(), (long)_rng.LogNormal(p.OrganicFollowingMedian * 1.3, 0.8), OldCreatedAt(0.3, 10));
                _accounts[index].FastFan = _rng.Chance(p.FastFanShare);
                _fans.Add(index);
            }
            if (armySize > 0)
            {
                CreateArmy(armySize);
            }
            var petition = p.Scaled(p.PetitionParticipants);
            var call = PetitionCallTime();
            for (var i = 0; i < petition; i++)
            {
                var created = _rng.Chance(p.PetitionFreshShare)
                    ? (long)(call - (_rng.Uniform(0.1, p.PetitionFreshMaxDaysBefore) * 86400))
                    : OldCreatedAt(0.3, 10);
                var followers = created > p.Start - (30 * 86400) ? _rng.Next(0, 25) : OrganicFollowers();
                _brigade.Add(NewAccount(AccountRole.Brigade, followers, (long)_rng.LogNormal(120, 1.0), created));
            }
            var abusive = p.Scaled(p.AbusiveAccounts);
            for (var i = 0; i < abusive; i++)
            {
                var followers = (long)Math.Exp(_rng.Uniform(Math.Log(p.AbusiveFollowersMin), Math.Log(p.AbusiveFollowersMax)));
                _abusive.Add(NewAccount(AccountRole.Abusive, followers, (long)_rng.LogNormal(300, 0.8), OldCreatedAt(0.2, 6)));
            }
        }

        private double PetitionCallTime() => Math.Floor(p.Start + (p.PetitionCallFraction * p.Days * 86400));

        private void CreateArmy(int armySize)
        {
            // uneven squads: weights in [0.6, 1.4], every squad at least two members
            var squads = Math.Min(p.Squads, armySize / 2);
            var weights = new double[squads];
            for (var s = 0; s < squads; s++)
            {
                weights[s] = _rng.Uniform(0.6, 1.4);
            }
            var total = weights.Sum();
            var sizes = weights.Select(w => Math.Max(2, (int)Math.Floor(armySize * w / total))).ToArray();
            var diff = armySize - sizes.Sum();
            for (var i = 0; diff != 0; i = (i + 1) % squads)
            {
                if (diff > 0)
                {
                    sizes[i]++;
                    diff--;
                }
                else if (sizes[i] > 2)
                {
                    sizes[i]--;
                    diff++;
                }
            }
            for (var s = 0; s < squads; s++)
            {
                var shiftFrom = (9 + (s * 24 / squads) + _rng.Next(3)) % 24;
                var squad = new Squad
                {
                    Name = $"s{s + 1}",
                    LatencyMedian = _rng.Uniform(p.SquadLatencyMinSeconds, p.SquadLatencyMaxSeconds),
                    ShiftFrom = shiftFrom,
                    ShiftTo = (shiftFrom + 8) % 24,
                };
                _squads.Add(squad);
                var batches = Math.Max(1, Math.Min(p.ArmyBatchesPerSquad, sizes[s]));
                var batchTimes = new long[batches];
                for (var b = 0; b < batches; b++)
                {
                    batchTimes[b] = p.Start - (long)(_rng.Uniform(p.ArmyCreatedLatestDaysBefore, p.ArmyCreatedEarliestDaysBefore) * 86400);
                }
                for (var m = 0; m < sizes[s]; m++)
                {
                    var created = batchTimes[m % batches] + (long)_rng.Uniform(0, p.ArmyBatchSpreadSeconds);
                    var index = NewAccount(AccountRole.Army, (long)_rng.LogNormal(60, 1.0), (long)_rng.LogNormal(700, 0.5), created, armyStyleName: _rng.Chance(0.7));
                    _accounts[index].Squad = s;
                    if (p.Scenarios is { SleeperShare: > 0 } sleepers)
                    {
                        _accounts[index].Sleeper = _rng.Chance(sleepers.SleeperShare);
                    }
                    squad.Members.Add(index);
                    _army.Add(index);
                }
            }
        }

        private void CreateFriendGroups()
        {
            var candidates = new List<int>(_organic);
            candidates.AddRange(_fans);
            _rng.Shuffle(candidates);
            var inGroups = (int)Math.Round(candidates.Count * p.FriendGroupShare);
            var next = 0;
            while (inGroups - next >= p.FriendGroupMin)
            {
                var size = Math.Min(_rng.Next(p.FriendGroupMin, p.FriendGroupMax + 1), inGroups - next);
                var group = candidates.GetRange(next, size);
                next += size;
                var g = _friendGroups.Count;
                _friendGroups.Add(group);
                _friendGroupNames[g] = $"g{g + 1}";
                foreach (var member in group)
                {
                    _accounts[member].FriendGroup = g;
                }
            }
        }

        // ---------------------------------------------------------------- follows

        /// <summary>Two non-negative ints as one long, scrambled by an odd multiplier (a bijection) because
        /// <see cref="long.GetHashCode"/> XORs the halves: small ids would all collide into a few thousand buckets.</summary>
        private static long PairKey(int a, int b) => unchecked((((long)a << 32) | (uint)b) * -7046029254386353131L);

        private void AddFollow(int follower, int followee)
        {
            if (follower != followee && _followKeys.Add(PairKey(follower, followee)))
            {
                _follows.Add((follower, followee));
            }
        }

        private void CreateFollows()
        {
            var weights = _accounts.Select(a => Math.Pow(Math.Min(a.Followers, 200_000) + 1, 0.85)).ToArray();
            var popular = new WeightedSampler(weights);
            // campaign reporters have no exposure to their targets: that is what their reports lack
            var petitionTargets = new HashSet<int>(_militia) { _leader };
            var armyTargets = new HashSet<int>(_journalists.Concat(_activists));
            void FollowPopular(int who, double mean, HashSet<int>? never = null)
            {
                var n = _rng.Poisson(mean);
                for (var i = 0; i < n; i++)
                {
                    var followee = popular.Next(_rng);
                    if (never is null || !never.Contains(followee))
                    {
                        AddFollow(who, followee);
                    }
                }
            }
            foreach (var list in new[] { _organic, _fans, _abusive, _journalists, _activists })
            {
                foreach (var a in list)
                {
                    FollowPopular(a, p.OrganicFollowsMean);
                }
            }
            foreach (var a in _brigade)
            {
                FollowPopular(a, p.OrganicFollowsMean, petitionTargets);
            }
            foreach (var f in _fans)
            {
                AddFollow(f, _leader);
                if (_commander >= 0 && _rng.Chance(0.5))
                {
                    AddFollow(f, _commander);
                }
            }
            foreach (var group in _friendGroups)
            {
                foreach (var a in group)
                {
                    foreach (var b in group)
                    {
                        if (a != b && _rng.Chance(0.9))
                        {
                            AddFollow(a, b);
                        }
                    }
                }
            }
            foreach (var j in _journalists)
            {
                foreach (var k in _journalists)
                {
                    AddFollow(j, k);
                }
            }
            foreach (var squad in _squads)
            {
                foreach (var a in squad.Members)
                {
                    AddFollow(a, _leader);
                    AddFollow(a, _commander);
                    foreach (var producer in _producers)
                    {
                        AddFollow(a, producer);
                    }
                    foreach (var b in squad.Members)
                    {
                        if (a != b && _rng.Chance(0.6))
                        {
                            AddFollow(a, b);
                        }
                    }
                    FollowPopular(a, p.OrganicFollowsMean * 0.5, armyTargets);
                }
            }
            foreach (var producer in _producers)
            {
                AddFollow(producer, _leader);
                AddFollow(producer, _commander);
            }
        }

        // ---------------------------------------------------------------- posts

        private int AddPost(Post post)
        {
            post.TieBreak = _rng.Next();
            _posts.Add(post);
            return _posts.Count - 1;
        }

        private bool InPeriod(double t) => t >= p.Start && t < End;

        private string Mention(int account) => "@" + _accounts[account].Username;

        private int Original(int author, double time, string text, string[]? hashtags = null, string[]? urls = null)
        {
            hashtags ??= [];
            urls ??= [];
            var sb = new StringBuilder(text);
            foreach (var h in hashtags)
            {
                sb.Append(" #").Append(h);
            }
            foreach (var u in urls)
            {
                sb.Append(' ').Append(u);
            }
            return AddPost(new Post { Author = author, Time = time, Text = sb.ToString(), Hashtags = hashtags, Urls = urls });
        }

        /// <summary>A repost at the given time; returns -1 when the time falls outside the period or before the account existed.</summary>
        private int Repost(int who, int original, double time)
        {
            time = Math.Floor(time);
            var o = _posts[original];
            if (!InPeriod(time) || time <= o.Time || who == o.Author || time < _accounts[who].CreatedAt
                || !_reposted.Add(PairKey(who, original)))
            {
                return -1;
            }
            var author = _accounts[o.Author];
            return AddPost(new Post
            {
                Author = who,
                Time = time,
                RepostOf = original,
                Text = $"RT @{author.Username}: {o.Text}",
                Mentions = [author.Username],
            });
        }

        private int Reply(int who, int target, double time, string text, string[]? hashtags = null)
        {
            time = Math.Floor(time);
            var o = _posts[target];
            if (!InPeriod(time) || time <= o.Time || who == o.Author || time < _accounts[who].CreatedAt)
            {
                return -1;
            }
            hashtags ??= [];
            var author = _accounts[o.Author];
            var sb = new StringBuilder().Append('@').Append(author.Username).Append(' ').Append(text);
            foreach (var h in hashtags)
            {
                sb.Append(" #").Append(h);
            }
            return AddPost(new Post
            {
                Author = who,
                Time = time,
                ReplyTo = target,
                Text = sb.ToString(),
                Hashtags = hashtags,
                Mentions = [author.Username],
            });
        }

        private double HumanTime(int who) => DailyRhythm.Draw(_rng, Math.Max(p.Start, _accounts[who].CreatedAt), DaysFrom(who), _accounts[who].ShiftHours);

        private double DaysFrom(int who)
        {
            var from = Math.Max(p.Start, _accounts[who].CreatedAt);
            return Math.Max(1.0 / 24, (End - from) / 86400.0);
        }

        private double HumanDelay() => Math.Max(20, _rng.LogNormal(p.HumanDelayMedianSeconds, p.HumanDelaySigma));

        private string NewsUrl()
        {
            var url = "https://" + _rng.Pick(ArabicText.NewsDomains) + _rng.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);
            return _rng.Chance(0.2) ? url + "?utm_source=twitter&utm_medium=social" : url;
        }

        private string[] OrganicHashtags() =>
            _rng.Chance(p.OrganicHashtagShare)
                ? (_rng.Chance(0.8) ? new[] { _rng.Pick(ArabicText.OrganicHashtags) } : [_rng.Pick(ArabicText.OrganicHashtags), _rng.Pick(ArabicText.OrganicHashtags)]).Distinct().ToArray()
                : [];

        private int OrganicOriginal(int who, double time)
        {
            if (!_rng.Chance(p.OrganicLinkShare))
            {
                return Original(who, time, ArabicText.OrganicSentence(_rng), OrganicHashtags());
            }
            if (_rng.Chance(p.NewsStoryShare))
            {
                // a story in the news: people share it in the hours after it breaks, so popular links crowd together
                var (url, published) = _stories[_storySampler.Next(_rng)];
                var at = Math.Floor(published + 30 + _rng.LogNormal(p.NewsShareDelayMedianSeconds, 1.2));
                if (InPeriod(at) && at >= _accounts[who].CreatedAt)
                {
                    return Original(who, at, ArabicText.OrganicSentence(_rng), OrganicHashtags(), [url]);
                }
            }
            return Original(who, time, ArabicText.OrganicSentence(_rng), OrganicHashtags(), [NewsUrl()]);
        }

        private List<(string Url, double Published)> _stories = [];
        private WeightedSampler _storySampler = new([1.0]);

        private void CreateNewsStories()
        {
            var n = Math.Max(1, p.NewsStories);
            _stories = new List<(string, double)>(n);
            var weights = new double[n];
            for (var i = 0; i < n; i++)
            {
                var url = "https://" + _rng.Pick(ArabicText.NewsDomains) + _rng.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);
                _stories.Add((url, DailyRhythm.Draw(_rng, p.Start, p.Days)));
                weights[i] = 1.0 / Math.Pow(i + 1, p.NewsStoryZipf);
            }
            _storySampler = new WeightedSampler(weights);
        }

        private readonly List<(int Who, int Reposts, int Replies)> _pendingReactions = [];

        private void CreateOriginals()
        {
            CreateNewsStories();
            // organic chatter by everyone who is a real person, plus the army's camouflage
            void Chatter(int who, double ratePerDay)
            {
                var rate = ratePerDay * _rng.LogNormal(1, p.OrganicActionsPerDaySigma) / Math.Exp(p.OrganicActionsPerDaySigma * p.OrganicActionsPerDaySigma / 2);
                var n = _rng.Poisson(rate * DaysFrom(who));
                int posts = 0, reposts = 0, replies = 0;
                for (var i = 0; i < n; i++)
                {
                    var x = _rng.NextDouble();
                    if (x < p.OrganicPostShare)
                    {
                        posts++;
                    }
                    else if (x < p.OrganicPostShare + p.OrganicRepostShare)
                    {
                        reposts++;
                    }
                    else
                    {
                        replies++;
                    }
                }
                for (var i = 0; i < posts; i++)
                {
                    var id = OrganicOriginal(who, HumanTime(who));
                    _pool.Add(id);
                }
                _pendingReactions.Add((who, reposts, replies));
            }
            foreach (var list in new[] { _organic, _fans })
            {
                foreach (var a in list)
                {
                    Chatter(a, p.OrganicActionsPerDayMedian * Math.Exp(p.OrganicActionsPerDaySigma * p.OrganicActionsPerDaySigma / 2));
                }
            }
            foreach (var a in _brigade)
            {
                Chatter(a, p.PetitionActionsPerDay);
            }
            foreach (var a in _army)
            {
                Chatter(a, _accounts[a].Sleeper ? p.ArmyNoiseActionsPerDay * SleeperActivityFactor : p.ArmyNoiseActionsPerDay);
            }
            foreach (var j in _journalists.Concat(_activists))
            {
                var n = _rng.Poisson(p.JournalistPostsPerDay * p.Days);
                for (var i = 0; i < n; i++)
                {
                    var critical = _rng.Chance(p.JournalistCriticalShare);
                    var id = critical
                        ? Original(j, HumanTime(j), ArabicText.Compose(_rng, ArabicText.CriticPhrases, 1, 2, 0.1), _rng.Chance(0.4) ? ["العراق"] : null, _rng.Chance(0.3) ? [NewsUrl()] : null)
                        : OrganicOriginal(j, HumanTime(j));
                    _pool.Add(id);
                    if (critical)
                    {
                        _journalistCriticalPosts.Add(id);
                    }
                }
            }
            foreach (var m in _militia)
            {
                var n = _rng.Poisson(p.MilitiaPostsPerDay * p.Days);
                for (var i = 0; i < n; i++)
                {
                    _pool.Add(Original(m, HumanTime(m), ArabicText.Compose(_rng, ArabicText.MilitiaBodies, 1, 2, 0.2)));
                }
            }
            var leaderPosts = _rng.Poisson(p.LeaderPostsPerDay * p.Days);
            for (var i = 0; i < leaderPosts; i++)
            {
                var text = $"{_rng.Pick(ArabicText.LeaderOpenings)} {_rng.Pick(ArabicText.LeaderBodies)} {_rng.Pick(ArabicText.LeaderClosings)}".Trim();
                var id = Original(_leader, DailyRhythm.DrawInShift(_rng, p.Start, p.Days, 8, 23), text);
                _leaderPosts.Add(id);
                _pool.Add(id);
            }
            if (_commander >= 0)
            {
                var n = _rng.Poisson(p.CommanderPostsPerDay * p.Days);
                for (var i = 0; i < n; i++)
                {
                    var text = ArabicText.Compose(_rng, ArabicText.CommanderBodies, 1, 1, 0.3) + " " + _rng.Pick(ArabicText.LeaderBodies);
                    var id = Original(_commander, DailyRhythm.DrawInShift(_rng, p.Start, p.Days, 9, 24), text,
                        _rng.Chance(0.5) ? [_rng.Pick(ArabicText.CampaignHashtagPool)] : null);
                    _commanderPosts.Add(id);
                    _pool.Add(id);
                }
            }
            var weights = _pool.Select(i => Math.Pow(Math.Min(_accounts[_posts[i].Author].Followers, 50_000) + 10, 0.8)).ToArray();
            _poolSampler = new WeightedSampler(weights);
        }

        private void CreateOrganicReactions()
        {
            foreach (var (who, reposts, replies) in _pendingReactions)
            {
                for (var i = 0; i < reposts + replies; i++)
                {
                    var original = _pool[_poolSampler!.Next(_rng)];
                    if (_posts[original].Author == _leader && _accounts[who].Role is AccountRole.Fan or AccountRole.Army)
                    {
                        // fans and the army meet the leader's posts live (above), not by chance days later
                        continue;
                    }
                    var time = _posts[original].Time + HumanDelay();
                    if (i < reposts)
                    {
                        Repost(who, original, time);
                    }
                    else
                    {
                        Reply(who, original, time, ArabicText.OrganicSentence(_rng, 2, 9));
                    }
                }
            }
            _pendingReactions.Clear();
        }

        private void CreateFriendReactions()
        {
            // originals by group members, collected before adding reactions
            var byAuthor = new Dictionary<int, List<int>>();
            for (var i = 0; i < _posts.Count; i++)
            {
                var post = _posts[i];
                if (post.RepostOf < 0 && post.ReplyTo < 0 && _accounts[post.Author].FriendGroup >= 0)
                {
                    if (!byAuthor.TryGetValue(post.Author, out var list))
                    {
                        byAuthor[post.Author] = list = [];
                    }
                    list.Add(i);
                }
            }
            foreach (var group in _friendGroups)
            {
                foreach (var author in group)
                {
                    if (!byAuthor.TryGetValue(author, out var posts))
                    {
                        continue;
                    }
                    foreach (var post in posts)
                    {
                        foreach (var friend in group)
                        {
                            if (friend == author)
                            {
                                continue;
                            }
                            var t = _posts[post].Time;
                            if (_rng.Chance(p.FriendRepostProbability))
                            {
                                Repost(friend, post, t + Math.Max(15, _rng.LogNormal(p.FriendDelayMedianSeconds, p.FriendDelaySigma)));
                            }
                            if (_rng.Chance(p.FriendReplyProbability))
                            {
                                Reply(friend, post, t + Math.Max(15, _rng.LogNormal(p.FriendDelayMedianSeconds, p.FriendDelaySigma)), ArabicText.OrganicSentence(_rng, 1, 6));
                            }
                        }
                    }
                }
            }
        }

        private void CreateViralMoments()
        {
            var candidates = new List<int>();
            foreach (var i in _pool)
            {
                var role = _accounts[_posts[i].Author].Role;
                if (role is AccountRole.Organic or AccountRole.Fan && _posts[i].Time < End - p.ViralWindowSeconds)
                {
                    candidates.Add(i);
                }
            }
            var strangers = new List<int>(_organic);
            strangers.AddRange(_fans);
            var crowd = Math.Min(p.Scaled(p.ViralReposters), strangers.Count - 1);
            for (var v = 0; v < p.ViralMoments && candidates.Count > 0; v++)
            {
                var post = _rng.Pick(candidates);
                var author = _accounts[_posts[post].Author];
                foreach (var k in _rng.Distinct(strangers.Count, crowd))
                {
                    var who = strangers[k];
                    if (who == author.Index || (author.FriendGroup >= 0 && _accounts[who].FriendGroup == author.FriendGroup))
                    {
                        continue;
                    }
                    double delay;
                    do
                    {
                        delay = 1 + _rng.Exponential(p.ViralDelayMeanSeconds);
                    }
                    while (delay > p.ViralWindowSeconds);
                    Repost(who, post, _posts[post].Time + delay);
                }
            }
        }

        private double FanDelay(Acc fan) => fan.FastFan
            ? Math.Clamp(_rng.LogNormal(p.FastFanDelayMedianSeconds, p.FastFanDelaySigma), 3, 59)
            : Math.Max(60, _rng.LogNormal(p.FanDelayMedianSeconds, p.FanDelaySigma));

        private void CreateFanReactions()
        {
            foreach (var post in _leaderPosts)
            {
                var t = _posts[post].Time;
                foreach (var f in _fans)
                {
                    if (_rng.Chance(p.FanRepostProbability))
                    {
                        Repost(f, post, t + FanDelay(_accounts[f]));
                    }
                }
                // critics answer the leader; the fans pile on them
                var critics = _rng.Poisson(p.CriticRepliesPerLeaderPost);
                for (var c = 0; c < critics; c++)
                {
                    var critic = _rng.Pick(_organic);
                    var reply = Reply(critic, post, t + HumanDelay(), ArabicText.Compose(_rng, ArabicText.CriticPhrases, 1, 2, 0));
                    if (reply >= 0)
                    {
                        _criticReplies.Add(reply);
                    }
                }
            }
            foreach (var post in _commanderPosts)
            {
                foreach (var f in _fans)
                {
                    if (_rng.Chance(p.FanCommanderRepostProbability))
                    {
                        Repost(f, post, _posts[post].Time + Math.Max(60, _rng.LogNormal(p.FanDelayMedianSeconds * 3, p.FanDelaySigma)));
                    }
                }
            }
            var pileOn = Math.Max(1, (int)Math.Round(_fans.Count * p.FanPileOnShare));
            foreach (var target in _criticReplies.Concat(_journalistCriticalPosts))
            {
                if (_fans.Count == 0)
                {
                    break;
                }
                foreach (var k in _rng.Distinct(_fans.Count, pileOn))
                {
                    var text = ArabicText.Compose(_rng, ArabicText.FanPileOnPhrases, 1, 3, 0.4);
                    Reply(_fans[k], target, _posts[target].Time + Math.Max(30, _rng.LogNormal(p.PileOnDelayMedianSeconds, 1.0)), text);
                }
            }
        }

        // ---------------------------------------------------------------- the army

        /// <summary>A squad carries out an order given at <paramref name="trigger"/>: after the squad's relay, each member who
        /// takes part acts after a jitter of seconds. Squads skip some orders and members skip some actions.</summary>
        private void SquadAct(Squad squad, double trigger, double relayMedian, double jitterMean, Action<int, double> act)
        {
            if (!_rng.Chance(p.SquadActProbability))
            {
                return;
            }
            var relay = _rng.LogNormal(relayMedian, 0.4);
            foreach (var member in squad.Members)
            {
                if (_rng.Chance(_accounts[member].Sleeper ? p.Scenarios!.SleeperParticipation : p.MemberParticipation))
                {
                    act(member, trigger + relay + 1 + _rng.Exponential(jitterMean));
                }
            }
        }

        private static bool InShift(Squad squad, double time)
        {
            var localHour = (int)(((time + DailyRhythm.BaghdadOffsetSeconds) % 86400) / 3600);
            return squad.ShiftFrom < squad.ShiftTo
                ? localHour >= squad.ShiftFrom && localHour < squad.ShiftTo
                : localHour >= squad.ShiftFrom || localHour < squad.ShiftTo;
        }

        private List<Squad> PickSquads(int count)
        {
            var order = _rng.Distinct(_squads.Count, Math.Min(count, _squads.Count));
            return order.Select(i => _squads[i]).ToList();
        }

        private void CreateArmyActivity()
        {
            // amplify the leader and the commander within seconds
            // (a squad works its shift: outside it, it joins only some of the time, which is what sets squads apart)
            foreach (var post in _leaderPosts.Concat(_commanderPosts))
            {
                foreach (var squad in _squads)
                {
                    if (InShift(squad, _posts[post].Time) || _rng.Chance(p.OffShiftProbability))
                    {
                        SquadAct(squad, _posts[post].Time, squad.LatencyMedian, p.MemberJitterSeconds, (m, t) => Repost(m, post, t));
                    }
                }
            }
            // obscure campaign posts by producers, pushed by a few squads
            var strangers = _organic;
            foreach (var producer in _producers)
            {
                var n = _rng.Poisson(p.ProducerPostsPerDay * p.Days);
                for (var i = 0; i < n; i++)
                {
                    var squads = PickSquads(p.SquadsPerCampaignPost);
                    var t = DailyRhythm.DrawInShift(_rng, p.Start, p.Days, squads[0].ShiftFrom, squads[0].ShiftTo);
                    var tags = _rng.Chance(0.7) ? new[] { CampaignHashtag(_rng.Next(CampaignHashtagCount)) } : null;
                    var post = Original(producer, t, _rng.Pick(ArabicText.CampaignBodies), tags);
                    foreach (var squad in squads)
                    {
                        SquadAct(squad, t, squad.LatencyMedian, p.MemberJitterSeconds, (m, time) => Repost(m, post, time));
                    }
                    var stray = _rng.Poisson(p.CampaignPostOrganicReposts);
                    for (var s = 0; s < stray; s++)
                    {
                        Repost(_rng.Pick(strangers), post, t + HumanDelay());
                    }
                }
            }
            CreateFloods();
            CreateFakeNews();
            CreateSwarms();
        }

        private int CampaignHashtagCount => Math.Max(1, Math.Min(p.CampaignHashtags, ArabicText.CampaignHashtagPool.Length));

        private static string CampaignHashtag(int k) => ArabicText.CampaignHashtagPool[k];

        private void CreateFloods()
        {
            for (var f = 0; f < p.HashtagFloods; f++)
            {
                var squads = PickSquads(1 + _rng.Next(2));
                var t = DailyRhythm.DrawInShift(_rng, p.Start, p.Days, squads[0].ShiftFrom, squads[0].ShiftTo);
                var tag = CampaignHashtag(f % CampaignHashtagCount);
                var extra = _rng.Chance(0.5) ? CampaignHashtag(_rng.Next(CampaignHashtagCount)) : null;
                var tags = extra is null || extra == tag ? new[] { tag } : [tag, extra];
                var body = _rng.Pick(ArabicText.CampaignBodies);
                foreach (var squad in squads)
                {
                    SquadAct(squad, t, squad.LatencyMedian * 2, p.FloodSpreadSeconds, (m, time) =>
                    {
                        var copies = 1 + (_rng.Chance(p.FloodPostsPerMember - 1) ? 1 : 0) + (int)Math.Max(0, Math.Floor(p.FloodPostsPerMember) - 1);
                        for (var c = 0; c < copies; c++)
                        {
                            var at = Math.Floor(time + (c * _rng.Uniform(20, 200)));
                            if (!InPeriod(at))
                            {
                                continue;
                            }
                            var exact = _rng.Chance(p.FloodExactCopyShare);
                            var text = exact ? body : ArabicText.Variant(_rng, body);
                            var order = (string[])tags.Clone();
                            if (!exact && order.Length > 1 && _rng.Chance(0.5))
                            {
                                Array.Reverse(order);
                            }
                            Original(m, at, text, order);
                        }
                    });
                }
                // trend theatre: ordinary people join the trending tag with their own words
                var joiners = p.Scaled(p.FloodOrganicJoiners);
                for (var j = 0; j < joiners; j++)
                {
                    var who = _rng.Pick(_organic);
                    var at = Math.Floor(t + 300 + _rng.Exponential(3 * 3600));
                    if (InPeriod(at) && at >= _accounts[who].CreatedAt)
                    {
                        _pool.Add(Original(who, at, ArabicText.OrganicSentence(_rng), [tag]));
                    }
                }
            }
        }

        private string FakeNewsUrl(string domain, int article, int style) => style switch
        {
            0 => $"https://{domain}/news/{article}",
            1 => $"http://www.{domain}/news/{article}/",
            2 => $"https://{domain}/news/{article}?utm_source=twitter&utm_campaign=c{article % 97}",
            _ => $"https://www.{domain}/news/{article}",
        };

        private void CreateFakeNews()
        {
            for (var k = 0; k < p.FakeNewsPushes; k++)
            {
                var squads = PickSquads(1 + _rng.Next(2));
                var t = DailyRhythm.DrawInShift(_rng, p.Start, p.Days, squads[0].ShiftFrom, squads[0].ShiftTo);
                var domain = _rng.Pick(ArabicText.FakeNewsDomains);
                var article = _rng.Next(10_000, 99_999);
                var headline = _rng.Pick(ArabicText.FakeNewsHeadlines);
                if (_producers.Count > 0)
                {
                    Original(_rng.Pick(_producers), t, headline, null, [FakeNewsUrl(domain, article, 0)]);
                }
                foreach (var squad in squads)
                {
                    SquadAct(squad, t, squad.LatencyMedian * 2, p.FakeNewsSpreadSeconds, (m, time) =>
                    {
                        if (InPeriod(Math.Floor(time)))
                        {
                            var text = _rng.Chance(0.5) ? headline : ArabicText.Variant(_rng, headline);
                            Original(m, Math.Floor(time), text, null, [FakeNewsUrl(domain, article, _rng.Next(4))]);
                        }
                    });
                }
            }
        }

        private void CreateSwarms()
        {
            foreach (var post in _journalistCriticalPosts)
            {
                if (!_rng.Chance(p.SwarmProbability))
                {
                    continue;
                }
                var squads = PickSquads(_rng.Chance(0.25) ? 2 : 1);
                var accusation = _rng.Pick(ArabicText.Accusations);
                foreach (var squad in squads)
                {
                    SquadAct(squad, _posts[post].Time, p.SwarmRelayMedianSeconds, p.SwarmSpreadSeconds, (m, time) =>
                        Reply(m, post, time, _rng.Chance(0.4) ? accusation : ArabicText.Variant(_rng, accusation),
                            _rng.Chance(0.5) ? [CampaignHashtag(_rng.Next(CampaignHashtagCount))] : null));
                }
            }
        }

        private void CreateArmyReporting()
        {
            var targets = new List<int>(_activists);
            targets.AddRange(_journalists);
            if (targets.Count == 0 || p.ArmyReportCampaigns <= 0)
            {
                return;
            }
            var next = 0;
            for (var c = 0; c < p.ArmyReportCampaigns; c++)
            {
                var campaignTargets = new List<int>();
                var count = c % 2 == 0 ? 1 : 2;
                for (var k = 0; k < count && next < targets.Count; k++)
                {
                    campaignTargets.Add(targets[next++]);
                }
                if (campaignTargets.Count == 0)
                {
                    break;
                }
                var id = $"c{_campaigns.Count + 1}";
                var t = Math.Floor(p.Start + ((c + 1.0) / (p.ArmyReportCampaigns + 1) * p.Days * 86400) + _rng.Uniform(-6, 6) * 3600);
                t = Math.Clamp(t, p.Start, End - 3600);
                // the commander names the targets: the order is public
                Original(_commander, t, "بلغوا عن هذه الحسابات المسيئة " + string.Join(' ', campaignTargets.Select(Mention)),
                    [ArabicText.CampaignHashtagPool[2]]);
                var reason = _rng.Pick(new[] { "fake_account", "hateful_conduct", "spam" });
                var participants = new HashSet<int>();
                void Take(int who)
                {
                    foreach (var target in campaignTargets)
                    {
                        var at = t + 60 + _rng.LogNormal(p.ReportDelayMedianSeconds, p.ReportDelaySigma);
                        if (at < End && at >= _accounts[who].CreatedAt)
                        {
                            _reports.Add(new RawReport(who, target, Math.Floor(at), _rng.Chance(0.85) ? reason : "abuse"));
                            participants.Add(who);
                        }
                    }
                }
                foreach (var m in _army)
                {
                    if (_rng.Chance(p.ArmyReportParticipation))
                    {
                        Take(m);
                    }
                }
                foreach (var f in _fans)
                {
                    if (_rng.Chance(p.FanReportShare))
                    {
                        Take(f);
                    }
                }
                foreach (var target in campaignTargets)
                {
                    _accounts[target].Reported = true;
                    _reported.Add(new ReportedTarget(_accounts[target].Id, ReportLabel.BrigadedInnocent, id));
                }
                _campaigns.Add(new ReportCampaign(id, CampaignKind.ArmyReporting, participants.Count, campaignTargets.Select(x => _accounts[x].Id).ToList()));
            }
        }

        // ---------------------------------------------------------------- reports by others

        private void CreatePetition()
        {
            var targets = new List<int>(_militia);
            if (p.PetitionTargetsLeader)
            {
                targets.Add(_leader);
            }
            if (_brigade.Count == 0 || targets.Count == 0)
            {
                return;
            }
            var id = $"c{_campaigns.Count + 1}";
            var call = PetitionCallTime();
            var participants = 0;
            foreach (var who in _brigade)
            {
                var chosen = targets.Where(_ => _rng.Chance(p.PetitionTargetProbability)).ToList();
                if (chosen.Count == 0)
                {
                    chosen.Add(_rng.Pick(targets));
                }
                var start = call + _rng.LogNormal(p.PetitionDelayMedianSeconds, p.PetitionDelaySigma);
                var any = false;
                foreach (var target in chosen)
                {
                    var at = Math.Floor(start + _rng.Uniform(5, 120));
                    if (at < End && at >= _accounts[who].CreatedAt)
                    {
                        _reports.Add(new RawReport(who, target, at, "violence"));
                        any = true;
                    }
                }
                participants += any ? 1 : 0;
            }
            foreach (var target in targets)
            {
                _accounts[target].Reported = true;
                _reported.Add(new ReportedTarget(_accounts[target].Id, ReportLabel.PetitionTarget, id));
            }
            _campaigns.Add(new ReportCampaign(id, CampaignKind.Petition, participants, targets.Select(x => _accounts[x].Id).ToList()));
        }

        private void CreateAbuse()
        {
            var victims = new List<int>(_organic);
            victims.AddRange(_fans);
            foreach (var a in _abusive)
            {
                // the abusive account harasses people in replies; some of them, and some of its followers, report it
                var exposed = new List<(int Who, double Since)>();
                var n = Math.Max(1, _rng.Poisson(p.AbusivePostsPerDay * p.Days));
                for (var i = 0; i < n; i++)
                {
                    var target = _pool[_poolSampler!.Next(_rng)];
                    var time = _posts[target].Time + HumanDelay();
                    var reply = Reply(a, target, time, ArabicText.Compose(_rng, ArabicText.AbusivePhrases, 1, 3, 0.2));
                    if (reply >= 0)
                    {
                        exposed.Add((_posts[target].Author, _posts[reply].Time));
                    }
                }
                var reports = _rng.Next(p.AbusiveReportsMin, p.AbusiveReportsMax + 1);
                var reporters = new HashSet<int> { a };
                var made = 0;
                for (var attempt = 0; attempt < reports * 4 && made < reports; attempt++)
                {
                    int who;
                    double since;
                    if (exposed.Count > 0 && _rng.Chance(0.5))
                    {
                        (who, since) = _rng.Pick(exposed);
                        if (_accounts[who].Role is not (AccountRole.Organic or AccountRole.Fan))
                        {
                            continue;
                        }
                    }
                    else
                    {
                        // a follower who saw its posts in the timeline
                        who = _rng.Pick(victims);
                        since = p.Start + _rng.Uniform(0, p.Days * 86400 * 0.8);
                        AddFollow(who, a);
                    }
                    if (!reporters.Add(who))
                    {
                        continue;
                    }
                    var at = Math.Floor(since + _rng.LogNormal(6 * 3600, 1.2));
                    if (at < End)
                    {
                        _reports.Add(new RawReport(who, a, at, _rng.Chance(0.6) ? "abuse" : "harassment"));
                        made++;
                    }
                }
                _accounts[a].Reported = true;
                _reported.Add(new ReportedTarget(_accounts[a].Id, ReportLabel.Abusive, null));
            }
        }

        private void CreateNoiseReports()
        {
            var candidates = new List<int>(_organic);
            candidates.AddRange(_fans);
            var reasons = new[] { "spam", "abuse", "fake_account", "hateful_conduct", "other" };
            var targets = p.Scaled(p.NoiseTargets);
            var made = 0;
            for (var attempt = 0; attempt < targets * 4 && made < targets; attempt++)
            {
                var target = _rng.Pick(candidates);
                if (_accounts[target].Reported)
                {
                    continue;
                }
                var n = 1 + _rng.Next(p.NoiseReportsMax);
                var reporters = new HashSet<int> { target };
                for (var i = 0; i < n; i++)
                {
                    var who = _rng.Pick(_organic);
                    if (reporters.Add(who))
                    {
                        _reports.Add(new RawReport(who, target, Math.Floor(p.Start + _rng.Uniform(0, p.Days * 86400)), _rng.Pick(reasons)));
                    }
                }
                _accounts[target].Reported = true;
                _reported.Add(new ReportedTarget(_accounts[target].Id, ReportLabel.Noise, null));
                made++;
            }
        }

        // ---------------------------------------------------------------- output

        private World Assemble()
        {
            // message ids increase with time, like snowflakes
            // times are whole seconds: sort on (time, random tie-break) packed into one long
            var order = Enumerable.Range(0, _posts.Count).ToArray();
            var keys = new long[_posts.Count];
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = ((long)_posts[i].Time << 31) | (uint)_posts[i].TieBreak;
            }
            Array.Sort(keys, order);
            var ids = new string[_posts.Count];
            for (var rank = 0; rank < order.Length; rank++)
            {
                var post = _posts[order[rank]];
                var snowflake = (((long)(post.Time * 1000) - 1288834974657L) << 22) + (rank & 0x3FFFFF);
                ids[order[rank]] = snowflake.ToString(CultureInfo.InvariantCulture);
            }
            var messages = new List<Message>(_posts.Count);
            foreach (var i in order)
            {
                var post = _posts[i];
                var author = _accounts[post.Author];
                messages.Add(new Message
                {
                    MessageId = ids[i],
                    AccountId = author.Id,
                    Username = author.Username,
                    RepostOf = post.RepostOf >= 0 ? ids[post.RepostOf] : null,
                    ReplyTo = post.ReplyTo >= 0 ? ids[post.ReplyTo] : null,
                    Text = post.Text,
                    // most research exports stamp posts to the minute; ids keep their order
                    Timestamp = p.Scenarios is { CoarseTimestamps: true } ? Math.Floor(post.Time / 60) * 60 : post.Time,
                    Urls = post.Urls,
                    Hashtags = post.Hashtags,
                    Mentions = post.Mentions,
                    Lang = "ar",
                    Platform = "twitter",
                });
            }

            var byId = Enumerable.Range(0, _accounts.Count).ToArray();
            Array.Sort(byId, (a, b) => string.CompareOrdinal(_accounts[a].Id, _accounts[b].Id));
            var rankOf = new int[_accounts.Count];
            for (var r = 0; r < byId.Length; r++)
            {
                rankOf[byId[r]] = r;
            }
            var accounts = byId.Select(i => _accounts[i]).Select(a => new SimAccount
            {
                AccountId = a.Id,
                Username = a.Username,
                CreatedAt = a.CreatedAt,
                FollowersCount = a.Followers,
                FollowingCount = a.Following,
                Role = a.Role,
                Squad = SquadName(a),
                FriendGroup = a.FriendGroup >= 0 ? _friendGroupNames[a.FriendGroup] : null,
                FastFan = a.FastFan,
                Behaviour = a.Behaviour,
                Sleeper = a.Sleeper,
            }).ToList();

            var followKeys = _follows.Select(f => ((long)rankOf[f.Follower] << 32) | (uint)rankOf[f.Followee]).ToArray();
            Array.Sort(followKeys);
            var follows = followKeys.Select(k => new Follow(accounts[(int)(k >> 32)].AccountId, accounts[(int)(k & 0xFFFFFFFF)].AccountId)).ToList();

            var reportOrder = Enumerable.Range(0, _reports.Count).OrderBy(i => _reports[i].Time).ThenBy(i => i).ToList();
            var reports = new List<UserReport>(_reports.Count);
            foreach (var i in reportOrder)
            {
                var r = _reports[i];
                reports.Add(new UserReport($"r{reports.Count + 1}", _accounts[r.Reporter].Id, _accounts[r.Target].Id, (long)r.Time, r.Reason));
            }

            var truth = new GroundTruth
            {
                Seed = seed,
                Scale = p.Scale,
                Days = p.Days,
                Start = p.Start,
                Parameters = ParameterList(p),
                Accounts = accounts.Select(a => new TruthAccount(a.AccountId, a.Role, a.Squad, a.FriendGroup, a.FastFan) { Behaviour = a.Behaviour, Sleeper = a.Sleeper }).ToList(),
                Reported = _reported.OrderBy(r => r.TargetId, StringComparer.Ordinal).ToList(),
                Campaigns = _campaigns,
            };
            return new World
            {
                Parameters = p,
                Accounts = accounts,
                Messages = messages,
                Follows = follows,
                Reports = reports,
                Truth = truth,
            };
        }

        private string? SquadName(Acc a) => a.Role switch
        {
            AccountRole.Army => a.Group ?? _squads[a.Squad].Name,
            AccountRole.Producer => "producers",
            _ => a.Group,
        };
    }

    /// <summary>Every parameter by name, in declaration order (for truth.json); scenario parameters, when set, follow
    /// with the prefix "Scenario" (a world without them lists exactly the seed world's parameters).</summary>
    public static IReadOnlyList<KeyValuePair<string, object>> ParameterList(WorldParameters parameters)
    {
        var list = Properties(typeof(WorldParameters))
            .Where(prop => prop.PropertyType != typeof(ScenarioParameters))
            .Select(prop => new KeyValuePair<string, object>(prop.Name, prop.GetValue(parameters)!))
            .ToList();
        if (parameters.Scenarios is { } scenarios)
        {
            list.AddRange(Properties(typeof(ScenarioParameters))
                .Select(prop => new KeyValuePair<string, object>("Scenario" + prop.Name, prop.GetValue(scenarios)!)));
        }
        return list;
    }

    private static IEnumerable<System.Reflection.PropertyInfo> Properties(Type type) =>
        type.GetProperties()
            .Where(prop => prop.CanRead && prop.GetIndexParameters().Length == 0 && prop.Name != "EqualityContract")
            .OrderBy(prop => prop.MetadataToken);
}
