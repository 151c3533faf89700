using System.Globalization;
using Tansiq.IO.Simulation;

namespace Tansiq.Cli.Tests.Fuzz;

public sealed class FuzzCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private static readonly string[] Shares =
    [
        "precision", "recall", "f1", "fans_flagged_share", "friends_flagged_share", "all_flagged_share",
        "recall_scheduler_squad", "recall_human_squad", "recall_sockpuppets", "recall_relay", "recall_hashtag_game", "recall_producer",
        "member_participation", "sleeper_share", "human_participation_min", "human_participation_max", "friend_repost_p", "fast_fan_share",
    ];

    private static readonly string[] Counts =
    [
        "world", "seed", "accounts", "messages", "positives", "flagged", "true_positives", "false_positives", "fans", "friend_group_members",
        "publisher_pages", "publisher_pages_flagged", "publisher_outlets", "sleepers", "sleepers_flagged", "army_size", "squads", "human_squads", "operators", "relays",
        "hashtag_game_groups", "viral_moments", "breaking_news_tags",
    ];

    private (string Csv, string Md) RunFuzz(string name, int threads)
    {
        var dir = _cli.PathOf(name);
        var (exit, stdout, stderr) = _cli.Run("fuzz", "--worlds", "3", "--seed", "2", "--scale-max", "0.05", "--days-max", "2",
            "--threads", threads.ToString(CultureInfo.InvariantCulture), "--out", dir);
        Assert.True(exit == 0, stderr);
        Assert.Contains("F1 median", stdout);
        return (File.ReadAllText(Path.Combine(dir, "fuzz.csv")), File.ReadAllText(Path.Combine(dir, "fuzz.md")));
    }

    [Fact]
    public void Fuzz_ThreeTinyWorlds_OneRowPerWorldEveryNumberInRange()
    {
        var (csv, md) = RunFuzz("a", threads: 2);
        var lines = csv.TrimEnd('\n').Split('\n');
        Assert.Equal(string.Join(',', FuzzFiles.CsvColumns), lines[0]);
        Assert.Equal(FuzzFiles.CsvColumns.Count, FuzzFiles.CsvColumns.Distinct().Count());
        Assert.Equal(4, lines.Length);
        var header = lines[0].Split(',');
        for (var row = 1; row < lines.Length; row++)
        {
            var cells = lines[row].Split(',');
            Assert.Equal(header.Length, cells.Length);
            string Cell(string column) => cells[Array.IndexOf(header, column)];
            double Num(string column) => double.Parse(Cell(column), CultureInfo.InvariantCulture);
            Assert.Equal(row - 1, (int)Num("world"));
            foreach (var column in header)
            {
                var text = Cell(column);
                if (text.Length == 0)
                {
                    // only metrics that are undefined for the world may be empty
                    Assert.True(column is "precision" or "recall" or "f1" || column.StartsWith("recall_", StringComparison.Ordinal), column);
                    continue;
                }
                var x = double.Parse(text, CultureInfo.InvariantCulture);
                Assert.False(double.IsNaN(x) || x < 0, $"{column} = {text}");
                if (Shares.Contains(column))
                {
                    Assert.InRange(x, 0, 1);
                }
                if (Counts.Contains(column))
                {
                    Assert.Equal(Math.Floor(x), x);
                }
            }
            Assert.InRange(Num("positives"), 0, Num("accounts"));
            Assert.InRange(Num("flagged"), 0, Num("accounts"));
            Assert.InRange(Num("true_positives"), 0, Math.Min(Num("positives"), Num("flagged")));
            Assert.InRange(Num("publisher_pages_flagged"), 0, Num("publisher_pages"));
            Assert.InRange(Num("sleepers_flagged"), 0, Num("sleepers"));
            Assert.Equal(Cell("no_army") == "1", Num("positives") == 0);
            Assert.Equal(Num("positives") == 0, Cell("f1").Length == 0);
            Assert.InRange(Num("coarse_timestamps"), 0, 1);
        }
        Assert.Contains("# Fuzzed worlds", md);
        Assert.Contains("./tansiq fuzz --worlds 3 --seed 2", md);
        Assert.Contains("| F1 |", md);
    }

    [Fact]
    public void Fuzz_SameSeedOtherThreadCount_SameFiles()
    {
        var a = RunFuzz("a", threads: 2);
        var b = RunFuzz("b", threads: 1);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Fuzz_WriteWorld_DetectOnItsFilesFlagsWhatTheFuzzerCounted()
    {
        var dir = _cli.PathOf("w");
        var (exit, _, stderr) = _cli.Run("fuzz", "--worlds", "2", "--seed", "5", "--scale-max", "0.05", "--days-max", "2", "--no-army-share", "0",
            "--write-worlds", "1", "--out", dir);
        Assert.True(exit == 0, stderr);
        var world = Path.Combine(dir, "world-1");
        Assert.False(Directory.Exists(Path.Combine(dir, "world-0")));
        Assert.True(_cli.Run("detect", Path.Combine(world, "messages.csv"), "--out", _cli.PathOf("d")).Exit == 0);
        // the fuzzer ran detect's pipeline in process: detect on the written files flags the same number of accounts
        var flagged = File.ReadLines(_cli.PathOf("d/accounts.csv")).Skip(1).Count(l => l.Split(',')[2].Length > 0);
        var lines = File.ReadAllLines(Path.Combine(dir, "fuzz.csv"));
        var header = lines[0].Split(',');
        Assert.Equal(flagged.ToString(CultureInfo.InvariantCulture), lines[2].Split(',')[Array.IndexOf(header, "flagged")]);

        // --only runs one world of the same draw: the same row
        var again = _cli.PathOf("again");
        Assert.Equal(0, _cli.Run("fuzz", "--worlds", "2", "--seed", "5", "--scale-max", "0.05", "--days-max", "2", "--no-army-share", "0",
            "--only", "1", "--out", again).Exit);
        var one = File.ReadAllLines(Path.Combine(again, "fuzz.csv"));
        Assert.Equal([lines[0], lines[2]], one);
    }

    [Fact]
    public void Fuzz_NoWorlds_BadUsage()
    {
        var (exit, _, stderr) = _cli.Run("fuzz", "--worlds", "0", "--out", _cli.PathOf("x"));
        Assert.Equal(2, exit);
        Assert.Contains("--worlds", stderr);
    }
}
