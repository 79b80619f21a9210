using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Pipeline.Logic.Transcripts;

namespace ChatTranscripts.Pipeline.Tests.Rendering;

/// <summary>The site's own pages beyond the list itself: the 404 page, the live badge and the feed's discovery link.</summary>
public sealed class SitePagesTests
{
    private static readonly SiteIndexRenderer Renderer = new();

    private static readonly DateTime August = new(2012, 8, 6, 12, 0, 0, DateTimeKind.Utc);

    private static SiteIndexEntry Entry(string id, int daysLater, TranscriptPhase phase) =>
        new(id, $"Chat {id}", ["bmcmed"], August.AddDays(daysLater), "UTC", Posts: 3, Participants: 2, $"/{id}/index.html", Phase: phase);

    [Fact]
    public void The_not_found_page_is_a_complete_page_under_the_same_policy()
    {
        var html = Renderer.RenderNotFound();
        var page = new RenderedPage(html);

        Assert.StartsWith("<!doctype html>", html, StringComparison.Ordinal);
        Assert.Equal("en", page.Document.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(page.Document.QuerySelector("meta[charset='utf-8']"));
        Assert.NotNull(page.Document.QuerySelector("meta[name='viewport']"));
        Assert.False(string.IsNullOrWhiteSpace(page.Document.Title));
        Assert.False(string.IsNullOrWhiteSpace(page.Document.QuerySelector("h1")?.TextContent));
        Assert.Equal(page.ExpectedPolicy, page.Policy);
        Assert.Empty(page.Document.QuerySelectorAll("script, img, [src], link[rel='stylesheet']"));
    }

    /// <summary>The 404 page is served for a missing path at any depth ("/a/b/c"), where a relative link would break.</summary>
    [Fact]
    public void The_not_found_page_links_home_with_rooted_links_only()
    {
        var page = new RenderedPage(Renderer.RenderNotFound());

        var hrefs = page.Document.QuerySelectorAll("a[href], link[href]").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains("/" + SiteIndexRenderer.IndexPage, hrefs);
        Assert.All(hrefs, h => Assert.True(h.StartsWith('/') && !h.StartsWith("//", StringComparison.Ordinal), $"\"{h}\" is not rooted."));
        Assert.Equal(new Uri("https://site.example/index.html"), new Uri(new Uri("https://site.example/a/b/c.html"), hrefs[0]));
    }

    [Fact]
    public void The_not_found_page_is_the_same_every_time() =>
        Assert.Equal(Renderer.RenderNotFound(), new SiteIndexRenderer().RenderNotFound());

    [Fact]
    public void Snapshots_carry_a_badge_saying_which_and_final_transcripts_none()
    {
        var sessions = new[] { Entry("live-one", 2, TranscriptPhase.Live), Entry("final-one", 1, TranscriptPhase.Final), Entry("closing-one", 0, TranscriptPhase.Closing) };

        var page = new RenderedPage(Renderer.Render(sessions));

        var items = page.Document.QuerySelectorAll(".sessions > li").ToDictionary(i => i.QuerySelector("h2 a")!.GetAttribute("href")!);
        Assert.Equal(3, items.Count);
        Assert.Equal("live, updating", items["/live-one/index.html"].QuerySelector(".badge")!.TextContent);
        Assert.Equal("ended, being finalised", items["/closing-one/index.html"].QuerySelector(".badge")!.TextContent);
        Assert.Null(items["/final-one/index.html"].QuerySelector(".badge"));
        Assert.Equal("Chat live-one", items["/live-one/index.html"].QuerySelector("h2 a")!.TextContent);
    }

    [Fact]
    public void The_index_head_links_the_atom_feed()
    {
        var page = new RenderedPage(Renderer.Render([Entry("one", 0, TranscriptPhase.Final)]));

        var link = Assert.Single(page.Document.Head!.QuerySelectorAll("link[rel='alternate'][type='application/atom+xml']"));
        Assert.Equal(SiteFeed.FileName, link.GetAttribute("href"));
        Assert.False(string.IsNullOrWhiteSpace(link.GetAttribute("title")));
    }

    [Fact]
    public void The_index_head_links_the_feed_even_before_anything_is_published()
    {
        var page = new RenderedPage(Renderer.Render([]));

        Assert.NotNull(page.Document.Head!.QuerySelector($"link[rel='alternate'][type='application/atom+xml'][href='{SiteFeed.FileName}']"));
    }
}
