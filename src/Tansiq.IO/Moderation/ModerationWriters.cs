using System.Globalization;
using System.Text.Json;
using Tansiq.Core.Moderation;

namespace Tansiq.IO.Moderation;

/// <summary>Run facts for summary.json that the result itself does not carry.</summary>
public sealed record ModerationRunInfo
{
    public required string Policy { get; init; }
    public required IReadOnlyDictionary<string, object> Parameters { get; init; }
    public required IReadOnlyDictionary<string, string?> Inputs { get; init; }
    public required IReadOnlyList<KeyValuePair<string, double>> StageSeconds { get; init; }

    /// <summary>The reports as replayed: report.html charts them and replays the other policy over them beside this one
    /// (empty: the page shows the naive rule's final outcome only, computed from the counts).</summary>
    public IReadOnlyList<Report> Replayed { get; init; } = [];

    /// <summary>The naive rule shown beside Tansiq's decisions: suspend at this share of the followers.</summary>
    public double NaiveThreshold { get; init; } = 0.25;
}

/// <summary>
/// Writes decisions.csv, timeline.csv, brigades.json, summary.json and report.html. Each file is written under a
/// temporary name and renamed, so a reader never sees half a file.
/// </summary>
public static class ModerationWriters
{
    /// <summary>The files <see cref="WriteAll"/> writes into its directory.</summary>
    public static readonly IReadOnlyList<string> Files = ["decisions.csv", "timeline.csv", "brigades.json", "summary.json", "report.html"];

    public static void WriteAll(string dir, ModerationResult result, ModerationWorld world, ModerationReadStats stats, ModerationRunInfo info, bool excelCsv = false)
    {
        Directory.CreateDirectory(dir);
        var brigadeOf = BrigadeOfWave(result);
        Output.AtomicFile.WriteText(Path.Combine(dir, "decisions.csv"), w => WriteDecisions(w, result, world, brigadeOf), excelCsv);
        Output.AtomicFile.WriteText(Path.Combine(dir, "timeline.csv"), w => WriteTimeline(w, result, world, brigadeOf), excelCsv);
        AtomicBytes(Path.Combine(dir, "brigades.json"), s => WriteBrigades(s, result, world));
        AtomicBytes(Path.Combine(dir, "summary.json"), s => WriteSummary(s, result, stats, info));
        Atomic(Path.Combine(dir, "report.html"), w => ModerationHtml.Write(w, result, world, stats, info, brigadeOf));
    }

