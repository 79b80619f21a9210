using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using ChatTranscripts.Pipeline.Logic.Transcripts;
using ChatTranscripts.Pipeline.Logic.Transcripts.Series;

namespace ChatTranscripts.Pipeline.Tests.Rendering;

/// <summary>
/// A series' feed.xml, read back with a real Atom parser: its own permanent id, the site feed's entry ids, and links
/// that lead from <c>/series/{hashtag}/feed.xml</c> to the transcripts whether or not the site's URL is known.
/// </summary>
public sealed class SeriesFeedTests
{
    private const string SiteName = "chattranscripts/$web";

    private static readonly SiteIndexEntry[] Sessions =
    [
        new("bmcmed-2012-08-06", "Week one", ["bmcmed"], new DateTime(2012, 8, 6, 12, 0, 0, DateTimeKind.Utc), "Europe/London", 10, 4,
            "bmcmed-2012-08-06/index.html", new DateTimeOffset(2012, 8, 6, 14, 0, 0, TimeSpan.Zero)),
        new("bmcmed-2012-08-13", "Week two", ["bmcmed", "hcsm"], new DateTime(2012, 8, 13, 12, 0, 0, DateTimeKind.Utc), "Europe/London", 8, 3,
            "bmcmed-2012-08-13/index.html", new DateTimeOffset(2012, 8, 13, 14, 0, 0, TimeSpan.Zero)),
    ];

    [Fact]
    public void Without_the_sites_url_links_climb_from_the_series_folder_to_the_transcripts()
    {
        var feed = Load(SeriesFeed.Render("bmcmed", Sessions, SiteName, siteBaseUrl: null));
        var at = new Uri("https://anywhere.example/series/bmcmed/feed.xml");

        Assert.Equal(["/bmcmed-2012-08-13/index.html", "/bmcmed-2012-08-06/index.html"], feed.Items.Select(i => new Uri(at, i.Links[0].Uri).AbsolutePath));
        Assert.Equal("/series/bmcmed/index.html", new Uri(at, feed.Links.Single(l => l.RelationshipType == "alternate").Uri).AbsolutePath);
        Assert.DoesNotContain(feed.Links, l => l.RelationshipType == "self");
    }

    [Fact]
    public void With_the_sites_url_links_are_absolute_and_the_feed_names_itself()
    {
        var feed = Load(SeriesFeed.Render("bmcmed", Sessions, SiteName, "https://chats.example.org/"));

        Assert.Equal("https://chats.example.org/series/bmcmed/feed.xml", feed.Links.Single(l => l.RelationshipType == "self").Uri.AbsoluteUri);
        Assert.Equal("https://chats.example.org/bmcmed-2012-08-13/index.html", feed.Items.First().Links[0].Uri.AbsoluteUri);
    }

    [Fact]
    public void A_hashtag_in_another_script_is_percent_encoded_in_links()
    {
        var feed = Load(SeriesFeed.Render("santé", Sessions, SiteName, "https://chats.example.org"));

        Assert.Equal("https://chats.example.org/series/sant%C3%A9/feed.xml", feed.Links.Single(l => l.RelationshipType == "self").Uri.AbsoluteUri);
        Assert.Equal("#santé chats", feed.Title.Text);
    }

    [Fact]
    public void The_feed_id_is_its_own_and_permanent_and_entries_keep_their_site_feed_ids()
    {
        var series = Load(SeriesFeed.Render("bmcmed", Sessions, SiteName, "https://chats.example.org"));
        var moved = Load(SeriesFeed.Render("bmcmed", Sessions, SiteName, "https://cdn.example.net"));
        var other = Load(SeriesFeed.Render("hcsm", Sessions, SiteName, "https://chats.example.org"));
        var site = Load(SiteFeed.Render(Sessions, SiteName, "https://chats.example.org"));

        Assert.Equal(series.Id, moved.Id);
        Assert.Equal(3, new[] { series.Id, other.Id, site.Id }.Distinct(StringComparer.Ordinal).Count());
        Assert.StartsWith("urn:uuid:", series.Id, StringComparison.Ordinal);
        Assert.Equal(site.Items.Select(i => i.Id), series.Items.Select(i => i.Id));
    }

    [Fact]
    public void A_series_with_no_session_left_is_still_a_valid_feed()
    {
        var feed = Load(SeriesFeed.Render("bmcmed", [], SiteName, null));

        Assert.Empty(feed.Items);
        Assert.Equal(DateTimeOffset.UnixEpoch, feed.LastUpdatedTime);
    }

    private static SyndicationFeed Load(byte[] xml)
    {
        using var reader = XmlReader.Create(new MemoryStream(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        var atom = new Atom10FeedFormatter();
        Assert.True(atom.CanRead(reader), Encoding.UTF8.GetString(xml));
        atom.ReadFrom(reader);
        return atom.Feed;
    }
}
