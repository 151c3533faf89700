using System.Globalization;
using Tansiq.Core.Detection;
using Tansiq.Core.Model;

namespace Tansiq.IO.Output;

/// <summary>
/// The nodes both network files share: every account of the result plus, defensively, any edge endpoint the result
/// did not list (an edge to an undeclared node is invalid GraphML and Gephi drops it).
/// </summary>
internal static class NetworkNodes
{
    public static IEnumerable<(string Id, AccountResult? Account)> All(ResultView view)
    {
        foreach (var account in view.OrderedAccounts())
        {
            yield return (account.AccountId, account);
        }
        var extra = new HashSet<string>(StringComparer.Ordinal);
        foreach (var edge in view.Result.Edges)
        {
            if (!view.AccountsById.ContainsKey(edge.Source) && extra.Add(edge.Source))
            {
                yield return (edge.Source, null);
            }
            if (!view.AccountsById.ContainsKey(edge.Target) && extra.Add(edge.Target))
            {
                yield return (edge.Target, null);
            }
        }
    }

    public static string Label(string id, AccountResult? account) =>
        string.IsNullOrEmpty(account?.Username) ? id : account.Username;

    public static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// network.graphml: undirected; nodes are accounts (label, username, cluster_id, score, flagged), edges one per pair
/// and signal (parallel edges with ids e0, e1, ...; attributes signal, weight). NetworkX reads it as a MultiGraph
/// when a pair is tied by more than one signal.
/// </summary>
public static class GraphMlWriter
{
    public static void Write(DetectionResult result, string path) => Write(new ResultView(result), path);

    internal static void Write(ResultView view, string path) => AtomicFile.WriteText(path, w => Write(view, w));

