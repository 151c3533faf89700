using System.Globalization;
using System.Xml;
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

    public static XmlWriterSettings Settings => new()
    {
        Encoding = OutputText.Utf8,
        Indent = true,
        IndentChars = " ",
        NewLineChars = "\n",
        // Text is cleaned with OutputText.XmlSafe first; if anything slipped through, failing beats writing a file no parser accepts.
        CheckCharacters = true,
        CloseOutput = false,
    };

    public static string Weight(int weight) => weight.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// network.graphml: undirected; nodes are accounts (label, username, cluster_id, score, flagged), edges one per pair
/// and signal (parallel edges with ids e0, e1, ...; attributes signal, weight). NetworkX reads it as a MultiGraph
/// when a pair is tied by more than one signal.
/// </summary>
public static class GraphMlWriter
{
    private const string Ns = "http://graphml.graphdrawing.org/xmlns";

    public static void Write(DetectionResult result, string path) => Write(new ResultView(result), path);

    internal static void Write(ResultView view, string path) => AtomicFile.Write(path, stream => Write(view, stream));

    internal static void Write(ResultView view, Stream stream)
    {
        using var w = XmlWriter.Create(stream, NetworkNodes.Settings);
        w.WriteStartDocument();
        w.WriteStartElement("graphml", Ns);
        w.WriteAttributeString("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance");
        w.WriteAttributeString("xsi", "schemaLocation", "http://www.w3.org/2001/XMLSchema-instance",
            "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
        Key(w, "d0", "node", "label", "string");
        Key(w, "d1", "node", "username", "string");
        Key(w, "d2", "node", "cluster_id", "string");
        Key(w, "d3", "node", "score", "double");
        Key(w, "d4", "node", "flagged", "boolean");
        Key(w, "d5", "edge", "signal", "string");
        Key(w, "d6", "edge", "weight", "int");

        w.WriteStartElement("graph", Ns);
        w.WriteAttributeString("id", "tansiq");
        w.WriteAttributeString("edgedefault", "undirected");
        foreach (var (id, account) in NetworkNodes.All(view))
        {
            w.WriteStartElement("node", Ns);
            w.WriteAttributeString("id", OutputText.XmlSafe(id));
            Data(w, "d0", OutputText.XmlSafe(string.IsNullOrEmpty(account?.Username) ? id : account.Username));
            if (!string.IsNullOrEmpty(account?.Username))
            {
                Data(w, "d1", OutputText.XmlSafe(account.Username));
            }
            if (account?.ClusterId is not null)
            {
                Data(w, "d2", OutputText.XmlSafe(account.ClusterId));
            }
            Data(w, "d3", OutputText.Score(account?.Score ?? 0));
            Data(w, "d4", account?.ClusterId is not null ? "true" : "false");
            w.WriteEndElement();
        }
        long n = 0;
        foreach (var edge in view.Result.Edges)
        {
            var (source, target) = EdgesCsvWriter.Ordered(edge);
            w.WriteStartElement("edge", Ns);
            w.WriteAttributeString("id", "e" + n.ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("source", OutputText.XmlSafe(source));
            w.WriteAttributeString("target", OutputText.XmlSafe(target));
            Data(w, "d5", edge.Signal.Name());
            Data(w, "d6", NetworkNodes.Weight(edge.Weight));
            w.WriteEndElement();
            n++;
        }
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndDocument();
    }

    private static void Key(XmlWriter w, string id, string target, string name, string type)
    {
        w.WriteStartElement("key", Ns);
        w.WriteAttributeString("id", id);
        w.WriteAttributeString("for", target);
        w.WriteAttributeString("attr.name", name);
        w.WriteAttributeString("attr.type", type);
        w.WriteEndElement();
    }

    private static void Data(XmlWriter w, string key, string value)
    {
        w.WriteStartElement("data", Ns);
        w.WriteAttributeString("key", key);
        w.WriteString(value);
        w.WriteEndElement();
    }
}

/// <summary>
/// network.gexf (GEXF 1.3): undirected static graph; nodes carry username, cluster_id, score, flagged; one edge per
/// pair and signal, told apart by <c>kind</c> (the signal, also the label and an attribute) with the weight.
/// </summary>
public static class GexfWriter
{
    private const string Ns = "http://gexf.net/1.3";

    public static void Write(DetectionResult result, string path, DetectionWriterOptions? options = null) =>
        Write(new ResultView(result), path, options ?? new DetectionWriterOptions());

    internal static void Write(ResultView view, string path, DetectionWriterOptions options) =>
        AtomicFile.Write(path, stream => Write(view, stream, options));

    internal static void Write(ResultView view, Stream stream, DetectionWriterOptions options)
    {
        using var w = XmlWriter.Create(stream, NetworkNodes.Settings);
        w.WriteStartDocument();
        w.WriteStartElement("gexf", Ns);
        w.WriteAttributeString("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance");
        w.WriteAttributeString("xsi", "schemaLocation", "http://www.w3.org/2001/XMLSchema-instance",
            "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd");
        w.WriteAttributeString("version", "1.3");

        w.WriteStartElement("meta", Ns);
        w.WriteElementString("creator", Ns, OutputText.XmlSafe(options.GeneratedBy));
        w.WriteElementString("description", Ns,
            "Co-action network: accounts tied by acting on the same objects within the time window, one edge per pair and signal.");
        w.WriteEndElement();

        w.WriteStartElement("graph", Ns);
        w.WriteAttributeString("defaultedgetype", "undirected");
        w.WriteAttributeString("mode", "static");

        w.WriteStartElement("attributes", Ns);
        w.WriteAttributeString("class", "node");
        Attribute(w, "0", "username", "string");
        Attribute(w, "1", "cluster_id", "string");
        Attribute(w, "2", "score", "double");
        Attribute(w, "3", "flagged", "boolean");
        w.WriteEndElement();
        w.WriteStartElement("attributes", Ns);
        w.WriteAttributeString("class", "edge");
        Attribute(w, "4", "signal", "string");
        w.WriteEndElement();

        w.WriteStartElement("nodes", Ns);
        foreach (var (id, account) in NetworkNodes.All(view))
        {
            w.WriteStartElement("node", Ns);
            w.WriteAttributeString("id", OutputText.XmlSafe(id));
            w.WriteAttributeString("label", OutputText.XmlSafe(string.IsNullOrEmpty(account?.Username) ? id : account.Username));
            w.WriteStartElement("attvalues", Ns);
            if (!string.IsNullOrEmpty(account?.Username))
            {
                AttValue(w, "0", OutputText.XmlSafe(account.Username));
            }
            if (account?.ClusterId is not null)
            {
                AttValue(w, "1", OutputText.XmlSafe(account.ClusterId));
            }
            AttValue(w, "2", OutputText.Score(account?.Score ?? 0));
            AttValue(w, "3", account?.ClusterId is not null ? "true" : "false");
            w.WriteEndElement();
            w.WriteEndElement();
        }
        w.WriteEndElement();

        w.WriteStartElement("edges", Ns);
        long n = 0;
        foreach (var edge in view.Result.Edges)
        {
            var (source, target) = EdgesCsvWriter.Ordered(edge);
            var signal = edge.Signal.Name();
            w.WriteStartElement("edge", Ns);
            w.WriteAttributeString("id", n.ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("source", OutputText.XmlSafe(source));
            w.WriteAttributeString("target", OutputText.XmlSafe(target));
            w.WriteAttributeString("kind", signal);
            w.WriteAttributeString("label", signal);
            w.WriteAttributeString("weight", NetworkNodes.Weight(edge.Weight));
            w.WriteStartElement("attvalues", Ns);
            AttValue(w, "4", signal);
            w.WriteEndElement();
            w.WriteEndElement();
            n++;
        }
        w.WriteEndElement();

        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndDocument();
    }

    private static void Attribute(XmlWriter w, string id, string title, string type)
    {
        w.WriteStartElement("attribute", Ns);
        w.WriteAttributeString("id", id);
        w.WriteAttributeString("title", title);
        w.WriteAttributeString("type", type);
        w.WriteEndElement();
    }

    private static void AttValue(XmlWriter w, string key, string value)
    {
        w.WriteStartElement("attvalue", Ns);
        w.WriteAttributeString("for", key);
        w.WriteAttributeString("value", value);
        w.WriteEndElement();
    }
}
