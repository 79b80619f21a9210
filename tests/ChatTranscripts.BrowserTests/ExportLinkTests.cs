using System.Net;
using AngleSharp.Html.Parser;
using ChatTranscripts.BrowserTests.Site;

namespace ChatTranscripts.BrowserTests;

/// <summary>A transcript page links what a reader can take away (JSON, Markdown, CSV) and its other view, and each link works.</summary>
public sealed class ExportLinkTests(PublishedSite site)
{
    [Theory]
    [MemberData(nameof(SitePages.Sessions), MemberType = typeof(SitePages))]
    public async Task The_transcript_page_links_each_export_and_each_downloads(string sessionId)
    {
        var links = await LinksAsync(SitePages.Transcript(sessionId));

        foreach (var extension in new[] { "json", "md", "csv" })
        {
            var export = SitePages.Export(sessionId, extension);
            Assert.True(links.Contains(export), $"{SitePages.Transcript(sessionId)} has no link to {export}; it links {string.Join(", ", links)}");
            using var response = await site.Http.GetAsync(new Uri(export, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        }
    }

    [Theory]
    [MemberData(nameof(SitePages.Sessions), MemberType = typeof(SitePages))]
    public async Task The_threaded_and_chronological_views_link_to_each_other(string sessionId)
    {
        var transcript = SitePages.Transcript(sessionId);
        var chronological = SitePages.Chronological(sessionId);

        Assert.Contains(chronological, await LinksAsync(transcript));
        Assert.Contains(transcript, await LinksAsync(chronological));
    }

    /// <summary>The paths on this site a page links to, resolved against the page (a folder link counts as its index.html).</summary>
    private async Task<HashSet<string>> LinksAsync(string path)
    {
        var page = site.Url(path);
        var html = await site.Http.GetStringAsync(page, TestContext.Current.CancellationToken);
        return new HtmlParser().ParseDocument(html).QuerySelectorAll("a[href]")
            .Select(a => new Uri(page, a.GetAttribute("href")!))
            .Where(u => u.GetLeftPart(UriPartial.Authority) == page.GetLeftPart(UriPartial.Authority))
            .Select(u => u.AbsolutePath.EndsWith('/') ? u.AbsolutePath + "index.html" : u.AbsolutePath)
            .ToHashSet(StringComparer.Ordinal);
    }
}
