using System.Text.RegularExpressions;

namespace ChatTranscripts.Pipeline.Logic.Transcripts.Rendering;

/// <summary>
/// Which link targets the pages may carry. Encoding makes an attribute safe to parse, not safe to follow:
/// a <c>javascript:</c> or <c>data:</c> URL would still run or mislead when clicked, so only web URLs become links.
/// </summary>
internal static partial class SafeLinks
{
    /// <summary>The URL as written when it is an absolute http or https URL; otherwise null (shown without a link).</summary>
    public static string? WebUrl(string? url) => WebUri(url) is not null ? url : null;

    /// <summary>
    /// A web URL as an HTML <c>href</c>: percent-encoded where a URL may not hold a character as written (quotes,
    /// angle brackets, spaces, braces), which the HTML standard counts as an error even when escaped for the attribute.
    /// </summary>
    public static string? Href(string? url) => WebUri(url)?.AbsoluteUri;

    /// <summary>The URL parsed when it is an absolute http or https URL with a host; otherwise null.</summary>
    public static Uri? WebUri(string? url) =>
        url is not null
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && !string.IsNullOrEmpty(uri.Host)
            ? uri
            : null;

    /// <summary>
    /// twitter-text finds URLs written without a scheme ("example.com/x"); a link needs one. A URL with a scheme of its
    /// own ("ftp://…") is left as it is, and so is no web URL.
    /// </summary>
    public static string WithScheme(string url) => Scheme().IsMatch(url) ? url : "https://" + url;

    /// <summary>A path on this site (relative or rooted) or a web URL; null for anything with another scheme.</summary>
    public static string? SiteLink(string? path) =>
        path is not null && !path.Contains(':', StringComparison.Ordinal) && Uri.TryCreate(path, UriKind.Relative, out _)
            ? path
            : Href(path);

    /// <summary>RFC 3986's scheme, then "://": what a URL written with a scheme starts with.</summary>
    [GeneratedRegex("\\A[A-Za-z][A-Za-z0-9+.-]*://", RegexOptions.CultureInvariant)]
    private static partial Regex Scheme();
}
