using AngleSharp.Html.Parser;
using ChatTranscripts.Pipeline.Logic.Transcripts;

namespace ChatTranscripts.Pipeline.Tests.Rendering;

public sealed class SiteIndexRendererTests
{
    private static readonly SiteIndexRenderer Renderer = new();

    private static SiteIndexEntry Entry(string id, DateTime startsAt, string title = "A chat", string timeZone = "UTC", string? path = null) =>
        new(id, title, ["bmcmed"], startsAt, timeZone, Posts: 12, Participants: 5, path ?? $"/{id}/index.html");

    [Fact]
    public void Sessions_are_listed_newest_first_with_ties_broken_by_id()
    {
        var august = new DateTime(2012, 8, 6, 12, 0, 0, DateTimeKind.Utc);
        var sessions = new[]
        {
            Entry("bmcmed-2012-07-02", august.AddDays(-35)),
            Entry("bmcmed-2012-09-03-b", august.AddDays(28)),
            Entry("bmcmed-2012-08-06", august),
            Entry("bmcmed-2012-09-03-a", august.AddDays(28)),
        };

        var document = new HtmlParser().ParseDocument(Renderer.Render(sessions));

        Assert.Equal(
            ["/bmcmed-2012-09-03-a/index.html", "/bmcmed-2012-09-03-b/index.html", "/bmcmed-2012-08-06/index.html", "/bmcmed-2012-07-02/index.html"],
            document.QuerySelectorAll(".sessions li h2 a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void Each_session_shows_its_title_date_in_its_time_zone_hashtags_and_counts()
    {
        var entry = new SiteIndexEntry(
            "bmcmed-2012-08-06",
            "Social media in healthcare",
            ["bmcmed", "#hcsm"],
            new DateTime(2012, 8, 6, 12, 0, 0, DateTimeKind.Utc),
            "Europe/London",
            Posts: 1,
            Participants: 40,
            "bmcmed-2012-08-06/index.html");

        var document = new HtmlParser().ParseDocument(Renderer.Render([entry]));

        var item = Assert.Single(document.QuerySelectorAll(".sessions > li"));
        Assert.Equal("Social media in healthcare", item.QuerySelector("h2")!.TextContent);
        Assert.Equal("bmcmed-2012-08-06/index.html", item.QuerySelector("h2 a")!.GetAttribute("href"));
        var time = item.QuerySelector("time")!;
        Assert.Equal("2012-08-06T12:00:00Z", time.GetAttribute("datetime"));
        Assert.Equal("Monday 6 August 2012, 13:00", time.TextContent);
        Assert.Contains("Europe/London", item.QuerySelector(".when")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["#bmcmed", "#hcsm"], item.QuerySelectorAll(".tag").Select(t => t.TextContent));
        Assert.Equal(["series/bmcmed/index.html", "series/hcsm/index.html"], item.QuerySelectorAll("a.tag").Select(t => t.GetAttribute("href")));
        Assert.Equal("1 post · 40 participants", item.QuerySelector(".count")!.TextContent);
    }

    [Fact]
    public void Hostile_titles_are_text_and_unsafe_paths_are_not_linked()
    {
        const string hostile = "<script>alert(1)</script>\"><img src=x onerror=alert(1)>{{ 7*7 }}{% raw %}";
        var sessions = new[]
        {
            Entry("hostile", new DateTime(2012, 8, 6, 12, 0, 0, DateTimeKind.Utc), title: hostile),
            Entry("scripted", new DateTime(2012, 8, 5, 12, 0, 0, DateTimeKind.Utc), title: "scripted", path: "javascript:alert(1)"),
        };

        var document = new HtmlParser().ParseDocument(Renderer.Render(sessions));

        Assert.Empty(document.QuerySelectorAll("script, img, [onerror]"));
        var headings = document.QuerySelectorAll(".sessions h2").ToList();
        Assert.Equal(hostile, headings[0].TextContent);
        Assert.Equal("scripted", headings[1].TextContent);
        Assert.Null(headings[1].QuerySelector("a"));
    }

    [Fact]
    public void With_no_sessions_the_page_says_so()
    {
        var document = new HtmlParser().ParseDocument(Renderer.Render([]));

        Assert.Empty(document.QuerySelectorAll(".sessions li"));
        Assert.Contains("No transcripts have been published yet", document.QuerySelector(".empty")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_index_is_self_contained_forbids_scripts_and_is_deterministic()
    {
        var sessions = new[] { Entry("one", new DateTime(2012, 8, 6, 12, 0, 0, DateTimeKind.Utc)), Entry("two", new DateTime(2012, 9, 6, 12, 0, 0, DateTimeKind.Utc)) };
        var html = Renderer.Render(sessions);

        var document = new HtmlParser().ParseDocument(html);

        Assert.StartsWith("<!doctype html>", html, StringComparison.Ordinal);
        Assert.Equal("en", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal(
            $"default-src 'none'; style-src {RenderedPage.CspHashOf(document.QuerySelector("style")!.TextContent)}; base-uri 'none'; form-action 'none'",
            document.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content"));
        Assert.Empty(document.QuerySelectorAll("script, img, [src], link[rel='stylesheet']"));
        Assert.Equal(html, new SiteIndexRenderer().Render(sessions.Reverse().ToList()));
    }
}
