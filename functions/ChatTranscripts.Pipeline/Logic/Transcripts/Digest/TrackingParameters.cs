namespace ChatTranscripts.Pipeline.Logic.Transcripts.Digest;

/// <summary>
/// Query parameters that say how a reader arrived at a page, not which page: the same article shared from a newsletter
/// and from a phone's share sheet differs only in them, so the list of resources drops them to count it once. A
/// parameter's name is compared without regard to case (after percent-decoding); its value does not matter.
/// </summary>
internal static class TrackingParameters
{
    /// <summary>Click and campaign identifiers that no site uses to choose what it serves.</summary>
    private static readonly HashSet<string> Everywhere = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", // Facebook's click id, added to every outbound link
        "gclid", // Google Ads' click id
        "mc_cid", // Mailchimp's campaign id
        "mc_eid", // Mailchimp's subscriber id
        "igshid", // Instagram's share id
    };

    /// <summary>
    /// Google Analytics' campaign parameters (<c>utm_source</c>, <c>utm_medium</c>, <c>utm_campaign</c>, <c>utm_term</c>,
    /// <c>utm_content</c>, <c>utm_id</c> and the rest of the family).
    /// </summary>
    private const string CampaignPrefix = "utm_";

    /// <summary>
    /// <c>si</c> is the share identifier YouTube's and Spotify's share buttons append ("youtu.be/abc?si=…"); elsewhere
    /// <c>si</c> is an ordinary name a site may use to choose the page (a site id, a search index), so it is dropped on
    /// these hosts only.
    /// </summary>
    private static readonly string[] ShareIdentifierHosts = ["youtube.com", "youtu.be", "spotify.com"];

    private const string ShareIdentifier = "si";

    /// <param name="name">The parameter's name, percent-decoded.</param>
    /// <param name="host">The URL's host, lower-case ASCII.</param>
    public static bool IsTracking(string name, string host) =>
        name.StartsWith(CampaignPrefix, StringComparison.OrdinalIgnoreCase)
        || Everywhere.Contains(name)
        || (name.Equals(ShareIdentifier, StringComparison.OrdinalIgnoreCase) && ShareIdentifierHosts.Any(h => IsSameOrSubdomain(host, h)));

    private static bool IsSameOrSubdomain(string host, string domain) =>
        host == domain || (host.Length > domain.Length && host.EndsWith(domain, StringComparison.Ordinal) && host[^(domain.Length + 1)] == '.');
}
