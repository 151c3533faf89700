using System.Globalization;
using System.Text;
using Tansiq.Application;

namespace Tansiq.Service;

/// <summary>
/// Counters for <c>/metrics</c> (Prometheus text format): reports accepted and duplicated, reports per second over the
/// last 10 seconds, and the latency of report requests (parse, commit, decide) as p50/p99 of the last 4,096.
/// </summary>
internal sealed class ServiceMetrics(TimeProvider time)
{
    private const int Window = 10;
    private readonly Lock _gate = new();
    private readonly double[] _latencies = new double[4096];
    private readonly long[] _perSecond = new long[Window];
    private readonly long[] _secondOf = new long[Window];
    private int _latencyCount;
    private int _latencyNext;
    private long _accepted;
    private long _duplicates;
    private long _requests;

    public void Reports(int accepted, int duplicates, TimeSpan latency)
    {
        var second = time.GetUtcNow().ToUnixTimeSeconds();
        lock (_gate)
        {
            _accepted += accepted;
            _duplicates += duplicates;
            _requests++;
            _latencies[_latencyNext] = latency.TotalSeconds;
            _latencyNext = (_latencyNext + 1) % _latencies.Length;
            _latencyCount = Math.Min(_latencyCount + 1, _latencies.Length);
            var slot = (int)(second % Window);
            if (_secondOf[slot] != second)
            {
                _secondOf[slot] = second;
                _perSecond[slot] = 0;
            }
            _perSecond[slot] += accepted;
        }
    }

    public string Render(LiveModeration engine)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        double p50, p99, rate;
        long accepted, duplicates, requests;
        lock (_gate)
        {
            var sorted = _latencies.AsSpan(0, _latencyCount).ToArray();
            Array.Sort(sorted);
            p50 = Quantile(sorted, 0.5);
            p99 = Quantile(sorted, 0.99);
            long recent = 0;
            for (var i = 0; i < Window; i++)
            {
                if (now - _secondOf[i] < Window)
                {
                    recent += _perSecond[i];
                }
            }
            rate = recent / (double)Window;
            accepted = _accepted;
            duplicates = _duplicates;
            requests = _requests;
        }
        var ci = CultureInfo.InvariantCulture;
        var b = new StringBuilder();
        b.Append("# HELP tansiq_reports_accepted_total Reports committed since the server started.\n# TYPE tansiq_reports_accepted_total counter\n");
        b.Append(ci, $"tansiq_reports_accepted_total {accepted}\n");
        b.Append("# HELP tansiq_reports_duplicate_total Reports whose report_id was already stored.\n# TYPE tansiq_reports_duplicate_total counter\n");
        b.Append(ci, $"tansiq_reports_duplicate_total {duplicates}\n");
        b.Append("# HELP tansiq_report_requests_total Report requests answered.\n# TYPE tansiq_report_requests_total counter\n");
        b.Append(ci, $"tansiq_report_requests_total {requests}\n");
        b.Append("# HELP tansiq_reports_per_second Reports committed per second over the last 10 seconds.\n# TYPE tansiq_reports_per_second gauge\n");
        b.Append(ci, $"tansiq_reports_per_second {rate:0.###}\n");
        b.Append("# HELP tansiq_decision_latency_seconds Time to parse, commit and decide a report request (last 4096 requests).\n# TYPE tansiq_decision_latency_seconds summary\n");
        b.Append(ci, $"tansiq_decision_latency_seconds{{quantile=\"0.5\"}} {p50:0.######}\n");
        b.Append(ci, $"tansiq_decision_latency_seconds{{quantile=\"0.99\"}} {p99:0.######}\n");
        b.Append("# HELP tansiq_reports_stored Reports in the log (all time).\n# TYPE tansiq_reports_stored gauge\n");
        b.Append(ci, $"tansiq_reports_stored {engine.ReportCount}\n");
        b.Append("# HELP tansiq_replays_total Full replays of the report log since start.\n# TYPE tansiq_replays_total counter\n");
        b.Append(ci, $"tansiq_replays_total {engine.Replays}\n");
        return b.ToString();
    }

    private static double Quantile(double[] sorted, double q) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
}
