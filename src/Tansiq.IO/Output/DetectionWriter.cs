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
    /// <see cref="DetectionWriterOptions.WriteEdges"/> is off); returns their full paths in the order of
    /// <see cref="Files"/>. With <see cref="DetectionWriterOptions.Parallelism"/> above one the files are written side by
    /// side, the largest first: edges.csv alone can be larger than the input, and each file is flushed to disk before it
    /// is renamed into place, so one writer waits on the disk while another formats. Every file is still complete or
    /// absent; when one fails the others finish first, and the failure of the largest is the one reported.
    /// A directory or file that cannot be written is reported as an <see cref="InputException"/> on the output path
    /// (a bad <c>--out</c> option, exit code 3), not as a stack trace.
    /// </summary>
    public static IReadOnlyList<string> WriteAll(DetectionResult result, string outDir, DetectionWriterOptions? options = null)
    {
        var o = options ?? new DetectionWriterOptions();
        var view = new ResultView(result);
        var dir = Guarded(outDir, () => Directory.CreateDirectory(outDir).FullName);
        var networkView = o.AllEdgesInNetworkFiles
            ? view
            : new ResultView(result with { Edges = [.. result.Edges.Where(e => e.Significant)] });
        // Largest first, so that the longest write starts at once and the small ones fill in beside it.
        var jobs = new List<(string Name, Action<string> Write)>(Files.Count);
        if (o.WriteEdges)
        {
            jobs.Add((EdgesFile, p => AtomicFile.WriteText(p, w => EdgesCsvWriter.Write(result.Edges, w), o.ExcelCsv)));
        }
        jobs.Add((GexfFile, p => GexfWriter.Write(networkView, p, o)));
        jobs.Add((GraphMlFile, p => GraphMlWriter.Write(networkView, p)));
        jobs.Add((EdgeObjectsFile, p => AtomicFile.WriteText(p, w => EdgeObjectsCsvWriter.Write(result.EdgeObjects, w), o.ExcelCsv)));
        jobs.Add((ClustersFile, p => ClustersJsonWriter.Write(view, p, o)));
        jobs.Add((ReportFile, p => HtmlReportWriter.Write(view, p, o)));
        jobs.Add((AccountsFile, p => AccountsCsvWriter.Write(view, p, o.ExcelCsv)));
        jobs.Add((LeadsFile, p => AtomicFile.WriteText(p, w => LeadsCsvWriter.Write(result.Leads, w), o.ExcelCsv)));
        jobs.Add((SummaryFile, p => SummaryJsonWriter.Write(result, p, o)));
        if (!o.WriteEdges)
        {
            // An edges.csv left by an earlier run would not match this run's other files.
            Guarded(Path.Combine(dir, EdgesFile), () =>
            {
                File.Delete(Path.Combine(dir, EdgesFile));
                return 0;
            });
        }
        var failures = new Exception?[jobs.Count];
        void Run(int i)
        {
            var path = Path.Combine(dir, jobs[i].Name);
            try
            {
                Guarded(path, () =>
                {
                    jobs[i].Write(path);
                    return 0;
                });
            }
            catch (Exception e)
            {
                failures[i] = e;
            }
        }
        if (o.Parallelism <= 1)
        {
            for (var i = 0; i < jobs.Count; i++)
            {
                Run(i);
                if (failures[i] is not null)
                {
                    break;
                }
            }
        }
        else
        {
            Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = o.Parallelism }, Run);
        }
        if (failures.FirstOrDefault(f => f is not null) is { } failed)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failed);
        }
        return [.. Files.Where(f => jobs.Any(j => j.Name == f)).Select(f => Path.Combine(dir, f))];
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
