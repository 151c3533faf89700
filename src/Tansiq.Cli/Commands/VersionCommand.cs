using System.CommandLine;
using System.Reflection;

namespace Tansiq.Cli.Commands;

internal static class VersionCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("version", "Prints the version of Tansiq.");
        command.SetAction(_ =>
        {
            var version = typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
            context.Out.WriteLine($"tansiq {version}");
            return ExitCodes.Success;
        });
        return command;
    }
}
