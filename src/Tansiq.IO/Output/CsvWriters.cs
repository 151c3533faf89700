using Tansiq.Core.Detection;
using Tansiq.Core.Model;

namespace Tansiq.IO.Output;

/// <summary>accounts.csv: <c>account_id,username,cluster_id,score,signals</c>, one row per account in any co-action edge.</summary>
public static class AccountsCsvWriter
{
    public const string Header = "account_id,username,cluster_id,score,signals";

    public static void Write(DetectionResult result, string path) => Write(new ResultView(result), path);

    internal static void Write(ResultView view, string path, bool byteOrderMark = false) =>
        AtomicFile.WriteText(path, writer => Write(view, writer), byteOrderMark);

    internal static void Write(ResultView view, TextWriter writer)
    {
        writer.Write(Header);
        writer.Write('\n');
        foreach (var account in view.OrderedAccounts())
        {
            OutputText.WriteCsvField(writer, account.AccountId);
            writer.Write(',');
            OutputText.WriteCsvField(writer, account.Username);
            writer.Write(',');
            OutputText.WriteCsvField(writer, account.ClusterId);
            writer.Write(',');
            writer.Write(OutputText.Score(account.Score));
            writer.Write(',');
            OutputText.WriteCsvField(writer, OutputText.JoinSignals(account.Signals, ";"));
            writer.Write('\n');
        }
    }
}

/// <summary>edges.csv: <c>source,target,signal,weight</c>, undirected (source &lt; target ordinally), one row per pair and signal.</summary>
public static class EdgesCsvWriter
{
    public const string Header = "source,target,signal,weight";

    public static void Write(DetectionResult result, string path) =>
        AtomicFile.WriteText(path, writer => Write(result.Edges, writer));

    /// <summary>Streams the edges in the order given: no copy or sort of a list that may hold millions of rows.</summary>
    internal static void Write(IEnumerable<EdgeResult> edges, TextWriter writer)
    {
        writer.Write(Header);
        writer.Write('\n');
        Span<char> number = stackalloc char[16];
        foreach (var edge in edges)
        {
            var (source, target) = Ordered(edge);
            OutputText.WriteCsvField(writer, source);
            writer.Write(',');
            OutputText.WriteCsvField(writer, target);
            writer.Write(',');
            writer.Write(edge.Signal.Name());
            writer.Write(',');
            edge.Weight.TryFormat(number, out var written, default, System.Globalization.CultureInfo.InvariantCulture);
            writer.Write(number[..written]);
            writer.Write('\n');
        }
    }

    /// <summary>The contract says source &lt; target; a reversed edge from upstream is put right rather than written wrong.</summary>
    internal static (string Source, string Target) Ordered(EdgeResult edge) =>
        string.CompareOrdinal(edge.Source, edge.Target) <= 0 ? (edge.Source, edge.Target) : (edge.Target, edge.Source);
}

/// <summary>
/// leads.csv: <c>rank,kind,accounts,size,signals,scale_seconds,strongest_log10_p,synchronous_objects,failed_test,value,threshold</c>:
/// the strongest unflagged groups and pairs, with the cluster test each failed and by how much.
/// </summary>
public static class LeadsCsvWriter
{
    public const string Header = "rank,kind,accounts,size,signals,scale_seconds,strongest_log10_p,synchronous_objects,failed_test,value,threshold";

    public static void Write(DetectionResult result, string path) =>
        AtomicFile.WriteText(path, writer => Write(result.Leads, writer));

    internal static void Write(IEnumerable<LeadResult> leads, TextWriter writer)
    {
        var c = System.Globalization.CultureInfo.InvariantCulture;
        writer.Write(Header);
        writer.Write('\n');
        foreach (var lead in leads)
        {
            writer.Write(lead.Rank.ToString(c));
            writer.Write(',');
            writer.Write(lead.Kind);
            writer.Write(',');
            OutputText.WriteCsvField(writer, string.Join(';', lead.Accounts));
            writer.Write(',');
            writer.Write(lead.Size.ToString(c));
            writer.Write(',');
            OutputText.WriteCsvField(writer, OutputText.JoinSignals(lead.Signals, ";"));
            writer.Write(',');
            writer.Write(lead.ScaleSeconds.ToString("0.###", c));
            writer.Write(',');
            writer.Write(lead.StrongestLog10P.ToString("0.##", c));
            writer.Write(',');
            writer.Write(lead.SynchronousObjects.ToString(c));
            writer.Write(',');
            writer.Write(lead.FailedTest);
            writer.Write(',');
            writer.Write(lead.Value.ToString("0.####", c));
            writer.Write(',');
            writer.Write(lead.Threshold.ToString("0.####", c));
            writer.Write('\n');
        }
    }
}

/// <summary>
/// edge_objects.csv: <c>source,target,signal,object,source_time,target_time,cluster_id,lead_rank</c>: the objects behind
/// the edges of flagged clusters and of the leads, with both accounts' action times (unix seconds).
/// </summary>
public static class EdgeObjectsCsvWriter
{
    public const string Header = "source,target,signal,object,source_time,target_time,cluster_id,lead_rank";

    internal static void Write(IEnumerable<EdgeObjectResult> rows, TextWriter writer)
    {
        var c = System.Globalization.CultureInfo.InvariantCulture;
        writer.Write(Header);
        writer.Write('\n');
        foreach (var row in rows)
        {
            OutputText.WriteCsvField(writer, row.Source);
            writer.Write(',');
            OutputText.WriteCsvField(writer, row.Target);
            writer.Write(',');
            writer.Write(row.Signal.Name());
            writer.Write(',');
            OutputText.WriteCsvField(writer, row.ObjectKey);
            writer.Write(',');
            writer.Write(row.SourceTime.ToString("0.###", c));
            writer.Write(',');
            writer.Write(row.TargetTime.ToString("0.###", c));
            writer.Write(',');
            OutputText.WriteCsvField(writer, row.ClusterId);
            writer.Write(',');
            writer.Write(row.LeadRank?.ToString(c) ?? "");
            writer.Write('\n');
        }
    }
}
