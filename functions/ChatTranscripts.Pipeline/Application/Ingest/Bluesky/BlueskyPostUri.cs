namespace ChatTranscripts.Pipeline.Application.Ingest.Bluesky;

/// <summary>Post ids and addresses: a post is <c>at://{did}/app.bsky.feed.post/{rkey}</c>, stored as <c>{did}/{rkey}</c>.</summary>
public static class BlueskyPostUri
{
    public const string PostCollection = "app.bsky.feed.post";

    public static string Id(string did, string rkey) => $"{did}/{rkey}";

    public static string WebUrl(string did, string rkey) => $"https://bsky.app/profile/{did}/post/{rkey}";

    /// <summary>The post id an <c>at://</c> URI names, or null when it names anything but a post.</summary>
    public static string? IdOf(string atUri)
    {
        const string scheme = "at://";
        if (!atUri.StartsWith(scheme, StringComparison.Ordinal))
        {
            return null;
        }
        var parts = atUri[scheme.Length..].Split('/');
        return parts.Length == 3 && parts[0].Length > 0 && parts[1] == PostCollection && parts[2].Length > 0
            ? Id(parts[0], parts[2])
            : null;
    }
}
