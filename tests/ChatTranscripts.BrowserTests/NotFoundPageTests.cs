using System.Net;
using AngleSharp.Html.Parser;
using ChatTranscripts.BrowserTests.Site;

namespace ChatTranscripts.BrowserTests;

/// <summary>
/// A path that is not on the site answers 404 with the site's own /404.html (checked for validity and accessibility
/// with the other pages), whose links work from wherever the missing path was.
/// </summary>
public sealed class NotFoundPageTests(PublishedSite site)
{
    public static TheoryData<string> MissingPaths => new("/no-such-page", "/no-such-session/index.html", $"/{SitePages.DemoSessionId}/no-such-file.html");

    [Theory]
    [MemberData(nameof(MissingPaths))]
    public async Task A_missing_path_answers_404_with_the_404_page(string path)
    {
        var notFoundPage = await site.Http.GetStringAsync(new Uri(SitePages.NotFound, UriKind.Relative), TestContext.Current.CancellationToken);

        using var response = await site.Http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(notFoundPage, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(MissingPaths))]
    public async Task Links_on_the_404_page_work_from_the_missing_path(string path)
    {
        var missing = site.Url(path);
        using var response = await site.Http.GetAsync(missing, TestContext.Current.CancellationToken);
        var links = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))
            .QuerySelectorAll("a[href]")
            .Select(a => new Uri(missing, a.GetAttribute("href")!))
            .Where(u => u.GetLeftPart(UriPartial.Authority) == missing.GetLeftPart(UriPartial.Authority))
            .ToList();

        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            using var target = await site.Http.GetAsync(link, TestContext.Current.CancellationToken);
            Assert.True(target.StatusCode == HttpStatusCode.OK, $"From {path}, the link to {link} answered {(int)target.StatusCode}.");
        }
    }
}
