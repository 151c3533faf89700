using System.Globalization;
using System.Text.Json;
using Tansiq.Core.Moderation;

namespace Tansiq.IO.Moderation;

/// <summary>Writes a generated report world as the files <c>moderate</c> reads, plus truth.json (the simulator's shape).</summary>
public static class ReportWorldFiles
{
    public static void Write(string dir, GeneratedReportWorld g)
    {
        Directory.CreateDirectory(dir);
        var world = g.World;
        var ci = CultureInfo.InvariantCulture;
        Text(Path.Combine(dir, "accounts.csv"), w =>
        {
            w.Write("account_id,username,created_at,followers_count,following_count\n");
            for (var i = 0; i < world.AccountCount; i++)
            {
                w.Write(string.Create(ci, $"{world.Accounts[i]},,{world.CreatedAt[i]},{world.Followers[i]},0\n"));
            }
        });
        Text(Path.Combine(dir, "follows.csv"), w =>
        {
            w.Write("follower_id,followee_id\n");
            foreach (var (a, b) in g.Follows)
            {
                w.Write(string.Create(ci, $"{world.Accounts[a]},{world.Accounts[b]}\n"));
            }
        });
        Text(Path.Combine(dir, "reports.csv"), w =>
        {
            w.Write("report_id,reporter_id,target_id,timestamp,reason\n");
            foreach (var r in g.Reports.OrderBy(r => r.Sequence))
            {
                w.Write(string.Create(ci, $"r{r.Sequence},{world.Accounts[r.Reporter]},{world.Accounts[r.Target]},{r.Time},abuse\n"));
            }
        });
        if (g.Interactions.Count > 0)
        {
            // Replies and mentions of the generator, as messages, so --messages has something to read.
            Text(Path.Combine(dir, "messages.csv"), w =>
            {
                w.Write("message_id,account_id,timestamp,text,mentions\n");
                var n = 0;
                foreach (var (from, to, since) in g.Interactions)
                {
                    w.Write(string.Create(ci, $"m{n++},{world.Accounts[from]},{since},@{world.Accounts[to]} look at this,{world.Accounts[to]}\n"));
                }
            });
        }
        Output.AtomicFile.Write(Path.Combine(dir, "truth.json"), s =>
        {
            using var j = new Utf8JsonWriter(s, new JsonWriterOptions { Indented = true });
            j.WriteStartObject();
            // eval reads this file: no account roles here (the generator has none), only the reported accounts.
            j.WriteStartArray("accounts");
            j.WriteEndArray();
            j.WriteStartArray("reported");
            foreach (var t in g.Truth)
            {
                j.WriteStartObject();
                j.WriteString("target_id", world.Accounts[t.Target]);
                j.WriteString("label", t.Label switch
                {
                    ReportedLabel.BrigadedInnocent => "brigaded_innocent",
                    ReportedLabel.PetitionTarget => "petition_target",
                    ReportedLabel.Abusive => "abusive",
                    _ => "noise",
                });
                if (t.Label is ReportedLabel.BrigadedInnocent or ReportedLabel.PetitionTarget)
                {
                    j.WriteString("campaign", string.Create(CultureInfo.InvariantCulture, $"{(t.Label == ReportedLabel.BrigadedInnocent ? "brigade" : "petition")}-{t.CampaignFraction * 100:0.#}pct"));
                    j.WriteNumber("campaign_fraction", t.CampaignFraction);
                }
                else
                {
                    j.WriteNull("campaign");
                }
                j.WriteEndObject();
            }
            j.WriteEndArray();
            j.WriteEndObject();
        });
    }

    private static void Text(string path, Action<TextWriter> write) => Output.AtomicFile.WriteText(path, write);
}
