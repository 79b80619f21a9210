using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using ChatTranscripts.BrowserTests.Site;

namespace ChatTranscripts.BrowserTests;

/// <summary>
/// <c>/feed.xml</c> and each series' <c>/series/{hashtag}/feed.xml</c> are Atom feeds a reader can subscribe to:
/// well-formed XML, readable as Atom 1.0, one entry per published session (of the series; none for a session not yet
/// published), each linking to a page that is there.
/// </summary>
public sealed class AtomFeedTests(PublishedSite site)
{
    private static readonly XmlReaderSettings Strict = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    public static TheoryData<string> Feeds => new([SitePages.Feed, .. SitePages.Series.Keys.Select(SitePages.SeriesFeed)]);

    [Theory]
    [MemberData(nameof(Feeds))]
    public async Task The_feed_is_well_formed_xml(string path)
    {
        var bytes = await FeedAsync(path);

        using var reader = XmlReader.Create(new MemoryStream(bytes), Strict);
        while (reader.Read())
        {
            // Reading to the end is the check: a well-formedness error throws.
        }
        Assert.Equal(XmlNodeType.None, reader.NodeType);
    }

    [Theory]
    [MemberData(nameof(Feeds))]
    public async Task The_feed_has_an_entry_linking_to_each_published_session(string path)
    {
        var feed = await LoadAsync(path);
        var feedUrl = site.Url(path);

        var linked = new List<string>();
        foreach (var entry in feed.Items)
        {
            var link = Assert.Single(entry.Links, l => l.RelationshipType is null or "alternate");
            var page = link.Uri.IsAbsoluteUri ? link.Uri : new Uri(link.BaseUri ?? feed.BaseUri ?? feedUrl, link.Uri);
            Assert.Equal(site.BaseAddress.GetLeftPart(UriPartial.Authority), page.GetLeftPart(UriPartial.Authority));
            using var response = await site.Http.GetAsync(page, TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{entry.Title?.Text}: {page} answered {(int)response.StatusCode}");
            linked.Add(page.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries)[0]);
        }

        var expected = SitePages.SeriesOf(path) is { } series ? SitePages.Series[series] : SitePages.PublishedSessionIds;
        Assert.Equal(expected.Order(StringComparer.Ordinal), linked.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Feeds))]
    public async Task Entries_carry_what_atom_requires_and_titles_come_through_as_text(string path)
    {
        var feed = await LoadAsync(path);

        Assert.False(string.IsNullOrWhiteSpace(feed.Id));
        Assert.False(string.IsNullOrWhiteSpace(feed.Title?.Text));
        Assert.NotEqual(default, feed.LastUpdatedTime);
        Assert.All(feed.Items, entry =>
        {
            Assert.False(string.IsNullOrWhiteSpace(entry.Id));
            Assert.NotEqual(default, entry.LastUpdatedTime);
        });
        Assert.Equal(feed.Items.Count(), feed.Items.Select(e => e.Id).Distinct(StringComparer.Ordinal).Count());
        if (SitePages.SeriesOf(path) is null or HostileChat.Hashtag)
        {
            // The hostile title is markup-looking text: it must read back exactly, neither lost nor turned into markup.
            Assert.Contains(feed.Items, entry => entry.Title?.Text == HostileChat.Session["title"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task A_series_feed_has_an_id_of_its_own_and_gives_each_session_the_id_it_has_in_the_site_feed()
    {
        var siteFeed = await LoadAsync(SitePages.Feed);
        var seriesFeeds = new List<SyndicationFeed>();
        foreach (var hashtag in SitePages.Series.Keys)
        {
            seriesFeeds.Add(await LoadAsync(SitePages.SeriesFeed(hashtag)));
        }

        Assert.Equal(seriesFeeds.Count + 1, seriesFeeds.Select(f => f.Id).Append(siteFeed.Id).Distinct(StringComparer.Ordinal).Count());
        var siteIds = siteFeed.Items.ToDictionary(e => e.Links[0].Uri.AbsolutePath, e => e.Id, StringComparer.Ordinal);
        Assert.All(seriesFeeds.SelectMany(f => f.Items), entry => Assert.Equal(siteIds[entry.Links[0].Uri.AbsolutePath], entry.Id));
        var series = seriesFeeds[SitePages.Series.Keys.ToList().IndexOf(ModeratedChat.Hashtag)];
        Assert.Equal($"#{ModeratedChat.Hashtag} chats", series.Title.Text);
        Assert.Equal(siteFeed.Items.Where(e => e.Title.Text.StartsWith("Moderated chat", StringComparison.Ordinal)).Max(e => e.LastUpdatedTime), series.LastUpdatedTime);
    }

    private async Task<SyndicationFeed> LoadAsync(string path)
    {
        using var reader = XmlReader.Create(new MemoryStream(await FeedAsync(path)), Strict);
        var atom = new Atom10FeedFormatter();
        Assert.True(atom.CanRead(reader), $"{path} is not an Atom 1.0 feed (its root is not atom:feed).");
        atom.ReadFrom(reader);
        return atom.Feed;
    }

    private async Task<byte[]> FeedAsync(string path)
    {
        using var response = await site.Http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
    }
}
