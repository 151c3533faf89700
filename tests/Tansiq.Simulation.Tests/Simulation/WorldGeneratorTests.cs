using System.Text;
using Tansiq.Core.Simulation;

namespace Tansiq.Simulation.Tests.Simulation;

public class WorldGeneratorTests
{
    private static readonly WorldParameters Tiny = new() { Scale = 0.05 };

    // one world per parameter set, shared by the tests of this class (generation is the slow part)
    private static readonly Lazy<World> TinyWorld = new(() => WorldGenerator.Generate(Tiny, 7));

    private static string Fingerprint(World world)
    {
        var sb = new StringBuilder();
        foreach (var m in world.Messages)
        {
            sb.Append(m.MessageId).Append('|').Append(m.AccountId).Append('|').Append(m.RepostOf).Append('|').Append(m.ReplyTo).Append('|')
              .Append(m.Text).Append('|').Append(m.Timestamp).Append('|').AppendJoin(' ', m.Urls).Append('|').AppendJoin(' ', m.Hashtags).Append('\n');
        }
        foreach (var a in world.Accounts)
        {
            sb.Append(a).Append('\n');
        }
        foreach (var f in world.Follows)
        {
            sb.Append(f).Append('\n');
        }
        foreach (var r in world.Reports)
        {
            sb.Append(r).Append('\n');
        }
        return sb.ToString();
    }

    private static int Count(World world, AccountRole role) => world.Accounts.Count(a => a.Role == role);

    [Fact]
    public void Generate_SameSeed_SameWorld()
    {
        var a = WorldGenerator.Generate(Tiny, 11);
        var b = WorldGenerator.Generate(Tiny, 11);
        Assert.Equal(Fingerprint(a), Fingerprint(b));
    }

    [Fact]
    public void Generate_DifferentSeed_DifferentWorld()
    {
        var a = WorldGenerator.Generate(Tiny, 11);
        var b = WorldGenerator.Generate(Tiny, 12);
        Assert.NotEqual(Fingerprint(a), Fingerprint(b));
    }

    [Fact]
    public void Generate_TinyScale_EveryRoleWithConfiguredCount()
    {
        var w = TinyWorld.Value;
        // scale 0.05 of the defaults, rounded: 20000 -> 1000, 3000 -> 150, 300 -> 15, 4000 -> 200, 12 -> 1 (0.6 rounds up)
        Assert.Equal(1000, Count(w, AccountRole.Organic));
        Assert.Equal(150, Count(w, AccountRole.Fan));
        Assert.Equal(15, Count(w, AccountRole.Army));
        Assert.Equal(1, Count(w, AccountRole.Commander));
        Assert.Equal(3, Count(w, AccountRole.Producer));
        Assert.Equal(1, Count(w, AccountRole.Leader));
        Assert.Equal(6 + 3, Count(w, AccountRole.Journalist));
        Assert.Equal(5, Count(w, AccountRole.MilitiaLeader));
        Assert.Equal(200, Count(w, AccountRole.Brigade));
        Assert.Equal(1, Count(w, AccountRole.Abusive));
        Assert.Equal(1300000, w.Accounts.Single(a => a.Role == AccountRole.Leader).FollowersCount);
        Assert.Equal(5, w.Accounts.Where(a => a.Role == AccountRole.Army).Select(a => a.Squad).Distinct().Count());
        Assert.All(w.Accounts.Where(a => a.Role == AccountRole.Producer), a => Assert.Equal("producers", a.Squad));
        Assert.Contains(w.Accounts, a => a.FastFan);
        Assert.Contains(w.Accounts, a => a.FriendGroup is not null);
    }

    [Fact]
    public void Generate_LargerScale_MoreAccountsAndMessages()
    {
        var small = TinyWorld.Value;
        var large = WorldGenerator.Generate(Tiny with { Scale = 0.1 }, 7);
        Assert.Equal(2000, Count(large, AccountRole.Organic));
        Assert.Equal(300, Count(large, AccountRole.Fan));
        Assert.Equal(30, Count(large, AccountRole.Army));
        Assert.True(large.Messages.Count > 1.5 * small.Messages.Count, $"{large.Messages.Count} vs {small.Messages.Count}");
    }

