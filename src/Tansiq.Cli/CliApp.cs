using System.CommandLine;
using Tansiq.Cli.Commands;
using Tansiq.IO;

namespace Tansiq.Cli;

/// <summary>Where a command writes, and whether a person is watching (progress is shown on a terminal only).</summary>
public sealed record CliContext(TextWriter Out, TextWriter Err, bool Interactive);

/// <summary>Bad usage found after parsing (an option value out of range, a conflicting pair): exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);

public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadUsage = 2;
    public const int BadInput = 3;
}

/// <summary>The composition root: builds the command tree and maps failures to exit codes.</summary>
public static class CliApp
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var context = new CliContext(stdout, stderr, Interactive: ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected);
        var root = BuildRoot(context);
        var result = root.Parse(args);
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        var unknown = CommandLineChecks.UnknownOption(result.CommandResult.Command, args);
        if (unknown is not null || result.Errors.Count > 0)
        {
            var path = new List<string>();
            for (var c = result.CommandResult; c is not null; c = c.Parent as System.CommandLine.Parsing.CommandResult)
            {
                if (c.Command is not RootCommand)
                {
                    path.Insert(0, c.Command.Name);
                }
            }
            // A short pointer to the help, then the error itself last, where the eye lands.
            stderr.WriteLine($"usage: tansiq {string.Join(' ', path)}{(path.Count > 0 ? " " : "")}[options]  (tansiq {string.Join(' ', path)}{(path.Count > 0 ? " " : "")}--help lists them)");
            if (unknown is not null)
            {
                stderr.WriteLine($"error: {unknown}");
            }
            else
            {
                foreach (var error in result.Errors)
                {
                    stderr.WriteLine($"error: {CommandLineChecks.Friendly(error.Message)}");
                }
            }
            return ExitCodes.BadUsage;
        }
        return result.Invoke(config);
    }

    public static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand("Tansiq: finds coordinated accounts (electronic armies), copy-paste campaigns and report brigades in social-media data, and explains the evidence.");
        foreach (var command in CommandCatalog.Create(context))
        {
            root.Subcommands.Add(command);
        }
        return root;
    }

    /// <summary>Runs a command body, turning known failures into messages and exit codes instead of stack traces.</summary>
    public static int Guard(CliContext context, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (InputException e)
        {
            context.Err.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (UsageException e)
        {
            context.Err.WriteLine($"error: {CommandLineChecks.Friendly(e.Message)}");
            return ExitCodes.BadUsage;
        }
        catch (ArgumentException e)
        {
            // A value the parser accepted but a component refused (out of its range): still the user's to fix.
            context.Err.WriteLine($"error: {CommandLineChecks.Friendly(e.Message)}");
            return ExitCodes.BadUsage;
        }
        catch (IOException e)
        {
            context.Err.WriteLine($"error: {CommandLineChecks.Friendly(e.Message)}");
            return ExitCodes.Failure;
        }
        catch (Tansiq.Storage.StoreException e)
        {
            context.Err.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (UnauthorizedAccessException e)
        {
            context.Err.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }
    }
}
