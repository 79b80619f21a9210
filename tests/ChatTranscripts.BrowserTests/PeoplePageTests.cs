using System.Net;
using AngleSharp.Html.Parser;
using ChatTranscripts.BrowserTests.Browser;
using ChatTranscripts.BrowserTests.Site;
using Microsoft.Playwright;

namespace ChatTranscripts.BrowserTests;

/// <summary>
/// Every participant in a transcript's table links to a page of theirs that the site serves, whatever their handle;
/// printed on A4, the page drops the navigation and shows where each link leads. The other bars (validity, axe,
/// no script, no outside request, the policy, 390 px, weight) check the people pages through <see cref="SitePages.People"/>.
/// </summary>
public sealed class PeoplePageTests(PublishedSite site, Chromium chromium)
{
    /// <summary>A4's width (210 mm) less Chromium's default print margins (about 10 mm each side), at 96 CSS pixels to the inch.</summary>
    private static readonly ViewportSize A4Printable = new() { Width = 718, Height = 1040 };

    [Theory]
    [MemberData(nameof(SitePages.Sessions), MemberType = typeof(SitePages))]
    public async Task Every_participant_in_the_table_links_to_a_page_of_theirs(string sessionId)
    {
        var transcriptPath = SitePages.Transcript(sessionId);
        var transcript = new HtmlParser().ParseDocument(await site.Http.GetStringAsync(new Uri(transcriptPath, UriKind.Relative), TestContext.Current.CancellationToken));
        var links = transcript.QuerySelectorAll("#participants tbody tr td:first-child a").Select(a => (Handle: a.TextContent, Href: a.GetAttribute("href")!)).ToList();

        Assert.Equal(site.Transcript(sessionId).GetProperty("participants").GetArrayLength(), links.Count);
        foreach (var (handle, href) in links)
        {
            using var response = await site.Http.GetAsync(new Uri(site.Url(transcriptPath), href), TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{href} of {handle} answered {(int)response.StatusCode}.");
            Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
            var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            Assert.EndsWith(handle, page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string> PeoplePages => new(SitePages.People.Select(p => p.Page));

    [Theory]
    [MemberData(nameof(PeoplePages))]
    public async Task Printed_on_A4_the_page_has_no_navigation_shows_where_links_lead_and_fits_the_width(string path)
    {
        await using var visit = await PageVisit.OpenAsync(chromium, site, path);
        await visit.ShowAsync(new Look("print-a4", A4Printable, ColorScheme.Light, Media.Print));

        Assert.Equal("none", await visit.Page.EvalOnSelectorAsync<string>(".site-nav", "nav => getComputedStyle(nav).display"));
        var links = await visit.Page.EvalOnSelectorAllAsync<string[][]>(
            ".post-foot a[href^='http'], .context a[href^='http']",
            "links => links.map(a => [a.href, getComputedStyle(a, '::after').content])");
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.Contains(link[0], link[1], StringComparison.Ordinal));
        var (scrollWidth, overflowing) = await PhoneWidthTests.MeasureAsync(visit, A4Printable.Width);
        Assert.True(scrollWidth <= A4Printable.Width, $"{path} is {scrollWidth}px wide printed: {string.Join("; ", overflowing)}");
        Assert.Empty(overflowing);

        // Kept for a person to look at, as the screenshots are: what a clinician would file in a portfolio.
        await Screenshots.KeepAsync($"{SitePages.Slug(path)}-a4", ".pdf", await visit.Page.PdfAsync(new PagePdfOptions { Format = "A4" }), "application/pdf");
    }
}
