using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using ChatTranscripts.Pipeline.Logic.Transcripts;

namespace ChatTranscripts.Pipeline.Tests.Rendering;

/// <summary>
/// feed.xml, read back with a real Atom parser (System.ServiceModel.Syndication) as a feed reader would read it: one
/// entry per session, newest first, with ids that never change and links a reader can follow.
/// </summary>
public sealed class SiteFeedTests
{
    private const string SiteName = "chattranscripts/$web";
    private const string BaseUrl = "https://chats.example.org";

    private static readonly DateTime August = new(2012, 8, 6, 12, 0, 0, DateTimeKind.Utc);

    private static SiteIndexEntry Entry(string id, DateTime startsAt, DateTimeOffset updatedAt, string? title = null) =>
        new(id, title ?? $"Chat {id}", ["bmcmed"], startsAt, "Europe/London", Posts: 12, Participants: 5, $"/{id}/index.html", updatedAt);

    private static readonly SiteIndexEntry[] Sessions =
    [
        Entry("bmcmed-2012-07-02", August.AddDays(-35), new DateTimeOffset(2012, 7, 2, 15, 0, 0, TimeSpan.FromHours(2))),
        Entry("bmcmed-2012-09-03", August.AddDays(28), new DateTimeOffset(2012, 9, 3, 14, 30, 5, TimeSpan.Zero)),
        Entry("bmcmed-2012-08-06", August, new DateTimeOffset(2013, 1, 1, 0, 0, 0, TimeSpan.FromHours(-5))),
    ];

    [Fact]
    public void There_is_one_entry_per_session_newest_first()
    {
        var feed = Load(SiteFeed.Render(Sessions, SiteName, BaseUrl));

        Assert.Equal(
            ["Chat bmcmed-2012-09-03", "Chat bmcmed-2012-08-06", "Chat bmcmed-2012-07-02"],
            feed.Items.Select(i => i.Title.Text));
        Assert.Equal(SiteFeed.Title, feed.Title.Text);
    }

    [Fact]
    public void Each_entry_is_updated_when_its_transcript_last_changed_and_the_feed_when_any_did()
    {
        var feed = Load(SiteFeed.Render(Sessions, SiteName, BaseUrl));

        foreach (var item in feed.Items)
        {
            var session = Sessions.Single(s => item.Title.Text == s.Title);
            Assert.Equal(session.UpdatedAt.UtcTicks, item.LastUpdatedTime.UtcTicks);
        }
        Assert.Equal(new DateTimeOffset(2013, 1, 1, 5, 0, 0, TimeSpan.Zero), feed.LastUpdatedTime);
    }

    [Fact]
    public void Ids_are_stable_distinct_and_independent_of_the_base_url()
    {
        var first = Load(SiteFeed.Render(Sessions, SiteName, BaseUrl));
        var again = Load(SiteFeed.Render(Sessions.Reverse().ToArray(), SiteName, BaseUrl));
        var elsewhere = Load(SiteFeed.Render(Sessions, SiteName, "https://cdn.example.net/site/"));
        var relative = Load(SiteFeed.Render(Sessions, SiteName, siteBaseUrl: null));
        var updated = Load(SiteFeed.Render(Sessions.Select(s => s with { UpdatedAt = s.UpdatedAt.AddDays(3), Title = s.Title + " (corrected)" }).ToArray(), SiteName, BaseUrl));

        var ids = first.Items.Select(i => i.Id).ToList();
        Assert.Equal(Sessions.Length, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.StartsWith("urn:uuid:", id, StringComparison.Ordinal));
        Assert.DoesNotContain(first.Id, ids);
        foreach (var other in new[] { again, elsewhere, relative, updated })
        {
            Assert.Equal(ids, other.Items.Select(i => i.Id));
            Assert.Equal(first.Id, other.Id);
        }
    }

    /// <summary>
    /// An entry's id is the RFC 9562 v5 UUID of its session id: pinned, because a changed id makes feed readers show
    /// every transcript again as new. See <see cref="NameBasedIdTests"/> for the algorithm.
    /// </summary>
    [Fact]
    public void An_entry_id_is_derived_from_the_session_id_alone()
    {
        var feed = Load(SiteFeed.Render([Sessions[2]], SiteName, BaseUrl));

        Assert.Equal("urn:uuid:19e31718-3240-5749-a3c1-ac9731a7b2cd", Assert.Single(feed.Items).Id);
    }

