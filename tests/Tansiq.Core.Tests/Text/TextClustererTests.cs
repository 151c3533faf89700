using Tansiq.Core.Text;

namespace Tansiq.Core.Tests.Text;

public class TextClustererTests
{
    private static readonly NearDuplicateOptions Defaults = new();

    private static List<TextPost> Posts(params (string Text, int Account, double Time)[] rows) =>
        rows.Select((r, i) => new TextPost(i, r.Account, r.Time, r.Text)).ToList();

    [Fact]
    public void Jaccard_HandComputedSets_MatchesDefinition()
    {
        ulong[] a = [1, 2, 3, 4, 5];
        ulong[] b = [2, 3, 4, 5, 6];
        Assert.Equal(4.0 / 6.0, TokenSets.Jaccard(a, b), 12);
        Assert.True(TokenSets.IsSimilar(a, [1, 2, 3, 4], 0.8)); // 4 / 5
        Assert.False(TokenSets.IsSimilar(a, b, 0.8));
        Assert.Equal(0, TokenSets.Jaccard([], []));
    }

    [Fact]
    public void Cluster_SpellingVariantsOfOneText_OneClusterWithEarliestAsRepresentative()
    {
        var posts = Posts(
            ("نطالب بإغلاق حساب القائد فورا لأن الفساد وصل إلى كل مكان #لا_للفساد", 1, 300),
            ("نطالب بأغلاق حساب القائد فوراً لان الفسـاد وصل الى كل مكان 🔥 #لا_للفساد", 2, 100),
            ("نُطالبُ باغلاق حساب القائد فورا لأن الفساد وصل إلى كل مكان #لا_للفساد https://t.co/a", 3, 200),
            ("صباح الخير على أهل بغداد الكرام في هذا اليوم الجميل", 4, 150),
            ("مساء الخير يا أصدقاء تويتر كيف حالكم اليوم", 5, 160));
        var result = TextClusterer.Cluster(posts, Defaults);
        var cluster = Assert.Single(result.Clusters);
        Assert.Equal(3, cluster.Size);
        Assert.Equal(3, cluster.Accounts);
        Assert.Equal(1, cluster.RepresentativeMessageIndex);
        Assert.Equal(100, cluster.FirstTime);
        Assert.Equal(300, cluster.LastTime);
        Assert.Equal([0, 0, 0, -1, -1], result.ClusterOfPost);
    }

    [Fact]
    public void Cluster_OneChangedWordInLongText_StillClustered()
    {
        // 12 distinct words, one replaced: Jaccard = 11 / 13 = 0.846.
        var posts = Posts(
            ("واحد اثنان ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة احدعشر اثناعشر", 1, 0),
            ("واحد اثنان ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة احدعشر مختلفة", 2, 10));
        Assert.Equal(2, Assert.Single(TextClusterer.Cluster(posts, Defaults).Clusters).Size);
    }

    [Fact]
    public void Cluster_SimilarityBelowThreshold_NotClustered()
    {
        // 5 words each, 4 shared: Jaccard = 4 / 6 = 0.67 < 0.8.
        var posts = Posts(("الف باء تاء ثاء جيم", 1, 0), ("الف باء تاء ثاء حاء", 2, 10));
        Assert.Empty(TextClusterer.Cluster(posts, Defaults).Clusters);
    }

    [Fact]
    public void Cluster_FewerWordsThanMinWords_NotClustered()
    {
        var posts = Posts(("آمين يا رب", 1, 0), ("امين يا رب", 2, 1), ("امين يا رب", 3, 2));
        Assert.Empty(TextClusterer.Cluster(posts, Defaults with { MinWords = 4 }).Clusters);
        Assert.Single(TextClusterer.Cluster(posts, Defaults with { MinWords = 3 }).Clusters);
    }

    [Fact]
    public void Cluster_MinClusterSize_DropsSmallerClusters()
    {
        var posts = Posts(("نص الحملة الأولى هنا الآن", 1, 0), ("نص الحملة الاولى هنا الان", 2, 1), ("كلام اخر تماما لا علاقة له", 3, 2));
        Assert.Empty(TextClusterer.Cluster(posts, Defaults with { MinClusterSize = 3 }).Clusters);
    }

    [Fact]
    public void Cluster_GeneratedCampaigns_RecallAndPrecisionAgainstBruteForce()
    {
        var generated = new CampaignTextGenerator(seed: 42).Generate(2000, campaigns: 60, campaignShare: 0.4);
        var posts = generated.Select((g, i) => new TextPost(i, g.Account, g.Time, g.Text)).ToList();
        var truth = BruteForcePairs(posts, Defaults.Threshold, Defaults.MinWords);
        Assert.True(truth.Count > 5000, $"the fixture should have many near-duplicate pairs, has {truth.Count}");

        // Pair level: what the index reports (candidates from LSH, verified exactly).
        var sets = TokenSets.Build(posts.Select(p => p.Text).ToList(), 1);
        var index = NearDuplicateIndex.Build(sets, Defaults);
        var found = ExpandToPosts(index);
        var hits = found.Count(truth.Contains);
        Assert.True((double)hits / truth.Count >= 0.95, $"pair recall {(double)hits / truth.Count:F4}");
        Assert.True((double)hits / found.Count >= 0.95, $"pair precision {(double)hits / found.Count:F4}");

        // Cluster level: every true pair should end up in one cluster.
        var clusters = TextClusterer.Cluster(posts, Defaults).ClusterOfPost;
        var together = truth.Count(p => clusters[(int)(p >> 32)] >= 0 && clusters[(int)(p >> 32)] == clusters[(int)(p & 0xFFFFFFFF)]);
        Assert.True((double)together / truth.Count >= 0.95, $"cluster recall {(double)together / truth.Count:F4}");
    }

