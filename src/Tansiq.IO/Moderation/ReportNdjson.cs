using System.Text.Json;

namespace Tansiq.IO.Moderation;

/// <summary>
/// Reports as NDJSON (one JSON object a line): <c>{"report_id": "r1", "reporter_id": "a", "target_id": "b",
/// "timestamp": 1700000000, "reason": "spam"}</c>. The same fields and checks as reports.csv; ids may be strings or
/// numbers, the timestamp unix seconds (number or string) or ISO-8601.
/// </summary>
public static class ReportNdjson
{
    public static List<ReportRow> Read(TextReader text, string source)
    {
        var rows = new List<ReportRow>();
        long line = 0;
        while (true)
        {
            string? l;
            try
            {
                l = text.ReadLine();
            }
            catch (System.Text.DecoderFallbackException)
            {
                throw new InputException(source, line + 1, "not valid UTF-8");
            }
            if (l is null)
            {
                break;
            }
            line++;
            if (string.IsNullOrWhiteSpace(l))
            {
                continue;
            }
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(l);
            }
            catch (JsonException e)
            {
                throw new InputException(source, line, $"not a JSON object: {e.Message}");
            }
            using (doc)
            {
                var o = doc.RootElement;
                if (o.ValueKind != JsonValueKind.Object)
                {
                    throw new InputException(source, line, "each line must be one JSON object");
                }
                rows.Add(ModerationReaders.Validate(source, line,
                    Field(o, "report_id", source, line, required: true)!.Trim(),
                    Field(o, "reporter_id", source, line, required: true)!.Trim(),
                    Field(o, "target_id", source, line, required: true)!.Trim(),
                    Field(o, "timestamp", source, line, required: true)!,
                    Field(o, "reason", source, line, required: false)));
            }
        }
        return rows;
    }

    private static string? Field(JsonElement o, string name, string source, long line, bool required)
    {
        if (!o.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return required ? throw new InputException(source, line, $"no '{name}'") : null;
        }
        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => throw new InputException(source, line, $"'{name}' must be a string or a number"),
        };
    }
}
