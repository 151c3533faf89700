using System.Collections.Concurrent;
using System.Security.Cryptography;
using Tansiq.Application;
using Tansiq.Storage;

namespace Tansiq.Service.Dashboard;

/// <summary>
/// Sign-in for the dashboard: a moderator (or admin) key is exchanged once for a session cookie, so the key never
/// travels again and never appears in a URL. Sessions live in server memory (a restart signs everyone out): the cookie
/// holds only a random 256-bit token; the session holds the key's id, and the key record is looked up on every request,
/// so revoking the key ends its sessions at once. The cookie is HttpOnly and SameSite=Strict (Secure over HTTPS), and
/// requests other than GET on a cookie must also carry <c>X-Tansiq-Dashboard: 1</c> (a header a cross-site form
/// cannot send).
/// </summary>
internal sealed class DashboardSessions(TimeProvider time)
{
    public const string Cookie = "tansiq_session";
    public const string CsrfHeader = "X-Tansiq-Dashboard";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    private readonly ConcurrentDictionary<string, Session> _sessions = new(StringComparer.Ordinal);

    private sealed record Session(string KeyId, DateTimeOffset Expires);

    public int Count => _sessions.Count;

    public string Create(KeyRecord key)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        foreach (var (t, s) in _sessions)
        {
            if (s.Expires <= now)
            {
                _sessions.TryRemove(t, out _);
            }
        }
        _sessions[token] = new Session(key.KeyId, now + Lifetime);
        return token;
    }

    public void Remove(string? token)
    {
        if (token is not null)
        {
            _sessions.TryRemove(token, out _);
        }
    }

    /// <summary>The key behind the request's session cookie, or null (no cookie, unknown or expired session, revoked key).</summary>
    public async Task<KeyRecord?> KeyAsync(HttpContext context, ITansiqStore store)
    {
        if (!context.Request.Cookies.TryGetValue(Cookie, out var token) || token is null || !_sessions.TryGetValue(token, out var session))
        {
            return null;
        }
        if (session.Expires <= time.GetUtcNow())
        {
            _sessions.TryRemove(token, out _);
            return null;
        }
        var key = await store.FindKeyAsync(session.KeyId, context.RequestAborted);
        if (key is null || key.RevokedAt is not null)
        {
            _sessions.TryRemove(token, out _);
            return null;
        }
        return key;
    }

    /// <summary>A request authenticated by cookie that changes something must carry the dashboard's header.</summary>
    public static bool PassesCsrfCheck(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
        || context.Request.Headers[CsrfHeader] == "1";

    public static void Map(WebApplication app)
    {
        app.MapPost("/auth/sign-in", SignIn).WithName("DashboardSignIn").ExcludeFromDescription();
        app.MapPost("/auth/sign-out", SignOut).WithName("DashboardSignOut").ExcludeFromDescription();
        app.MapGet("/auth/session", Current).WithName("DashboardSession").ExcludeFromDescription();
    }

    private static async Task<IResult> SignIn(HttpContext context, ITansiqStore store, DashboardSessions sessions)
    {
        if (context.Request.Headers[CsrfHeader] != "1")
        {
            return Problems.Result(StatusCodes.Status403Forbidden, "Forbidden", $"sign in from the dashboard (the request lacks {CsrfHeader}: 1)");
        }
        string? secret = null;
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            secret = form["key"].ToString();
        }
        if (string.IsNullOrWhiteSpace(secret))
        {
            return Problems.Result(StatusCodes.Status400BadRequest, "Bad input", "send the key as the form field 'key'");
        }
        var key = await ApiKeys.VerifyAsync(store, secret.Trim(), context.RequestAborted);
        if (key is null)
        {
            return Problems.Result(StatusCodes.Status401Unauthorized, "Unauthorized", "the key is unknown or revoked");
        }
        if (!Roles.Allows(key.Role, Roles.Moderator))
        {
            return Problems.Result(StatusCodes.Status403Forbidden, "Forbidden", $"the dashboard needs a key with role 'moderator' or 'admin'; this key has role '{key.Role}'");
        }
        var token = sessions.Create(key);
        context.Response.Cookies.Append(Cookie, token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
            MaxAge = Lifetime,
            IsEssential = true,
        });
        return Results.Ok(new SessionDto(key.KeyId, key.Role, key.Name));
    }

    private static IResult SignOut(HttpContext context, DashboardSessions sessions)
    {
        if (context.Request.Headers[CsrfHeader] != "1")
        {
            return Problems.Result(StatusCodes.Status403Forbidden, "Forbidden", $"sign out from the dashboard (the request lacks {CsrfHeader}: 1)");
        }
        context.Request.Cookies.TryGetValue(Cookie, out var token);
        sessions.Remove(token);
        context.Response.Cookies.Delete(Cookie, new CookieOptions { Path = "/", HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = context.Request.IsHttps });
        return Results.NoContent();
    }

    private static async Task<IResult> Current(HttpContext context, ITansiqStore store, DashboardSessions sessions)
    {
        var key = await sessions.KeyAsync(context, store);
        return key is null
            ? Problems.Result(StatusCodes.Status401Unauthorized, "Unauthorized", "not signed in")
            : Results.Ok(new SessionDto(key.KeyId, key.Role, key.Name));
    }
}

internal sealed record SessionDto(string KeyId, string Role, string? Name);
