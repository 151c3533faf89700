using BenchmarkDotNet.Attributes;
using Tansiq.Core.Text;

namespace Tansiq.Benchmarks.Text;

/// <summary>Per-post cost of normalising and hashing, and of clustering 100,000 generated posts.</summary>
[MemoryDiagnoser]
public class TextNormaliserBenchmarks
{
    private string[] _texts = [];
    private List<TextPost> _posts = [];
    private readonly TextNormaliser _normaliser = new();
    private readonly List<ulong> _hashes = new(256);

    [GlobalSetup]
    public void Setup()
    {
        var generated = new CampaignTextGenerator(seed: 1).Generate(100_000, campaigns: 200, campaignShare: 0.3);
        _texts = [.. generated.Select(g => g.Text)];
        _posts = [.. generated.Select((g, i) => new TextPost(i, g.Account, g.Time, g.Text))];
    }

    [Benchmark(OperationsPerInvoke = 1000)]
    public int NormaliseAndHash1000Posts()
    {
        var words = 0;
        for (var i = 0; i < 1000; i++)
        {
            _hashes.Clear();
            _normaliser.AddWordHashes(_texts[i], _hashes);
            words += _hashes.Count;
        }
        return words;
    }

    [Benchmark]
    public int Cluster100kPosts() => TextClusterer.Cluster(_posts, new NearDuplicateOptions()).Clusters.Count;
}
