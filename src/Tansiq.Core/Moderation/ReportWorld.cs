namespace Tansiq.Core.Moderation;

/// <summary>What a generated reported account really is.</summary>
public enum ReportedLabel
{
    /// <summary>An innocent account hit by the army's reporting brigade.</summary>
    BrigadedInnocent,
    /// <summary>An account targeted by a petition of fresh accounts (a counter-campaign of real people).</summary>
    PetitionTarget,
    /// <summary>An account that really abuses; reported by independent people who saw its posts, over days.</summary>
    Abusive,
    /// <summary>An ordinary account with a handful of stray reports.</summary>
    Noise,
}

public sealed record ReportedTruth(int Target, ReportedLabel Label, double CampaignFraction);

public sealed record ReportWorldOptions
{
    public int Seed { get; init; } = 1;

    /// <summary>Unix seconds at which the reporting period starts.</summary>
    public long Start { get; init; } = 1_612_310_400; // 3 February 2021, the date of the report behind the case

    public int PeriodDays { get; init; } = 60;

    /// <summary>Established ordinary users (created one to eight years before the period).</summary>
    public int Population { get; init; } = 20_000;

    /// <summary>The army: half registered in batches before the period, half older hired accounts.</summary>
    public int Army { get; init; } = 2_500;

    /// <summary>Campaign size as a fraction of the target's followers; one brigade and one petition per size and fraction.</summary>
    public IReadOnlyList<double> CampaignFractions { get; init; } = [0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.5, 0.75, 1.0];

    public IReadOnlyList<long> BrigadedFollowers { get; init; } = [20, 50, 100, 200, 500, 1000, 2000];

    public IReadOnlyList<long> PetitionFollowers { get; init; } = [100, 300, 1000, 3000];

    public int AbusiveAccounts { get; init; } = 60;

    public int NoiseAccounts { get; init; } = 400;

    /// <summary>Share of brigade members who follow their target (an army stalks its opponents).</summary>
    public double ArmyFollowShare { get; init; } = 0.1;

    /// <summary>Share of petition signers who follow the target.</summary>
    public double PetitionFollowShare { get; init; } = 0.3;

    /// <summary>Share of the abusive account's reporters who saw its posts (follow, reply, mention).</summary>
    public double AbuseExposedShare { get; init; } = 0.85;

    /// <summary>Share of stray reporters who follow the account they report.</summary>
    public double NoiseFollowShare { get; init; } = 0.2;

    /// <summary>About a million reports (for the benchmark): the same kinds of account, scaled up.</summary>
    public static ReportWorldOptions Million(int seed = 1) => new()
    {
        Seed = seed,
        Population = 300_000,
        Army = 20_000,
        BrigadedFollowers = [1_000, 5_000, 20_000],
        PetitionFollowers = [1_000, 10_000, 50_000],
        AbusiveAccounts = 6_000,
        NoiseAccounts = 170_000,
    };
}

/// <summary>A generated world: accounts with their exposure, reports, and what each reported account really is.</summary>
public sealed record GeneratedReportWorld(
    ModerationWorld World,
    Report[] Reports,
    IReadOnlyList<ReportedTruth> Truth,
    IReadOnlyList<(int Follower, int Followee)> Follows,
    IReadOnlyList<(int From, int To, long Since)> Interactions);

/// <summary>
/// A small, deterministic world of reports for tests, the worked example and the sweep: an army brigading innocent
/// accounts at 1%..100% of their followers, petitions by freshly created accounts, abusive accounts reported by
/// exposed independent users over days, and stray reports.
/// </summary>
public static class ReportWorld
{
    private const long Day = 86400;