    internal static void Write(ResultView view, TextWriter writer)
    {
        var x = new XmlOut(writer);
        x.Raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.Raw("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"");
        x.Raw(" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
        Key(x, "d0", "node", "label", "string");
        Key(x, "d1", "node", "username", "string");
        Key(x, "d2", "node", "cluster_id", "string");
        Key(x, "d3", "node", "score", "double");
        Key(x, "d4", "node", "flagged", "boolean");
        Key(x, "d5", "edge", "signal", "string");
        Key(x, "d6", "edge", "weight", "int");
        x.Raw(" <graph id=\"tansiq\" edgedefault=\"undirected\">\n");
        foreach (var (id, account) in NetworkNodes.All(view))
        {
            x.Raw("  <node").Attr("id", id).Raw(">");
            Data(x, "d0", NetworkNodes.Label(id, account));
            if (!string.IsNullOrEmpty(account?.Username))
            {
                Data(x, "d1", account.Username);
            }
            if (account?.ClusterId is not null)
            {
                Data(x, "d2", account.ClusterId);
            }
            Data(x, "d3", OutputText.Score(account?.Score ?? 0));
            Data(x, "d4", account?.ClusterId is not null ? "true" : "false");
            x.Raw("</node>\n");
        }
        long n = 0;
        foreach (var edge in view.Result.Edges)
        {
            var (source, target) = EdgesCsvWriter.Ordered(edge);
            x.Raw("  <edge id=\"e").Raw(NetworkNodes.Number(n++)).Raw("\"").Attr("source", source).Attr("target", target).Raw(">");
            Data(x, "d5", edge.Signal.Name());
            Data(x, "d6", NetworkNodes.Number(edge.Weight));
            x.Raw("</edge>\n");
        }
        x.Raw(" </graph>\n</graphml>\n");
    }

    private static void Key(XmlOut x, string id, string target, string name, string type) =>
        x.Raw(" <key").Attr("id", id).Attr("for", target).Attr("attr.name", name).Attr("attr.type", type).Raw("/>\n");

    private static void Data(XmlOut x, string key, string value) =>
        x.Raw("<data key=\"").Raw(key).Raw("\">").Text(value).Raw("</data>");
}

/// <summary>
/// network.gexf (GEXF 1.2, namespace <c>http://www.gexf.net/1.2draft</c>, which Gephi and every NetworkX since 1.x read;
/// NetworkX before 3.0, as in Debian 12, does not know the 1.3 namespace and finds "no &lt;graph&gt; element"): undirected static graph; nodes carry username, cluster_id, score, flagged; one edge per
/// pair and signal, told apart by <c>kind</c> (the signal, also the label and an attribute) with the weight.
/// </summary>
public static class GexfWriter
{
    /// <summary>The GEXF 1.2 namespace.</summary>
    public const string Namespace = "http://www.gexf.net/1.2draft";

    public static void Write(DetectionResult result, string path, DetectionWriterOptions? options = null) =>
        Write(new ResultView(result), path, options ?? new DetectionWriterOptions());

    internal static void Write(ResultView view, string path, DetectionWriterOptions options) =>
        AtomicFile.WriteText(path, w => Write(view, w, options));

    internal static void Write(ResultView view, TextWriter writer, DetectionWriterOptions options)
    {
        var x = new XmlOut(writer);
        x.Raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.Raw("<gexf xmlns=\"").Raw(Namespace).Raw("\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"");
        x.Raw(" xsi:schemaLocation=\"").Raw(Namespace).Raw(" http://www.gexf.net/1.2draft/gexf.xsd\" version=\"1.2\">\n");
        x.Raw(" <meta>\n  <creator>").Text(options.GeneratedBy).Raw("</creator>\n");
        x.Raw("  <description>Co-action network: accounts tied by acting on the same objects within the time window, one edge per pair and signal.</description>\n </meta>\n");
        x.Raw(" <graph defaultedgetype=\"undirected\" mode=\"static\">\n");
        x.Raw("  <attributes class=\"node\">\n");
        Attribute(x, "0", "username", "string");
        Attribute(x, "1", "cluster_id", "string");
        Attribute(x, "2", "score", "double");
        Attribute(x, "3", "flagged", "boolean");
        x.Raw("  </attributes>\n  <attributes class=\"edge\">\n");
        Attribute(x, "4", "signal", "string");
        x.Raw("  </attributes>\n  <nodes>\n");
        foreach (var (id, account) in NetworkNodes.All(view))
        {
            x.Raw("   <node").Attr("id", id).Attr("label", NetworkNodes.Label(id, account)).Raw("><attvalues>");
            if (!string.IsNullOrEmpty(account?.Username))
            {
                AttValue(x, "0", account.Username);
            }
            if (account?.ClusterId is not null)
            {
                AttValue(x, "1", account.ClusterId);
            }
            AttValue(x, "2", OutputText.Score(account?.Score ?? 0));
            AttValue(x, "3", account?.ClusterId is not null ? "true" : "false");
            x.Raw("</attvalues></node>\n");
        }
        x.Raw("  </nodes>\n  <edges>\n");
        long n = 0;
        foreach (var edge in view.Result.Edges)
        {
            var (source, target) = EdgesCsvWriter.Ordered(edge);
            var signal = edge.Signal.Name();
            x.Raw("   <edge id=\"").Raw(NetworkNodes.Number(n++)).Raw("\"").Attr("source", source).Attr("target", target);
            x.Raw(" kind=\"").Raw(signal).Raw("\" label=\"").Raw(signal).Raw("\" weight=\"").Raw(NetworkNodes.Number(edge.Weight));
            x.Raw("\"><attvalues>");
            AttValue(x, "4", signal);
            x.Raw("</attvalues></edge>\n");
        }
        x.Raw("  </edges>\n </graph>\n</gexf>\n");
    }

    private static void Attribute(XmlOut x, string id, string title, string type) =>
        x.Raw("   <attribute").Attr("id", id).Attr("title", title).Attr("type", type).Raw("/>\n");

    private static void AttValue(XmlOut x, string key, string value) =>
        x.Raw("<attvalue for=\"").Raw(key).Raw("\"").Attr("value", value).Raw("/>");
}
