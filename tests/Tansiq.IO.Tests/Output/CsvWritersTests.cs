using nietras.SeparatedValues;
using Tansiq.Core.Detection;
using Tansiq.Core.Model;
using Tansiq.IO.Output;

namespace Tansiq.IO.Tests.Output;

public class CsvWritersTests
{
    private static List<Dictionary<string, string>> ReadCsv(string path, out string[] header)
    {
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true }).FromFile(path);
        header = reader.Header.ColNames.ToArray();
        var rows = new List<Dictionary<string, string>>();
        foreach (var row in reader)
        {
            var values = new Dictionary<string, string>();
            foreach (var name in reader.Header.ColNames)
            {
                values[name] = row[name].ToString();
            }
            rows.Add(values);
        }
        return rows;
    }

    [Fact]
    public void AccountsCsv_SmallResult_RoundTripsEveryFieldThroughSep()
    {
        using var dir = new TempDir();
        var result = SampleResults.Small();
        AccountsCsvWriter.Write(result, dir.File("accounts.csv"));

        var rows = ReadCsv(dir.File("accounts.csv"), out var header);

        Assert.Equal(["account_id", "username", "cluster_id", "score", "signals"], header);
        Assert.Equal(result.Accounts.Count, rows.Count);
        foreach (var a in result.Accounts)
        {
            var row = Assert.Single(rows, r => r["account_id"] == a.AccountId);
            Assert.Equal(a.Username ?? "", row["username"]);
            Assert.Equal(a.ClusterId ?? "", row["cluster_id"]);
            Assert.Equal(a.Score, double.Parse(row["score"], System.Globalization.CultureInfo.InvariantCulture), 4);
        }
    }

    [Fact]
    public void AccountsCsv_SmallResult_FlaggedByClusterRankThenScoreThenRestByScoreThenId()
    {
        using var dir = new TempDir();
        AccountsCsvWriter.Write(SampleResults.Small(), dir.File("accounts.csv"));

        var ids = ReadCsv(dir.File("accounts.csv"), out _).Select(r => r["account_id"]).ToList();

        // c-high (0.93) outranks c-low (0.71) although listed second; u2 and u3 tie on 0.35 and go by id.
        Assert.Equal(["a2", "a1", "a3", "b2", "b1", "u2", "u3", "u1"], ids);
    }

    [Fact]
    public void AccountsCsv_SignalsAndScores_CanonicalOrderFourDecimalsQuotedWhereNeeded()
    {
        using var dir = new TempDir();
        AccountsCsvWriter.Write(SampleResults.Small(), dir.File("accounts.csv"));
        var text = File.ReadAllText(dir.File("accounts.csv"));

        Assert.StartsWith("account_id,username,cluster_id,score,signals\n", text);
        Assert.Contains("\na1,\"evil,\"\"name\"\"\",c-high,0.9100,co-repost;co-text\n", text);
        Assert.Contains("\nb2,\"line\nbreak\",c-low,0.7200,co-link\n", text);
        Assert.Contains("\nu2,,,0.3500,co-hashtag\n", text);
        Assert.DoesNotContain("\r", text);
        Assert.False(text.StartsWith('\uFEFF'));
    }

    [Theory]
    [InlineData(double.NaN, "0.0000")]
    [InlineData(-0.5, "0.0000")]
    [InlineData(1.7, "1.0000")]
    [InlineData(0.123456, "0.1235")]
    public void AccountsCsv_ScoreOutsideUnitInterval_ClampedToIt(double score, string expected)
    {
        using var dir = new TempDir();
        var result = SampleResults.NoClusters() with { Accounts = [SampleResults.Account("z", "z", null, score, SignalKind.CoLink)] };
        AccountsCsvWriter.Write(result, dir.File("a.csv"));

        Assert.Equal($"account_id,username,cluster_id,score,signals\nz,z,,{expected},co-link\n", File.ReadAllText(dir.File("a.csv")));
    }

    [Fact]
    public void AccountsCsv_NoAccounts_HeaderOnly()
    {
        using var dir = new TempDir();
        var result = SampleResults.NoClusters() with { Accounts = [], Edges = [] };
        AccountsCsvWriter.Write(result, dir.File("a.csv"));

        Assert.Equal("account_id,username,cluster_id,score,signals\n", File.ReadAllText(dir.File("a.csv")));
    }

    [Fact]
    public void EdgesCsv_SmallResult_RoundTripsOneRowPerPairAndSignal()
    {
        using var dir = new TempDir();
        var result = SampleResults.Small();
        EdgesCsvWriter.Write(result, dir.File("edges.csv"));

        var rows = ReadCsv(dir.File("edges.csv"), out var header);

        Assert.Equal(["source", "target", "signal", "weight"], header);
        var read = rows.Select(r => (r["source"], r["target"], r["signal"], int.Parse(r["weight"], System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var expected = result.Edges.Select(e => (e.Source, e.Target, e.Signal.Name(), e.Weight)).ToList();
        Assert.Equal(expected, read);
    }

    [Fact]
    public void EdgesCsv_ReversedEdgeAndCommaInId_WrittenSourceBeforeTargetAndQuoted()
    {
        using var dir = new TempDir();
        var result = SampleResults.NoClusters() with
        {
            Edges = [new EdgeResult("zz", "a,b", SignalKind.CoReply, 3), new EdgeResult("b", "a", SignalKind.CoText, 1)],
        };
        EdgesCsvWriter.Write(result, dir.File("e.csv"));

        Assert.Equal("source,target,signal,weight\n\"a,b\",zz,co-reply,3\na,b,co-text,1\n", File.ReadAllText(dir.File("e.csv")));
    }

    [Fact]
    public void EdgesCsv_LazySequence_StreamsWithoutMaterialising()
    {
        var enumerated = 0;
        IEnumerable<EdgeResult> Generate()
        {
            for (var i = 0; i < 100_000; i++)
            {
                enumerated++;
                yield return new EdgeResult($"s{i}", $"t{i}", SignalKind.CoRepost, i % 7 + 1);
            }
        }
        var lines = new LineCounter();

        EdgesCsvWriter.Write(Generate(), lines);

        Assert.Equal(100_000, enumerated);
        Assert.Equal(100_001, lines.Lines);
    }

    private sealed class LineCounter : TextWriter
    {
        public int Lines { get; private set; }

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value)
        {
            if (value == '\n')
            {
                Lines++;
            }
        }

        public override void Write(ReadOnlySpan<char> buffer)
        {
            foreach (var c in buffer)
            {
                Write(c);
            }
        }

        public override void Write(string? value) => Write(value.AsSpan());
    }
}
