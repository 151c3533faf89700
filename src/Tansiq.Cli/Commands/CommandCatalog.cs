using System.CommandLine;

namespace Tansiq.Cli.Commands;

/// <summary>Every subcommand of ./tansiq. Each command lives in its own file and adds one line here.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        yield return DemoCommand.Create(context);
        yield return DetectCommand.Create(context);
        yield return NetworksCommand.Create(context);
        yield return VersionCommand.Create(context);
        yield return SimulateCommand.Create(context);
        yield return EvalCommand.Create(context);
        yield return TextsCommand.Create(context);
        yield return ModerateCommand.Create(context);
        yield return BenchCommand.Create(context);
        yield return FuzzCommand.Create(context);
        yield return ServeCommand.Create(context);
    }
}
