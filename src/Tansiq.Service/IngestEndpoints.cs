using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Options;
using Tansiq.Application;
using Tansiq.Application.Contracts;
using Tansiq.IO;
using Tansiq.IO.Moderation;
using Tansiq.IO.Readers;
using Tansiq.Storage;

namespace Tansiq.Service;

/// <summary>
/// <c>POST /v1/accounts|follows|reports|messages</c>: bodies in the formats <c>moderate</c> and <c>detect</c> read. The
/// whole body is parsed before anything is stored, so a bad row stores nothing; the answer is sent after the commit.
/// </summary>
internal static class IngestEndpoints
{
    private const string Source = "request body";

    public static void Map(RouteGroupBuilder v1)
    {
        var role = new RequiredRole(Roles.Ingest);
        v1.MapPost("/accounts", Accounts).WithMetadata(role).Accepts<string>("text/csv").Produces<IngestResponse>().ProducesProblem(400).WithName("PostAccounts")
            .WithSummary("Accounts as accounts.csv: account_id,username,created_at,followers_count,following_count");
        v1.MapPost("/follows", Follows).WithMetadata(role).Accepts<string>("text/csv").Produces<IngestResponse>().ProducesProblem(400).WithName("PostFollows")
            .WithSummary("Follows as follows.csv: follower_id,followee_id");
        v1.MapPost("/reports", Reports).WithMetadata(role).Accepts<string>("text/csv", "application/x-ndjson").Produces<ReportIngestResponse>().ProducesProblem(400).WithName("PostReports")
            .WithSummary("Reports as reports.csv (report_id,reporter_id,target_id,timestamp,reason) or NDJSON; answers with the decisions they changed");
        v1.MapPost("/messages", Messages).WithMetadata(role).Accepts<string>("text/csv", "application/x-ndjson").Produces<IngestResponse>().ProducesProblem(400).WithName("PostMessages")
            .WithSummary("Messages in any format detect reads (cnt-csv, tansiq-csv, twitter-v2 JSON lines)");
    }

    private static async Task<IResult> Accounts(HttpContext context, LiveModeration engine, IOptions<ServiceOptions> options, ILogger<LiveModeration> log)
    {
        var body = await Body.ReadAsync(context.Request, options.Value.MaxBodyBytes);
        List<AccountRow> rows;
        try
        {
            rows = ModerationReaders.ReadAccountRows(body, Source);
        }
        catch (InputException e)
        {
            return BadInput(e);
        }
        var counts = await engine.AddAccountsAsync([.. rows.Select(r => new AccountRecord(r.AccountId, r.Username, r.CreatedAt, r.Followers))], context.RequestAborted);
        log.LogInformation("ingest accounts: {Accepted} accepted, {Duplicates} duplicates (key {KeyId})", counts.Accepted, counts.Duplicates, KeyId(context));
        return Results.Ok(new IngestResponse(counts.Accepted, counts.Duplicates));
    }

    private static async Task<IResult> Follows(HttpContext context, LiveModeration engine, IOptions<ServiceOptions> options, ILogger<LiveModeration> log)
    {
        var body = await Body.ReadAsync(context.Request, options.Value.MaxBodyBytes);
        List<FollowRow> rows;
        try
        {
            rows = ModerationReaders.ReadFollowRows(body, Source);
        }
        catch (InputException e)
        {
            return BadInput(e);
        }
        var counts = await engine.AddFollowsAsync([.. rows.Select(r => new FollowRecord(r.Follower, r.Followee))], context.RequestAborted);
        log.LogInformation("ingest follows: {Accepted} accepted, {Duplicates} duplicates (key {KeyId})", counts.Accepted, counts.Duplicates, KeyId(context));
        return Results.Ok(new IngestResponse(counts.Accepted, counts.Duplicates));
    }

