using System.Text.Json;
using ChatTranscripts.BrowserTests.Browser;
using ChatTranscripts.BrowserTests.Site;

namespace ChatTranscripts.BrowserTests;

/// <summary>
/// The sample chat's "Most discussed" and "Resources shared" in Chromium: they list what transcript.json lists, and
/// every entry leads to its place on the page. The sections meet the site's other bars (validity, axe in both
/// schemes and widths, no script, no outside request, the CSP, the weight) through the page theories, which include
/// this page; this test makes sure there is something in them to check.
/// </summary>
public sealed class DigestSectionTests(PublishedSite site, Chromium chromium)
{
    [Fact]
    public async Task The_sample_chat_lists_its_resources_and_discussed_threads_and_each_entry_leads_to_its_place()
    {
        var transcript = site.Transcript(SitePages.DemoSessionId);
        var links = transcript.GetProperty("links").EnumerateArray().ToList();
        var threads = transcript.GetProperty("mostDiscussed").EnumerateArray().ToList();
        // The sample shares HealthLibKate's review three times: once as written, once with utm parameters, once in capitals with a fragment.
        Assert.Equal(("https://www.jmir.org/2012/3/e87/", 3, "HealthLibKate"), (Str(links[0], "url"), links[0].GetProperty("posts").GetInt32(), Str(links[0].GetProperty("firstShared"), "handle")));
        Assert.NotEmpty(threads);

        await using var visit = await PageVisit.OpenAsync(chromium, site, SitePages.Transcript(SitePages.DemoSessionId));

        var shown = await visit.Page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#resources li > a[rel]')].map(a => a.getAttribute('href'))");
        Assert.Equal(links.Select(l => Str(l, "url")), shown);
        var threadCount = await visit.Page.EvaluateAsync<int>("() => document.querySelectorAll('#most-discussed li').length");
        Assert.Equal(threads.Count, threadCount);
        var unresolved = await visit.Page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('#most-discussed a, #resources .digest-meta a')]
              .map(a => a.getAttribute('href'))
              .filter(href => !href.startsWith('#') || !document.getElementById(href.slice(1)))
            """);
        Assert.Empty(unresolved);

        await visit.Page.ClickAsync("#most-discussed li:first-child > a");
        var landed = await visit.Page.EvaluateAsync<JsonElement>("""
            () => {
              const target = document.getElementById(location.hash.slice(1));
              const box = target.getBoundingClientRect();
              return { tag: target.tagName, inView: box.top >= 0 && box.top < innerHeight };
            }
            """);
        Assert.Equal("ARTICLE", landed.GetProperty("tag").GetString());
        Assert.True(landed.GetProperty("inView").GetBoolean());
    }

    private static string? Str(JsonElement element, string property) => element.GetProperty(property).GetString();
}
