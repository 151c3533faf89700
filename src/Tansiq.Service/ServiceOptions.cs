namespace Tansiq.Service;

/// <summary>The service's settings (configuration section <c>Tansiq</c>; <c>./tansiq serve</c> sets them from its options).</summary>
public sealed class ServiceOptions
{
    /// <summary>Directory of the embedded SQLite database (tansiq.db); used when <see cref="Db"/> is empty.</summary>
    public string? Data { get; set; }

    /// <summary>A PostgreSQL connection string (<c>Host=…;Port=…;Username=…;Database=…</c>); empty for SQLite.</summary>
    public string? Db { get; set; }

    /// <summary>Largest request body in bytes (16 MiB: a bulk CSV of about 200,000 reports).</summary>
    public long MaxBodyBytes { get; set; } = 16L << 20;

    /// <summary>Requests per second per key (token bucket refilled every second).</summary>
    public int RequestsPerSecond { get; set; } = 1000;

    /// <summary>Bucket size: requests a key may send at once.</summary>
    public int Burst { get; set; } = 2000;

    /// <summary>Background detection over stored messages.</summary>
    public bool Detection { get; set; } = true;

    /// <summary>The rolling window of messages detect runs over, ending at the newest stored message.</summary>
    public double DetectionWindowDays { get; set; } = 14;

    /// <summary>How often detection runs.</summary>
    public double DetectionIntervalSeconds { get; set; } = 600;

    /// <summary>SQLite: sync every commit to disk (survives power loss), at a cost in latency.</summary>
    public bool FullSync { get; set; }
}
