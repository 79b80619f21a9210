namespace ChatTranscripts.Pipeline.Core;

/// <summary>
/// A hashtag as sessions store it and posts are matched against it: without its '#' (or the full-width '＃') and
/// lower-cased, so <c>#BMCMed</c>, <c>bmcmed</c> and <c>＃BmcMed</c> are one hashtag.
/// </summary>
public static class Hashtags
{
    public static string Normalise(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length > 0 && trimmed[0] is '#' or '＃')
        {
            trimmed = trimmed[1..];
        }
        return trimmed.ToLowerInvariant();
    }
}
