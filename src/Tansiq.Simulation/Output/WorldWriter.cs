using Tansiq.IO.Output;
using System.Globalization;
using System.Text.Json;
using Tansiq.Core.Model;
using Tansiq.Core.Simulation;

namespace Tansiq.IO.Simulation;

/// <summary>The message formats the simulator can write (the same ones <c>detect</c> reads).</summary>
public enum SimulationFormat
{
    TansiqCsv,
    CntCsv,
    TwitterV2,
}

/// <summary>Writes a simulated world as the files a platform export would hold, plus truth.json.</summary>
public static class WorldWriter
{
    /// <summary>Tweets per twarc2-style response page.</summary>
    public const int TwitterPageSize = 100;

    public static bool TryParseFormat(string name, out SimulationFormat format)
    {
        switch (name.Trim().ToLowerInvariant())
        {
            case "tansiq-csv":
                format = SimulationFormat.TansiqCsv;
                return true;
            case "cnt-csv":
                format = SimulationFormat.CntCsv;
                return true;
            case "twitter-v2":
                format = SimulationFormat.TwitterV2;
                return true;
            default:
                format = default;
                return false;
        }
    }

    public static string MessagesFileName(SimulationFormat format) => format == SimulationFormat.TwitterV2 ? "messages.jsonl" : "messages.csv";

    /// <summary>Writes every file into <paramref name="directory"/> (created if missing); returns the paths written.</summary>
    public static IReadOnlyList<string> Write(World world, string directory, SimulationFormat format)
    {
        Directory.CreateDirectory(directory);
        var messages = Path.Combine(directory, MessagesFileName(format));
        switch (format)
        {
            case SimulationFormat.TansiqCsv:
                AtomicFile.WriteText(messages, w => WriteTansiqCsv(w, world.Messages));
                break;
            case SimulationFormat.CntCsv:
                AtomicFile.WriteText(messages, w => WriteCntCsv(w, world.Messages));
                break;
            default:
                AtomicFile.Write(messages, s => WriteTwitterV2(s, world));
                break;
        }
        var accounts = Path.Combine(directory, "accounts.csv");
        AtomicFile.WriteText(accounts, w => WriteAccounts(w, world.Accounts));
        var follows = Path.Combine(directory, "follows.csv");
        AtomicFile.WriteText(follows, w => WriteFollows(w, world.Follows));
        var reports = Path.Combine(directory, "reports.csv");
        AtomicFile.WriteText(reports, w => WriteReports(w, world.Reports));
        var truth = Path.Combine(directory, "truth.json");
        TruthJson.Write(truth, world.Truth);
        return [messages, accounts, follows, reports, truth];
    }

    public static string Seconds(double t) =>
        t == Math.Floor(t) && Math.Abs(t) < 1e15 ? ((long)t).ToString(CultureInfo.InvariantCulture) : t.ToString("R", CultureInfo.InvariantCulture);

    public static void WriteTansiqCsv(TextWriter w, IEnumerable<Message> messages)
    {
        w.Write("message_id,account_id,username,repost_id,reply_id,text,timestamp,urls,hashtags,mentions,lang,platform\n");
        foreach (var m in messages)
        {
            Csv.Row(w, m.MessageId, m.AccountId, m.Username, m.RepostOf, m.ReplyTo, m.Text, Seconds(m.Timestamp),
                string.Join(' ', m.Urls), string.Join(' ', m.Hashtags), string.Join(' ', m.Mentions), m.Lang, m.Platform);
        }
    }

    public static void WriteCntCsv(TextWriter w, IEnumerable<Message> messages)
    {
        w.Write("message_id,user_id,username,repost_id,reply_id,message,timestamp,urls\n");
        foreach (var m in messages)
        {
            Csv.Row(w, m.MessageId, m.AccountId, m.Username, m.RepostOf, m.ReplyTo, m.Text, Seconds(m.Timestamp), string.Join(' ', m.Urls));
        }
    }

    public static void WriteAccounts(TextWriter w, IEnumerable<SimAccount> accounts)
    {
        w.Write("account_id,username,created_at,followers_count,following_count\n");
        foreach (var a in accounts)
        {
            Csv.Row(w, a.AccountId, a.Username, a.CreatedAt.ToString(CultureInfo.InvariantCulture),
                a.FollowersCount.ToString(CultureInfo.InvariantCulture), a.FollowingCount.ToString(CultureInfo.InvariantCulture));
        }
    }

