using System.Text.Encodings.Web;
using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Pipeline.Logic.Transcripts;
using ChatTranscripts.Pipeline.Logic.Transcripts.Rendering;
using ChatTranscripts.Pipeline.Logic.Transcripts.Series;
using ChatTranscripts.Testing;

namespace ChatTranscripts.Pipeline.Tests.Rendering;

/// <summary>
/// The published files of one fixed chat, compared with committed snapshots in Snapshots/, so any change to the
/// markup a reader or feed reader gets shows up in review as a diff. The other rendering tests check behaviours;
/// these catch everything else (a lost attribute, a reordered section, stray whitespace).
/// </summary>
/// <remarks>
/// The inlined stylesheet and its CSP hash are replaced by placeholders: site.css is its own reviewed file, and
/// the CSP tests check the hash, so a style change need not rewrite five snapshots. The replacement is exact (the
/// page must carry exactly <see cref="SiteStyles.Css"/>), so nothing else can hide behind it.
/// </remarks>
public sealed class RendererSnapshotTests
{
    private const string StylePlaceholder = "/* site.css */";
    private const string HashPlaceholder = "'sha256-(hash of site.css)'";
    private const string SiteName = "chattranscripts/$web";
    private const string BaseUrl = "https://chats.example.org";

    private static readonly DateTime Start = new(2012, 8, 6, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// A chat in Europe/London on three platforms: a question with a nested answer thread, a second configured question,
    /// links of every kind (one shared twice, spelled two ways), an edit, a quote, other languages and scripts, and hostile text.
    /// </summary>
    private static TranscriptDocument Chat() => new TranscriptSketch(timeZone: "Europe/London", startsAt: Start)
        .Post("100", "Welcome to #bmcmed! Questions come from @BMCMedicine.", 0, handle: "BMCMedicine", displayName: "BMC Medicine", role: "moderator")
        .Post("101", "Q1: How have you seen social media used constructively in health care? #bmcmed", 5, handle: "BMCMedicine",
            displayName: "BMC Medicine", role: "moderator", question: 1, url: "https://twitter.com/BMCMedicine/status/101")
        .Post("102", "A1: Patients already search online; we should be there with them #bmcmed https://www.bmj.com/content/1", 7,
            handle: "FarrisTimimi", displayName: "Farris Timimi", role: "guest", answers: 1, replyTo: "101")
        .Post("103", "@FarrisTimimi so true, see nhs.uk/conditions", 8, handle: "nurse_jo", displayName: null, replyTo: "102",
            editedAt: Start.AddMinutes(9))
        .Post("108", "@FarrisTimimi agreed, the same review: https://WWW.BMJ.com/content/1?utm_source=twitter", 9, handle: "LeeAase",
            displayName: "Lee Aase", role: "guest", replyTo: "102")
        .Post("109", "A1 from the fediverse: peer support groups #bmcmed, thanks @carol", 10, handle: "doc", displayName: "Doc",
            answers: 1, platform: "mastodon", url: "https://med-mastodon.com/@doc/109")
        .Post("3k2a", "Following along from @alice.bsky.social 🦋 #bmcmed", 12, handle: "alice.bsky.social", displayName: "Alice",
            platform: "bluesky")
        .Post("104", "<script>alert(1)</script> & \"quotes\" {{ 7*7 }} javascript:alert(1)", 14, handle: "mallory", displayName: "<b>Mallory</b>")
        .Post("105", "This question! #bmcmed", 16, handle: "student", quoted: "101")
        .Post("106", "مرحبا من القاهرة #bmcmed", 20, handle: "cairo_md", lang: "ar")
        .Post("107", "Les patients cherchent déjà en ligne #bmcmed", 65, handle: "paris_md", lang: "fr")
        .Question(2, "How do you see this evolving?")
        .Build();

    private static readonly SiteIndexEntry[] Sessions =
    [
        new("bmcmed-2012-08-06", "Social media in healthcare", ["bmcmed"], Start, "Europe/London", Posts: 10, Participants: 9,
            "bmcmed-2012-08-06/index.html", new DateTimeOffset(2012, 8, 6, 14, 5, 0, TimeSpan.Zero)),
        new("bmcmed-2012-08-13", "Patients online <b>live</b> & \"now\"", ["bmcmed", "#hcsm"], Start.AddDays(7), "America/New_York",
            Posts: 1, Participants: 1, "bmcmed-2012-08-13/index.html", new DateTimeOffset(2012, 8, 13, 12, 20, 0, TimeSpan.Zero), TranscriptPhase.Live),
    ];

    [Fact]
    public void Threaded_page() => Snapshot.Verify(ScrubStyles(new TranscriptPageRenderer().RenderThreadedHtml(Chat())), "threaded.html");

    [Fact]
    public void Chronological_page() =>
        Snapshot.Verify(ScrubStyles(new TranscriptPageRenderer().RenderChronologicalHtml(Chat())), "chronological.html");

    [Fact]
    public void Live_threaded_page() =>
        Snapshot.Verify(ScrubStyles(new TranscriptPageRenderer().RenderThreadedHtml(Chat(), TranscriptPhase.Live)), "threaded-live.html");

    /// <summary>nurse_jo's page: a reply (quoted parent) in Q1's discussion, edited, on a chat of three platforms.</summary>
    [Fact]
    public void Person_page() =>
        Snapshot.Verify(ScrubStyles(PersonPage(Chat(), "nurse_jo", siteBaseUrl: null).RenderHtml()), "person.html");

    /// <summary>The moderator's page on a site whose address is known: links absolute, the page's own address stated.</summary>
    [Fact]
    public void Person_page_with_the_site_address() =>
        Snapshot.Verify(ScrubStyles(PersonPage(Chat(), "BMCMedicine", BaseUrl).RenderHtml()), "person-absolute.html");

    [Fact]
    public void Site_index() => Snapshot.Verify(ScrubStyles(new SiteIndexRenderer().Render(Sessions)), "site-index.html");

    [Fact]
    public void Not_found_page() => Snapshot.Verify(ScrubStyles(new SiteIndexRenderer().RenderNotFound()), "not-found.html");

    [Fact]
    public void Feed() => Snapshot.Verify(System.Text.Encoding.UTF8.GetString(SiteFeed.Render(Sessions, SiteName, BaseUrl)), "feed.xml");

    private static PersonPage PersonPage(TranscriptDocument transcript, string handle, string? siteBaseUrl) =>
        new PersonPageRenderer().Pages(transcript, TranscriptPhase.Final, siteBaseUrl).Single(p => p.Participant.Handle == handle);

    /// <summary>The two sessions above as a series, nurse_jo and Doc in both, a hostile display name among the regulars.</summary>
    private static SeriesSummary Series() => SeriesSummary.Build("bmcmed",
    [
        new SeriesSession(Sessions[0], [new("twitter", "nurse_jo", null, 3), new("mastodon", "doc", "Doc", 2), new("twitter", "BMCMedicine", "BMC Medicine", 4)]),
        new SeriesSession(Sessions[1], [new("twitter", "Nurse_Jo", "<b>Jo</b> & \"co\"", 1), new("mastodon", "doc", null, 1)]),
    ]);

    [Fact]
    public void Series_page() =>
        Snapshot.Verify(ScrubStyles(System.Text.Encoding.UTF8.GetString(new SeriesPageRenderer().RenderUtf8(Series()).Span)), "series.html");

    [Fact]
    public void Series_feed() =>
        Snapshot.Verify(System.Text.Encoding.UTF8.GetString(SeriesFeed.Render("bmcmed", Sessions, SiteName, BaseUrl)), "series-feed.xml");

    private static string ScrubStyles(string html)
    {
        var style = $"<style>{SiteStyles.Instance.Css}</style>";
        // The policy is an attribute value, so its quotes (and any '+' of the base64 hash) are character references.
        var hash = HtmlEncoder.Default.Encode(SiteStyles.Instance.CspSource);
        Assert.Equal(1, Occurrences(html, style));
        Assert.Equal(1, Occurrences(html, hash));
        return html
            .Replace(style, $"<style>{StylePlaceholder}</style>", StringComparison.Ordinal)
            .Replace(hash, HtmlEncoder.Default.Encode(HashPlaceholder), StringComparison.Ordinal);
    }

    private static int Occurrences(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
