using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using ChatTranscripts.BrowserTests.Browser;
using ChatTranscripts.BrowserTests.Site;

namespace ChatTranscripts.BrowserTests;

/// <summary>
/// Nothing a poster or an organiser writes runs in a reader's browser: with the page's Content-Security-Policy, and
/// without it, to prove that escaping holds on its own and the policy is a second wall, not the only one. The
/// hostile chat carries a probe in every free-text field; the sample chat carries the attempts real chats see.
/// </summary>
public sealed class ScriptInjectionTests(PublishedSite site, Chromium chromium)
{
    private const string ProbeValue = "() => typeof window.__probe === 'undefined' ? null : String(window.__probe)";

    public static TheoryData<string, bool> PagesWithAndWithoutPolicy
    {
        get
        {
            var pages = new TheoryData<string, bool>();
            foreach (var path in SitePages.HtmlPages)
            {
                pages.Add(path, true);
                pages.Add(path, false);
            }
            return pages;
        }
    }

    [Theory]
    [MemberData(nameof(PagesWithAndWithoutPolicy))]
    public async Task No_probe_runs_opens_a_dialog_or_reaches_the_dom(string path, bool withPolicy)
    {
        await using var visit = await PageVisit.OpenAsync(chromium, site, path, new VisitOptions
        {
            Rewrite = withPolicy ? null : html => ContentSecurityPolicyMeta.Remove(html, path),
        });
        await visit.SettleAsync();

        Assert.Null(await visit.Page.EvaluateAsync<string?>(ProbeValue));
        Assert.Empty(visit.Dialogs);
        Assert.Empty(visit.PageErrors);
        Assert.Empty(await ActiveContent.FindAsync(visit.Page));
        Assert.Empty(visit.OutsideRequests);
        // The policy only reports what it blocked: a report means markup from a post was parsed as markup.
        Assert.DoesNotContain(visit.ConsoleErrors, e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_probe_that_runs_is_caught()
    {
        var path = SitePages.Transcript(HostileChat.SessionId);
        await using var visit = await PageVisit.OpenAsync(chromium, site, path, new VisitOptions
        {
            Rewrite = PlantedMarkup.WithoutPolicy(path, "<script>window.__probe='planted'</script><img src=x onerror=\"alert('planted')\">"),
        });
        await visit.SettleAsync();

        Assert.Equal("planted", await visit.Page.EvaluateAsync<string?>(ProbeValue));
        Assert.Contains("alert: planted", visit.Dialogs);
        Assert.Equal(2, (await ActiveContent.FindAsync(visit.Page)).Count);
    }

    [Theory]
    [MemberData(nameof(SitePages.Html), MemberType = typeof(SitePages))]
    public async Task Every_page_carries_a_policy_that_allows_no_script(string path)
    {
        var html = await site.Http.GetStringAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        var policies = new HtmlParser().ParseDocument(html).QuerySelectorAll("meta")
            .Where(m => string.Equals(m.GetAttribute("http-equiv"), "Content-Security-Policy", StringComparison.OrdinalIgnoreCase))
            .Select(m => m.GetAttribute("content") ?? "")
            .ToList();

        var policy = Assert.Single(policies);
        var directives = policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains("default-src 'none'", directives);
        Assert.All(directives.Where(d => d.StartsWith("script-src", StringComparison.Ordinal)), d => Assert.Equal("script-src 'none'", d));
    }

    public static TheoryData<string> HostilePages => new(SitePages.Transcript(HostileChat.SessionId), SitePages.Chronological(HostileChat.SessionId));

    [Theory]
    [MemberData(nameof(HostilePages))]
    public async Task Every_probe_is_shown_as_the_text_that_was_sent(string path)
    {
        var html = await site.Http.GetStringAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var pageText = Normalise(new HtmlParser().ParseDocument(html).Body!.TextContent);
        var posts = HostileChat.Posts;
        IEnumerable<string> sent =
        [
            .. posts.Select(p => p["text"]!.GetValue<string>()),
            .. posts.Select(p => p["author"]!["handle"]!.GetValue<string>()),
            .. posts.Select(p => p["author"]!["displayName"]?.GetValue<string>()).OfType<string>(),
        ];
        if (path == SitePages.Transcript(HostileChat.SessionId))
        {
            var session = HostileChat.Session;
            // A question's text is the moderator's post when one asked it, else the session's (api.md): transcript.json says which.
            var questions = site.Transcript(HostileChat.SessionId).GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("text").GetString()!);
            sent = [.. sent, session["title"]!.GetValue<string>(), session["description"]!.GetValue<string>(), .. questions];
        }

        Assert.All(sent, text => Assert.Contains(Normalise(text), pageText, StringComparison.Ordinal));
    }

    public static TheoryData<string, string> ValidatedFields => new()
    {
        { "url", "javascript:window.__probe='url'" },
        { "url", "data:text/html,<script>alert('url')</script>" },
        { "lang", "en\" onmouseover=\"alert('lang')" },
    };

    /// <summary>Fields with a strict format cannot carry a probe at all: the API refuses them before they are stored.</summary>
    [Theory]
    [MemberData(nameof(ValidatedFields))]
    public async Task Fields_with_a_strict_format_refuse_probes_at_the_door(string field, string value)
    {
        var post = (JsonObject)HostileChat.Posts[0].DeepClone();
        post[field] = value;

        using var response = await site.Http.PostAsync(
            new Uri("/api/posts", UriKind.Relative),
            new StringContent(post.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
