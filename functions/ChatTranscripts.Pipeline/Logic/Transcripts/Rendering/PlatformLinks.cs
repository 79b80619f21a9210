namespace ChatTranscripts.Pipeline.Logic.Transcripts.Rendering;

/// <summary>
/// Where a hashtag or a mention leads on the platform the post came from. Null when that platform has no such page we
/// can name with certainty (an unknown platform, a Mastodon post without a URL to find its server), and the entity is
/// then shown as plain text rather than as a guess.
/// </summary>
internal static class PlatformLinks
{
    /// <summary>The name readers know a platform by; an unknown platform id is shown as it is.</summary>
    public static string DisplayName(string platform) => platform switch
    {
        "twitter" or "x" => "X",
        "mastodon" => "Mastodon",
        "bluesky" => "Bluesky",
        _ => platform,
    };

    /// <summary>
    /// The server that <see cref="Hashtag"/> and <see cref="Mention"/> link to when it depends on the post: a Mastodon
    /// post's own server. Null for every other platform, so their posts' URLs are not parsed for nothing.
    /// </summary>
    public static Uri? Server(string platform, string? postUrl) => platform == "mastodon" ? SafeLinks.WebUri(postUrl) : null;

    public static string? Hashtag(string platform, Uri? postUrl, string tag)
    {
        var escaped = Uri.EscapeDataString(tag);
        return platform switch
        {
            "twitter" or "x" => $"https://x.com/hashtag/{escaped}",
            "bluesky" => $"https://bsky.app/hashtag/{escaped}",
            "mastodon" when postUrl is not null => $"https://{postUrl.Authority}/tags/{escaped}",
            _ => null,
        };
    }

    /// <summary><paramref name="handle"/> is the mention as written after the '@' (for Bluesky, with its domain).</summary>
    public static string? Mention(string platform, Uri? postUrl, string handle)
    {
        var escaped = Uri.EscapeDataString(handle);
        return platform switch
        {
            "twitter" or "x" => $"https://x.com/{escaped}",
            "bluesky" when handle.Contains('.', StringComparison.Ordinal) => $"https://bsky.app/profile/{escaped}",
            "mastodon" when postUrl is not null => $"https://{postUrl.Authority}/@{escaped}",
            _ => null,
        };
    }
}
