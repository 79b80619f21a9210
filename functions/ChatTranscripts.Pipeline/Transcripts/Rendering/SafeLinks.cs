namespace ChatTranscripts.Pipeline.Transcripts.Rendering;

/// <summary>
/// Which link targets the pages may carry. Encoding makes an attribute safe to parse, not safe to follow:
/// a <c>javascript:</c> or <c>data:</c> URL would still run or mislead when clicked, so only web URLs become links.
/// </summary>
internal static class SafeLinks
{
    /// <summary>The URL when it is an absolute http or https URL; otherwise null (shown without a link).</summary>
    public static string? WebUrl(string? url) =>
        url is not null
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && !string.IsNullOrEmpty(uri.Host)
            ? url
            : null;

    /// <summary>A path on this site (relative or rooted) or a web URL; null for anything with another scheme.</summary>
    public static string? SiteLink(string? path) =>
        path is not null && !path.Contains(':', StringComparison.Ordinal) && Uri.TryCreate(path, UriKind.Relative, out _)
            ? path
            : WebUrl(path);
}
