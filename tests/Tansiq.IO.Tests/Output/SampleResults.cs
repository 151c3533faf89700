using Tansiq.Core.Detection;
using Tansiq.Core.Model;

namespace Tansiq.IO.Tests.Output;

/// <summary>Hand-made detection results with the hostile strings the writers must survive.</summary>
public static class SampleResults
{
    public const string ArabicText = "بيان \"عاجل\"، <script>alert('x')</script> & كلنا مع القائد, انشر الآن";
    public const string CommaQuoteUser = "evil,\"name\"";
    public const string ScriptUser = "<script>alert(1)</script>";
    public const string ArabicUser = "جيش_إلكتروني&حر";
    public const string ControlUser = "bad\u0001name\u000B";

    /// <summary>
    /// Two clusters (c-low with score 0.71, c-high with 0.93, listed low first so ranking is tested), three unclustered
    /// accounts, a pair tied by two signals, and an account with no username.
    /// </summary>
    public static DetectionResult Small()
    {
        var accounts = new List<AccountResult>
        {
            Account("a1", CommaQuoteUser, "c-high", 0.91, SignalKind.CoRepost, SignalKind.CoText),
            Account("a2", ScriptUser, "c-high", 0.95, SignalKind.CoText, SignalKind.CoRepost),
            Account("a3", ArabicUser, "c-high", 0.88, SignalKind.CoRepost),
            Account("b1", "plain_b1", "c-low", 0.70, SignalKind.CoLink),
            Account("b2", "line\nbreak", "c-low", 0.72, SignalKind.CoLink, SignalKind.CoLink),
            Account("u1", "fan_one", null, 0.20, SignalKind.CoRepost),
            Account("u2", null, null, 0.35, SignalKind.CoHashtag),
            Account("u3", ControlUser, null, 0.35, SignalKind.CoHashtag),
        };
        var edges = new List<EdgeResult>
        {
            new("a1", "a2", SignalKind.CoRepost, 12),
            new("a1", "a2", SignalKind.CoText, 4),
            new("a1", "a3", SignalKind.CoRepost, 9),
            new("a2", "a3", SignalKind.CoRepost, 11),
            new("b1", "b2", SignalKind.CoLink, 6),
            new("a1", "u1", SignalKind.CoRepost, 1),
            new("u2", "u3", SignalKind.CoHashtag, 2),
        };
        var high = new ClusterResult
        {
            ClusterId = "c-high",
            Members = ["a1", "a2", "a3"],
            Score = 0.93,
            Signals = [SignalKind.CoText, SignalKind.CoRepost],
            FirstAction = 1612345600,
            LastAction = 1612349200.5,
            SharedObjects =
            [
                new SharedObject
                {
                    Signal = SignalKind.CoText, Key = "بيان عاجل كلنا مع القائد انشر الآن", Text = ArabicText, Lang = "ar",
                    Members = 3, Participants = 4, FirstAction = 1612345600, LastAction = 1612345612,
                },
                new SharedObject
                {
                    Signal = SignalKind.CoRepost, Key = "post-777", Members = 3, Participants = 250,
                    FirstAction = 1612349000, LastAction = 1612349200.5,
                },
            ],
            Evidence =
            [
                new EvidenceItem("synchrony", 0.97, "97% of the members' shared actions fell within 15 s of each other."),
                new EvidenceItem("null_model_p", 1.5e-9, "Shuffled timing gives this much synchrony with probability 1.5e-9 < \"chance\" & noise."),
            ],
            Timeline =
            [
                new TimelineAction("a1", 1612345600, SignalKind.CoText, "بيان عاجل"),
                new TimelineAction("a2", 1612345605, SignalKind.CoText, "بيان عاجل"),
                new TimelineAction("a3", 1612345612, SignalKind.CoText, "<b>bold</b>"),
                new TimelineAction("a2", 1612349000, SignalKind.CoRepost, "post-777"),
                new TimelineAction("a1", 1612349100, SignalKind.CoRepost, "post-777"),
                new TimelineAction("a3", 1612349200.5, SignalKind.CoRepost, "post-777"),
            ],
        };
        var low = new ClusterResult
        {
            ClusterId = "c-low",
            Members = ["b1", "b2"],
            Score = 0.71,
            Signals = [SignalKind.CoLink],
            FirstAction = 1612400000,
            LastAction = 1612400030,
            SharedObjects =
            [
                new SharedObject
                {
                    Signal = SignalKind.CoLink, Key = "example.org/a?x=1&y=<2>", Members = 2, Participants = 2,
                    FirstAction = 1612400000, LastAction = 1612400030,
                },
            ],
            Evidence = [new EvidenceItem("shared_links", 6, "The two accounts posted 6 rare links within 30 s.")],
            Timeline =
            [
                new TimelineAction("b1", 1612400000, SignalKind.CoLink, "example.org/a"),
                new TimelineAction("b2", 1612400030, SignalKind.CoLink, "example.org/a"),
            ],
        };
        return new DetectionResult
        {
            Accounts = accounts,
            Clusters = [low, high],
            Edges = edges,
            Summary = Summary(clusters: 2, flagged: 5),
        };
    }

