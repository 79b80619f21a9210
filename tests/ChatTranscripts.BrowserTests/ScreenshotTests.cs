using System.Buffers.Binary;
using ChatTranscripts.BrowserTests.Browser;
using ChatTranscripts.BrowserTests.Site;

namespace ChatTranscripts.BrowserTests;

/// <summary>
/// Full-page screenshots of every page at desktop and phone width, light and dark, and as printed, kept as test
/// artefacts (<see cref="Screenshots.Folder"/>) for a person to look at. Each must be exactly as wide as its
/// viewport: a wider picture is a page that overflows. The hostile chat's pages are shot in light at both widths
/// only: they are there to show how probes read, which colours and print do not change, and full-page shots of
/// long pages are the slowest step of the run.
/// </summary>
public sealed class ScreenshotTests(PublishedSite site, Chromium chromium)
{
    [Theory]
    [MemberData(nameof(SitePages.Html), MemberType = typeof(SitePages))]
    public async Task The_page_is_captured_in_every_look(string path)
    {
        await using var visit = await PageVisit.OpenAsync(chromium, site, path);

        IReadOnlyList<Look> looks = SitePages.SessionOf(path) == HostileChat.SessionId ? [Look.DesktopLight, Look.PhoneLight] : Look.All;
        foreach (var look in looks)
        {
            await visit.ShowAsync(look);
            var png = await Screenshots.TakeAsync(visit.Page, $"{SitePages.Slug(path)}-{look}");

            Assert.True(look.Viewport.Width == PngWidth(png), $"{path} [{look}] is {PngWidth(png)}px wide, not {look.Viewport.Width}px.");
        }
    }

    /// <summary>A PNG's width: the first four bytes of its IHDR chunk, after the 8-byte signature and the chunk's length and type.</summary>
    private static int PngWidth(byte[] png) => BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4));
}
