using System.Globalization;
using System.Text;
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
        foreach (var (line, get) in SimpleCsv.Read(path, ["account_id", "cluster_id"]))
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
        foreach (var (line, get) in SimpleCsv.Read(path, ["target_id", "decision"]))
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
        AtomicFile.WriteBytes(path, s => WriteJson(s, detection, moderation, inputs));

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

/// <summary>A small RFC 4180 reader for the result files eval scores: header by name, quoted fields, file:line errors.</summary>
internal static class SimpleCsv
{
    public static IEnumerable<(long Line, Func<string, string> Get)> Read(string path, IReadOnlyList<string> required)
    {
        if (!File.Exists(path))
        {
            throw new InputException(path, 0, "file not found");
        }
        using var reader = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        long lineNumber = 0;
        Dictionary<string, int>? header = null;
        while (true)
        {
            List<string>? fields;
            long startLine;
            try
            {
                startLine = lineNumber + 1;
                fields = ReadRecord(reader, path, ref lineNumber);
            }
            catch (DecoderFallbackException)
            {
                throw new InputException(path, lineNumber + 1, "invalid UTF-8");
            }
            if (fields is null)
            {
                break;
            }
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue;
            }
            if (header is null)
            {
                header = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                for (var i = 0; i < fields.Count; i++)
                {
                    header.TryAdd(fields[i].Trim(), i);
                }
                foreach (var name in required)
                {
                    if (!header.ContainsKey(name))
                    {
                        throw new InputException(path, startLine, $"header has no '{name}' column");
                    }
                }
                continue;
            }
            var row = fields;
            var h = header;
            yield return (startLine, name => h.TryGetValue(name, out var i) && i < row.Count ? row[i] : "");
        }
        if (header is null)
        {
            throw new InputException(path, 0, "empty file: no header");
        }
    }

    private static List<string>? ReadRecord(StreamReader reader, string path, ref long lineNumber)
    {
        var first = reader.Read();
        if (first < 0)
        {
            return null;
        }
        lineNumber++;
        var start = lineNumber;
        var fields = new List<string>();
        var field = new StringBuilder();
        var c = first;
        var quoted = false;
        while (true)
        {
            if (quoted)
            {
                if (c < 0)
                {
                    throw new InputException(path, start, "unterminated quoted field");
                }
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        lineNumber++;
                    }
                    field.Append((char)c);
                }
            }
            else if (c < 0 || c == '\n')
            {
                fields.Add(field.ToString().TrimEnd('\r'));
                return fields;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else
            {
                field.Append((char)c);
            }
            c = reader.Read();
        }
    }
}
