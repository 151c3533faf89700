using System.Text;
using System.Text.Json;

namespace Tansiq.Cli.Tests.Simulation;

public sealed class EvalCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tansiq-eval-" + Guid.NewGuid().ToString("N"));

    public EvalCommandTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Eval_PerfectDetectionOfASimulatedWorld_ScoresOne()
    {
        var world = Path.Combine(_root, "world");
        Assert.Equal(0, Run("simulate", "--out", world, "--scale", "0.02", "--days", "2").Code);
        using var truth = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(world, "truth.json")));
        var detect = Path.Combine(_root, "detect");
        Directory.CreateDirectory(detect);
        var csv = new StringBuilder("account_id,username,cluster_id,score,signals\n");
        foreach (var a in truth.RootElement.GetProperty("accounts").EnumerateArray())
        {
            var role = a.GetProperty("role").GetString();
            var cluster = role is "army" or "producer" ? a.GetProperty("squad").GetString() : "";
            csv.Append(a.GetProperty("account_id").GetString()).Append(",u,").Append(cluster).Append(",0.5,co-repost\n");
        }
        File.WriteAllText(Path.Combine(detect, "accounts.csv"), csv.ToString());
        var (code, output, _) = Run("eval", "--truth", Path.Combine(world, "truth.json"), "--detect", detect);
        Assert.Equal(0, code);
        Assert.Contains("F1 1.000", output, StringComparison.Ordinal);
        using var eval = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(detect, "eval.json")));
        var d = eval.RootElement.GetProperty("detection");
        Assert.Equal(1.0, d.GetProperty("f1").GetDouble());
        Assert.Equal(1.0, d.GetProperty("cluster_ari").GetDouble());
        Assert.Equal(0, d.GetProperty("fans").GetProperty("flagged").GetInt32());
    }

    [Fact]
    public void Eval_ModerationDecisions_PrintsConfusionAndWritesOut()
    {
        var truth = Path.Combine(_root, "truth.json");
        File.WriteAllText(truth, """
            {"seed":1,"scale":1,"days":1,"start":0,"parameters":{},"accounts":[],
             "reported":[{"target_id":"j","label":"brigaded_innocent","campaign":"c1"},{"target_id":"n","label":"noise","campaign":null},
                         {"target_id":"x","label":"abusive","campaign":null}],
             "campaigns":[{"id":"c1","kind":"army_reporting","participants":3,"targets":["j"]}]}
            """);
        var moderate = Path.Combine(_root, "mod");
        Directory.CreateDirectory(moderate);
        File.WriteAllText(Path.Combine(moderate, "decisions.csv"),
            "target_id,decision,priority,decided_at,reports,effective_reports,brigade,reason\nj,suspend,,10,5,5,,\"many, reports\"\nn,none,,11,1,1,,\nx,review,high,12,9,9,,abuse\n");
        var outFile = Path.Combine(_root, "e.json");
        var (code, output, _) = Run("eval", "--truth", truth, "--moderate", moderate, "--out", outFile);
        Assert.Equal(0, code);
        Assert.Contains("wrongful suspensions 1", output, StringComparison.Ordinal);
        using var eval = JsonDocument.Parse(File.ReadAllBytes(outFile));
        var m = eval.RootElement.GetProperty("moderation");
        Assert.Equal(1, m.GetProperty("wrongful_suspensions").GetInt32());
        Assert.Equal(1.0, m.GetProperty("noise_left_alone").GetDouble());
        Assert.Equal(1.0, m.GetProperty("abusive_suspended_or_high_review").GetDouble());
    }

    [Fact]
    public void Eval_MissingTruth_ExitsWithInputError()
    {
        var (code, _, err) = Run("eval", "--truth", Path.Combine(_root, "nope.json"), "--detect", _root);
        Assert.Equal(3, code);
        Assert.Contains("nope.json", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_BadScore_NamesFileAndLine()
    {
        var truth = Path.Combine(_root, "truth.json");
        File.WriteAllText(truth, """{"accounts":[{"account_id":"a","role":"army","squad":"s1","friend_group":null,"fast_fan":false}]}""");
        File.WriteAllText(Path.Combine(_root, "accounts.csv"), "account_id,username,cluster_id,score,signals\na,u,1,0.5,x\nb,u,1,high,x\n");
        var (code, _, err) = Run("eval", "--truth", truth, "--detect", _root);
        Assert.Equal(3, code);
        Assert.Contains("accounts.csv:3", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_NeitherDetectNorModerate_UsageError()
    {
        Assert.Equal(2, Run("eval", "--truth", "t.json").Code);
    }
}
