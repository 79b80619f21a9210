namespace ChatTranscripts.Pipeline.Logic.Transcripts.Series;

/// <summary>
/// A series' Atom feed (<c>/series/{hashtag}/feed.xml</c>): the site feed's entries for the series' sessions alone, so
/// a reader can follow one weekly chat. Each entry keeps the id it has in the site feed; the feed's own id is derived
/// from the site and the hashtag, never from a URL, so it never changes.
/// </summary>
public static class SeriesFeed
{
    public static byte[] Render(string hashtag, IReadOnlyList<SiteIndexEntry> sessions, string siteName, string? siteBaseUrl) =>
        SiteFeed.Render(
            new FeedHeading(
                $"#{hashtag} chats",
                $"Transcripts of the #{hashtag} chats, published after each chat ends.",
                $"feed:{siteName}:series:{hashtag}",
                SeriesPaths.UrlFolder(hashtag)),
            sessions,
            siteBaseUrl);
}