    [Fact]
    public void Cluster_GeneratedCampaigns_ClustersFollowCampaigns()
    {
        var generated = new CampaignTextGenerator(seed: 3).Generate(1500, campaigns: 30, campaignShare: 0.5, changedWordRate: 0);
        var posts = generated.Select((g, i) => new TextPost(i, g.Account, g.Time, g.Text)).ToList();
        var clusters = TextClusterer.Cluster(posts, Defaults).ClusterOfPost;
        // With spelling variants only, every copy of a campaign lands in its campaign's cluster, and no unrelated post does.
        for (var c = 0; c < 30; c++)
        {
            var ids = Enumerable.Range(0, posts.Count).Where(i => generated[i].Campaign == c).Select(i => clusters[i]).Distinct().ToList();
            if (Enumerable.Range(0, posts.Count).Count(i => generated[i].Campaign == c) >= 2)
            {
                Assert.True(ids.Count == 1 && ids[0] >= 0, $"campaign {c} split into {string.Join(",", ids)}");
            }
        }
        var strays = Enumerable.Range(0, posts.Count).Count(i => generated[i].Campaign < 0 && clusters[i] >= 0);
        Assert.True(strays <= 2, $"{strays} unrelated posts clustered");
    }

    [Fact]
    public void Cluster_SameInputDifferentParallelismOrBucketLimit_SameClusters()
    {
        var generated = new CampaignTextGenerator(seed: 9).Generate(1500, campaigns: 20, campaignShare: 0.5);
        var posts = generated.Select((g, i) => new TextPost(i, g.Account, g.Time, g.Text)).ToList();
        var one = TextClusterer.Cluster(posts, Defaults with { Parallelism = 1 });
        var two = TextClusterer.Cluster(posts, Defaults with { Parallelism = 2 });
        Assert.Equal(one.ClusterOfPost, two.ClusterOfPost);
        // Forcing the representative path for every bucket must still find the same campaigns (spelling variants
        // collapse to one word set, so the campaigns hold together through representatives too).
        var reps = TextClusterer.Cluster(posts, Defaults with { ExactBucketLimit = 2 });
        Assert.True(reps.Stats.LargeBuckets > 0);
        Assert.Equal(one.Clusters.Count, reps.Clusters.Count);
        Assert.Equal(one.Clusters.Select(c => c.Size), reps.Clusters.Select(c => c.Size));
    }

    [Fact]
    public void Build_InvalidThreshold_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TextClusterer.Cluster(Posts(("a b c", 1, 0)), Defaults with { Threshold = 1.5 }));
    }

    /// <summary>All pairs of posts, compared as sets of normalised words (strings, not hashes): the ground truth.</summary>
    private static HashSet<long> BruteForcePairs(List<TextPost> posts, double threshold, int minWords)
    {
        var sets = posts.Select(p => TextNormaliser.Normalise(p.Text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().Order(StringComparer.Ordinal).ToArray()).ToArray();
        var pairs = new HashSet<long>();
        for (var i = 0; i < sets.Length; i++)
        {
            if (sets[i].Length < minWords)
            {
                continue;
            }
            for (var j = i + 1; j < sets.Length; j++)
            {
                if (sets[j].Length < minWords)
                {
                    continue;
                }
                var common = CommonWords(sets[i], sets[j]);
                if ((double)common / (sets[i].Length + sets[j].Length - common) >= threshold)
                {
                    pairs.Add(((long)i << 32) | (uint)j);
                }
            }
        }
        return pairs;
    }

    private static int CommonWords(string[] a, string[] b)
    {
        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            var c = string.CompareOrdinal(a[i], b[j]);
            if (c == 0)
            {
                common++;
                i++;
                j++;
            }
            else if (c < 0)
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return common;
    }

    private static HashSet<long> ExpandToPosts(NearDuplicateIndex index)
    {
        var byDistinct = new Dictionary<int, List<int>>();
        for (var i = 0; i < index.DistinctOf.Length; i++)
        {
            var d = index.DistinctOf[i];
            if (d >= 0)
            {
                (byDistinct.TryGetValue(d, out var list) ? list : byDistinct[d] = []).Add(i);
            }
        }
        var result = new HashSet<long>();
        void Add(int x, int y) => result.Add(((long)Math.Min(x, y) << 32) | (uint)Math.Max(x, y));
        foreach (var members in byDistinct.Values)
        {
            for (var a = 0; a < members.Count; a++)
            {
                for (var b = a + 1; b < members.Count; b++)
                {
                    Add(members[a], members[b]);
                }
            }
        }
        foreach (var (da, db) in index.SimilarDistinctPairs())
        {
            foreach (var x in byDistinct[da])
            {
                foreach (var y in byDistinct[db])
                {
                    Add(x, y);
                }
            }
        }
        return result;
    }
}
