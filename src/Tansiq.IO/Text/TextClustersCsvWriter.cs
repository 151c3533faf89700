using Tansiq.IO.Output;

namespace Tansiq.IO.Text;

/// <summary>One post of a text cluster as text_clusters.csv shows it: the platform's ids and the original text.</summary>
public sealed record TextClusterRow(int ClusterId, string MessageId, string AccountId, double Timestamp, string Text);

/// <summary>
/// text_clusters.csv: <c>cluster_id,message_id,account_id,timestamp,text</c>, one row per post in a copy-paste cluster,
/// rows in the order given (the command gives clusters by size, descending, and each cluster's posts in time order).
/// The timestamp is ISO-8601 UTC; the text is the original post, quoted per RFC 4180 when needed.
/// </summary>
public static class TextClustersCsvWriter
{
    public const string Header = "cluster_id,message_id,account_id,timestamp,text";

    public static void Write(string path, IEnumerable<TextClusterRow> rows, bool byteOrderMark = false) =>
        AtomicFile.WriteText(path, writer => Write(writer, rows), byteOrderMark);

    internal static void Write(TextWriter writer, IEnumerable<TextClusterRow> rows)
    {
        writer.Write(Header);
        writer.Write('\n');
        Span<char> number = stackalloc char[16];
        foreach (var row in rows)
        {
            row.ClusterId.TryFormat(number, out var written, default, System.Globalization.CultureInfo.InvariantCulture);
            writer.Write(number[..written]);
            writer.Write(',');
            OutputText.WriteCsvField(writer, row.MessageId);
            writer.Write(',');
            OutputText.WriteCsvField(writer, row.AccountId);
            writer.Write(',');
            OutputText.WriteCsvField(writer, OutputText.IsoUtc(row.Timestamp));
            writer.Write(',');
            OutputText.WriteCsvField(writer, row.Text);
            writer.Write('\n');
        }
    }
}
