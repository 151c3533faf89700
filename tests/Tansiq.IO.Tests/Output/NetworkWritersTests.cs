using System.Xml.Linq;
using Tansiq.Core.Detection;
using Tansiq.Core.Model;
using Tansiq.IO.Output;

namespace Tansiq.IO.Tests.Output;

public class NetworkWritersTests
{
    private static readonly XNamespace G = "http://graphml.graphdrawing.org/xmlns";
    private static readonly XNamespace X = "http://www.gexf.net/1.2draft";

    private static XDocument GraphMl(DetectionResult result)
    {
        using var dir = new TempDir();
        GraphMlWriter.Write(result, dir.File("n.graphml"));
        return XDocument.Load(dir.File("n.graphml"));
    }

    private static XDocument Gexf(DetectionResult result)
    {
        using var dir = new TempDir();
        GexfWriter.Write(result, dir.File("n.gexf"));
        return XDocument.Load(dir.File("n.gexf"));
    }

    /// <summary>GraphML data of a node or edge by the key's attr.name.</summary>
    private static Dictionary<string, string> Data(XDocument doc, XElement element)
    {
        var names = doc.Root!.Elements(G + "key").ToDictionary(k => (string)k.Attribute("id")!, k => (string)k.Attribute("attr.name")!);
        return element.Elements(G + "data").ToDictionary(d => names[(string)d.Attribute("key")!], d => d.Value);
    }

    private static Dictionary<string, string> AttValues(XDocument doc, XElement element, string cls)
    {
        var titles = doc.Descendants(X + "attributes").Single(a => (string)a.Attribute("class")! == cls)
            .Elements(X + "attribute").ToDictionary(a => (string)a.Attribute("id")!, a => (string)a.Attribute("title")!);
        return element.Element(X + "attvalues")!.Elements(X + "attvalue")
            .ToDictionary(v => titles[(string)v.Attribute("for")!], v => (string)v.Attribute("value")!);
    }

    [Fact]
    public void GraphMl_SmallResult_UndirectedWithOneNodePerAccountAndOneEdgePerPairAndSignal()
    {
        var doc = GraphMl(SampleResults.Small());
        var graph = doc.Root!.Element(G + "graph")!;

        Assert.Equal("undirected", (string?)graph.Attribute("edgedefault"));
        Assert.Equal(8, graph.Elements(G + "node").Count());
        var edges = graph.Elements(G + "edge").ToList();
        Assert.Equal(7, edges.Count);
        Assert.Equal(7, edges.Select(e => (string)e.Attribute("id")!).Distinct().Count());
        var parallel = edges.Where(e => (string)e.Attribute("source")! == "a1" && (string)e.Attribute("target")! == "a2")
            .Select(e => Data(doc, e)).OrderBy(d => d["signal"], StringComparer.Ordinal).ToList();
        Assert.Equal(2, parallel.Count);
        Assert.Equal(("co-repost", "12"), (parallel[0]["signal"], parallel[0]["weight"]));
        Assert.Equal(("co-text", "4"), (parallel[1]["signal"], parallel[1]["weight"]));
    }

    [Fact]
    public void GraphMl_Nodes_CarryUsernameClusterScoreFlaggedWithHostileTextIntact()
    {
        var doc = GraphMl(SampleResults.Small());
        var nodes = doc.Descendants(G + "node").ToDictionary(n => (string)n.Attribute("id")!, n => Data(doc, n));

        Assert.Equal(SampleResults.CommaQuoteUser, nodes["a1"]["username"]);
        Assert.Equal(SampleResults.ScriptUser, nodes["a2"]["username"]);
        Assert.Equal(SampleResults.ArabicUser, nodes["a3"]["label"]);
        Assert.Equal("c-high", nodes["a3"]["cluster_id"]);
        Assert.Equal("0.8800", nodes["a3"]["score"]);
        Assert.Equal("true", nodes["a3"]["flagged"]);
        Assert.Equal("false", nodes["u1"]["flagged"]);
        Assert.False(nodes["u1"].ContainsKey("cluster_id"));
        Assert.False(nodes["u2"].ContainsKey("username"));
        Assert.Equal("u2", nodes["u2"]["label"]);
        // Control characters cannot be carried by XML 1.0 and are dropped.
        Assert.Equal("badname", nodes["u3"]["username"]);
    }

