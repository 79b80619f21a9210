using System.Text;
using ChatTranscripts.Pipeline.Logic.Transcripts.Rendering;

namespace ChatTranscripts.Pipeline.Logic.Transcripts.Digest;

/// <summary>
/// One spelling for every way a link to the same resource is written, so that the list of resources counts it once.
/// The rules are RFC 3986's equivalences (section 6.2.2: syntax-based; 6.2.3: scheme-based for http and https), the
/// mapping of an IRI to a URI that browsers apply (RFC 3987 section 3.1), and two that change the URL on purpose:
/// <list type="bullet">
/// <item>scheme and host lower-case; an internationalised host in its ASCII (punycode) form;</item>
/// <item>the default port (80 for http, 443 for https) dropped, and an empty path written as "/";</item>
/// <item>percent-encodings of unreserved characters (letters, digits, <c>-._~</c>) decoded, every other one in
/// upper-case hex; characters a URI cannot hold as written (non-ASCII, spaces) percent-encoded as UTF-8;</item>
/// <item>"." and ".." path segments resolved;</item>
/// <item>the fragment dropped: it is a place in the page, not another resource;</item>
/// <item>tracking parameters dropped (<see cref="TrackingParameters"/>); the other query parameters kept as written, in
/// their order, and a query left empty dropped with its "?".</item>
/// </list>
/// The path and query keep their case, and http and https stay different URLs: servers may tell them apart.
/// </summary>
internal static class LinkNormaliser
{
    private const string Unreserved = "-._~";

    /// <summary>
    /// The normalised form of a URL found in a post's text (with or without a scheme, which then is https, as the pages
    /// link it), or null when it is not an absolute http or https URL with a host.
    /// </summary>
    public static string? Normalise(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        // Decoded before parsing, as RFC 3986 orders it, so that an encoded dot segment ("%2E%2E") is resolved too.
        if (SafeLinks.WebUri(NormalisePercentEncoding(SafeLinks.WithScheme(url))) is not { } uri)
        {
            return null;
        }
        var host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host : uri.IdnHost.ToLowerInvariant();
        var normalised = new StringBuilder(url.Length + 8)
            .Append(uri.Scheme)
            .Append("://");
        if (uri.UserInfo.Length > 0)
        {
            normalised.Append(uri.UserInfo).Append('@');
        }
        normalised.Append(host);
        if (!uri.IsDefaultPort)
        {
            normalised.Append(':').Append(uri.Port);
        }
        normalised.Append(uri.AbsolutePath);
        AppendQuery(normalised, uri.Query, host);
        return normalised.ToString();
    }

    /// <summary>Every parameter but the tracking ones, joined as they were; nothing at all when none is left.</summary>
    private static void AppendQuery(StringBuilder normalised, string query, string host)
    {
        if (query.Length <= 1)
        {
            return;
        }
        var kept = query[1..].Split('&').Where(parameter => !TrackingParameters.IsTracking(Name(parameter), host)).ToList();
        if (kept.TrueForAll(parameter => parameter.Length == 0))
        {
            return;
        }
        normalised.Append('?').AppendJoin('&', kept);
    }

    private static string Name(string parameter)
    {
        var equals = parameter.IndexOf('=', StringComparison.Ordinal);
        return Uri.UnescapeDataString(equals < 0 ? parameter : parameter[..equals]);
    }

    /// <summary>"%7e" becomes "~" and "%2f" becomes "%2F"; a "%" not followed by two hex digits is left to the parser, which encodes it.</summary>
    private static string NormalisePercentEncoding(string url)
    {
        if (!url.Contains('%', StringComparison.Ordinal))
        {
            return url;
        }
        var result = new StringBuilder(url.Length);
        for (var i = 0; i < url.Length; i++)
        {
            if (url[i] == '%' && i + 2 < url.Length && char.IsAsciiHexDigit(url[i + 1]) && char.IsAsciiHexDigit(url[i + 2]))
            {
                var decoded = (char)Convert.ToByte(url.Substring(i + 1, 2), 16);
                if (char.IsAsciiLetterOrDigit(decoded) || Unreserved.Contains(decoded, StringComparison.Ordinal))
                {
                    result.Append(decoded);
                }
                else
                {
                    result.Append('%').Append(char.ToUpperInvariant(url[i + 1])).Append(char.ToUpperInvariant(url[i + 2]));
                }
                i += 2;
            }
            else
            {
                result.Append(url[i]);
            }
        }
        return result.ToString();
    }
}
