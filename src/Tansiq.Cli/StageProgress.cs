namespace Tansiq.Cli;

/// <summary>
/// Progress on a terminal for a stage that may take a while: nothing for the first two seconds, then
/// "stage… 12 s" rewritten in place every second, and the total when the stage ends. Silent when standard error is not
/// a terminal (pipes, files, tests), so scripts see only results and errors.
/// </summary>
internal sealed class StageProgress : IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2);
    private readonly CliContext _context;
    private readonly string _stage;
    private readonly TimeProvider _time;
    private readonly long _start;
    private readonly ITimer? _timer;
    private readonly Lock _lock = new();
    private bool _shown;
    private bool _done;

    private StageProgress(CliContext context, string stage, TimeProvider time)
    {
        _context = context;
        _stage = stage;
        _time = time;
        _start = time.GetTimestamp();
        if (context.Interactive)
        {
            _timer = time.CreateTimer(_ => Tick(), null, Quiet, TimeSpan.FromSeconds(1));
        }
    }

    public static StageProgress Start(CliContext context, string stage, TimeProvider? time = null) => new(context, stage, time ?? TimeProvider.System);

    private void Tick()
    {
        lock (_lock)
        {
            if (_done)
            {
                return;
            }
            _shown = true;
            _context.Err.Write($"\r{_stage}... {_time.GetElapsedTime(_start).TotalSeconds:F0} s ");
        }
    }

    public void Dispose()
    {
        _timer?.Dispose();
        lock (_lock)
        {
            _done = true;
            if (_shown)
            {
                _context.Err.WriteLine($"\r{_stage}: {_time.GetElapsedTime(_start).TotalSeconds:F1} s   ");
            }
        }
    }
}
