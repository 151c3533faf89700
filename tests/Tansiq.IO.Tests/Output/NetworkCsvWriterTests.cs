using Tansiq.Core.CoAction;
using Tansiq.Core.Model;
using Tansiq.IO.Output;

namespace Tansiq.IO.Tests.Output;

public class NetworkCsvWriterTests
{
    private static RawNetwork Network(params (string A, string B, int Weight)[] pairs)
    {
        var accounts = new Interner();
        var table = new PairTable(2, 16);
        foreach (var (a, b, weight) in pairs)
        {
            var (ia, ib) = (accounts.Intern(a), accounts.Intern(b));
            for (var i = 0; i < weight; i++)
            {
                table.AddDirected(ia, ib);
            }
        }
        return RawNetwork.From(table, new OrdinalPairs(accounts), minWeight: 1, parallelism: 1);
    }

    [Fact]
    public void Write_IdsNeedingQuotesAndArabic_RfcCsvSortedBySourceThenTarget()
    {
        var network = Network(("z", "a,b", 3), ("بغداد", "x\"y", 2), ("a,b", "m", 1));
        using var dir = new TempDir();

        NetworkCsvWriter.Write(dir.File("n.csv"), network);

        // Ordinal order of the ids: "a,b" < "m" < "x\"y" < "z" < "بغداد"; the smaller id of each pair is the source.
        Assert.Equal(
            "source,target,weight\n\"a,b\",m,1\n\"a,b\",z,3\n\"x\"\"y\",بغداد,2\n",
            File.ReadAllText(dir.File("n.csv")));
    }

    [Fact]
    public void Write_MoreRowsThanOneBuffer_EveryRowOnce()
    {
        var pairs = Enumerable.Range(0, 60_000).Select(i => ($"account{i:D6}", $"account{i + 1:D6}", 1 + (i % 7))).ToArray();
        var network = Network(pairs);
        using var dir = new TempDir();

        NetworkCsvWriter.Write(dir.File("n.csv"), network);

        var lines = File.ReadAllLines(dir.File("n.csv"));
        Assert.Equal(pairs.Length + 1, lines.Length);
        Assert.Equal(pairs.Select(p => $"{p.Item1},{p.Item2},{p.Item3}"), lines.Skip(1));
    }
}
