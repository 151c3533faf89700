using System.Text.Json;
using Tansiq.IO.Output;

namespace Tansiq.IO.Tests.Output;

public class JsonWritersTests
{
    private static JsonElement Clusters(DetectionWriterOptions? options = null)
    {
        using var dir = new TempDir();
        ClustersJsonWriter.Write(SampleResults.Small(), dir.File("clusters.json"), options);
        return JsonDocument.Parse(File.ReadAllText(dir.File("clusters.json"))).RootElement.Clone();
    }

    [Fact]
    public void ClustersJson_SmallResult_ObjectWithGeneratedByAndClustersRankedByScore()
    {
        var root = Clusters(new DetectionWriterOptions { GeneratedBy = "tansiq test" });

        Assert.Equal("tansiq test", root.GetProperty("generated_by").GetString());
        Assert.Equal(2, root.GetProperty("cluster_count").GetInt32());
        var clusters = root.GetProperty("clusters").EnumerateArray().ToList();
        Assert.Equal(["c-high", "c-low"], clusters.Select(c => c.GetProperty("id").GetString()));
        Assert.Equal([1, 2], clusters.Select(c => c.GetProperty("rank").GetInt32()));
    }

    [Fact]
    public void ClustersJson_Cluster_MembersSignalsTimesAndEvidenceAsGiven()
    {
        var c = Clusters().GetProperty("clusters")[0];

        Assert.Equal(3, c.GetProperty("size").GetInt32());
        Assert.Equal(0.93, c.GetProperty("score").GetDouble(), 6);
        Assert.Equal(["co-repost", "co-text"], c.GetProperty("signals").EnumerateArray().Select(s => s.GetString()));
        // Members strongest first: a2 0.95, a1 0.91, a3 0.88.
        var members = c.GetProperty("members").EnumerateArray().ToList();
        Assert.Equal(["a2", "a1", "a3"], members.Select(m => m.GetProperty("account_id").GetString()));
        Assert.Equal([SampleResults.ScriptUser, SampleResults.CommaQuoteUser, SampleResults.ArabicUser],
            members.Select(m => m.GetProperty("username").GetString()));
        Assert.Equal(1612345600, c.GetProperty("first_action").GetDouble());
        Assert.Equal("2021-02-03T09:46:40Z", c.GetProperty("first_action_utc").GetString());
        Assert.Equal("2021-02-03T10:46:40.500Z", c.GetProperty("last_action_utc").GetString());
        Assert.Equal(3600.5, c.GetProperty("time_span_seconds").GetDouble());
        var evidence = c.GetProperty("evidence").EnumerateArray().ToList();
        Assert.Equal("null_model_p", evidence[1].GetProperty("name").GetString());
        Assert.Equal(1.5e-9, evidence[1].GetProperty("value").GetDouble());
        Assert.Contains("\"chance\" & noise", evidence[1].GetProperty("explanation").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ClustersJson_SharedObject_TextLangCountsAndTimes()
    {
        var o = Clusters().GetProperty("clusters")[0].GetProperty("shared_objects")[0];

        Assert.Equal("co-text", o.GetProperty("signal").GetString());
        Assert.Equal(SampleResults.ArabicText, o.GetProperty("text").GetString());
        Assert.Equal("ar", o.GetProperty("lang").GetString());
        Assert.Equal(3, o.GetProperty("members").GetInt32());
        Assert.Equal(4, o.GetProperty("participants").GetInt32());
        Assert.Equal("2021-02-03T09:46:52Z", o.GetProperty("last_action_utc").GetString());
        Assert.Equal(12, o.GetProperty("spread_seconds").GetDouble());
        var link = Clusters().GetProperty("clusters")[0].GetProperty("shared_objects")[1];
        Assert.Equal(JsonValueKind.Null, link.GetProperty("text").ValueKind);
    }

    [Fact]
    public void ClustersJson_ArabicText_WrittenReadableNotAsUnicodeEscapes()
    {
        using var dir = new TempDir();
        ClustersJsonWriter.Write(SampleResults.Small(), dir.File("c.json"));
        var raw = File.ReadAllText(dir.File("c.json"));

        Assert.Contains("كلنا مع القائد", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u0643", raw, StringComparison.Ordinal);
    }

    [Fact]
    public void ClustersJson_TimelineOverCap_TruncatedEarliestFirstWithTotal()
    {
        var c = Clusters(new DetectionWriterOptions { MaxJsonTimelinePerCluster = 2 }).GetProperty("clusters")[0];

        Assert.Equal(6, c.GetProperty("timeline_total").GetInt32());
        Assert.True(c.GetProperty("timeline_truncated").GetBoolean());
        var timeline = c.GetProperty("timeline").EnumerateArray().ToList();
        Assert.Equal(["a1", "a2"], timeline.Select(t => t.GetProperty("account_id").GetString()));
        Assert.Equal("2021-02-03T09:46:45Z", timeline[1].GetProperty("time_utc").GetString());
    }

    [Fact]
    public void ClustersJson_NoClusters_EmptyArray()
    {
        using var dir = new TempDir();
        ClustersJsonWriter.Write(SampleResults.NoClusters(), dir.File("c.json"));
        var root = JsonDocument.Parse(File.ReadAllText(dir.File("c.json"))).RootElement;

        Assert.Equal(0, root.GetProperty("cluster_count").GetInt32());
        Assert.Equal(0, root.GetProperty("clusters").GetArrayLength());
    }

    [Fact]
    public void ClustersJson_NonFiniteValue_WrittenAsNullNotAFailure()
    {
        using var dir = new TempDir();
        var small = SampleResults.Small();
        var broken = small with { Clusters = [small.Clusters[0] with { Evidence = [new("ratio", double.NaN, "0/0")] }] };
        ClustersJsonWriter.Write(broken, dir.File("c.json"));
        var e = JsonDocument.Parse(File.ReadAllText(dir.File("c.json"))).RootElement.GetProperty("clusters")[0].GetProperty("evidence")[0];

        Assert.Equal(JsonValueKind.Null, e.GetProperty("value").ValueKind);
    }

    [Fact]
    public void SummaryJson_SmallResult_CountsParametersStagesSignalsAndResults()
    {
        using var dir = new TempDir();
        SummaryJsonWriter.Write(SampleResults.Small(), dir.File("summary.json"));
        var root = JsonDocument.Parse(File.ReadAllText(dir.File("summary.json"))).RootElement;

        var input = root.GetProperty("input");
        Assert.Equal(123_456, input.GetProperty("messages").GetInt64());
        Assert.Equal(20_100, input.GetProperty("accounts").GetInt32());
        Assert.Equal(7, input.GetProperty("duplicate_messages").GetInt64());
        Assert.Equal(2, input.GetProperty("skipped_rows").GetInt64());
        Assert.Equal("in.csv:17: timestamp \"abc\" is not a number", input.GetProperty("skipped_row_examples")[0].GetString());

        var p = root.GetProperty("parameters");
        Assert.Equal(60.0, p.GetProperty("window").GetDouble());
        Assert.Equal(["co-repost", "co-link"], p.GetProperty("signals").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(2, p.GetProperty("min_weight").GetInt32());
        Assert.True(p.GetProperty("skip_bad_rows").GetBoolean());

        Assert.Equal(["read", "sweep", "cluster"], root.GetProperty("stage_seconds").EnumerateObject().Select(s => s.Name));
        Assert.Equal(1.875, root.GetProperty("total_seconds").GetDouble(), 9);

        // Canonical signal order (co-repost before co-link) regardless of the dictionary's order.
        var signals = root.GetProperty("signals").EnumerateObject().ToList();
        Assert.Equal(["co-repost", "co-link"], signals.Select(s => s.Name));
        Assert.Equal(2_000_000, signals[0].Value.GetProperty("raw_pairs").GetInt64());
        Assert.Equal(1_234, signals[0].Value.GetProperty("significant_pairs").GetInt64());

        var results = root.GetProperty("results");
        Assert.Equal(2, results.GetProperty("clusters").GetInt32());
        Assert.Equal(5, results.GetProperty("flagged_accounts").GetInt32());
        Assert.Equal(8, results.GetProperty("accounts_in_edges").GetInt32());
        Assert.Equal(7, results.GetProperty("edges").GetInt32());
    }
}