    [Fact]
    public void Generate_NoArmy_NoArmyCommanderProducersOrArmyCampaigns()
    {
        var w = WorldGenerator.Generate(Tiny.WithoutArmy(), 7);
        Assert.Equal(0, Count(w, AccountRole.Army));
        Assert.Equal(0, Count(w, AccountRole.Commander));
        Assert.Equal(0, Count(w, AccountRole.Producer));
        Assert.DoesNotContain(w.Truth.Campaigns, c => c.Kind == CampaignKind.ArmyReporting);
        Assert.DoesNotContain(w.Truth.Reported, r => r.Label == ReportLabel.BrigadedInnocent);
        Assert.Equal(150, Count(w, AccountRole.Fan));
        Assert.Contains(w.Accounts, a => a.FastFan);
    }

    [Fact]
    public void Generate_FastFans_RepostTheLeaderWithinAMinuteNearlyEveryTime()
    {
        var w = TinyWorld.Value;
        var leader = w.Accounts.Single(a => a.Role == AccountRole.Leader).AccountId;
        var byId = w.Messages.ToDictionary(m => m.MessageId);
        var leaderPosts = w.Messages.Where(m => m.AccountId == leader && !m.IsRepost && m.ReplyTo is null).ToList();
        var fastFans = w.Accounts.Where(a => a.FastFan).Select(a => a.AccountId).ToHashSet();
        var slowFans = w.Accounts.Where(a => a.Role == AccountRole.Fan && !a.FastFan).Select(a => a.AccountId).ToHashSet();
        var fastDelays = new List<double>();
        var slowDelays = new List<double>();
        foreach (var m in w.Messages.Where(m => m.RepostOf is not null && byId[m.RepostOf].AccountId == leader))
        {
            var delay = m.Timestamp - byId[m.RepostOf!].Timestamp;
            if (fastFans.Contains(m.AccountId))
            {
                fastDelays.Add(delay);
            }
            else if (slowFans.Contains(m.AccountId))
            {
                slowDelays.Add(delay);
            }
        }
        Assert.NotEmpty(fastDelays);
        Assert.All(fastDelays, d => Assert.InRange(d, 1, 59));
        Assert.All(slowDelays, d => Assert.True(d >= 60, $"ordinary fan delay {d}"));
        // nearly everything: at least 80% of leader posts per fast fan on average (the default is 90%)
        var expected = fastFans.Count * leaderPosts.Count;
        Assert.True(fastDelays.Count >= 0.8 * expected, $"{fastDelays.Count} of {expected}");
    }

    [Fact]
    public void Generate_ArmySquads_RepostLeaderAndProducersWithinSeconds()
    {
        var w = TinyWorld.Value;
        var role = w.Accounts.ToDictionary(a => a.AccountId);
        var byId = w.Messages.ToDictionary(m => m.MessageId);
        var delays = new List<double>();
        var spreads = new List<double>();
        foreach (var group in w.Messages
            .Where(m => m.RepostOf is not null && role[m.AccountId].Role == AccountRole.Army
                && role[byId[m.RepostOf].AccountId].Role is AccountRole.Leader or AccountRole.Commander or AccountRole.Producer)
            .GroupBy(m => (m.RepostOf, role[m.AccountId].Squad)))
        {
            var original = byId[group.Key.RepostOf!].Timestamp;
            delays.AddRange(group.Select(m => m.Timestamp - original));
            if (group.Count() >= 2)
            {
                spreads.Add(group.Max(m => m.Timestamp) - group.Min(m => m.Timestamp));
            }
        }
        Assert.True(delays.Count > 100, $"{delays.Count} army reposts");
        delays.Sort();
        Assert.True(delays[delays.Count / 2] <= 30, $"median army delay {delays[delays.Count / 2]}");
        Assert.True(delays.Count(d => d <= 60) >= 0.95 * delays.Count, "95% of army reposts within a minute");
        spreads.Sort();
        Assert.True(spreads[spreads.Count / 2] <= 30, $"median squad spread {spreads[spreads.Count / 2]}");
        // not perfectly regular: jitter makes members act at different seconds
        Assert.True(spreads.Average() >= 3, $"mean squad spread {spreads.Average()}");
    }

    [Fact]
    public void Generate_ArmyMembers_CreatedInBatches()
    {
        var w = TinyWorld.Value;
        var p = Tiny;
        foreach (var squad in w.Accounts.Where(a => a.Role == AccountRole.Army).GroupBy(a => a.Squad))
        {
            // all creation times fall within ArmyBatchesPerSquad windows of ArmyBatchSpreadSeconds
            var times = squad.Select(a => a.CreatedAt).Order().ToList();
            var windows = 1;
            var windowStart = times[0];
            foreach (var t in times)
            {
                if (t - windowStart > p.ArmyBatchSpreadSeconds)
                {
                    windows++;
                    windowStart = t;
                }
            }
            Assert.InRange(windows, 1, p.ArmyBatchesPerSquad);
        }
    }

