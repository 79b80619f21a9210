using System.Globalization;
using ChatTranscripts.Pipeline.Logic.Tagging;
using ChatTranscripts.Pipeline.Logic.Transcripts;
using ChatTranscripts.Testing;

namespace ChatTranscripts.Pipeline.Tests.Rendering;

/// <summary>
/// Hashtags, mentions and URLs in a post's text as the rendered page links them: each to the page the post's own
/// platform has for it, or not at all when we cannot name that page; and the text itself unchanged and inert.
/// </summary>
public sealed class PostTextLinkTests
{
    private const string MastodonPost = "https://mastodon.social/@someone/109";

    private static readonly TranscriptPageRenderer Renderer = new();

    private static readonly string[] ExternalRel = ["nofollow", "ugc", "noopener", "noreferrer"];

    [Theory]
    [InlineData("twitter", null, "https://x.com/hashtag/bmcmed")]
    [InlineData("x", null, "https://x.com/hashtag/bmcmed")]
    [InlineData("bluesky", null, "https://bsky.app/hashtag/bmcmed")]
    [InlineData("mastodon", MastodonPost, "https://mastodon.social/tags/bmcmed")]
    [InlineData("mastodon", "https://chaos.social:8443/@someone/1", "https://chaos.social:8443/tags/bmcmed")]
    public void A_hashtag_links_to_its_page_on_the_posts_platform(string platform, string? url, string expected)
    {
        var links = LinksIn("Joining #bmcmed late", platform, url);

        Assert.Equal([("#bmcmed", expected)], links.Select(l => (l.Text, l.Href)));
    }

    [Theory]
    [InlineData("web", "https://example.org/post/1")]
    [InlineData("mastodon", null)]
    [InlineData("mastodon", "javascript:alert(1)")]
    public void A_hashtag_or_mention_is_plain_text_where_we_cannot_name_its_page(string platform, string? url)
    {
        var page = Render("Hi @alice, #bmcmed and @bob.example.com", platform, url);

        Assert.Empty(RenderedPage.TextLinks(page.Post("1", platform)));
        Assert.Equal("Hi @alice, #bmcmed and @bob.example.com", RenderedPage.PostText(page.Post("1", platform)));
    }

    [Fact]
    public void A_hashtag_in_another_script_is_percent_encoded_as_utf8()
    {
        // 日 E6 97 A5, 本 E6 9C AC, 語 E8 AA 9E: the UTF-8 bytes of the tag, counted by hand.
        var links = LinksIn("#日本語");

        Assert.Equal([("#日本語", "https://x.com/hashtag/%E6%97%A5%E6%9C%AC%E8%AA%9E")], links.Select(l => (l.Text, l.Href)));
    }

    [Theory]
    [InlineData("twitter", null, "@FarrisTimimi", "https://x.com/FarrisTimimi")]
    [InlineData("twitter", null, "＠FarrisTimimi", "https://x.com/FarrisTimimi")]
    [InlineData("mastodon", MastodonPost, "@carol", "https://mastodon.social/@carol")]
    [InlineData("bluesky", null, "@alice.bsky.social", "https://bsky.app/profile/alice.bsky.social")]
    [InlineData("bluesky", null, "@bob.my-lab.example.org", "https://bsky.app/profile/bob.my-lab.example.org")]
    public void A_mention_links_to_the_profile_on_the_posts_platform(string platform, string? url, string mention, string expected)
    {
        var links = LinksIn($"Thanks {mention} for coming", platform, url);

        Assert.Equal([(mention, expected)], links.Select(l => (l.Text, l.Href)));
    }

    /// <summary>A handle is a domain name, whose labels end with a letter or digit: what follows is punctuation.</summary>
    [Theory]
    [InlineData("Thanks @alice.bsky.social.", "@alice.bsky.social")]
    [InlineData("Thanks @alice.bsky.social. Next", "@alice.bsky.social")]
    [InlineData("Thanks @alice.bsky.social...", "@alice.bsky.social")]
    [InlineData("Thanks @alice.bsky.social- great", "@alice.bsky.social")]
    [InlineData("Thanks @alice.bsky.social-", "@alice.bsky.social")]
    [InlineData("(@alice.bsky.social)", "@alice.bsky.social")]
    public void A_bluesky_handle_stops_before_a_trailing_dot_or_hyphen(string text, string mention)
    {
        var page = Render(text, "bluesky");

        var links = RenderedPage.TextLinks(page.Post("1", "bluesky"));
        Assert.Equal([(mention, "https://bsky.app/profile/" + mention[1..])], links.Select(l => (l.Text, l.Href)));
        Assert.Equal(text, RenderedPage.PostText(page.Post("1", "bluesky")));
    }

    [Fact]
    public void A_bluesky_mention_without_a_domain_names_no_profile_and_stays_text() =>
        Assert.Empty(LinksIn("Thanks @alice!", "bluesky"));

    [Theory]
    [InlineData("see nhs.uk/conditions today", "nhs.uk/conditions", "https://nhs.uk/conditions")]
    [InlineData("see www.bmj.com.", "www.bmj.com", "https://www.bmj.com/")]
    [InlineData("see bmj.com/share?u=https://nhs.uk/a today", "bmj.com/share?u=https://nhs.uk/a", "https://bmj.com/share?u=https://nhs.uk/a")]
    [InlineData("see https://example.com/a?b=c&d=e.", "https://example.com/a?b=c&d=e", "https://example.com/a?b=c&d=e")]
    [InlineData("see http://t.co/abc123's", "http://t.co/abc123", "http://t.co/abc123")]
    [InlineData("see https://example.org/a b", "https://example.org/a", "https://example.org/a")]
    public void A_url_links_to_itself_and_one_without_a_scheme_gets_https(string text, string linkText, string expected)
    {
        // twitter-text finds the URL; what is checked below is only how the page links it.
        Assert.Equal([linkText], EntityExtractor.ExtractUrls(text));
        foreach (var platform in new[] { "twitter", "bluesky", "web" })
        {
            Assert.Equal([(linkText, expected)], LinksIn(text, platform).Select(l => (l.Text, l.Href)));
        }
    }

