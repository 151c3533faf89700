using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Tansiq.Application;
using Tansiq.Storage;

namespace Tansiq.Service;

/// <summary>The composition root of the HTTP service: storage, the live engine, auth, limits, endpoints.</summary>
public static class TansiqServer
{
    /// <param name="configure">Extra configuration of the builder (the CLI's settings, URLs and console logging).</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        var services = builder.Services;
        // Read lazily, so that settings given by a test host (applied when the host is built) are seen.
        services.AddOptions<ServiceOptions>().Bind(builder.Configuration.GetSection("Tansiq"));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ITansiqStore>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<ServiceOptions>>().Value;
            return StoreFactory.Open(o.Data, o.Db, o.FullSync);
        });
        services.AddSingleton<LiveModeration>();
        services.AddSingleton<ServiceMetrics>();
        services.AddSingleton<DetectionState>();
        services.AddSingleton<Dashboard.DashboardSessions>();
        services.AddSingleton<Dashboard.AccountDirectory>();
        services.AddHostedService<StartupReplay>();
        services.AddHostedService<DetectionJob>();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower;
        });
        services.AddProblemDetails();
        services.AddOpenApi();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<ServiceOptions>>((k, o) =>
        {
            // Kestrel's own bound is a little above ours so that ours answers with a problem naming the limit.
            k.Limits.MaxRequestBodySize = o.Value.MaxBodyBytes + 1;
            k.AddServerHeader = false;
        });
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ServiceOptions>>((r, o) =>
        {
            var perSecond = Math.Max(1, o.Value.RequestsPerSecond);
            var burst = Math.Max(1, o.Value.Burst);
            r.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            r.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.Items[Auth.KeyItem] is KeyRecord key
                    ? RateLimitPartition.GetTokenBucketLimiter(key.KeyId, _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = burst,
                        TokensPerPeriod = perSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    })
                    : RateLimitPartition.GetNoLimiter("anonymous"));
            r.OnRejected = async (ctx, cancel) =>
            {
                ctx.HttpContext.Response.Headers.RetryAfter = "1";
                await Problems.Write(ctx.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
                    $"this key may send {perSecond} requests per second (bursts of {burst})");
            };
        });

        var app = builder.Build();
        app.UseMiddleware<ErrorBoundary>();
        app.UseRouting();
        app.UseMiddleware<Auth>();
        app.UseRateLimiter();
        app.MapOpenApi();
        app.MapGet("/healthz", () => Results.Json(new { status = "ok" })).WithName("Health");
        app.MapGet("/metrics", (ServiceMetrics m, LiveModeration engine) => Results.Text(m.Render(engine), "text/plain; version=0.0.4")).WithName("Metrics");
        Dashboard.DashboardAssets.Map(app);
        Dashboard.DashboardSessions.Map(app);
        var v1 = app.MapGroup("/v1");
        IngestEndpoints.Map(v1);
        DecisionEndpoints.Map(v1);
        QueueEndpoints.Map(v1);
        Dashboard.DashboardEndpoints.Map(v1);
        return app;
    }
}

/// <summary>Migrates the schema and replays the store before the server takes requests.</summary>
internal sealed class StartupReplay(ITansiqStore store, LiveModeration engine, ILogger<StartupReplay> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.MigrateAsync(cancellationToken);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await engine.StartAsync(cancellationToken);
        log.LogInformation("replayed {Reports} stored reports from {Backend} in {Milliseconds} ms", engine.ReportCount, store.Backend, clock.ElapsedMilliseconds);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
