using Tansiq.Application;

namespace Tansiq.Cli.Commands;

/// <summary>The pipelines' progress on a terminal: each stage through <see cref="StageProgress"/> ("detect: reading the
/// input... 12 s"), and the messages read so far. Silent when standard error is not a terminal.</summary>
internal sealed class CliObserver(CliContext context, string command) : IPipelineObserver
{
    public IDisposable? Stage(string description) => StageProgress.Start(context, $"{command}: {description}");

    public void MessagesRead(long count, bool final)
    {
        if (!context.Interactive)
        {
            return;
        }
        if (final)
        {
            context.Err.WriteLine($"\rread {count:N0} messages");
        }
        else
        {
            context.Err.Write($"\rread {count:N0} messages");
        }
    }
}
