using System.CommandLine;
using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tansiq.Application;
using Tansiq.Service;
using Tansiq.Storage;

namespace Tansiq.Cli.Commands;

/// <summary>
/// <c>serve</c>: the live moderation service (ASP.NET Core on Kestrel) over SQLite in <c>--data DIR</c> or PostgreSQL
/// (<c>--db</c>); <c>serve keys add|list|revoke</c> manage its API keys.
/// </summary>
internal static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var data = DataOption();
        var db = DbOption();
        var urls = new Option<string>("--urls") { Description = "Where to listen (';'-separated; port 0 picks a free port)", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var interval = new Option<double>("--detection-interval") { Description = "Seconds between background detection runs over stored messages", DefaultValueFactory = _ => 600 };
        var window = new Option<double>("--detection-window") { Description = "Days of messages (up to the newest) each detection run reads", DefaultValueFactory = _ => 14 };
        var rate = new Option<int>("--rate-limit") { Description = "Requests per second per key (bursts of twice as many)", DefaultValueFactory = _ => 1000 };
        var maxBody = new Option<long>("--max-body-mb") { Description = "Largest request body in MiB", DefaultValueFactory = _ => 16 };
        var fullSync = new Option<bool>("--full-sync") { Description = "SQLite: sync every commit to disk (survives power loss; slower)" };
        var command = new Command("serve", "Runs the live moderation service: ingest accounts, follows, reports and messages over HTTP; decisions, queue, clusters. See docs/service.md.")
        {
            data, db, urls, interval, window, rate, maxBody, fullSync,
        };
        command.SetAction(parse => CliApp.Guard(context, () =>
        {
            var settings = new Dictionary<string, string?>
            {
                ["Tansiq:Data"] = parse.GetValue(data)?.FullName,
                ["Tansiq:Db"] = parse.GetValue(db),
                ["Tansiq:DetectionIntervalSeconds"] = parse.GetValue(interval).ToString(CultureInfo.InvariantCulture),
                ["Tansiq:DetectionWindowDays"] = parse.GetValue(window).ToString(CultureInfo.InvariantCulture),
                ["Tansiq:RequestsPerSecond"] = parse.GetValue(rate).ToString(CultureInfo.InvariantCulture),
                ["Tansiq:Burst"] = (2 * parse.GetValue(rate)).ToString(CultureInfo.InvariantCulture),
                ["Tansiq:MaxBodyBytes"] = (parse.GetValue(maxBody) << 20).ToString(CultureInfo.InvariantCulture),
                ["Tansiq:FullSync"] = parse.GetValue(fullSync) ? "true" : "false",
            };
            RequireStore(settings["Tansiq:Data"], settings["Tansiq:Db"]);
            return Serve(context, settings, parse.GetValue(urls)!).GetAwaiter().GetResult();
        }));
        command.Subcommands.Add(KeysCommand(context));
        command.Subcommands.Add(ServeLoadCommand.Create(context));
        return command;
    }

    private static Option<DirectoryInfo?> DataOption() => new("--data") { Description = "Directory of the embedded SQLite database (created if missing)" };

    private static Option<string?> DbOption() => new("--db") { Description = "PostgreSQL instead of SQLite: \"Host=...;Port=...;Username=...;Database=...\"" };

    private static void RequireStore(string? data, string? db)
    {
        if (string.IsNullOrWhiteSpace(data) && string.IsNullOrWhiteSpace(db))
        {
            throw new UsageException("--data DIR (embedded SQLite) or --db CONNECTION (PostgreSQL) is required");
        }
    }

    private static async Task<int> Serve(CliContext context, Dictionary<string, string?> settings, string urls)
    {
        var app = TansiqServer.Build(["--environment", "Production"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.WebHost.UseUrls(urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            builder.Logging.ClearProviders();
            // Structured logs (one JSON object a line) on stderr; stdout carries only the listening line.
            builder.Logging.AddJsonConsole(o => o.UseUtcTimestamp = true);
            builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        });
        await using (app)
        {
            await app.StartAsync();
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var a in addresses)
            {
                context.Out.WriteLine($"tansiq serve: listening on {a}");
            }
            context.Out.Flush();
            await app.WaitForShutdownAsync();
        }
        return ExitCodes.Success;
    }

    private static Command KeysCommand(CliContext context)
    {
        var keys = new Command("keys", "Manages API keys (stored hashed; a key is shown once, when it is made).");

        var data = DataOption();
        var db = DbOption();
        var role = new Option<string>("--role") { Description = "ingest, moderator or admin", Required = true };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        var name = new Option<string?>("--name") { Description = "A name to recognise the key by" };
        var add = new Command("add", "Makes a key and prints it alone on the last line of stdout.") { data, db, role, name };
        add.SetAction(parse => CliApp.Guard(context, () => WithStore(parse.GetValue(data), parse.GetValue(db), async store =>
        {
            var issued = await ApiKeys.IssueAsync(store, parse.GetValue(role)!, parse.GetValue(name), TimeProvider.System);
            context.Out.WriteLine($"key {issued.Record.KeyId} with role {issued.Record.Role} (shown once: keep it; only its hash is stored):");
            context.Out.WriteLine(issued.Key);
            return ExitCodes.Success;
        })));
        keys.Subcommands.Add(add);

        var listData = DataOption();
        var listDb = DbOption();
        var list = new Command("list", "Lists keys: id, role, name, created, revoked.") { listData, listDb };
        list.SetAction(parse => CliApp.Guard(context, () => WithStore(parse.GetValue(listData), parse.GetValue(listDb), async store =>
        {
            context.Out.WriteLine("key_id,role,name,created_at,revoked_at");
            foreach (var k in await store.ListKeysAsync())
            {
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{k.KeyId},{k.Role},{k.Name},{Utc(k.CreatedAt)},{(k.RevokedAt is { } r ? Utc(r) : "")}"));
            }
            return ExitCodes.Success;
        })));
        keys.Subcommands.Add(list);

        var revokeData = DataOption();
        var revokeDb = DbOption();
        var id = new Argument<string>("key") { Description = "The key id (from keys list) or the key itself" };
        var revoke = new Command("revoke", "Revokes a key: requests with it get 401 from then on.") { revokeData, revokeDb, id };
        revoke.SetAction(parse => CliApp.Guard(context, () => WithStore(parse.GetValue(revokeData), parse.GetValue(revokeDb), async store =>
        {
            var given = parse.GetValue(id)!;
            var keyId = ApiKeys.TryParse(given, out var parsed, out _) ? parsed : given;
            if (!await store.RevokeKeyAsync(keyId, TimeProvider.System.GetUtcNow().ToUnixTimeSeconds()))
            {
                throw new UsageException($"no active key '{keyId}'");
            }
            context.Out.WriteLine($"revoked {keyId}");
            return ExitCodes.Success;
        })));
        keys.Subcommands.Add(revoke);
        return keys;
    }

    private static string Utc(long seconds) => DateTimeOffset.FromUnixTimeSeconds(seconds).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static int WithStore(DirectoryInfo? data, string? db, Func<ITansiqStore, Task<int>> body)
    {
        RequireStore(data?.FullName, db);
        using var store = StoreFactory.Open(data?.FullName, db);
        store.MigrateAsync().GetAwaiter().GetResult();
        return body(store).GetAwaiter().GetResult();
    }
}
