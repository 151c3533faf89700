using Tansiq.IO.Output;
using System.Text.Json;
using Tansiq.Core.Simulation;

namespace Tansiq.IO.Simulation;

/// <summary>Reads and writes truth.json, the simulator's ground truth (schema in docs/simulator.md).</summary>
public static class TruthJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(string path, GroundTruth truth) => AtomicFile.Write(path, s => Write(s, truth));

    public static void Write(Stream stream, GroundTruth truth)
    {
        using var json = new Utf8JsonWriter(stream, WriterOptions);
        json.WriteStartObject();
        json.WriteNumber("seed", truth.Seed);
        json.WriteNumber("scale", truth.Scale);
        json.WriteNumber("days", truth.Days);
        json.WriteNumber("start", truth.Start);
        json.WriteStartObject("parameters");
        foreach (var (name, value) in truth.Parameters)
        {
            var key = JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
            switch (value)
            {
                case bool b:
                    json.WriteBoolean(key, b);
                    break;
                case int i:
                    json.WriteNumber(key, i);
                    break;
                case long l:
                    json.WriteNumber(key, l);
                    break;
                case double d:
                    json.WriteNumber(key, d);
                    break;
                default:
                    json.WriteString(key, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                    break;
            }
        }
        json.WriteEndObject();
        json.WriteStartArray("accounts");
        foreach (var a in truth.Accounts)
        {
            json.WriteStartObject();
            json.WriteString("account_id", a.AccountId);
            json.WriteString("role", a.Role.Name());
            WriteNullable(json, "squad", a.Squad);
            WriteNullable(json, "friend_group", a.FriendGroup);
            json.WriteBoolean("fast_fan", a.FastFan);
            // scenario accounts only: a seed world's truth.json is unchanged by these fields
            if (a.Behaviour is not null)
            {
                json.WriteString("behaviour", a.Behaviour);
            }
            if (a.Sleeper)
            {
                json.WriteBoolean("sleeper", true);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("reported");
        foreach (var r in truth.Reported)
        {
            json.WriteStartObject();
            json.WriteString("target_id", r.TargetId);
            json.WriteString("label", r.Label.Name());
            WriteNullable(json, "campaign", r.Campaign);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("campaigns");
        foreach (var c in truth.Campaigns)
        {
            json.WriteStartObject();
            json.WriteString("id", c.Id);
            json.WriteString("kind", c.Kind.Name());
            json.WriteNumber("participants", c.Participants);
            json.WriteStartArray("targets");
            foreach (var t in c.Targets)
            {
                json.WriteStringValue(t);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        stream.WriteByte((byte)'\n');
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    public static GroundTruth Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (FileNotFoundException)
        {
            throw new InputException(path, 0, "file not found");
        }
        catch (DirectoryNotFoundException)
        {
            throw new InputException(path, 0, "file not found");
        }
        return Parse(path, bytes);
    }

    public static GroundTruth Parse(string path, ReadOnlyMemory<byte> bytes)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            throw new InputException(path, (e.LineNumber ?? -1) + 1, "bad JSON in truth file");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InputException(path, 0, "truth.json must hold a JSON object");
            }
            var accounts = new List<TruthAccount>();
            foreach (var (a, i) in Array(path, root, "accounts").Select((a, i) => (a, i)))
            {
                var where = $"accounts[{i}]";
                var roleName = RequiredString(path, a, "role", where);
                if (!TruthNames.TryParseRole(roleName, out var role))
                {
                    throw new InputException(path, 0, $"{where}: unknown role '{roleName}'");
                }
                accounts.Add(new TruthAccount(RequiredString(path, a, "account_id", where), role, OptionalString(a, "squad"),
                    OptionalString(a, "friend_group"), a.TryGetProperty("fast_fan", out var ff) && ff.ValueKind == JsonValueKind.True)
                {
                    Behaviour = OptionalString(a, "behaviour"),
                    Sleeper = a.TryGetProperty("sleeper", out var sl) && sl.ValueKind == JsonValueKind.True,
                });
            }
            var reported = new List<ReportedTarget>();
            foreach (var (r, i) in OptionalArray(root, "reported").Select((r, i) => (r, i)))
            {
                var where = $"reported[{i}]";
                var labelName = RequiredString(path, r, "label", where);
                if (!TruthNames.TryParseLabel(labelName, out var label))
                {
                    throw new InputException(path, 0, $"{where}: unknown label '{labelName}'");
                }
                reported.Add(new ReportedTarget(RequiredString(path, r, "target_id", where), label, OptionalString(r, "campaign")));
            }
            var campaigns = new List<ReportCampaign>();
            foreach (var (c, i) in OptionalArray(root, "campaigns").Select((c, i) => (c, i)))
            {
                var where = $"campaigns[{i}]";
                var kindName = RequiredString(path, c, "kind", where);
                if (!TruthNames.TryParseCampaignKind(kindName, out var kind))
                {
                    throw new InputException(path, 0, $"{where}: unknown kind '{kindName}'");
                }
                var targets = OptionalArray(c, "targets").Select(t => t.ValueKind == JsonValueKind.String ? t.GetString()! : t.GetRawText()).ToList();
                var participants = c.TryGetProperty("participants", out var pe) && pe.TryGetInt32(out var n) ? n : 0;
                campaigns.Add(new ReportCampaign(RequiredString(path, c, "id", where), kind, participants, targets));
            }
            var parameters = new List<KeyValuePair<string, object>>();
            if (root.TryGetProperty("parameters", out var pars) && pars.ValueKind == JsonValueKind.Object)
            {
                foreach (var prop in pars.EnumerateObject())
                {
                    object value = prop.Value.ValueKind switch
                    {
                        JsonValueKind.True => true,
                        JsonValueKind.False => false,
                        JsonValueKind.Number => prop.Value.GetDouble(),
                        _ => prop.Value.ToString(),
                    };
                    parameters.Add(new(prop.Name, value));
                }
            }
            return new GroundTruth
            {
                Seed = root.TryGetProperty("seed", out var seed) && seed.TryGetInt32(out var s) ? s : 0,
                Scale = root.TryGetProperty("scale", out var scale) && scale.TryGetDouble(out var sc) ? sc : 0,
                Days = root.TryGetProperty("days", out var days) && days.TryGetDouble(out var d) ? d : 0,
                Start = root.TryGetProperty("start", out var start) && start.TryGetInt64(out var st) ? st : 0,
                Parameters = parameters,
                Accounts = accounts,
                Reported = reported,
                Campaigns = campaigns,
            };
        }
    }

    private static IEnumerable<JsonElement> Array(string path, JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            throw new InputException(path, 0, $"truth.json has no \"{name}\" array");
        }
        return array.EnumerateArray();
    }

    private static IEnumerable<JsonElement> OptionalArray(JsonElement root, string name) =>
        root.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? array.EnumerateArray() : [];

    private static string RequiredString(string path, JsonElement e, string name, string where)
    {
        if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v))
        {
            if (v.ValueKind == JsonValueKind.String)
            {
                return v.GetString()!;
            }
            if (v.ValueKind == JsonValueKind.Number)
            {
                return v.GetRawText();
            }
        }
        throw new InputException(path, 0, $"{where}: missing \"{name}\"");
    }

    private static string? OptionalString(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
