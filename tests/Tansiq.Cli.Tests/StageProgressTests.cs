namespace Tansiq.Cli.Tests;

/// <summary>StageProgress against a clock the test moves and a timer the test fires: no sleeping, nothing timed.</summary>
public sealed class StageProgressTests
{
    /// <summary>A TimeProvider whose time and timers the test drives.</summary>
    private sealed class ManualTime : TimeProvider
    {
        public long Ticks { get; set; }
        public List<(TimerCallback Callback, object? State, TimeSpan Due)> Timers { get; } = [];

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Ticks;

        public void Advance(double seconds) => Ticks += (long)(seconds * TimeSpan.TicksPerSecond);

        public void Fire()
        {
            foreach (var (callback, state, _) in Timers)
            {
                callback(state);
            }
        }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Timers.Add((callback, state, dueTime));
            return new Timer();
        }

        private sealed class Timer : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }

    private static (CliContext Context, StringWriter Err) Context(bool interactive)
    {
        var err = new StringWriter();
        return (new CliContext(new StringWriter(), err, interactive), err);
    }

    [Fact]
    public void Start_NotATerminal_NoTimerAndNothingWritten()
    {
        var time = new ManualTime();
        var (context, err) = Context(interactive: false);

        using (StageProgress.Start(context, "detect: reading", time))
        {
            time.Advance(30);
        }

        Assert.Empty(time.Timers);
        Assert.Equal("", err.ToString());
    }

    [Fact]
    public void Start_TerminalAndAQuickStage_TimerDueAfterTwoSecondsAndNothingWritten()
    {
        var time = new ManualTime();
        var (context, err) = Context(interactive: true);

        using (StageProgress.Start(context, "detect: reading", time))
        {
            time.Advance(1.5);
        }

        Assert.Equal(TimeSpan.FromSeconds(2), Assert.Single(time.Timers).Due);
        Assert.Equal("", err.ToString());
    }

    [Fact]
    public void Start_TerminalAndALongStage_ShowsTheElapsedTimeInPlaceThenTheTotal()
    {
        var time = new ManualTime();
        var (context, err) = Context(interactive: true);

        using (StageProgress.Start(context, "detect: reading", time))
        {
            time.Advance(3);
            time.Fire();
            time.Advance(1);
            time.Fire();
            time.Advance(0.25);
        }
        time.Fire(); // a tick racing the end of the stage writes nothing after the total

        Assert.Equal($"\rdetect: reading... 3 s \rdetect: reading... 4 s \rdetect: reading: 4.2 s   {Environment.NewLine}", err.ToString());
    }
}
