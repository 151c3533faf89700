using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace Tansiq.Cli.Commands;

/// <summary>
/// <c>serve load</c> (hidden): the load client behind docs/benchmarks-service.md. From a process of its own it uploads
/// accounts and follows (untimed), then sends a reports file in requests of <c>--batch</c> rows, one request at a time
/// (reports stay in time order), and prints reports per second and the latency of each request.
/// </summary>
internal static class ServeLoadCommand
{
    public static Command Create(CliContext context)
    {
        var url = new Option<string>("--url") { Description = "The server, e.g. http://127.0.0.1:5080", Required = true };
        var key = new Option<string>("--key") { Description = "An ingest (or admin) key", Required = true };
        var reports = new Option<FileInfo>("--reports") { Description = "reports.csv to send", Required = true };
        var accounts = new Option<FileInfo?>("--accounts") { Description = "accounts.csv to upload first (untimed)" };
        var follows = new Option<FileInfo?>("--follows") { Description = "follows.csv to upload first (untimed)" };
        var batch = new Option<int>("--batch") { Description = "Report rows per request", DefaultValueFactory = _ => 5000 };
        var limit = new Option<int>("--limit") { Description = "Send at most this many reports (0: all)", DefaultValueFactory = _ => 0 };
        var skip = new Option<int>("--skip") { Description = "Skip this many reports first (e.g. those a previous run sent)", DefaultValueFactory = _ => 0 };
        var command = new Command("load", "Load client: sends reports to a running server and measures throughput and latency.")
        {
            url, key, reports, accounts, follows, batch, limit, skip,
        };
        command.Hidden = true;
        command.SetAction(parse => CliApp.Guard(context, () => Run(context, parse.GetValue(url)!, parse.GetValue(key)!, parse.GetValue(reports)!.FullName,
            parse.GetValue(accounts)?.FullName, parse.GetValue(follows)?.FullName, Math.Max(1, parse.GetValue(batch)), parse.GetValue(limit), parse.GetValue(skip))
            .GetAwaiter().GetResult()));
        return command;
    }

    private static async Task<int> Run(CliContext context, string url, string key, string reports, string? accounts, string? follows, int batch, int limit, int skip)
    {
        using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(10) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        foreach (var (path, file) in new[] { ("/v1/accounts", accounts), ("/v1/follows", follows) })
        {
            if (file is not null)
            {
                foreach (var body in Chunks(file, 200_000, 0, 0))
                {
                    await Send(client, path, body);
                }
            }
        }
        var bodies = Chunks(reports, batch, skip, limit).ToList();
        var latencies = new List<double>(bodies.Count);
        var sent = 0L;
        var total = Stopwatch.StartNew();
        foreach (var body in bodies)
        {
            var one = Stopwatch.StartNew();
            await Send(client, "/v1/reports", body);
            latencies.Add(one.Elapsed.TotalMilliseconds);
            sent += body.Rows;
        }
        var seconds = total.Elapsed.TotalSeconds;
        latencies.Sort();
        double Q(double q) => latencies.Count == 0 ? 0 : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{sent} reports in {bodies.Count} requests of {batch}: {seconds:0.00} s, {sent / seconds:0} reports/s, {bodies.Count / seconds:0} requests/s; latency per request p50 {Q(0.5):0.00} ms, p90 {Q(0.9):0.00} ms, p99 {Q(0.99):0.00} ms, max {Q(1):0.00} ms"));
        return ExitCodes.Success;
    }

    private static async Task Send(HttpClient client, string path, Body body)
    {
        using var content = new StringContent(body.Text, Encoding.UTF8, "text/csv");
        using var response = await client.PostAsync(path, content);
        if (!response.IsSuccessStatusCode)
        {
            throw new IOException($"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private sealed record Body(string Text, int Rows);

    private static IEnumerable<Body> Chunks(string file, int rows, int skip, int limit)
    {
        using var reader = new StreamReader(file);
        var header = reader.ReadLine() ?? throw new IOException($"{file} is empty");
        for (var i = 0; i < skip && reader.ReadLine() is not null; i++)
        {
        }
        var b = new StringBuilder();
        var n = 0;
        var taken = 0;
        string? line;
        while ((limit == 0 || taken < limit) && (line = reader.ReadLine()) is not null)
        {
            if (n == 0)
            {
                b.Clear().Append(header).Append('\n');
            }
            b.Append(line).Append('\n');
            n++;
            taken++;
            if (n == rows)
            {
                yield return new Body(b.ToString(), n);
                n = 0;
            }
        }
        if (n > 0)
        {
            yield return new Body(b.ToString(), n);
        }
    }
}