    [Fact]
    public void Different_sites_have_different_feed_ids()
    {
        var one = Load(SiteFeed.Render(Sessions, "one/$web", BaseUrl));
        var two = Load(SiteFeed.Render(Sessions, "two/$web", BaseUrl));

        Assert.NotEqual(one.Id, two.Id);
    }

    [Theory]
    [InlineData(BaseUrl)]
    [InlineData(BaseUrl + "/")]
    public void With_a_base_url_links_are_absolute_and_the_feed_links_itself(string baseUrl)
    {
        var feed = Load(SiteFeed.Render(Sessions, SiteName, baseUrl));

        var self = Assert.Single(feed.Links, l => l.RelationshipType == "self");
        Assert.Equal(new Uri(BaseUrl + "/" + SiteFeed.FileName), self.Uri);
        Assert.Contains(feed.Links, l => l.RelationshipType == "alternate" && l.Uri == new Uri(BaseUrl + "/index.html"));
        foreach (var item in feed.Items)
        {
            var link = Assert.Single(item.Links, l => l.RelationshipType is null or "alternate");
            Assert.True(link.Uri.IsAbsoluteUri, link.Uri.OriginalString);
            Assert.Equal(new Uri($"{BaseUrl}/{Sessions.Single(s => s.Title == item.Title.Text).Id}/index.html"), link.Uri);
        }
    }

    [Fact]
    public void Without_a_base_url_links_are_relative_to_the_feed_and_there_is_no_self_link()
    {
        var feed = Load(SiteFeed.Render(Sessions, SiteName, siteBaseUrl: null));

        Assert.DoesNotContain(feed.Links, l => l.RelationshipType == "self");
        foreach (var item in feed.Items)
        {
            var link = Assert.Single(item.Links);
            Assert.False(link.Uri.IsAbsoluteUri, link.Uri.OriginalString);
            var session = Sessions.Single(s => s.Title == item.Title.Text);
            // Resolved against where the feed is served, the link reaches the session's page.
            Assert.Equal(new Uri($"https://any.example/{session.Id}/index.html"), new Uri(new Uri("https://any.example/" + SiteFeed.FileName), link.Uri));
        }
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("]]> & <![CDATA[ \"quoted\" 'single' &amp; &#x41;")]
    [InlineData("<title>injected</title></entry><entry>")]
    [InlineData("Ünïcödé 日本語 😀 مرحبا \u202Eevil")]
    public void A_hostile_title_is_escaped_and_read_back_unchanged(string title)
    {
        var sessions = new[] { Entry("hostile", August, August, title) };

        var bytes = SiteFeed.Render(sessions, SiteName, BaseUrl);
        var feed = Load(bytes);

        var item = Assert.Single(feed.Items);
        Assert.Equal(title, item.Title.Text);
        Assert.DoesNotContain("<script>", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    /// <summary>
    /// The API refuses U+FFFE and U+FFFF, which XML 1.0 cannot hold, but sessions stored before it did may hold them.
    /// They must not make the whole feed (every session's entry) fail to render or to parse.
    /// </summary>
    [Theory]
    [InlineData("Chat \uFFFF")]
    [InlineData("Chat \uFFFE")]
    public void A_title_with_characters_xml_cannot_hold_still_gives_a_feed_that_parses(string title)
    {
        var sessions = new[] { Entry("odd", August, August, title), Entry("plain", August.AddDays(-7), August) };

        var feed = Load(SiteFeed.Render(sessions, SiteName, BaseUrl));

        Assert.Equal(2, feed.Items.Count());
    }

    [Fact]
    public void The_feed_is_utf8_xml_and_the_same_bytes_every_time()
    {
        var bytes = SiteFeed.Render(Sessions, SiteName, BaseUrl);

        Assert.Equal(bytes, SiteFeed.Render(Sessions.Reverse().ToArray(), SiteName, BaseUrl));
        Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "The feed starts with a byte order mark.");
        var document = new XmlDocument();
        document.Load(new MemoryStream(bytes));
        Assert.Equal("http://www.w3.org/2005/Atom", document.DocumentElement!.NamespaceURI);
        Assert.Equal("feed", document.DocumentElement.LocalName);
    }

    [Fact]
    public void With_no_sessions_the_feed_is_valid_and_empty()
    {
        var feed = Load(SiteFeed.Render([], SiteName, BaseUrl));

        Assert.Empty(feed.Items);
        Assert.NotNull(feed.Id);
    }

    private static SyndicationFeed Load(byte[] bytes)
    {
        using var reader = XmlReader.Create(new MemoryStream(bytes), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        return SyndicationFeed.Load(reader);
    }
}
