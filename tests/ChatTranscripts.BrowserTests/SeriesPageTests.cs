using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ChatTranscripts.BrowserTests.Browser;
using ChatTranscripts.BrowserTests.Site;

namespace ChatTranscripts.BrowserTests;

/// <summary>
/// The two-session series (<see cref="ModeratedChat"/> and <see cref="SeriesChat"/>) as a reader gets it: both chats
/// with their counts, the returning participants, the regulars, a chart with its text alternative, and a link from each
/// transcript page. Hidden posts and blocked accounts count nowhere. The page meets the site's other bars through the
/// page theories, which include every series page.
/// </summary>
public sealed class SeriesPageTests(PublishedSite site, Chromium chromium)
{
    [Fact]
    public async Task The_series_page_lists_both_chats_oldest_first_with_their_posts_participants_and_returning_participants()
    {
        var page = await PageAsync(SeriesChat.SeriesPage);

        var rows = page.QuerySelectorAll("#chats tbody tr")
            .Select(row => (string[])[Text(row.QuerySelector("td a")!), Text(row.QuerySelector("td time")!), .. Cells(row).Skip(1)])
            .ToList();

        // Week one shows PortalChat, nurse_jo (twice) and drsmith; the spam, the shop and the bots are hidden. Week two
        // shows PortalChat and Nurse_Jo again, spammer (new: its only post in week one was hidden) and patient_pat; the
        // shop is blocked for the series.
        Assert.Equal(
            [
                ["Moderated chat: patient portals", "Wednesday 8 August 2012", "4", "3", "0"],
                ["Moderated chat: booking online", "Wednesday 15 August 2012", "4", "4", "2"],
            ],
            rows);
        Assert.Equal(
            [$"/{ModeratedChat.SessionId}/index.html", $"/{SeriesChat.SessionId}/index.html"],
            page.QuerySelectorAll("#chats tbody a").Select(a => new Uri(site.Url(SeriesChat.SeriesPage), a.GetAttribute("href")!).AbsolutePath));
        Assert.Equal(["2 chats", "5 participants", "2 took part in more than one chat"], page.QuerySelectorAll(".stats li").Select(li => Text(li)));
    }

    [Fact]
    public async Task The_people_who_took_part_most_often_are_the_returning_participants_by_chats_then_posts()
    {
        var page = await PageAsync(SeriesChat.SeriesPage);

        var regulars = page.QuerySelectorAll("#regulars tbody tr").Select(Cells).ToList();

        Assert.Equal([["Nurse_Jo", "", "2", "3"], ["PortalChat", "", "2", "2"]], regulars);
    }

    [Fact]
    public async Task The_chart_is_an_image_named_by_its_visible_caption_and_draws_a_bar_per_chat()
    {
        var page = await PageAsync(SeriesChat.SeriesPage);

        var chart = Assert.Single(page.QuerySelectorAll("#activity svg"));
        Assert.Equal("img", chart.GetAttribute("role"));
        var caption = page.GetElementById(chart.GetAttribute("aria-labelledby")!)!;
        Assert.Contains("each of the 2 chats", caption.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, chart.QuerySelector("path.series-posts")!.GetAttribute("d")!.Count(c => c == 'M'));
        Assert.Equal(2, chart.QuerySelector("path.series-participants")!.GetAttribute("d")!.Count(c => c == 'M'));
        Assert.Equal(1, chart.QuerySelector("path.series-returning")!.GetAttribute("d")!.Count(c => c == 'M'));
        Assert.DoesNotContain(page.All, element => element.HasAttribute("style"));
    }

    [Fact]
    public async Task Each_transcript_view_links_the_page_of_its_series()
    {
        foreach (var sessionId in SitePages.Series[ModeratedChat.Hashtag])
        {
            foreach (var path in new[] { SitePages.Transcript(sessionId), SitePages.Chronological(sessionId) })
            {
                await using var visit = await PageVisit.OpenAsync(chromium, site, path, new VisitOptions { JavaScriptEnabled = false });

                var link = visit.Page.Locator(".site-nav a", new() { HasText = $"All #{ModeratedChat.Hashtag} chats" });
                await link.ClickAsync();

                Assert.Equal(SeriesChat.SeriesPage, new Uri(visit.Page.Url).AbsolutePath);
                Assert.Equal($"#{ModeratedChat.Hashtag} chats", await visit.Page.Locator("h1").TextContentAsync());
            }
        }
    }

    [Fact]
    public async Task An_unpublished_session_has_no_series_page()
    {
        using var response = await site.Http.GetAsync(new Uri(SitePages.SeriesPage("notyet"), UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<IDocument> PageAsync(string path) =>
        new HtmlParser().ParseDocument(await site.Http.GetStringAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken));

    private static string[] Cells(IElement row) => row.QuerySelectorAll("td").Select(Text).ToArray();

    private static string Text(IElement element) => string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
