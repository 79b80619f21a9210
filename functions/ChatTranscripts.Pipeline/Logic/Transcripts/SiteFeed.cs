using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using ChatTranscripts.Pipeline.Logic.Transcripts.Rendering;

namespace ChatTranscripts.Pipeline.Logic.Transcripts;

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
    public static byte[] Render(IReadOnlyList<SiteIndexEntry> sessions, string siteName, string? siteBaseUrl) =>
        Render(
            new FeedHeading(Title, "Transcripts of hashtag chats, published after each chat ends.", "feed:" + siteName, Folder: ""),
            sessions,
            siteBaseUrl);

    /// <summary>
    /// A feed of these sessions kept in <see cref="FeedHeading.Folder"/> of the site, beside its <c>index.html</c>. An
    /// entry's id depends on its session alone, so a session has the same id in every feed that lists it.
    /// </summary>
    internal static byte[] Render(FeedHeading heading, IReadOnlyList<SiteIndexEntry> sessions, string? siteBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        // Without the site's URL, links are relative to the feed, so from a folder they climb back to the site's root.
        var root = string.IsNullOrEmpty(siteBaseUrl)
            ? string.Concat(heading.Folder.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(_ => "../"))
            : siteBaseUrl.TrimEnd('/') + "/";
        var here = root + heading.Folder;
        var ordered = sessions
            .OrderByDescending(s => SessionClock.AsUtc(s.StartsAt))
            .ThenBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
        var feed = new SyndicationFeed(
            heading.Title,
            heading.Subtitle,
            new Uri(Link(here, "index.html"), UriKind.RelativeOrAbsolute))
        {
            Id = NameBasedId.Urn(heading.IdName),
            LastUpdatedTime = ordered.Count == 0 ? DateTimeOffset.UnixEpoch : ordered.Max(s => s.UpdatedAt),
            Items = ordered.Select(s => Entry(s, root)).ToList(),
        };
        feed.Authors.Add(new SyndicationPerson { Name = Title });
        if (!string.IsNullOrEmpty(siteBaseUrl))
        {
            feed.Links.Add(new SyndicationLink(new Uri(here + FileName), "self", heading.Title, "application/atom+xml", 0));
        }

        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }
        return buffer.ToArray();
    }

    private static SyndicationItem Entry(SiteIndexEntry session, string root)
    {
        var clock = new SessionClock(session.TimeZone, session.StartsAt);
        var hashtags = string.Join(" ", session.Hashtags.Select(h => "#" + h.TrimStart('#')));
        var summary = XmlText(FormattableString.Invariant(
            $"{hashtags} chat on {clock.Date(session.StartsAt)} at {clock.Time(session.StartsAt)} ({clock.ZoneName}): {session.Posts} {(session.Posts == 1 ? "post" : "posts")} from {session.Participants} {(session.Participants == 1 ? "participant" : "participants")}."));
        var item = new SyndicationItem(XmlText(session.Title), summary, new Uri(Link(root, session.Path), UriKind.RelativeOrAbsolute))
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

    private static string Link(string root, string path) => root + path.TrimStart('/');
}

/// <summary>
/// What sets one feed apart: its title and subtitle, the name its permanent id is derived from, and the folder of the
/// site it is kept in ("" for the root, else ending in '/').
/// </summary>
internal sealed record FeedHeading(string Title, string Subtitle, string IdName, string Folder);
