using System.Text;
using Tansiq.Cli;
using Tansiq.Core.Moderation;
using Tansiq.IO.Moderation;

namespace Tansiq.Service.Tests;

/// <summary>
/// A small generated report world (the generator the moderation tests use: brigades, petitions, abusive accounts, stray
/// reports) written as the files <c>moderate</c> reads, and batch <c>moderate</c>'s decisions.csv on it.
/// </summary>
public sealed class SmallWorld
{
    private SmallWorld(string dir)
    {
        Accounts = Path.Combine(dir, "accounts.csv");
        Follows = Path.Combine(dir, "follows.csv");
        Reports = Path.Combine(dir, "reports.csv");
        BatchDecisions = Path.Combine(dir, "batch", "decisions.csv");
    }

    public string Accounts { get; }
    public string Follows { get; }
    public string Reports { get; }
    public string BatchDecisions { get; }

    public static ReportWorldOptions Options(int seed) => new()
    {
        Seed = seed,
        Population = 3_000,
        Army = 400,
        CampaignFractions = [0.05, 0.25, 1.0],
        BrigadedFollowers = [20, 200],
        PetitionFollowers = [100],
        AbusiveAccounts = 8,
        NoiseAccounts = 60,
    };

    public static SmallWorld Write(string dir, int seed = 1)
    {
        ReportWorldFiles.Write(dir, ReportWorld.Generate(Options(seed)));
        var w = new SmallWorld(dir);
        var exit = CliApp.Run(["moderate", "--reports", w.Reports, "--accounts", w.Accounts, "--follows", w.Follows, "--out", Path.Combine(dir, "batch")],
            new StringWriter(), new StringWriter());
        Assert.Equal(0, exit);
        return w;
    }

    /// <summary>The reports file cut into CSV bodies of <paramref name="rows"/> rows, each with the header.</summary>
    public List<string> ReportChunks(int rows)
    {
        var lines = File.ReadAllLines(Reports);
        var chunks = new List<string>();
        for (var i = 1; i < lines.Length; i += rows)
        {
            var b = new StringBuilder(lines[0]).Append('\n');
            foreach (var l in lines.Skip(i).Take(rows))
            {
                b.Append(l).Append('\n');
            }
            chunks.Add(b.ToString());
        }
        return chunks;
    }

    public int ReportCount => File.ReadAllLines(Reports).Length - 1;
}