    private static async Task<IResult> Reports(HttpContext context, LiveModeration engine, ServiceMetrics metrics, IOptions<ServiceOptions> options, ILogger<LiveModeration> log)
    {
        var clock = Stopwatch.StartNew();
        var body = await Body.ReadAsync(context.Request, options.Value.MaxBodyBytes);
        List<ReportRow> rows;
        try
        {
            rows = Body.IsJson(context.Request) ? ReportNdjson.Read(Body.Text(body), Source) : ModerationReaders.ReadReportRows(body, Source);
        }
        catch (InputException e)
        {
            return BadInput(e);
        }
        // Not cancellable once parsed: a client that hangs up after sending still gets its reports stored and applied.
        var ingest = await engine.AddReportsAsync([.. rows.Select(r => new ReportRecord(r.ReportId, r.Reporter, r.Target, r.Time, r.Reason))], CancellationToken.None);
        var decisions = ingest.Changed.Select(d => Dtos.Decision(d, ingest.World, null)).ToList();
        metrics.Reports(ingest.Accepted, ingest.Duplicates, clock.Elapsed);
        log.LogInformation("ingest reports: {Accepted} accepted, {Duplicates} duplicates, {Changed} decisions changed (key {KeyId})", ingest.Accepted, ingest.Duplicates, decisions.Count, KeyId(context));
        return Results.Ok(new ReportIngestResponse(ingest.Accepted, ingest.Duplicates, decisions));
    }

    private static async Task<IResult> Messages(HttpContext context, LiveModeration engine, IOptions<ServiceOptions> options, ILogger<LiveModeration> log)
    {
        var body = await Body.ReadAsync(context.Request, options.Value.MaxBodyBytes);
        // detect's readers read files (format sniffing, gzip): the body goes to a private temporary file first.
        var dir = Directory.CreateTempSubdirectory("tansiq-messages-");
        List<MessageRecord> rows;
        try
        {
            var path = Path.Combine(dir.FullName, "body");
            await File.WriteAllBytesAsync(path, body.ToArray(), context.RequestAborted);
            rows = [.. MessageReaders.Open(path, InputFormat.Auto, new ReadOptions()).Select(MessageRecords.FromMessage)];
        }
        catch (InputException e)
        {
            return BadInput(new InputException(Source, e.Line, e.Reason));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
        var counts = await engine.AddMessagesAsync(rows, context.RequestAborted);
        log.LogInformation("ingest messages: {Accepted} accepted, {Duplicates} duplicates (key {KeyId})", counts.Accepted, counts.Duplicates, KeyId(context));
        return Results.Ok(new IngestResponse(counts.Accepted, counts.Duplicates));
    }

    private static IResult BadInput(InputException e) =>
        Problems.Result(StatusCodes.Status400BadRequest, "Bad input", $"{e.Message}; nothing of this request was stored", e.Line > 0 ? e.Line : null);

    private static string KeyId(HttpContext context) => context.Items[Auth.KeyItem] is KeyRecord k ? k.KeyId : "";
}

/// <summary>Reads a request body whole, within the size limit.</summary>
internal static class Body
{
    public static async Task<MemoryStream> ReadAsync(HttpRequest request, long max)
    {
        if (request.ContentLength > max)
        {
            throw new BadHttpRequestException($"the body is {request.ContentLength} bytes; the limit is {max}", StatusCodes.Status413PayloadTooLarge);
        }
        var buffer = new MemoryStream(request.ContentLength is { } n ? (int)n : 4096);
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > max)
            {
                throw new BadHttpRequestException($"the body is larger than the limit of {max} bytes", StatusCodes.Status413PayloadTooLarge);
            }
            buffer.Write(chunk, 0, read);
        }
        buffer.Position = 0;
        return buffer;
    }

    /// <summary>Strict UTF-8 (an invalid byte is a bad row, as in files).</summary>
    public static TextReader Text(MemoryStream body) => new StreamReader(body, new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true);

    public static bool IsJson(HttpRequest request) =>
        request.ContentType is { } t && (t.Contains("json", StringComparison.OrdinalIgnoreCase) || t.Contains("jsonl", StringComparison.OrdinalIgnoreCase));
}
