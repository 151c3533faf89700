using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Tansiq.Core.Simulation;
using Tansiq.IO.Simulation;

namespace Tansiq.Cli.Commands;

internal static class SimulateCommand
{
    public static Command Create(CliContext context)
    {
        var outOption = new Option<string>("--out") { Description = "Directory to write messages, accounts.csv, follows.csv, reports.csv and truth.json into (created if missing).", Required = true };
        var seedOption = new Option<int>("--seed") { Description = "Random seed: the same seed and options give byte-identical files.", DefaultValueFactory = _ => 1 };
        var scaleOption = new Option<double>("--scale") { Description = "Multiplies every account count (organic, fans, army, petition, abuse, noise). Scale 1: ~20,000 organic accounts, ~3,000 fans, an army of ~300.", DefaultValueFactory = _ => 1.0 };
        var daysOption = new Option<double>("--days") { Description = "Length of the simulated period in days.", DefaultValueFactory = _ => 14.0 };
        var formatOption = new Option<string>("--format") { Description = "Messages format: tansiq-csv (messages.csv, by header), cnt-csv (messages.csv, the coordination-network-toolkit's columns), twitter-v2 (messages.jsonl, twarc2-style pages).", DefaultValueFactory = _ => "tansiq-csv" };
        formatOption.AcceptOnlyFromAmong("tansiq-csv", "cnt-csv", "twitter-v2");
        var noArmyOption = new Option<bool>("--no-army") { Description = "A world without the electronic army (no army, commander, producers, army campaigns): fans, friends and viral moments only." };
        var setOption = new Option<string[]>("--set") { Description = "Override any world parameter, NAME=VALUE (repeatable; names as in docs/simulator.md, e.g. --set ArmySize=1000 --set FastFanShare=0.2).", AllowMultipleArgumentsPerToken = false };
        var command = new Command("simulate", "Generates a deterministic simulated world of the seed case (organic users, the leader and his fans, an electronic army in squads, report campaigns) with its ground truth.")
        {
            outOption, seedOption, scaleOption, daysOption, formatOption, noArmyOption, setOption,
        };
        command.SetAction(result => CliApp.Guard(context, () =>
        {
            var outDir = result.GetValue(outOption)!;
            OutputGuard.Directory(outDir);
            var seed = result.GetValue(seedOption);
            var scale = result.GetValue(scaleOption);
            var days = result.GetValue(daysOption);
            if (!WorldWriter.TryParseFormat(result.GetValue(formatOption)!, out var format))
            {
                throw new UsageException($"unknown --format '{result.GetValue(formatOption)}'");
            }
            var parameters = new WorldParameters();
            foreach (var assignment in result.GetValue(setOption) ?? [])
            {
                parameters = ParameterOverrides.Apply(parameters, assignment);
            }
            parameters = parameters with { Scale = scale, Days = days };
            if (result.GetValue(noArmyOption))
            {
                parameters = parameters.WithoutArmy();
            }
            try
            {
                parameters.Validate();
            }
            catch (ArgumentException e)
            {
                throw new UsageException(e.Message);
            }
            var clock = Stopwatch.StartNew();
            Tansiq.Core.Simulation.World world;
            using (StageProgress.Start(context, "simulate: generating the world"))
            {
                world = WorldGenerator.Generate(parameters, seed);
            }
            var generated = clock.Elapsed.TotalSeconds;
            IReadOnlyList<string> files;
            using (StageProgress.Start(context, "simulate: writing the files"))
            {
                files = WorldWriter.Write(world, outDir, format);
            }
            var written = clock.Elapsed.TotalSeconds - generated;
            var o = context.Out;
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"simulated {world.Parameters.Days} days at scale {world.Parameters.Scale} (seed {seed}): {world.Accounts.Count} accounts, {world.Messages.Count} messages, {world.Follows.Count} follows, {world.Reports.Count} reports"));
            var roles = world.Accounts.GroupBy(a => a.Role).OrderBy(g => g.Key).Select(g => $"{g.Key.Name()} {g.Count()}");
            o.WriteLine("roles: " + string.Join(", ", roles));
            var squads = world.Accounts.Where(a => a.Role == AccountRole.Army).GroupBy(a => a.Squad).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}");
            if (squads.Any())
            {
                o.WriteLine("squads: " + string.Join(", ", squads));
            }
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated in {generated:F1} s, written in {written:F1} s:"));
            foreach (var file in files)
            {
                o.WriteLine("  " + file);
            }
            return ExitCodes.Success;
        }));
        return command;
    }
}

/// <summary>Applies NAME=VALUE to a <see cref="WorldParameters"/> by property name (case-insensitive, snake_case accepted).</summary>
internal static class ParameterOverrides
{
    public static WorldParameters Apply(WorldParameters parameters, string assignment)
    {
        var eq = assignment.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
        {
            throw new UsageException($"--set expects NAME=VALUE, got '{assignment}'");
        }
        var name = assignment[..eq].Trim().Replace("_", "", StringComparison.Ordinal);
        var text = assignment[(eq + 1)..].Trim();
        var property = typeof(WorldParameters).GetProperties()
            .FirstOrDefault(p => p.CanWrite && string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new UsageException($"--set: unknown parameter '{assignment[..eq]}' (see docs/simulator.md)");
        object value;
        try
        {
            value = property.PropertyType == typeof(bool) ? bool.Parse(text)
                : property.PropertyType == typeof(int) ? (object)int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture)
                : property.PropertyType == typeof(long) ? (object)long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture)
                : (object)double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        }
        catch (FormatException)
        {
            throw new UsageException($"--set {property.Name}: '{text}' is not a valid {property.PropertyType.Name}");
        }
        catch (OverflowException)
        {
            throw new UsageException($"--set {property.Name}: '{text}' is out of range");
        }
        // records are immutable: clone, then set the init-only property on the clone
        var copy = parameters with { };
        property.SetValue(copy, value);
        return copy;
    }
}
