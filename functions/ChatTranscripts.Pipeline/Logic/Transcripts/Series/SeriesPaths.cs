using ChatTranscripts.Pipeline.Core;
namespace ChatTranscripts.Pipeline.Logic.Transcripts.Series;

/// <summary>
/// Where a series lives on the site. A series is every session that shares a hashtag, as moderation's series blocks
/// define it (<see cref="BlockScope.Series"/>), keyed by that hashtag exactly as sessions store it:
/// without '#' and lower-cased (<see cref="Hashtags.Normalise"/>), so <c>#BMCMed</c> and
/// <c>bmcmed</c> name one series. A session with several hashtags is in several series.
/// </summary>
public static class SeriesPaths
{
    public const string Root = "series";
    public const string PageName = "index.html";
    public const string FeedName = "feed.xml";

    /// <summary>The blob of the series' page: <c>series/{hashtag}/index.html</c>.</summary>
    public static string Page(string hashtag) => Folder(hashtag) + PageName;

    /// <summary>The blob of the series' feed: <c>series/{hashtag}/feed.xml</c>.</summary>
    public static string Feed(string hashtag) => Folder(hashtag) + FeedName;

    /// <summary>
    /// The folder as a URL path, percent-encoded: hashtags may hold any letter, and a URL written in ASCII works in every
    /// reader and every feed reader. The blob itself is named with the hashtag as is, which is what the encoded path decodes to.
    /// </summary>
    public static string UrlFolder(string hashtag) => $"{Root}/{Uri.EscapeDataString(hashtag)}/";

    /// <summary>The series page as linked from the site index, at the site's root.</summary>
    public static string FromSiteRoot(string hashtag) => UrlFolder(hashtag) + PageName;

    /// <summary>The series page as linked from a transcript page, which sits one folder below the site's root.</summary>
    public static string FromSessionPage(string hashtag) => "../" + FromSiteRoot(hashtag);

    private static string Folder(string hashtag) => $"{Root}/{hashtag}/";
}