    public static void WriteFollows(TextWriter w, IEnumerable<Follow> follows)
    {
        w.Write("follower_id,followee_id\n");
        foreach (var f in follows)
        {
            Csv.Row(w, f.FollowerId, f.FolloweeId);
        }
    }

    public static void WriteReports(TextWriter w, IEnumerable<UserReport> reports)
    {
        w.Write("report_id,reporter_id,target_id,timestamp,reason\n");
        foreach (var r in reports)
        {
            Csv.Row(w, r.ReportId, r.ReporterId, r.TargetId, r.Timestamp.ToString(CultureInfo.InvariantCulture), r.Reason);
        }
    }

    private static string Iso(double unixSeconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(unixSeconds * 1000)).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>twarc2-style pages: one JSON object per line with "data" (tweets), "includes" (their authors) and "meta".</summary>
    public static void WriteTwitterV2(Stream stream, World world)
    {
        var profiles = new Dictionary<string, SimAccount>(world.Accounts.Count, StringComparer.Ordinal);
        foreach (var a in world.Accounts)
        {
            profiles[a.AccountId] = a;
        }
        var options = new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using var json = new Utf8JsonWriter(stream, options);
        var messages = world.Messages;
        for (var start = 0; start < messages.Count; start += TwitterPageSize)
        {
            var end = Math.Min(messages.Count, start + TwitterPageSize);
            json.WriteStartObject();
            json.WriteStartArray("data");
            var authors = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = start; i < end; i++)
            {
                var m = messages[i];
                if (seen.Add(m.AccountId))
                {
                    authors.Add(m.AccountId);
                }
                WriteTweet(json, m);
            }
            json.WriteEndArray();
            json.WriteStartObject("includes");
            json.WriteStartArray("users");
            foreach (var id in authors)
            {
                var a = profiles[id];
                json.WriteStartObject();
                json.WriteString("id", a.AccountId);
                json.WriteString("username", a.Username);
                json.WriteString("name", a.Username);
                json.WriteString("created_at", Iso(a.CreatedAt));
                json.WriteStartObject("public_metrics");
                json.WriteNumber("followers_count", a.FollowersCount);
                json.WriteNumber("following_count", a.FollowingCount);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartObject("meta");
            json.WriteNumber("result_count", end - start);
            json.WriteString("newest_id", messages[end - 1].MessageId);
            json.WriteString("oldest_id", messages[start].MessageId);
            json.WriteEndObject();
            json.WriteEndObject();
            json.Flush();
            stream.WriteByte((byte)'\n');
            json.Reset();
        }
    }

    private static void WriteTweet(Utf8JsonWriter json, Message m)
    {
        json.WriteStartObject();
        json.WriteString("id", m.MessageId);
        json.WriteString("author_id", m.AccountId);
        json.WriteString("created_at", Iso(m.Timestamp));
        json.WriteString("text", m.Text);
        if (m.Lang is not null)
        {
            json.WriteString("lang", m.Lang);
        }
        if (m.RepostOf is not null || m.ReplyTo is not null)
        {
            json.WriteStartArray("referenced_tweets");
            if (m.RepostOf is not null)
            {
                json.WriteStartObject();
                json.WriteString("type", "retweeted");
                json.WriteString("id", m.RepostOf);
                json.WriteEndObject();
            }
            if (m.ReplyTo is not null)
            {
                json.WriteStartObject();
                json.WriteString("type", "replied_to");
                json.WriteString("id", m.ReplyTo);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteStartObject("entities");
        json.WriteStartArray("urls");
        foreach (var u in m.Urls)
        {
            json.WriteStartObject();
            json.WriteString("url", u);
            json.WriteString("expanded_url", u);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("hashtags");
        foreach (var h in m.Hashtags)
        {
            json.WriteStartObject();
            json.WriteString("tag", h);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("mentions");
        foreach (var mention in m.Mentions)
        {
            json.WriteStartObject();
            json.WriteString("username", mention);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
