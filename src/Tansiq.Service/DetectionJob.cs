using Microsoft.Extensions.Options;
using Tansiq.Application;
using Tansiq.Application.Contracts;
using Tansiq.Core.Detection;
using Tansiq.Core.Model;
using Tansiq.Storage;

namespace Tansiq.Service;

/// <summary>The latest detection run, for <c>GET /v1/clusters</c>.</summary>
internal sealed class DetectionState
{
    private ClustersResponse? _latest;

    public ClustersResponse? Latest
    {
        get => Volatile.Read(ref _latest);
        set => Volatile.Write(ref _latest, value);
    }

    private Dashboard.DetectionDetail? _detail;

    /// <summary>The latest run in full (evidence, shared objects with their texts, timelines, edges), for the dashboard.</summary>
    public Dashboard.DetectionDetail? Detail
    {
        get => Volatile.Read(ref _detail);
        set => Volatile.Write(ref _detail, value);
    }
}

/// <summary>
/// Runs <c>detect</c> (its defaults) over the stored messages of a rolling window ending at the newest message, every
/// interval; its clusters feed report independence as <c>moderate --messages</c> does (members of a coordinated
/// cluster are not independent reporters).
/// </summary>
internal sealed class DetectionJob(ITansiqStore store, LiveModeration engine, DetectionState state, IOptions<ServiceOptions> options, TimeProvider time, ILogger<DetectionJob> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.Detection)
        {
            return;
        }
        var interval = TimeSpan.FromSeconds(Math.Max(0.05, o.DetectionIntervalSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(o, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "background detection failed; it will run again in {Seconds} s", interval.TotalSeconds);
            }
            try
            {
                await Task.Delay(interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private (int Count, double Newest) _last;

    internal async Task RunOnceAsync(ServiceOptions o, CancellationToken cancel)
    {
        var newest = await store.LoadMessagesAsync(double.MinValue, double.MaxValue, cancel);
        if (newest.Count == 0 || _last == (newest.Count, newest[^1].Timestamp))
        {
            // Nothing new since the last run: its clusters stand.
            return;
        }
        _last = (newest.Count, newest[^1].Timestamp);
        var to = newest[^1].Timestamp + 1;
        var from = to - (o.DetectionWindowDays * 86400);
        var messages = newest.Where(m => m.Timestamp >= from).ToList();
        var result = await Task.Run(() => DetectionPipeline.Detect(messages.Select(MessageRecords.ToMessage), new DetectOptions(), time, cancel: cancel), cancel);
        await engine.SetClustersAsync([.. result.Clusters.Select(c => c.Members)], cancel);
        state.Detail = Dashboard.DetectionDetail.From(result, messages);
        state.Latest = new ClustersResponse(time.GetUtcNow().ToUnixTimeSeconds(), from, to, messages.Count,
            [.. result.Clusters.Select((c, i) => new ClusterDto(i + 1, c.Size, c.Members, [.. c.Signals.Select(s => SignalNames.Name(s))]))]);
        log.LogInformation("detection over {Messages} messages: {Clusters} clusters", messages.Count, result.Clusters.Count);
    }
}