    [Fact]
    public void Generate_Messages_TimeOrderedWithResolvableReferences()
    {
        var w = TinyWorld.Value;
        var p = Tiny;
        var seen = new Dictionary<string, double>();
        var accounts = w.Accounts.Select(a => a.AccountId).ToHashSet();
        double last = double.MinValue;
        foreach (var m in w.Messages)
        {
            Assert.True(m.Timestamp >= last);
            Assert.InRange(m.Timestamp, p.Start, p.Start + (p.Days * 86400) - 1);
            Assert.Contains(m.AccountId, accounts);
            foreach (var reference in new[] { m.RepostOf, m.ReplyTo })
            {
                if (reference is not null)
                {
                    Assert.True(seen.TryGetValue(reference, out var t), $"{m.MessageId} refers to {reference} not seen before it");
                    Assert.True(t < m.Timestamp);
                }
            }
            Assert.True(seen.TryAdd(m.MessageId, m.Timestamp), $"duplicate id {m.MessageId}");
            last = m.Timestamp;
        }
    }

    [Fact]
    public void Generate_Reports_EveryTargetLabelledAndEveryLabelPresent()
    {
        var w = TinyWorld.Value;
        var labels = w.Truth.Reported.ToDictionary(r => r.TargetId, r => r.Label);
        Assert.All(w.Reports, r => Assert.True(labels.ContainsKey(r.TargetId), $"unlabelled target {r.TargetId}"));
        Assert.All(w.Truth.Reported, t => Assert.Contains(w.Reports, r => r.TargetId == t.TargetId));
        foreach (var label in Enum.GetValues<ReportLabel>())
        {
            Assert.Contains(w.Truth.Reported, r => r.Label == label);
        }
        var role = w.Accounts.ToDictionary(a => a.AccountId, a => a.Role);
        var petition = w.Truth.Campaigns.Single(c => c.Kind == CampaignKind.Petition);
        var call = Tiny.Start + (Tiny.PetitionCallFraction * Tiny.Days * 86400);
        var petitionReports = w.Reports.Where(r => role[r.ReporterId] == AccountRole.Brigade).ToList();
        Assert.All(petitionReports, r => Assert.True(r.Timestamp >= call));
        Assert.Equal(petition.Participants, petitionReports.Select(r => r.ReporterId).Distinct().Count());
        Assert.All(petition.Targets, t => Assert.True(role[t] is AccountRole.MilitiaLeader or AccountRole.Leader));
        // army campaigns target journalists and activists, and army members take part
        foreach (var c in w.Truth.Campaigns.Where(c => c.Kind == CampaignKind.ArmyReporting))
        {
            Assert.All(c.Targets, t => Assert.Equal(AccountRole.Journalist, role[t]));
            Assert.Contains(w.Reports, r => c.Targets.Contains(r.TargetId) && role[r.ReporterId] == AccountRole.Army);
        }
        Assert.All(w.Reports, r => Assert.NotEqual(r.ReporterId, r.TargetId));
    }

    [Fact]
    public void Generate_HashtagFloods_CopyPasteInSpellingVariants()
    {
        var w = TinyWorld.Value;
        var army = w.Accounts.Where(a => a.Role == AccountRole.Army).Select(a => a.AccountId).ToHashSet();
        var campaignTags = ArabicText.CampaignHashtagPool.ToHashSet();
        var floodTexts = w.Messages.Where(m => army.Contains(m.AccountId) && m.RepostOf is null && m.ReplyTo is null
            && m.Hashtags.Any(campaignTags.Contains)).Select(m => m.Text).ToList();
        Assert.True(floodTexts.Count >= 10, $"{floodTexts.Count} flood posts");
        // the same base text posted byte-identically by several accounts, and also in variants that differ
        var groups = floodTexts.GroupBy(StripVariants).Where(g => g.Count() >= 3).ToList();
        Assert.NotEmpty(groups);
        Assert.Contains(groups, g => g.Distinct().Count() >= 2);
    }

