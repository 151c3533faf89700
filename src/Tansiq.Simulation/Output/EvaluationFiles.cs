using System.Globalization;
using System.Text.Json;
using Tansiq.Core.Evaluation;

namespace Tansiq.IO.Simulation;

/// <summary>Reads the files <c>eval</c> scores (detect's accounts.csv, moderate's decisions.csv) and writes eval.json.</summary>
public static class EvaluationFiles
{
    /// <summary>detect's accounts.csv: account_id,username,cluster_id,score,signals (by header name; more columns ignored).</summary>
    public static List<DetectedAccount> ReadDetectedAccounts(string path)
    {
        var rows = new List<DetectedAccount>();
        foreach (var (line, get) in ResultCsv.Read(path, ["account_id", "cluster_id"]))
        {
            var id = get("account_id");
            if (string.IsNullOrEmpty(id))
            {
                throw new InputException(path, line, "empty account_id");
            }
            var scoreText = get("score");
            var score = 0.0;
            if (!string.IsNullOrEmpty(scoreText) && !double.TryParse(scoreText, NumberStyles.Float, CultureInfo.InvariantCulture, out score))
            {
                throw new InputException(path, line, $"score '{scoreText}' is not a number");
            }
            var cluster = get("cluster_id");
            rows.Add(new DetectedAccount(id, string.IsNullOrWhiteSpace(cluster) ? null : cluster.Trim(), score));
        }
        return rows;
    }

    /// <summary>moderate's decisions.csv: target_id,decision,priority,... (by header name).</summary>
    public static List<ModerationDecision> ReadDecisions(string path)
    {
        var rows = new List<ModerationDecision>();
        foreach (var (line, get) in ResultCsv.Read(path, ["target_id", "decision"]))
        {
            var id = get("target_id");
            if (string.IsNullOrEmpty(id))
            {
                throw new InputException(path, line, "empty target_id");
            }
            var decision = get("decision");
            var priority = get("priority");
            if (ModerationEvaluator.Column(decision, priority) is null)
            {
                throw new InputException(path, line, $"decision '{decision}' is not none, review or suspend");
            }
            rows.Add(new ModerationDecision(id, decision, string.IsNullOrEmpty(priority) ? null : priority));
        }
        return rows;
    }

    public static void WriteJson(string path, DetectionEvaluation? detection, ModerationEvaluation? moderation, IReadOnlyDictionary<string, string> inputs) =>
        Output.AtomicFile.Write(path, s => WriteJson(s, detection, moderation, inputs));

    public static void WriteJson(Stream stream, DetectionEvaluation? detection, ModerationEvaluation? moderation, IReadOnlyDictionary<string, string> inputs)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteStartObject("inputs");
        foreach (var (k, v) in inputs.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            json.WriteString(k, v);
        }
        json.WriteEndObject();
        if (detection is { } d)
        {
            json.WriteStartObject("detection");
            json.WriteString("positives_definition", "roles army, producer, sockpuppet, relay, hashtag_gamer; commander and publisher excluded (publishers: declared, reported apart); all other roles negative");
            json.WriteNumber("positives", d.Positives);
            json.WriteNumber("flagged", d.Flagged);
            json.WriteNumber("true_positives", d.TruePositives);
            json.WriteNumber("false_positives", d.FalsePositives);
            json.WriteNumber("false_negatives", d.FalseNegatives);
            json.WriteNumber("excluded_flagged", d.ExcludedFlagged);
            json.WriteNumber("unknown_flagged", d.UnknownFlagged);
            json.WriteNumber("precision", Round(d.Precision));
            json.WriteNumber("recall", Round(d.Recall));
            json.WriteNumber("f1", Round(d.F1));
            Share(json, "fans", d.Fans);
            Share(json, "fast_fans", d.FastFans);
            Share(json, "friend_group_members", d.FriendGroupMembers);
            Share(json, "other_organic", d.OtherOrganic);
            json.WriteStartObject("flagged_by_role");
            foreach (var (role, share) in d.ByRole)
            {
                Share(json, role, share);
            }
            json.WriteEndObject();
            json.WriteStartArray("squads");
            foreach (var s in d.Squads)
            {
                json.WriteStartObject();
                json.WriteString("squad", s.Squad);
                json.WriteNumber("members", s.Members);
                json.WriteNumber("flagged", s.Flagged);
                json.WriteNumber("recall", Round(s.Recall));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("behaviours");
            foreach (var b in d.Behaviours)
            {
                json.WriteStartObject();
                json.WriteString("behaviour", b.Behaviour);
                json.WriteNumber("members", b.Members);
                json.WriteNumber("flagged", b.Flagged);
                json.WriteNumber("recall", Round(b.Recall));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            Share(json, "sleepers", d.Sleepers);
            Share(json, "publishers_declared", d.Publishers);
            Share(json, "all_accounts", d.AllAccounts);
            json.WriteNumber("cluster_ari", Round(d.ClusterAri));
            json.WriteEndObject();
        }
        if (moderation is { } m)
        {
            json.WriteStartObject("moderation");
            json.WriteStartObject("confusion");
            foreach (var row in m.Confusion)
            {
                json.WriteStartObject(row.Label);
                for (var c = 0; c < ModerationEvaluation.ColumnNames.Count; c++)
                {
                    json.WriteNumber(ModerationEvaluation.ColumnNames[c], row.Counts[c]);
                }
                json.WriteNumber("total", row.Total);
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteNumber("wrongful_suspensions", m.WrongfulSuspensions);
            json.WriteStartObject("wrongful_suspensions_by_label");
            foreach (var (label, n) in m.WrongfulSuspensionsByLabel)
            {
                json.WriteNumber(label, n);
            }
            json.WriteEndObject();
            json.WriteNumber("noise_left_alone", Round(m.NoiseLeftAlone));
            json.WriteNumber("abusive_suspended_or_high_review", Round(m.AbusiveActioned));
            json.WriteNumber("missing_decisions", m.MissingDecisions);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.Flush();
        stream.WriteByte((byte)'\n');
    }

    private static void Share(Utf8JsonWriter json, string name, GroupShare share)
    {
        json.WriteStartObject(name);
        json.WriteNumber("accounts", share.Accounts);
        json.WriteNumber("flagged", share.Flagged);
        json.WriteNumber("share", Round(share.Share));
        json.WriteEndObject();
    }

    private static double Round(double x) => Math.Round(x, 6);
}

/// <summary>The result files eval scores, by header name, through the shared CSV reader: each row's line and a getter
/// of its cells by column name ("" for a column the file lacks).</summary>
internal static class ResultCsv
{
    public static IEnumerable<(long Line, Func<string, string> Get)> Read(string path, IReadOnlyList<string> required)
    {
        Readers.InputFiles.Check(path);
        using var csv = Readers.CsvRecords.Open(path);
        var header = Readers.CsvHeader.Read(csv, "a result file", string.Join(",", required));
        header.Require(csv, [.. required]);
        while (csv.MoveNext())
        {
            if (csv.Problem is { } problem)
            {
                throw new InputException(path, csv.Line, problem);
            }
            var row = new string[csv.ColCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = csv.FieldString(i);
            }
            yield return (csv.Line, name => header.Find(name.ToLowerInvariant()) is var i and >= 0 && i < row.Length ? row[i] : "");
        }
    }
}
