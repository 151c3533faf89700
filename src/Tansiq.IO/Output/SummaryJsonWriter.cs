using System.Collections;
using System.Globalization;
using System.Text.Json;
using Tansiq.Core.Detection;
using Tansiq.Core.Model;

namespace Tansiq.IO.Output;

/// <summary>summary.json: input counts, parameters, stage timings, counts per signal and result counts.</summary>
public static class SummaryJsonWriter
{
    public static void Write(DetectionResult result, string path, DetectionWriterOptions? options = null) =>
        AtomicFile.Write(path, stream => Write(result, stream, options ?? new DetectionWriterOptions()));

    internal static void Write(DetectionResult result, Stream stream, DetectionWriterOptions options)
    {
        var s = result.Summary;
        using var w = new Utf8JsonWriter(stream, OutputJson.WriterOptions);
        w.WriteStartObject();
        w.WriteString("generated_by", options.GeneratedBy);

        w.WriteStartObject("input");
        w.WriteNumber("messages", s.Messages);
        w.WriteNumber("accounts", s.Accounts);
        w.WriteNumber("duplicate_messages", s.DuplicateMessages);
        w.WriteNumber("skipped_rows", s.SkippedRows);
        w.WriteStartArray("skipped_row_examples");
        foreach (var example in s.SkippedRowExamples)
        {
            w.WriteStringValue(example);
        }
        w.WriteEndArray();
        w.WriteEndObject();

        w.WritePropertyName("parameters");
        w.WriteStartObject();
        foreach (var (name, value) in s.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.WritePropertyName(name);
            WriteValue(w, value, depth: 0);
        }
        w.WriteEndObject();

        // An object keeps stage names addressable (summary.stage_seconds.read); keys appear in the order the stages ran.
        w.WriteStartObject("stage_seconds");
        var total = 0.0;
        foreach (var (stage, seconds) in s.StageSeconds)
        {
            WriteNumberOrNull(w, stage, Math.Round(seconds, 6));
            total += double.IsFinite(seconds) ? seconds : 0;
        }
        w.WriteEndObject();
        w.WriteNumber("total_seconds", Math.Round(total, 6));

        w.WriteStartObject("signals");
        foreach (var (name, counts) in OrderedSignals(s.Signals))
        {
            w.WriteStartObject(name);
            w.WriteNumber("events", counts.Events);
            w.WriteNumber("objects", counts.Objects);
            w.WriteNumber("raw_pairs", counts.RawPairs);
            w.WriteNumber("significant_pairs", counts.SignificantPairs);
            w.WriteEndObject();
        }
        w.WriteEndObject();

        // Derived from the result itself so that summary.json cannot disagree with accounts.csv and clusters.json.
        w.WriteStartObject("results");
        w.WriteNumber("clusters", result.Clusters.Count);
        w.WriteNumber("flagged_accounts", result.Accounts.Count(a => a.ClusterId is not null));
        w.WriteNumber("accounts_in_edges", result.Accounts.Count);
        w.WriteNumber("edges", result.Edges.Count);
        w.WriteNumber("leads", result.Leads.Count);
        w.WriteEndObject();

        // The clock of the data: research exports often stamp posts to the minute, and the null model adapts to it.
        w.WriteNumber("time_resolution_seconds", s.TimeResolutionSeconds);
        w.WriteBoolean("coarse_timestamps", s.TimeResolutionSeconds >= 60);
        w.WriteStartArray("warnings");
        foreach (var warning in s.Warnings)
        {
            w.WriteStringValue(warning);
        }
        w.WriteEndArray();

        w.WriteEndObject();
        w.Flush();
    }

    /// <summary>Known signals in their canonical order, anything else after them by name.</summary>
    internal static IEnumerable<KeyValuePair<string, SignalCounts>> OrderedSignals(IReadOnlyDictionary<string, SignalCounts> signals) =>
        signals.OrderBy(p => SignalNames.TryParse(p.Key, out var k) && !SignalNames.IsObjectKind(k) ? (int)k : int.MaxValue)
            .ThenBy(p => p.Key, StringComparer.Ordinal);

    private static void WriteNumberOrNull(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value))
        {
            w.WriteNumber(name, value);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    /// <summary>Parameters are whatever the CLI collected: numbers, text, flags, lists of signals, durations.</summary>
    private static void WriteValue(Utf8JsonWriter w, object? value, int depth)
    {
        switch (value)
        {
            case null:
                w.WriteNullValue();
                break;
            case string text:
                w.WriteStringValue(text);
                break;
            case bool flag:
                w.WriteBooleanValue(flag);
                break;
            case SignalKind signal:
                w.WriteStringValue(signal.Name());
                break;
            case Enum other:
                w.WriteStringValue(other.ToString());
                break;
            case TimeSpan span:
                w.WriteNumberValue(span.TotalSeconds);
                break;
            case DateTimeOffset dto:
                w.WriteStringValue(dto.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                break;
            case double d when !double.IsFinite(d):
            case float f when !float.IsFinite(f):
                w.WriteNullValue();
                break;
            case byte or sbyte or short or ushort or int or uint or long:
                w.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong big:
                w.WriteNumberValue(big);
                break;
            case float or double:
                w.WriteNumberValue(Convert.ToDouble(value, CultureInfo.InvariantCulture));
                break;
            case decimal m:
                w.WriteNumberValue(m);
                break;
            case IDictionary map when depth < 8:
                w.WriteStartObject();
                foreach (DictionaryEntry entry in map)
                {
                    w.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "");
                    WriteValue(w, entry.Value, depth + 1);
                }
                w.WriteEndObject();
                break;
            case IEnumerable items when depth < 8:
                w.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(w, item, depth + 1);
                }
                w.WriteEndArray();
                break;
            default:
                w.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    /// <summary>A parameter value as one line of text for the report.</summary>
    internal static string FormatParameter(object? value) => value switch
    {
        null => "-",
        string text => text,
        bool flag => flag ? "true" : "false",
        SignalKind signal => signal.Name(),
        TimeSpan span => OutputText.Duration(span.TotalSeconds),
        double d => OutputText.Number(d),
        float f => OutputText.Number(f),
        IEnumerable items => string.Join(", ", items.Cast<object?>().Select(FormatParameter)),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
