using System.Text.RegularExpressions;
using ChatTranscripts.BrowserTests.Browser;
using ChatTranscripts.BrowserTests.Site;

namespace ChatTranscripts.BrowserTests;

/// <summary>
/// The pages need no JavaScript: they carry no script, and with JavaScript switched off a reader still gets every
/// post and every published session.
/// </summary>
public sealed partial class NoJavaScriptTests(PublishedSite site, Chromium chromium)
{
    [Theory]
    [MemberData(nameof(SitePages.Html), MemberType = typeof(SitePages))]
    public async Task The_page_has_no_script_element(string path)
    {
        var html = await site.Http.GetStringAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.DoesNotMatch(ScriptTag(), html);
    }

    public static TheoryData<string> TranscriptViews => new(SitePages.PublishedSessionIds.SelectMany<string, string>(id => [SitePages.Transcript(id), SitePages.Chronological(id)]));

    [Theory]
    [MemberData(nameof(TranscriptViews))]
    public async Task Every_shown_post_is_on_the_page_without_javascript(string path)
    {
        await using var visit = await PageVisit.OpenAsync(chromium, site, path, new VisitOptions { JavaScriptEnabled = false });

        Assert.Equal(site.ShownPosts(SitePages.SessionOf(path)!), await visit.Page.Locator("article.post").CountAsync());
    }

    public static TheoryData<string> PeoplePages => new(SitePages.People.Select(p => p.Page));

    [Theory]
    [MemberData(nameof(PeoplePages))]
    public async Task Every_post_of_the_participant_is_on_their_page_without_javascript(string path)
    {
        await using var visit = await PageVisit.OpenAsync(chromium, site, path, new VisitOptions { JavaScriptEnabled = false });

        Assert.Equal(site.PostsBy(SitePages.PersonOf(path)!), await visit.Page.Locator("article.post").CountAsync());
    }

    [Fact]
    public async Task The_index_links_every_published_session_and_no_other_without_javascript()
    {
        await using var visit = await PageVisit.OpenAsync(chromium, site, SitePages.SiteIndex, new VisitOptions { JavaScriptEnabled = false });

        var links = await visit.Page.Locator("main a[href]").EvaluateAllAsync<string[]>("links => links.map(a => new URL(a.href).pathname)");

        var linked = links.Select(path => path.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()).ToHashSet();
        Assert.All(SitePages.PublishedSessionIds, id => Assert.Contains(id, linked));
        Assert.DoesNotContain(PublishedSite.UnpublishedSessionId, linked);
    }

    [GeneratedRegex("<script", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();
}