    /// <summary>Nothing coordinated: a few organic pairs, no cluster.</summary>
    public static DetectionResult NoClusters() => new()
    {
        Accounts =
        [
            Account("x1", "organic_1", null, 0.1, SignalKind.CoHashtag),
            Account("x2", "organic_2", null, 0.1, SignalKind.CoHashtag),
        ],
        Clusters = [],
        Edges = [new EdgeResult("x1", "x2", SignalKind.CoHashtag, 1)],
        Summary = Summary(clusters: 0, flagged: 0),
    };

    public static DetectionSummary Summary(int clusters, int flagged) => new()
    {
        Messages = 123_456,
        Accounts = 20_100,
        DuplicateMessages = 7,
        SkippedRows = 2,
        SkippedRowExamples = ["in.csv:17: timestamp \"abc\" is not a number", "in.csv:99: 5 columns, expected 8 <bad>"],
        Parameters = new Dictionary<string, object>
        {
            ["window"] = 60.0,
            ["signals"] = new[] { SignalKind.CoRepost, SignalKind.CoLink },
            ["min_weight"] = 2,
            ["format"] = "cnt-csv",
            ["skip_bad_rows"] = true,
        },
        StageSeconds =
        [
            new KeyValuePair<string, double>("read", 1.25),
            new KeyValuePair<string, double>("sweep", 0.5),
            new KeyValuePair<string, double>("cluster", 0.125),
        ],
        Signals = new Dictionary<string, SignalCounts>
        {
            ["co-link"] = new(900, 300, 40, 3),
            ["co-repost"] = new(100_000, 5_000, 2_000_000, 1_234),
        },
        Clusters = clusters,
        FlaggedAccounts = flagged,
    };

    public static AccountResult Account(string id, string? username, string? cluster, double score, params SignalKind[] signals) => new()
    {
        AccountId = id,
        Username = username,
        ClusterId = cluster,
        Score = score,
        Signals = signals,
        Messages = 10,
    };

    /// <summary>A big generated result to exercise the report's caps: <paramref name="members"/> members, many actions each.</summary>
    public static DetectionResult Big(int members, int actionsPerMember, int seed = 7)
    {
        var random = new Random(seed);
        var ids = Enumerable.Range(0, members).Select(i => $"m{i:D5}").ToList();
        var timeline = new List<TimelineAction>();
        for (var k = 0; k < actionsPerMember; k++)
        {
            var t0 = 1_700_000_000 + k * 3600;
            foreach (var id in ids)
            {
                timeline.Add(new TimelineAction(id, t0 + random.Next(0, 30), SignalKind.CoRepost, $"p{k}"));
            }
        }
        var cluster = new ClusterResult
        {
            ClusterId = "big",
            Members = ids,
            Score = 0.9,
            Signals = [SignalKind.CoRepost],
            FirstAction = timeline.Min(t => t.Time),
            LastAction = timeline.Max(t => t.Time),
            SharedObjects = Enumerable.Range(0, 60).Select(k => new SharedObject
            {
                Signal = SignalKind.CoRepost,
                Key = $"p{k}",
                Members = members,
                Participants = members,
                FirstAction = 1_700_000_000 + k * 3600,
                LastAction = 1_700_000_000 + k * 3600 + 29,
            }).ToList(),
            Evidence = [new EvidenceItem("synchrony", 0.99, "Almost every action within 30 s.")],
            Timeline = timeline,
        };
        return new DetectionResult
        {
            Accounts = ids.Select(id => Account(id, "user_" + id, "big", 0.9, SignalKind.CoRepost)).ToList(),
            Clusters = [cluster],
            Edges = [new EdgeResult(ids[0], ids[1], SignalKind.CoRepost, actionsPerMember)],
            Summary = Summary(clusters: 1, flagged: members),
        };
    }
}
