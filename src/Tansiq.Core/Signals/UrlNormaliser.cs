namespace Tansiq.Core.Signals;

/// <summary>
/// Makes two spellings of one link compare equal: no scheme, no "www.", lower-case host, no fragment, no tracking
/// parameters (utm_*, fbclid, gclid, ...), no trailing slash. Shortened links are left as they are: resolving them
/// needs the network, which the core never touches.
/// </summary>
public static class UrlNormaliser
{
    private static readonly HashSet<string> TrackingParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "msclkid", "igshid", "mc_cid", "mc_eid", "yclid", "_ga", "ref_src", "ref_url", "s_cid",
    };

    public static string Normalise(string url)
    {
        var s = url.Trim();
        if (s.Length == 0)
        {
            return "";
        }
        var schemeEnd = s.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd >= 0 && schemeEnd < 12)
        {
            s = s[(schemeEnd + 3)..];
        }
        var fragment = s.IndexOf('#');
        if (fragment >= 0)
        {
            s = s[..fragment];
        }
        string query = "";
        var q = s.IndexOf('?');
        if (q >= 0)
        {
            query = s[(q + 1)..];
            s = s[..q];
        }
        var slash = s.IndexOf('/');
        var host = slash >= 0 ? s[..slash] : s;
        var path = slash >= 0 ? s[slash..] : "";
        host = host.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal))
        {
            host = host[4..];
        }
        if (host.EndsWith(":80", StringComparison.Ordinal))
        {
            host = host[..^3];
        }
        else if (host.EndsWith(":443", StringComparison.Ordinal))
        {
            host = host[..^4];
        }
        path = path.TrimEnd('/');
        var kept = new List<string>();
        if (query.Length > 0)
        {
            foreach (var part in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = part.IndexOf('=');
                var name = eq >= 0 ? part[..eq] : part;
                if (name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || TrackingParameters.Contains(name))
                {
                    continue;
                }
                kept.Add(part);
            }
        }
        var result = host + path;
        return kept.Count > 0 ? result + "?" + string.Join('&', kept) : result;
    }
}
