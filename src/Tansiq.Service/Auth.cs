using Tansiq.Application;
using Tansiq.Storage;

namespace Tansiq.Service;

/// <summary>Endpoint metadata: the role a key needs (an admin key may call everything).</summary>
public sealed record RequiredRole(string Role);

/// <summary>
/// Bearer keys (or the dashboard's session cookie, which stands for the key signed in with) for every <c>/v1</c> route: 401 without a key or with an unknown, malformed or revoked one, 403 with a
/// key of the wrong role. The key is looked up by its id and its secret compared in constant time (ApiKeys); it never
/// reaches a log.
/// </summary>
internal sealed class Auth(RequestDelegate next)
{
    public const string KeyItem = "tansiq.key";

    public async Task InvokeAsync(HttpContext context, ITansiqStore store)
    {
        if (!context.Request.Path.StartsWithSegments("/v1", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }
        var header = context.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        KeyRecord? key = null;
        if (header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            key = await ApiKeys.VerifyAsync(store, header[scheme.Length..].Trim(), context.RequestAborted);
        }
        else if (header.Length == 0 && context.RequestServices.GetService<Dashboard.DashboardSessions>() is { } sessions
            && await sessions.KeyAsync(context, store) is { } cookieKey)
        {
            // The dashboard's session cookie stands for the key it was signed in with (same roles as its Bearer use).
            if (!Dashboard.DashboardSessions.PassesCsrfCheck(context))
            {
                await Problems.Write(context, StatusCodes.Status403Forbidden, "Forbidden", $"a request on a session cookie must carry {Dashboard.DashboardSessions.CsrfHeader}: 1");
                return;
            }
            key = cookieKey;
        }
        if (key is null)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await Problems.Write(context, StatusCodes.Status401Unauthorized, "Unauthorized",
                header.Length == 0 ? "send Authorization: Bearer KEY (make one with ./tansiq serve keys add)" : "the key is unknown or revoked");
            return;
        }
        var required = context.GetEndpoint()?.Metadata.GetMetadata<RequiredRole>();
        if (required is not null && !Roles.Allows(key.Role, required.Role))
        {
            await Problems.Write(context, StatusCodes.Status403Forbidden, "Forbidden", $"this route needs a key with role '{required.Role}'; this key has role '{key.Role}'");
            return;
        }
        context.Items[KeyItem] = key;
        await next(context);
    }
}

/// <summary>Problem details (RFC 9457) in application/problem+json.</summary>
internal static class Problems
{
    public static Task Write(HttpContext context, int status, string title, string detail, long? line = null)
    {
        context.Response.StatusCode = status;
        var body = new Dictionary<string, object?>
        {
            ["type"] = "about:blank",
            ["title"] = title,
            ["status"] = status,
            ["detail"] = detail,
        };
        if (line is not null)
        {
            body["line"] = line;
        }
        return context.Response.WriteAsJsonAsync(body, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }

    public static IResult Result(int status, string title, string detail, long? line = null)
    {
        var extensions = new Dictionary<string, object?>();
        if (line is not null)
        {
            extensions["line"] = line;
        }
        return Results.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);
    }
}

/// <summary>The outermost middleware: any failure becomes a problem without a stack trace (the log has the details).</summary>
internal sealed class ErrorBoundary(RequestDelegate next, ILogger<ErrorBoundary> log)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away.
        }
        catch (BadHttpRequestException e)
        {
            if (!context.Response.HasStarted)
            {
                await Problems.Write(context, e.StatusCode, e.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Bad request", e.Message);
            }
        }
        catch (StoreException e)
        {
            log.LogError(e, "storage failure on {Method} {Path}", context.Request.Method, context.Request.Path);
            if (!context.Response.HasStarted)
            {
                await Problems.Write(context, StatusCodes.Status503ServiceUnavailable, "Storage unavailable", "the database could not be reached; nothing of this request was stored");
            }
        }
        catch (Exception e)
        {
            log.LogError(e, "unexpected failure on {Method} {Path}", context.Request.Method, context.Request.Path);
            if (!context.Response.HasStarted)
            {
                await Problems.Write(context, StatusCodes.Status500InternalServerError, "Internal error", "the server failed; see its log");
            }
        }
    }
}
