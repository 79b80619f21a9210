using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using ChatTranscripts.Pipeline.Transcripts.Rendering;

namespace ChatTranscripts.Pipeline.Transcripts;

/// <summary>
/// The site's Atom feed (<c>/feed.xml</c>): one entry per published session, newest first, whose <c>updated</c> moves
/// whenever the session's transcript is republished, so feed readers show a corrected transcript again.
/// </summary>
public static class SiteFeed
{
    public const string FileName = "feed.xml";
    public const string Title = "Chat transcripts";

    /// <param name="siteName">Names this site in the feed's id (for example the storage account and container).</param>
    /// <param name="siteBaseUrl">Makes links absolute when the site's public URL is known; otherwise they are relative to the feed.</param>
    public static byte[] Render(IReadOnlyList<SiteIndexEntry> sessions, string siteName, string? siteBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var baseUrl = string.IsNullOrEmpty(siteBaseUrl) ? null : siteBaseUrl.TrimEnd('/') + "/";
        var ordered = sessions
            .OrderByDescending(s => SessionClock.AsUtc(s.StartsAt))
            .ThenBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
        var feed = new SyndicationFeed(
            Title,
            "Transcripts of hashtag chats, published after each chat ends.",
            new Uri(Link(baseUrl, "index.html"), UriKind.RelativeOrAbsolute))
        {
            Id = NameBasedId.Urn("feed:" + siteName),
            LastUpdatedTime = ordered.Count == 0 ? DateTimeOffset.UnixEpoch : ordered.Max(s => s.UpdatedAt),
            Items = ordered.Select(s => Entry(s, baseUrl)).ToList(),
        };
        feed.Authors.Add(new SyndicationPerson { Name = Title });
        if (baseUrl is not null)
        {
            feed.Links.Add(new SyndicationLink(new Uri(baseUrl + FileName), "self", Title, "application/atom+xml", 0));
        }

        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }
        return buffer.ToArray();
    }

    private static SyndicationItem Entry(SiteIndexEntry session, string? baseUrl)
    {
        var clock = new SessionClock(session.TimeZone, session.StartsAt);
        var hashtags = string.Join(" ", session.Hashtags.Select(h => "#" + h.TrimStart('#')));
        var summary = XmlText(FormattableString.Invariant(
            $"{hashtags} chat on {clock.Date(session.StartsAt)} at {clock.Time(session.StartsAt)} ({clock.ZoneName}): {session.Posts} {(session.Posts == 1 ? "post" : "posts")} from {session.Participants} {(session.Participants == 1 ? "participant" : "participants")}."));
        var item = new SyndicationItem(XmlText(session.Title), summary, new Uri(Link(baseUrl, session.Path), UriKind.RelativeOrAbsolute))
        {
            Id = NameBasedId.Urn("session:" + session.Id),
            LastUpdatedTime = session.UpdatedAt,
        };
        item.Links[0].MediaType = "text/html";
        item.Summary = new TextSyndicationContent(summary);
        item.Content = null;
        return item;
    }

    /// <summary>Characters XML cannot hold become U+FFFD, so one odd title never stops the whole feed.</summary>
    private static string XmlText(string text) =>
        string.Concat(text.EnumerateRunes().Select(r => r.IsBmp && !XmlConvert.IsXmlChar((char)r.Value) ? "\uFFFD" : r.ToString()));

    private static string Link(string? baseUrl, string path) => baseUrl is null ? path.TrimStart('/') : baseUrl + path.TrimStart('/');
}
