using System.CommandLine;
using System.Globalization;

namespace Tansiq.Cli.Commands;

/// <summary>
/// The built-in demo: simulates the seed's world (with its ground truth), runs detect and moderate on it (moderate with
/// the messages, so detection feeds moderation: members of a coordinated cluster are not independent reporters) and
/// scores both with eval, so a new user sees every output without bringing data. It only chains the public commands.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(CliContext context)
    {
        var output = new Option<string>("--out") { Description = "Directory for the demo (world/, detect/, moderate/ inside; created if missing).", DefaultValueFactory = _ => "demo" };
        var seed = new Option<int>("--seed") { Description = "Seed of the simulated world.", DefaultValueFactory = _ => 1 };
        var scale = new Option<double>("--scale") { Description = "Scale of the simulated world (1: ~26,000 accounts, ~600,000 messages).", DefaultValueFactory = _ => 0.5 };
        var command = new Command("demo", "Runs the whole job on a built-in simulated world: simulate, detect, moderate (with the messages, so detection feeds moderation), eval. Prints where the reports are.")
        {
            output, seed, scale,
        };
        command.SetAction(parse => CliApp.Guard(context, () =>
        {
            var dir = parse.GetValue(output)!;
            OutputGuard.Directory(dir);
            var world = Path.Combine(dir, "world");
            var detect = Path.Combine(dir, "detect");
            var moderate = Path.Combine(dir, "moderate");
            var s = parse.GetValue(scale).ToString(CultureInfo.InvariantCulture);
            var n = parse.GetValue(seed).ToString(CultureInfo.InvariantCulture);
            string[][] steps =
            [
                ["simulate", "--out", world, "--seed", n, "--scale", s],
                ["detect", Path.Combine(world, "messages.csv"), "--accounts", Path.Combine(world, "accounts.csv"), "--out", detect],
                // With the messages: detect's coordinated clusters are not independent reporters (detection feeding moderation).
                ["moderate", "--reports", Path.Combine(world, "reports.csv"), "--accounts", Path.Combine(world, "accounts.csv"),
                    "--follows", Path.Combine(world, "follows.csv"), "--messages", Path.Combine(world, "messages.csv"), "--out", moderate],
                ["eval", "--truth", Path.Combine(world, "truth.json"), "--detect", detect, "--moderate", moderate],
            ];
            foreach (var step in steps)
            {
                context.Out.WriteLine($"$ tansiq {string.Join(' ', step)}");
                var code = CliApp.Run(step, context.Out, context.Err);
                if (code != ExitCodes.Success)
                {
                    return code;
                }
            }
            context.Out.WriteLine();
            context.Out.WriteLine($"detection report:  {Path.GetFullPath(Path.Combine(detect, "report.html"))}");
            context.Out.WriteLine($"moderation report: {Path.GetFullPath(Path.Combine(moderate, "report.html"))}");
            return ExitCodes.Success;
        }));
        return command;
    }
}