    [Fact]
    public void GraphMl_EdgeToUnlistedAccount_NodeAddedSoTheEdgeIsValid()
    {
        var result = SampleResults.NoClusters() with { Edges = [new EdgeResult("x1", "ghost", SignalKind.CoReply, 2)] };
        var doc = GraphMl(result);

        var ids = doc.Descendants(G + "node").Select(n => (string)n.Attribute("id")!).ToList();
        Assert.Equal(["x1", "x2", "ghost"], ids);
        var edge = Assert.Single(doc.Descendants(G + "edge"));
        Assert.Equal(("ghost", "x1"), ((string)edge.Attribute("source")!, (string)edge.Attribute("target")!));
    }

    [Fact]
    public void Gexf_SmallResult_Version12UndirectedWithKindLabelWeightPerEdge()
    {
        var doc = Gexf(SampleResults.Small());

        Assert.Equal("1.2", (string?)doc.Root!.Attribute("version"));
        var graph = doc.Root.Element(X + "graph")!;
        Assert.Equal("undirected", (string?)graph.Attribute("defaultedgetype"));
        Assert.Equal(8, graph.Element(X + "nodes")!.Elements(X + "node").Count());
        var edges = graph.Element(X + "edges")!.Elements(X + "edge").ToList();
        Assert.Equal(7, edges.Count);
        Assert.Equal(7, edges.Select(e => (string)e.Attribute("id")!).Distinct().Count());
        var expected = SampleResults.Small().Edges.Select(e => (e.Source, e.Target, e.Signal.Name(), e.Weight.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var actual = edges.Select(e => ((string)e.Attribute("source")!, (string)e.Attribute("target")!, (string)e.Attribute("kind")!, (string)e.Attribute("weight")!));
        Assert.Equal(expected, actual);
        Assert.All(edges, e => Assert.Equal((string?)e.Attribute("kind"), (string?)e.Attribute("label")));
        Assert.All(edges, e => Assert.Equal((string?)e.Attribute("kind"), AttValues(doc, e, "edge")["signal"]));
    }

    [Fact]
    public void Gexf_Nodes_LabelAndAttributesWithArabicAndControlCharactersHandled()
    {
        var doc = Gexf(SampleResults.Small());
        var nodes = doc.Descendants(X + "node").ToDictionary(n => (string)n.Attribute("id")!);

        Assert.Equal(SampleResults.ArabicUser, (string?)nodes["a3"].Attribute("label"));
        var a3 = AttValues(doc, nodes["a3"], "node");
        Assert.Equal(("c-high", "0.8800", "true"), (a3["cluster_id"], a3["score"], a3["flagged"]));
        Assert.Equal("line\nbreak", AttValues(doc, nodes["b2"], "node")["username"]);
        Assert.Equal("badname", (string?)nodes["u3"].Attribute("label"));
        Assert.False(AttValues(doc, nodes["u1"], "node").ContainsKey("cluster_id"));
    }

    [Fact]
    public void Gexf_NoEdges_StillAWellFormedGraph()
    {
        var doc = Gexf(SampleResults.NoClusters() with { Accounts = [], Edges = [] });

        Assert.Empty(doc.Descendants(X + "node"));
        Assert.Empty(doc.Descendants(X + "edge"));
        Assert.NotNull(doc.Root!.Element(X + "graph")!.Element(X + "edges"));
    }

    /// <summary>NetworkX 2.8 (Debian 12's python3-networkx) reads a GEXF file by looking for the graph element under
    /// the namespaces it knows, 1.1draft and 1.2draft, and fails with "No &lt;graph&gt; element in GEXF file" otherwise; this
    /// test reads the file back the same way and rebuilds the graph from it.</summary>
    [Fact]
    public void Gexf_ReadBackAsNetworkX28Does_FindsTheGraphWithEveryNodeAndEdge()
    {
        var result = SampleResults.Small();
        var doc = Gexf(result);
        XNamespace[] networkX28 = ["http://www.gexf.net/1.1draft", "http://www.gexf.net/1.2draft"];

        var ns = networkX28.FirstOrDefault(n => doc.Root!.Element(n + "graph") is not null);

        Assert.NotNull(ns);
        var graph = doc.Root!.Element(ns + "graph")!;
        var nodes = graph.Element(ns + "nodes")!.Elements(ns + "node").Select(n => (string)n.Attribute("id")!).ToHashSet();
        var edges = graph.Element(ns + "edges")!.Elements(ns + "edge").Select(e => ((string)e.Attribute("source")!, (string)e.Attribute("target")!)).ToList();
        Assert.Equal(result.Edges.Count, edges.Count);
        Assert.All(edges, e => Assert.True(nodes.Contains(e.Item1) && nodes.Contains(e.Item2)));
        Assert.All(graph.Elements(ns + "attributes").Elements(ns + "attribute"),
            a => Assert.Contains((string)a.Attribute("type")!, new[] { "string", "double", "boolean", "integer", "float", "long" }));
    }
}
