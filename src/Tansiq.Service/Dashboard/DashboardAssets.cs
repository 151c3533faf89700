using System.Collections.Frozen;
using System.Security.Cryptography;

namespace Tansiq.Service.Dashboard;

/// <summary>
/// The dashboard's static files (HTML, CSS, JavaScript under Dashboard/Assets), embedded in the assembly so that
/// <c>tansiq serve</c> needs no web root and no network: <c>GET /</c> is the page, <c>GET /assets/NAME</c> the rest.
/// Every answer carries a strict Content-Security-Policy (only this origin's scripts, styles and connections).
/// </summary>
internal static class DashboardAssets
{
    private const string Prefix = "dashboard/";

    private sealed record Asset(byte[] Body, string ContentType, string ETag);

    private static readonly FrozenDictionary<string, Asset> Files = Load();

    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; " +
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static IReadOnlyCollection<string> Names => Files.Keys;

    private static FrozenDictionary<string, Asset> Load()
    {
        var assembly = typeof(DashboardAssets).Assembly;
        var files = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var body = copy.ToArray();
            var file = name[Prefix.Length..];
            files[file] = new Asset(body, ContentType(file), $"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..16]}\"");
        }
        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string ContentType(string file) => Path.GetExtension(file) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".ico" => "image/x-icon",
        _ => "application/octet-stream",
    };

    public static void Map(WebApplication app)
    {
        app.MapGet("/", (HttpContext context) => Serve(context, "index.html")).WithName("Dashboard").ExcludeFromDescription();
        app.MapGet("/assets/{name}", (string name, HttpContext context) => Serve(context, name)).WithName("DashboardAsset").ExcludeFromDescription();
    }

    private static IResult Serve(HttpContext context, string name)
    {
        if (!Files.TryGetValue(name, out var asset) || name == "index.html" && context.Request.Path != "/")
        {
            return Problems.Result(StatusCodes.Status404NotFound, "Not found", $"no dashboard file '{name}'");
        }
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        headers.CacheControl = "no-cache";
        headers.ETag = asset.ETag;
        if (context.Request.Headers.IfNoneMatch == asset.ETag)
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        return Results.Bytes(asset.Body, asset.ContentType);
    }
}
