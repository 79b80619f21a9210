using ChatTranscripts.BrowserTests.Browser;
using ChatTranscripts.BrowserTests.Site;

namespace ChatTranscripts.BrowserTests;

/// <summary>
/// On a phone 390 CSS pixels wide nothing scrolls sideways: not the page, and no element pokes out past the right
/// edge (unless a scrolling container of its own holds it), however long a word, link or handle a post has.
/// </summary>
public sealed class PhoneWidthTests(PublishedSite site, Chromium chromium)
{
    private const string Overflowing = """
        width => {
          const scrolledWithin = el => {
            for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
              if (getComputedStyle(a).overflowX !== 'visible') { return true; }
            }
            return false;
          };
          return [...document.body.querySelectorAll('*')]
            .filter(el => { const box = el.getBoundingClientRect(); return box.width > 0 && box.right > width + 0.5 && !scrolledWithin(el); })
            .slice(0, 10)
            .map(el => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${[...el.classList].map(c => '.' + c).join('')} ends at ${Math.round(el.getBoundingClientRect().right)}px`);
        }
        """;

    [Theory]
    [MemberData(nameof(SitePages.Html), MemberType = typeof(SitePages))]
    public async Task Nothing_scrolls_sideways_at_390_pixels(string path)
    {
        await using var visit = await PageVisit.OpenAsync(chromium, site, path, new VisitOptions { Viewport = Viewports.Phone });

        var (scrollWidth, overflowing) = await MeasureAsync(visit, Viewports.Phone.Width);

        Assert.True(scrollWidth <= Viewports.Phone.Width, $"{path} is {scrollWidth}px wide at {Viewports.Phone.Width}px: {string.Join("; ", overflowing)}");
        Assert.Empty(overflowing);
    }

    [Fact]
    public async Task An_element_wider_than_the_phone_is_caught()
    {
        var path = SitePages.Transcript(SitePages.DemoSessionId);
        await using var visit = await PageVisit.OpenAsync(chromium, site, path, new VisitOptions
        {
            Viewport = Viewports.Phone,
            Rewrite = PlantedMarkup.WithoutPolicy(path, "<p id=\"planted\" style=\"width: 600px\">wide</p>"),
        });

        var (scrollWidth, overflowing) = await MeasureAsync(visit, Viewports.Phone.Width);

        Assert.True(scrollWidth > Viewports.Phone.Width);
        Assert.Contains(overflowing, e => e.StartsWith("p#planted ", StringComparison.Ordinal));
    }

    /// <summary>How wide the page is, and up to ten elements that end past <paramref name="width"/> (the people pages' print check uses it too).</summary>
    internal static async Task<(int ScrollWidth, string[] Overflowing)> MeasureAsync(PageVisit visit, int width) => (
        await visit.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"),
        await visit.Page.EvaluateAsync<string[]>(Overflowing, width));
}