    /// <summary>Brigade id for each wave index.</summary>
    public static Dictionary<int, string> BrigadeOfWave(ModerationResult result)
    {
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var b in result.Brigades)
        {
            foreach (var w in b.Waves)
            {
                byName[w] = b.Id;
            }
        }
        var map = new Dictionary<int, string>();
        foreach (var c in result.Campaigns)
        {
            if (byName.TryGetValue(c.Name, out var id))
            {
                map[c.Id] = id;
            }
        }
        return map;
    }

    public static string Brigades(IReadOnlyList<int> waves, Dictionary<int, string> brigadeOf) =>
        string.Join(';', waves.Select(w => brigadeOf.GetValueOrDefault(w, "")).Where(s => s.Length > 0).Distinct());

    public static void WriteDecisions(TextWriter w, ModerationResult result, ModerationWorld world, Dictionary<int, string> brigadeOf)
    {
        w.Write("target_id,decision,priority,decided_at,reports,effective_reports,brigade,reason\n");
        foreach (var d in result.Decisions)
        {
            w.Write(Csv(world.Accounts[d.Target]));
            w.Write(',');
            w.Write(d.Verdict.Decision.Name());
            w.Write(',');
            w.Write(d.Verdict.Priority.Name());
            w.Write(',');
            w.Write(d.DecidedAt.ToString(CultureInfo.InvariantCulture));
            w.Write(',');
            w.Write(d.Reports.ToString(CultureInfo.InvariantCulture));
            w.Write(',');
            w.Write(Number(d.EffectiveReports));
            w.Write(',');
            w.Write(Csv(Brigades(d.Campaigns, brigadeOf)));
            w.Write(',');
            w.Write(Csv(d.Reason));
            w.Write('\n');
        }
    }

    /// <summary>timeline.csv: one row per change of decision, in time order (ties in replay order).</summary>
    public static void WriteTimeline(TextWriter w, ModerationResult result, ModerationWorld world, Dictionary<int, string> brigadeOf)
    {
        w.Write("time,time_utc,target_id,decision,priority,reports,effective_reports,brigade,reason\n");
        foreach (var e in result.Timeline)
        {
            w.Write(e.Time.ToString(CultureInfo.InvariantCulture));
            w.Write(',');
            w.Write(Iso(e.Time));
            w.Write(',');
            w.Write(Csv(world.Accounts[e.Target]));
            w.Write(',');
            w.Write(e.Verdict.Decision.Name());
            w.Write(',');
            w.Write(e.Verdict.Priority.Name());
            w.Write(',');
            w.Write(e.Reports.ToString(CultureInfo.InvariantCulture));
            w.Write(',');
            w.Write(Number(e.EffectiveReports));
            w.Write(',');
            w.Write(Csv(Brigades(e.Campaigns, brigadeOf)));
            w.Write(',');
            w.Write(Csv(e.Reason));
            w.Write('\n');
        }
    }

    public static void WriteBrigades(Stream s, ModerationResult result, ModerationWorld world)
    {
        using var j = new Utf8JsonWriter(s, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        j.WriteStartObject();
        j.WriteString("policy", result.Policy);
        j.WriteNumber("count", result.Brigades.Count);
        var waves = result.Campaigns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        j.WriteStartArray("brigades");
        foreach (var b in result.Brigades)
        {
            j.WriteStartObject();
            j.WriteString("id", b.Id);
            j.WriteNumber("start", b.Start);
            j.WriteString("start_utc", Iso(b.Start));
            j.WriteNumber("end", b.End);
            j.WriteString("end_utc", Iso(b.End));
            j.WriteNumber("reports", b.Reports);
            j.WriteStartArray("targets");
            foreach (var t in b.Targets)
            {
                j.WriteStringValue(world.Accounts[t]);
            }
            j.WriteEndArray();
            j.WriteStartArray("waves");
            foreach (var name in b.Waves)
            {
                var c = waves[name];
                j.WriteStartObject();
                j.WriteString("id", c.Name);
                j.WriteString("target", world.Accounts[c.Target]);
                j.WriteNumber("start", c.Start);
                j.WriteNumber("end", c.End);
                j.WriteNumber("reports", c.Participants.Count);
                j.WriteEndObject();
            }
            j.WriteEndArray();
            j.WriteStartObject("evidence");
            foreach (var e in b.Evidence)
            {
                j.WriteStartObject(e.Name);
                j.WriteNumber("value", e.Value);
                j.WriteString("explanation", e.Explanation);
                j.WriteEndObject();
            }
            j.WriteEndObject();
            j.WriteNumber("participant_count", b.Participants.Count);
            j.WriteStartArray("participants");
            foreach (var p in b.Participants.Select(p => world.Accounts[p]).Order(StringComparer.Ordinal))
            {
                j.WriteStringValue(p);
            }
            j.WriteEndArray();
            j.WriteEndObject();
        }
        j.WriteEndArray();
        j.WriteEndObject();
    }

    public static void WriteSummary(Stream s, ModerationResult result, ModerationReadStats stats, ModerationRunInfo info)
    {
        using var j = new Utf8JsonWriter(s, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        j.WriteStartObject();
        j.WriteString("policy", info.Policy);
        j.WriteStartObject("inputs");
        foreach (var (k, v) in info.Inputs)
        {
            j.WriteString(k, v);
        }
        j.WriteEndObject();
        j.WriteStartObject("counts");
        j.WriteNumber("accounts", stats.Accounts);
        j.WriteNumber("follows", stats.Follows);
        j.WriteNumber("follows_naming_unknown_accounts", stats.FollowsNamingUnknownAccounts);
        j.WriteNumber("messages", stats.Messages);
        j.WriteNumber("messages_by_unknown_accounts", stats.MessagesByUnknownAccounts);
        j.WriteNumber("coordinated_clusters_in_messages", stats.MessageClusters);
        j.WriteNumber("accounts_in_coordinated_clusters", stats.ClusteredAccounts);
        j.WriteNumber("report_rows", stats.ReportRows);
        j.WriteNumber("duplicate_report_ids", stats.DuplicateReportIds);
        j.WriteNumber("reports_naming_unknown_accounts", stats.ReportsNamingUnknownAccounts);
        j.WriteNumber("unknown_reporters", stats.UnknownReporters);
        j.WriteNumber("unknown_targets", stats.UnknownTargets);
        j.WriteNumber("reports_replayed", result.Reports);
        j.WriteNumber("reported_accounts", result.Decisions.Count);
        j.WriteNumber("timeline_changes", result.Timeline.Count);
        j.WriteNumber("campaign_waves", result.Campaigns.Count);
        j.WriteNumber("brigades", result.Brigades.Count);
        j.WriteEndObject();
        j.WriteStartObject("decisions");
        foreach (var g in result.Decisions.GroupBy(d => Label(d.Verdict)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            j.WriteNumber(g.Key, g.Count());
        }
        j.WriteEndObject();
        WriteStrings(j, "unknown_account_examples", stats.UnknownExamples);
        WriteStrings(j, "duplicate_report_examples", stats.DuplicateExamples);
        j.WriteStartObject("parameters");
        foreach (var (k, v) in info.Parameters)
        {
            switch (v)
            {
                case double d:
                    j.WriteNumber(k, d);
                    break;
                case long l:
                    j.WriteNumber(k, l);
                    break;
                case int i:
                    j.WriteNumber(k, i);
                    break;
                default:
                    j.WriteString(k, Convert.ToString(v, CultureInfo.InvariantCulture));
                    break;
            }
        }
        j.WriteEndObject();
        j.WriteStartObject("stage_seconds");
        foreach (var (k, v) in info.StageSeconds)
        {
            j.WriteNumber(k, Math.Round(v, 3));
        }
        j.WriteEndObject();
        j.WriteEndObject();
    }

    public static string Label(Verdict v) => v.Decision == Decision.Review ? $"review_{v.Priority.Name()}" : v.Decision.Name();

    private static void WriteStrings(Utf8JsonWriter j, string name, IEnumerable<string> values)
    {
        j.WriteStartArray(name);
        foreach (var v in values)
        {
            j.WriteStringValue(v);
        }
        j.WriteEndArray();
    }

    public static string Iso(long unix) =>
        unix is > -62135596800 and < 253402300800
            ? DateTimeOffset.FromUnixTimeSeconds(unix).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : "";

    private static string Number(double d) => Math.Round(d, 3).ToString("0.###", CultureInfo.InvariantCulture);

    public static string Csv(string s)
    {
        if (s.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return s;
        }
        return "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static void Atomic(string path, Action<TextWriter> write) => Output.AtomicFile.WriteText(path, write);

    private static void AtomicBytes(string path, Action<Stream> write) => Output.AtomicFile.Write(path, write);
}
