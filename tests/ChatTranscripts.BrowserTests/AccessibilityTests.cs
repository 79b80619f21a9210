using ChatTranscripts.BrowserTests.Browser;
using ChatTranscripts.BrowserTests.Site;

namespace ChatTranscripts.BrowserTests;

/// <summary>
/// axe-core finds nothing on any page, at either width, in light and in dark colour scheme (contrast is checked in
/// both palettes), for WCAG 2.0, 2.1 and 2.2 at levels A and AA plus Deque's best practices.
/// </summary>
public sealed class AccessibilityTests(PublishedSite site, Chromium chromium)
{
    private static readonly string[] Rules = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

    [Theory]
    [MemberData(nameof(SitePages.Html), MemberType = typeof(SitePages))]
    public async Task Axe_finds_no_violation_at_either_width_in_either_colour_scheme(string path)
    {
        // axe-core is injected as a script, which the page's own policy forbids: this context alone bypasses it.
        await using var visit = await PageVisit.OpenAsync(chromium, site, path, new VisitOptions { BypassCsp = true });

        var found = new List<string>();
        foreach (var look in Look.OnScreen)
        {
            await visit.ShowAsync(look);
            found.AddRange((await AxeCore.ViolationsAsync(visit.Page, Rules)).Select(v => $"[{look}] {v}"));
        }

        Assert.True(found.Count == 0, $"{path}:{Environment.NewLine}{string.Join(Environment.NewLine, found)}");
    }

    [Fact]
    public async Task Axe_reports_a_page_that_breaks_the_rules()
    {
        var path = SitePages.NotFound;
        await using var visit = await PageVisit.OpenAsync(chromium, site, path, new VisitOptions
        {
            BypassCsp = true,
            Rewrite = PlantedMarkup.WithoutPolicy(path, "<img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\"><p style=\"color: #777; background: #888\">faint</p>"),
        });

        var violations = await AxeCore.ViolationsAsync(visit.Page, Rules);

        Assert.Contains(violations, v => v.Id == "image-alt");
        Assert.Contains(violations, v => v.Id == "color-contrast");
    }
}
