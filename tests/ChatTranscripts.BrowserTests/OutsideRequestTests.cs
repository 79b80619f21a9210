using ChatTranscripts.BrowserTests.Browser;
using ChatTranscripts.BrowserTests.Site;

namespace ChatTranscripts.BrowserTests;

/// <summary>
/// A page asks nothing of any other host (no fonts, scripts, images, trackers), at either width: reading a
/// transcript tells nobody else who read it. Every request off the site is recorded and aborted.
/// </summary>
public sealed class OutsideRequestTests(PublishedSite site, Chromium chromium)
{
    [Theory]
    [MemberData(nameof(SitePages.Html), MemberType = typeof(SitePages))]
    public async Task The_page_requests_nothing_from_another_origin_at_either_width(string path)
    {
        // Loaded at phone width, then widened: anything a media query or srcset asks for at either width is seen.
        await using var visit = await PageVisit.OpenAsync(chromium, site, path, new VisitOptions { Viewport = Viewports.Phone });
        await visit.SettleAsync();
        await visit.ShowAsync(Look.DesktopLight);
        await visit.SettleAsync();

        Assert.Empty(visit.OutsideRequests);
    }

    [Fact]
    public async Task A_request_to_another_origin_is_caught()
    {
        var path = SitePages.Transcript(SitePages.DemoSessionId);
        await using var visit = await PageVisit.OpenAsync(chromium, site, path, new VisitOptions
        {
            Rewrite = PlantedMarkup.WithoutPolicy(path, $"<img alt=\"\" src=\"https://{ScriptProbes.OutsideHost}/planted.png\">"),
        });
        await visit.SettleAsync();

        Assert.Equal([$"image https://{ScriptProbes.OutsideHost}/planted.png"], visit.OutsideRequests);
    }
}