    /// <summary>An independent, rough undo of the spelling variants (not the generator's code): fold alef forms, yaa,
    /// taa marbuta; drop diacritics, tatweel, emoji, digits and hashtags; keep the first five words.</summary>
    private static string StripVariants(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text)
        {
            var folded = c switch
            {
                'أ' or 'إ' or 'آ' => 'ا',
                'ى' => 'ي',
                'ة' => 'ه',
                _ => c,
            };
            if (folded is >= '\u064B' and <= '\u0652' || folded == 'ـ')
            {
                continue;
            }
            if (folded == ' ' || folded is >= '\u0621' and <= '\u064A' || folded == '#' || folded == '_')
            {
                sb.Append(folded);
            }
        }
        var words = sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(x => !x.StartsWith('#')).Take(3);
        return string.Join(' ', words);
    }

    [Fact]
    public void Generate_ViralMoment_AThousandStrangersWithinTheHour()
    {
        var w = WorldGenerator.Generate(new WorldParameters { Scale = 0.05, ViralMoments = 1, ViralReposters = 6000 }, 3);
        // 6000 x 0.05 = 300 strangers repost one organic post within the hour
        var byId = w.Messages.ToDictionary(m => m.MessageId);
        var top = w.Messages.Where(m => m.RepostOf is not null).GroupBy(m => m.RepostOf!)
            .Select(g => (Post: g.Key, Within: g.Count(m => m.Timestamp - byId[g.Key].Timestamp <= 3600)))
            .Where(x => w.Accounts.Single(a => a.AccountId == byId[x.Post].AccountId).Role is AccountRole.Organic or AccountRole.Fan)
            .MaxBy(x => x.Within);
        Assert.InRange(top.Within, 250, 320);
    }
    [Fact]
    public void Generate_Petition_SomeParticipantsCreatedDaysBeforeTheCall()
    {
        var w = TinyWorld.Value;
        var call = Tiny.Start + (Tiny.PetitionCallFraction * Tiny.Days * 86400);
        var brigade = w.Accounts.Where(a => a.Role == AccountRole.Brigade).ToList();
        var fresh = brigade.Count(a => a.CreatedAt < call && a.CreatedAt >= call - (Tiny.PetitionFreshMaxDaysBefore * 86400));
        // 30% expected of 200: well inside 15%..45%
        Assert.InRange(fresh, 30, 90);
        var others = w.Accounts.Where(a => a.Role is AccountRole.Organic or AccountRole.Fan)
            .Count(a => a.CreatedAt >= call - (Tiny.PetitionFreshMaxDaysBefore * 86400));
        Assert.Equal(0, others);
    }

    [Fact]
    public void Generate_AbusiveReporters_WereExposedToTheAccount_CampaignReportersWereNot()
    {
        var w = TinyWorld.Value;
        var role = w.Accounts.ToDictionary(a => a.AccountId, a => a.Role);
        var follows = w.Follows.Select(f => (f.FollowerId, f.FolloweeId)).ToHashSet();
        var byId = w.Messages.ToDictionary(m => m.MessageId);
        var repliedTo = w.Messages.Where(m => m.ReplyTo is not null && role[m.AccountId] == AccountRole.Abusive)
            .Select(m => (Abuser: m.AccountId, Victim: byId[m.ReplyTo!].AccountId, m.Timestamp)).ToList();
        var abusiveReports = w.Reports.Where(r => role[r.TargetId] == AccountRole.Abusive).ToList();
        Assert.True(abusiveReports.Count >= Tiny.AbusiveReportsMin);
        Assert.All(abusiveReports, r => Assert.True(
            follows.Contains((r.ReporterId, r.TargetId)) || repliedTo.Any(x => x.Abuser == r.TargetId && x.Victim == r.ReporterId && x.Timestamp <= r.Timestamp),
            $"reporter {r.ReporterId} never saw {r.TargetId}"));
        // spread over days, not a burst
        Assert.True(abusiveReports.Max(r => r.Timestamp) - abusiveReports.Min(r => r.Timestamp) > 86400);
        var campaignReports = w.Reports.Where(r => role[r.ReporterId] is AccountRole.Army or AccountRole.Brigade).ToList();
        Assert.NotEmpty(campaignReports);
        Assert.All(campaignReports, r => Assert.DoesNotContain((r.ReporterId, r.TargetId), follows));
    }

    [Fact]
    public void Generate_FakeNewsPushes_OneArticleInSeveralUrlSpellings()
    {
        var w = TinyWorld.Value;
        var army = w.Accounts.Where(a => a.Role == AccountRole.Army).Select(a => a.AccountId).ToHashSet();
        var spellings = w.Messages.Where(m => army.Contains(m.AccountId)).SelectMany(m => m.Urls)
            .Where(u => ArabicText.FakeNewsDomains.Any(d => u.Contains(d, StringComparison.Ordinal)))
            .GroupBy(u => u.Split('/', StringSplitOptions.RemoveEmptyEntries)[3].Split('?')[0])
            .Select(g => g.Distinct().Count()).ToList();
        Assert.NotEmpty(spellings);
        Assert.Contains(spellings, n => n >= 2);
    }
}