    [Fact]
    public void A_post_url_holding_characters_urls_may_not_hold_links_to_them_percent_encoded()
    {
        const string url = "https://example.org/status/1?q=\"><script>x</script> {a}";
        var page = new RenderedPage(Renderer.RenderThreadedHtml(new TranscriptSketch().Post("1", "hello", 1, url: url).Build()));

        var href = page.Post("1").QuerySelector(".post-foot a")!.GetAttribute("href");

        Assert.Equal("https://example.org/status/1?q=%22%3E%3Cscript%3Ex%3C/script%3E%20%7Ba%7D", href);
        Assert.Equal(url, Uri.UnescapeDataString(href!));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:alert(document.cookie)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")]
    [InlineData("vbscript:msgbox(1)")]
    public void A_url_with_an_unsafe_scheme_never_becomes_a_link(string text)
    {
        var page = Render($"click {text} now #bmcmed");

        // Every link on the page is an anchor, a path on this site (no scheme) or a web URL.
        Assert.All(page.Document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!), href => Assert.True(
            href.StartsWith('#') || !href.Contains(':', StringComparison.Ordinal)
                || href.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || href.StartsWith("http://", StringComparison.OrdinalIgnoreCase),
            href));
        Assert.Empty(page.Document.QuerySelectorAll("script"));
        Assert.Equal($"click {text} now #bmcmed", RenderedPage.PostText(page.Post("1")));
    }

    [Theory]
    [InlineData("https://a.com/\"><script>alert(1)</script>", "https://a.com/")]
    [InlineData("https://a.com/x'onmouseover='alert(1)", null)]
    [InlineData("#tag\"><img src=x onerror=alert(1)>", null)]
    [InlineData("@alice\"><svg onload=alert(1)>", null)]
    [InlineData("https://a.com/<b>bold</b>", null)]
    public void Markup_inside_a_url_hashtag_or_mention_stays_text(string text, string? firstHref)
    {
        var page = Render(text);

        var article = page.Post("1");
        Assert.Equal(text, RenderedPage.PostText(article));
        Assert.Empty(page.Document.QuerySelectorAll("script, img, svg:not(.timeline svg), b, [onerror], [onload], [onmouseover]"));
        Assert.All(article.QuerySelectorAll(".text *"), e => Assert.Equal("A", e.TagName));
        if (firstHref is not null)
        {
            Assert.Equal(firstHref, RenderedPage.TextLinks(article)[0].Href);
        }
    }

    [Fact]
    public void Every_external_link_is_marked_as_user_content_and_leaks_no_referrer()
    {
        var page = Render("@alice #bmcmed https://example.com nhs.uk/x @bob", url: "https://twitter.com/someone/status/1");

        Assert.Equal(5, RenderedPage.TextLinks(page.Post("1")).Count);
        var external = page.Document.QuerySelectorAll("a[href^='http']").ToList();
        // Five in the text, the original, and the two URLs again under "Resources shared".
        Assert.Equal(8, external.Count);
        Assert.All(external, a => Assert.Equal(ExternalRel, a.GetAttribute("rel")?.Split(' ')));
    }

    /// <summary>
    /// Property: for hundreds of generated texts on every platform, the page shows each post's text exactly (links
    /// only wrap parts of it), and every link in it is a web URL marked as user content.
    /// </summary>
    [Theory]
    [InlineData("twitter", null)]
    [InlineData("bluesky", null)]
    [InlineData("mastodon", MastodonPost)]
    [InlineData("mastodon", null)]
    [InlineData("web", null)]
    public void The_page_shows_every_generated_text_exactly(string platform, string? url)
    {
        var texts = SampleTexts.Generate(300);
        var sketch = new TranscriptSketch();
        for (var i = 0; i < texts.Count; i++)
        {
            sketch.Post(i.ToString(CultureInfo.InvariantCulture), texts[i], i % 60, platform: platform, url: url);
        }

        var page = new RenderedPage(Renderer.RenderThreadedHtml(sketch.Build()));

        Assert.Empty(page.Document.QuerySelectorAll("script, img, b, [onerror], [onload]"));
        for (var i = 0; i < texts.Count; i++)
        {
            var article = page.Post(i.ToString(CultureInfo.InvariantCulture), platform);
            Assert.True(RenderedPage.PostText(article) == texts[i], $"Post {i} shows \"{RenderedPage.PostText(article)}\" for \"{texts[i]}\".");
            foreach (var (_, href, rel) in RenderedPage.TextLinks(article))
            {
                Assert.True(Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https", $"Post {i} links to \"{href}\".");
                Assert.Equal(ExternalRel, rel!.Split(' '));
            }
        }
    }

    private static RenderedPage Render(string text, string platform = "twitter", string? url = null) =>
        new(Renderer.RenderThreadedHtml(new TranscriptSketch().Post("1", text, 0, platform: platform, url: url).Build()));

    private static IReadOnlyList<(string Text, string Href, string? Rel)> LinksIn(string text, string platform = "twitter", string? url = null) =>
        RenderedPage.TextLinks(Render(text, platform, url).Post("1", platform));
}
