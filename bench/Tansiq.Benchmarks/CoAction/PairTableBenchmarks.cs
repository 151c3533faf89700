using BenchmarkDotNet.Attributes;
using Tansiq.Core.CoAction;

namespace Tansiq.Benchmarks.CoAction;

/// <summary>
/// The pair table alone: one million updates of pairs drawn from 50,000 accounts with a heavy-tailed (Zipf-like)
/// activity, as a sweep produces them (repeated pairs are the common case), then a lookup pass. Run: <c>dotnet run -c Release --project bench/Tansiq.Benchmarks -- --filter '*PairTable*'</c>
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 7)]
[MemoryDiagnoser]
public class PairTableBenchmarks
{
    private const int Updates = 1_000_000;
    private const int Accounts = 50_000;
    private int[] _a = [];
    private int[] _b = [];
    private PairTable _filled = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _a = new int[Updates];
        _b = new int[Updates];
        for (var i = 0; i < Updates; i++)
        {
            // Squaring a uniform draw skews activity toward low ids: a few busy accounts meet often.
            int Draw() => (int)(Accounts * Math.Pow(random.NextDouble(), 2));
            var a = Draw();
            var b = Draw();
            if (a == b)
            {
                b = (b + 1) % Accounts;
            }
            (_a[i], _b[i]) = (a, b);
        }
        _filled = Fill(0, Updates);
    }

    private PairTable Fill(int from, int to)
    {
        var table = new PairTable(1 << 12);
        for (var i = from; i < to; i++)
        {
            table.AddDirected(_a[i], _b[i]);
        }
        return table;
    }

    [Benchmark(OperationsPerInvoke = Updates)]
    public int AddDirected() => Fill(0, Updates).Count;

    [Benchmark(OperationsPerInvoke = Updates)]
    public long Find()
    {
        long sum = 0;
        for (var i = 0; i < Updates; i++)
        {
            sum += _filled.Find(_a[i], _b[i]).LoToHi;
        }
        return sum;
    }
}
