using Tansiq.Core.Detection;

namespace Tansiq.IO.Output;

/// <summary>Writes everything <c>detect</c> produces into one directory. Each file appears complete or not at all.</summary>
public static class DetectionWriter
{
    public const string AccountsFile = "accounts.csv";
    public const string EdgesFile = "edges.csv";
    public const string ClustersFile = "clusters.json";
    public const string GraphMlFile = "network.graphml";
    public const string GexfFile = "network.gexf";
    public const string ReportFile = "report.html";
    public const string SummaryFile = "summary.json";
    public const string LeadsFile = "leads.csv";
    public const string EdgeObjectsFile = "edge_objects.csv";

    public static readonly IReadOnlyList<string> Files =
        [AccountsFile, EdgesFile, ClustersFile, GraphMlFile, GexfFile, ReportFile, SummaryFile, LeadsFile, EdgeObjectsFile];

    /// <summary>
    /// Creates <paramref name="outDir"/> if needed and writes the nine outputs (eight without edges.csv when
    /// <see cref="DetectionWriterOptions.WriteEdges"/> is off); returns their full paths.
    /// A directory or file that cannot be written is reported as an <see cref="InputException"/> on the output path
    /// (a bad <c>--out</c> option, exit code 3), not as a stack trace.
    /// </summary>
    public static IReadOnlyList<string> WriteAll(DetectionResult result, string outDir, DetectionWriterOptions? options = null)
    {
        options ??= new DetectionWriterOptions();
        var view = new ResultView(result);
        var dir = Guarded(outDir, () => Directory.CreateDirectory(outDir).FullName);
        var written = new List<string>(Files.Count);
        void One(string name, Action<string> write)
        {
            var path = Path.Combine(dir, name);
            Guarded(path, () =>
            {
                write(path);
                return 0;
            });
            written.Add(path);
        }
        One(AccountsFile, p => AccountsCsvWriter.Write(view, p, options.ExcelCsv));
        if (options.WriteEdges)
        {
            One(EdgesFile, p => AtomicFile.WriteText(p, w => EdgesCsvWriter.Write(result.Edges, w), options.ExcelCsv));
        }
        else
        {
            // An edges.csv left by an earlier run would not match this run's other files.
            Guarded(Path.Combine(dir, EdgesFile), () =>
            {
                File.Delete(Path.Combine(dir, EdgesFile));
                return 0;
            });
        }
        One(ClustersFile, p => ClustersJsonWriter.Write(view, p, options));
        var networkView = options.AllEdgesInNetworkFiles
            ? view
            : new ResultView(result with { Edges = [.. result.Edges.Where(e => e.Significant)] });
        One(GraphMlFile, p => GraphMlWriter.Write(networkView, p));
        One(GexfFile, p => GexfWriter.Write(networkView, p, options));
        One(LeadsFile, p => AtomicFile.WriteText(p, w => LeadsCsvWriter.Write(result.Leads, w), options.ExcelCsv));
        One(EdgeObjectsFile, p => AtomicFile.WriteText(p, w => EdgeObjectsCsvWriter.Write(result.EdgeObjects, w), options.ExcelCsv));
        One(SummaryFile, p => SummaryJsonWriter.Write(result, p, options));
        One(ReportFile, p => HtmlReportWriter.Write(view, p, options));
        return written;
    }

    private static T Guarded<T>(string path, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (UnauthorizedAccessException e)
        {
            throw new InputException(path, 0, $"cannot write the output: {e.Message}");
        }
        catch (IOException e)
        {
            throw new InputException(path, 0, $"cannot write the output: {e.Message}");
        }
    }
}
