namespace Tansiq.IO.Output;

/// <summary>Bounds and labels for the outputs. The defaults keep report.html readable and a few MB at most.</summary>
public sealed record DetectionWriterOptions
{
    /// <summary>Written as "generated_by" into the JSON files and the report footer.</summary>
    public string GeneratedBy { get; init; } = OutputText.GeneratedBy;

    /// <summary>Timeline actions per cluster in clusters.json (earliest first); the total is always given.</summary>
    public int MaxJsonTimelinePerCluster { get; init; } = 10_000;

    /// <summary>Clusters given a full section in report.html; the rest are listed in the ranking table only.</summary>
    public int MaxReportClusters { get; init; } = 50;

    /// <summary>Rows of the report's cluster ranking table.</summary>
    public int MaxReportRankingRows { get; init; } = 1_000;

    /// <summary>Members listed per cluster in report.html (strongest first).</summary>
    public int MaxReportMembers { get; init; } = 200;

    /// <summary>
    /// When false (the default) network.graphml and network.gexf hold only the significant edges (those that survived
    /// the timing test): the raw networks of a large crowd run to millions of pairs, which Gephi cannot lay out.
    /// edges.csv always holds every raw edge at the minimum weight.
    /// </summary>
    public bool AllEdgesInNetworkFiles { get; init; }

    /// <summary>Shared objects listed per cluster in report.html.</summary>
    public int MaxReportSharedObjects { get; init; } = 25;

    /// <summary>Dots per cluster timeline in report.html (the reaction chart may use as many).</summary>
    public int MaxReportTimelinePoints { get; init; } = 2_000;

    /// <summary>Dots (timeline and reaction chart) on the whole page, shared among the cluster sections.</summary>
    public int MaxReportTotalDots { get; init; } = 24_000;

    /// <summary>Member rows on the whole page, shared among the cluster sections.</summary>
    public int MaxReportTotalMembers { get; init; } = 3_000;

    /// <summary>Shared objects in the report's reaction-time chart per cluster.</summary>
    public int MaxReportReactionRows { get; init; } = 12;

    /// <summary>Member rows per cluster timeline in report.html (the most active members).</summary>
    public int MaxReportTimelineRows { get; init; } = 40;

    /// <summary>Characters of a shared text shown in report.html before it is cut with an ellipsis.</summary>
    public int MaxReportTextLength { get; init; } = 600;

    /// <summary>
    /// When set (e.g. "https://x.com/{username}"), usernames in the report link to the profile. Off by default: the
    /// report then holds no web address at all, and the platform of an export is not always known.
    /// </summary>
    public string? ProfileUrlTemplate { get; init; }

    /// <summary>When false (<c>--no-edges</c>) edges.csv is not written (it can be larger than the input); the network
    /// files, which hold the significant edges only, still are.</summary>
    public bool WriteEdges { get; init; } = true;

    /// <summary>When true (<c>--excel</c>) the CSV files start with the UTF-8 byte-order mark, so that Excel reads
    /// Arabic and other non-Latin text right. Off by default: most tools (and the toolkit) expect no mark.</summary>
    public bool ExcelCsv { get; init; }

    /// <summary>Usernames of the authors of shared objects (account id → username), shown beside the author in
    /// clusters.json (<c>author_username</c>) and report.html; see <see cref="SharedObjectTexts"/>.</summary>
    public IReadOnlyDictionary<string, string>? AuthorUsernames { get; init; }

    /// <summary>
    /// Files written at the same time (<c>detect --threads</c>); 1, the default, writes them one after another and stops
    /// at the first that cannot be written.
    /// </summary>
    public int Parallelism { get; init; } = 1;
}