    public static GeneratedReportWorld Generate(ReportWorldOptions o)
    {
        var rng = new Random(o.Seed);
        var b = new ModerationWorldBuilder();
        var follows = new List<(int, int)>();
        var interactions = new List<(int, int, long)>();
        var reports = new List<Report>();
        var truth = new List<ReportedTruth>();
        var start = o.Start;
        var end = start + (o.PeriodDays * Day);

        var population = new int[o.Population];
        for (var i = 0; i < population.Length; i++)
        {
            population[i] = b.AddAccount($"u{i}", $"user{i}", start - (long)((365 + rng.NextDouble() * 7 * 365) * Day), (long)Math.Exp(rng.NextDouble() * 8));
        }
        var army = new int[o.Army];
        var batchStart = start - (120 * Day);
        for (var i = 0; i < army.Length; i++)
        {
            long created;
            if (i % 2 == 0)
            {
                // Registered in batches of 250 inside one hour, a few days apart.
                created = batchStart + ((i / 500) * 5 * Day) + (long)(rng.NextDouble() * 3600);
            }
            else
            {
                created = start - (long)((200 + rng.NextDouble() * 1000) * Day);
            }
            army[i] = b.AddAccount($"army{i}", $"army_{i}", created, rng.Next(0, 60));
        }

        var fresh = 0;
        void AddReport(int reporter, int target, long time) => reports.Add(new Report(reporter, target, time, reports.Count));
        void Follow(int a, int t)
        {
            b.AddFollow(a, t);
            follows.Add((a, t));
        }

        foreach (var fraction in o.CampaignFractions)
        {
            foreach (var followers in o.BrigadedFollowers)
            {
                var target = b.AddAccount($"innocent-{followers}-{fraction * 100:0}pct", null, start - (3 * 365 * Day), followers);
                truth.Add(new ReportedTruth(target, ReportedLabel.BrigadedInnocent, fraction));
                var k = (int)Math.Max(1, Math.Round(fraction * followers, MidpointRounding.AwayFromZero));
                var t0 = start + (long)(rng.NextDouble() * (end - start - Day));
                foreach (var m in Sample(rng, army, Math.Min(k, army.Length)))
                {
                    if (rng.NextDouble() < o.ArmyFollowShare)
                    {
                        Follow(m, target);
                    }
                    // A call to action: reports pour in over the next hour or two.
                    AddReport(m, target, t0 + (long)(-Math.Log(1 - rng.NextDouble()) * 1800));
                }
            }
            foreach (var followers in o.PetitionFollowers)
            {
                var target = b.AddAccount($"petition-{followers}-{fraction * 100:0}pct", null, start - (5 * 365 * Day), followers);
                truth.Add(new ReportedTruth(target, ReportedLabel.PetitionTarget, fraction));
                var k = (int)Math.Max(1, Math.Round(fraction * followers, MidpointRounding.AwayFromZero));
                var t0 = start + (long)(rng.NextDouble() * (end - start - (20 * Day)));
                for (var i = 0; i < k; i++)
                {
                    // Signers join over two weeks, most in the first days, each with an account made for the purpose.
                    var at = t0 + (long)(Math.Min(14, -Math.Log(1 - rng.NextDouble()) * 3) * Day);
                    var signer = b.AddAccount($"fresh{fresh++}", null, at - (long)(rng.NextDouble() * 10 * Day), rng.Next(0, 20));
                    if (rng.NextDouble() < o.PetitionFollowShare)
                    {
                        Follow(signer, target);
                    }
                    AddReport(signer, target, at);
                }
            }
        }

        for (var a = 0; a < o.AbusiveAccounts; a++)
        {
            var followers = (long)Math.Exp(Math.Log(100) + (rng.NextDouble() * (Math.Log(50_000) - Math.Log(100))));
            var target = b.AddAccount($"abusive-{a}", null, start - (2 * 365 * Day), followers);
            truth.Add(new ReportedTruth(target, ReportedLabel.Abusive, 0));
            var n = 15 + rng.Next(0, 41);
            var t0 = start + (long)(rng.NextDouble() * (end - start - (12 * Day)));
            var span = (2 + (rng.NextDouble() * 8)) * Day;
            foreach (var r in Sample(rng, population, n))
            {
                var at = t0 + (long)(rng.NextDouble() * span);
                if (rng.NextDouble() < o.AbuseExposedShare)
                {
                    if (rng.NextDouble() < 0.7)
                    {
                        Follow(r, target);
                    }
                    else
                    {
                        // Saw it through a reply or a mention before reporting.
                        var since = at - (long)(rng.NextDouble() * 3 * Day);
                        b.AddExposure(r, target, since);
                        interactions.Add((r, target, since));
                    }
                }
                AddReport(r, target, at);
            }
        }

        for (var a = 0; a < o.NoiseAccounts; a++)
        {
            var followers = rng.NextDouble() < 0.3 ? rng.Next(0, 10) : (long)Math.Exp(rng.NextDouble() * 9);
            var target = b.AddAccount($"noise-{a}", null, start - (long)((30 + rng.NextDouble() * 2000) * Day), followers);
            truth.Add(new ReportedTruth(target, ReportedLabel.Noise, 0));
            var n = 1 + rng.Next(0, 5);
            foreach (var r in Sample(rng, population, n))
            {
                if (rng.NextDouble() < o.NoiseFollowShare)
                {
                    Follow(r, target);
                }
                AddReport(r, target, start + (long)(rng.NextDouble() * (end - start)));
            }
        }
        b.MarkExposureAvailable();
        return new GeneratedReportWorld(b.Build(), [.. reports], truth, follows, interactions);
    }

    /// <summary>k distinct elements, uniformly (partial Fisher-Yates on a copy of the indices touched).</summary>
    private static List<int> Sample(Random rng, int[] from, int k)
    {
        var swapped = new Dictionary<int, int>();
        var result = new List<int>(k);
        for (var i = 0; i < k; i++)
        {
            var j = rng.Next(i, from.Length);
            var vi = swapped.TryGetValue(i, out var x) ? x : i;
            var vj = swapped.TryGetValue(j, out var y) ? y : j;
            swapped[j] = vi;
            result.Add(from[vj]);
        }
        return result;
    }
}
