using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using ChatTranscripts.BrowserTests.Site;

namespace ChatTranscripts.BrowserTests;

/// <summary>
/// <c>/feed.xml</c> is an Atom feed a reader can subscribe to: well-formed XML, readable as Atom 1.0, one entry per
/// published session (none for a session not yet published), each linking to a page that is there.
/// </summary>
public sealed class AtomFeedTests(PublishedSite site)
{
    private static readonly XmlReaderSettings Strict = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    [Fact]
    public async Task The_feed_is_well_formed_xml()
    {
        var bytes = await FeedAsync();

        using var reader = XmlReader.Create(new MemoryStream(bytes), Strict);
        while (reader.Read())
        {
            // Reading to the end is the check: a well-formedness error throws.
        }
        Assert.Equal(XmlNodeType.None, reader.NodeType);
    }

    [Fact]
    public async Task The_feed_has_an_entry_linking_to_each_published_session()
    {
        var feed = await LoadAsync();
        var feedUrl = site.Url(SitePages.Feed);

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

        Assert.Equal(SitePages.PublishedSessionIds.Order(StringComparer.Ordinal), linked.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Entries_carry_what_atom_requires_and_titles_come_through_as_text()
    {
        var feed = await LoadAsync();

        Assert.False(string.IsNullOrWhiteSpace(feed.Id));
        Assert.False(string.IsNullOrWhiteSpace(feed.Title?.Text));
        Assert.NotEqual(default, feed.LastUpdatedTime);
        Assert.All(feed.Items, entry =>
        {
            Assert.False(string.IsNullOrWhiteSpace(entry.Id));
            Assert.NotEqual(default, entry.LastUpdatedTime);
        });
        Assert.Equal(feed.Items.Count(), feed.Items.Select(e => e.Id).Distinct(StringComparer.Ordinal).Count());
        // The hostile title is markup-looking text: it must read back exactly, neither lost nor turned into markup.
        Assert.Contains(feed.Items, entry => entry.Title?.Text == HostileChat.Session["title"]!.GetValue<string>());
    }

    private async Task<SyndicationFeed> LoadAsync()
    {
        using var reader = XmlReader.Create(new MemoryStream(await FeedAsync()), Strict);
        var atom = new Atom10FeedFormatter();
        Assert.True(atom.CanRead(reader), "/feed.xml is not an Atom 1.0 feed (its root is not atom:feed).");
        atom.ReadFrom(reader);
        return atom.Feed;
    }

    private async Task<byte[]> FeedAsync()
    {
        using var response = await site.Http.GetAsync(new Uri(SitePages.Feed, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
    }
}
