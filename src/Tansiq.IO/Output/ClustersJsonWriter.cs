using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tansiq.Core.Detection;
using Tansiq.Core.Model;

namespace Tansiq.IO.Output;

/// <summary>clusters.json: <c>{"generated_by": ..., "cluster_count": N, "clusters": [...]}</c>, clusters strongest first.</summary>
public static class ClustersJsonWriter
{
    public static void Write(DetectionResult result, string path, DetectionWriterOptions? options = null) =>
        Write(new ResultView(result), path, options ?? new DetectionWriterOptions());

    internal static void Write(ResultView view, string path, DetectionWriterOptions options) =>
        AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, Build(view, options), OutputJson.Context.ClustersDocument));

    internal static ClustersDocument Build(ResultView view, DetectionWriterOptions options)
    {
        var clusters = new List<ClusterJson>(view.RankedClusters.Count);
        for (var i = 0; i < view.RankedClusters.Count; i++)
        {
            clusters.Add(Cluster(view, view.RankedClusters[i], i + 1, options));
        }
        return new ClustersDocument(options.GeneratedBy, clusters.Count, clusters);
    }

    private static ClusterJson Cluster(ResultView view, ClusterResult c, int rank, DetectionWriterOptions options)
    {
        var members = view.OrderedMembers(c)
            .Select(id => new MemberJson(id, view.Username(id),
                view.AccountsById.TryGetValue(id, out var a) ? Math.Round(OutputText.ClampScore(a.Score), 6) : null))
            .ToList();
        var timeline = c.Timeline
            .OrderBy(t => t.Time)
            .ThenBy(t => t.AccountId, StringComparer.Ordinal)
            .Take(options.MaxJsonTimelinePerCluster)
            .Select(t => new TimelineJson(t.AccountId, OutputJson.Finite(t.Time), OutputText.IsoUtc(t.Time), t.Signal.Name(), t.ObjectKey))
            .ToList();
        return new ClusterJson(
            Id: c.ClusterId,
            Rank: rank,
            Size: members.Count,
            Score: Math.Round(OutputText.ClampScore(c.Score), 6),
            Signals: OutputText.Canonical(c.Signals).Select(s => s.Name()).ToList(),
            FirstAction: OutputJson.Finite(c.FirstAction),
            FirstActionUtc: OutputText.IsoUtc(c.FirstAction),
            LastAction: OutputJson.Finite(c.LastAction),
            LastActionUtc: OutputText.IsoUtc(c.LastAction),
            TimeSpanSeconds: OutputJson.Finite(c.LastAction - c.FirstAction),
            Members: members,
            Evidence: c.Evidence.Select(e => new EvidenceJson(e.Name, OutputJson.Finite(e.Value), e.Explanation)).ToList(),
            SharedObjects: c.SharedObjects.Select(o => new SharedObjectJson(
                o.Signal.Name(), o.Key, o.Text, o.Lang, o.Author, o.Members, o.Participants,
                OutputJson.Finite(o.FirstAction), OutputText.IsoUtc(o.FirstAction),
                OutputJson.Finite(o.LastAction), OutputText.IsoUtc(o.LastAction),
                OutputJson.Finite(o.Spread),
                SharedObjectAuthors.Username(o.Author, view, options))).ToList(),
            TimelineTotal: c.Timeline.Count,
            TimelineTruncated: timeline.Count < c.Timeline.Count,
            Timeline: timeline,
            Kind: c.Kind,
            TimeScaleSeconds: OutputJson.Finite(c.TimeScaleSeconds));
    }
}

internal sealed record ClustersDocument(string GeneratedBy, int ClusterCount, IReadOnlyList<ClusterJson> Clusters);

internal sealed record ClusterJson(
    string Id,
    int Rank,
    int Size,
    double Score,
    IReadOnlyList<string> Signals,
    double? FirstAction,
    string? FirstActionUtc,
    double? LastAction,
    string? LastActionUtc,
    double? TimeSpanSeconds,
    IReadOnlyList<MemberJson> Members,
    IReadOnlyList<EvidenceJson> Evidence,
    IReadOnlyList<SharedObjectJson> SharedObjects,
    int TimelineTotal,
    bool TimelineTruncated,
    IReadOnlyList<TimelineJson> Timeline,
    string? Kind,
    double? TimeScaleSeconds);

internal sealed record MemberJson(string AccountId, string? Username, double? Score);

/// <summary>The username of a shared object's author: from the options' map, else from the accounts of the result.</summary>
internal static class SharedObjectAuthors
{
    public static string? Username(string? author, ResultView view, DetectionWriterOptions options) =>
        author is null ? null
        : options.AuthorUsernames is not null && options.AuthorUsernames.TryGetValue(author, out var name) ? name
        : view.AccountsById.TryGetValue(author, out var account) && !string.IsNullOrEmpty(account.Username) ? account.Username
        : null;
}

internal sealed record EvidenceJson(string Name, double? Value, string Explanation);

internal sealed record SharedObjectJson(
    string Signal,
    string Key,
    string? Text,
    string? Lang,
    string? Author,
    int Members,
    int Participants,
    double? FirstAction,
    string? FirstActionUtc,
    double? LastAction,
    string? LastActionUtc,
    double? SpreadSeconds,
    string? AuthorUsername);

internal sealed record TimelineJson(string AccountId, double? Time, string? TimeUtc, string Signal, string ObjectKey);

/// <summary>JSON settings shared by clusters.json and summary.json.</summary>
internal static class OutputJson
{
    /// <summary>
    /// Relaxed escaping keeps Arabic (and other non-ASCII) text readable in the file instead of \uXXXX runs; the files
    /// are data, never embedded in HTML, so the HTML-sensitive characters need no escaping here.
    /// </summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        IndentSize = 2,
    };

    public static readonly OutputJsonContext Context = new(new JsonSerializerOptions(Options));

    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = true,
        IndentSize = 2,
    };

    /// <summary>JSON has no NaN or infinity: a value that is not a number is written as null rather than failing the run.</summary>
    public static double? Finite(double value) => double.IsFinite(value) ? value : null;
}

[JsonSerializable(typeof(ClustersDocument))]
internal sealed partial class OutputJsonContext : JsonSerializerContext;
