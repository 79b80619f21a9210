using System.Globalization;
using System.Net;
using ChatTranscripts.BrowserTests.Site;

namespace ChatTranscripts.BrowserTests.NuChecker;

/// <summary>
/// The Nu Html Checker's verdict on every HTML page of the site, from one checker run made when the first test asks
/// (starting Java once, not once a page). A page the site does not serve is reported as such instead of checked.
/// Also checks <see cref="InvalidControl"/>, a document with known errors, to show the checker reports errors at all.
/// </summary>
public sealed class NuCheckedSite(PublishedSite site)
{
    public const string InvalidControl = "invalid-control";

    private readonly Lazy<Task<IReadOnlyDictionary<string, IReadOnlyList<NuMessage>>>> _report = new(() => CheckAsync(site));

    /// <summary>Errors by page path (and <see cref="InvalidControl"/>); needs Java, so call <see cref="NuHtmlChecker.RequireJava"/> first.</summary>
    public Task<IReadOnlyDictionary<string, IReadOnlyList<NuMessage>>> ErrorsAsync() => _report.Value;

    private static async Task<IReadOnlyDictionary<string, IReadOnlyList<NuMessage>>> CheckAsync(PublishedSite site)
    {
        var documents = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [InvalidControl] = "<!doctype html><html><head><title>x</title></head><body><p><div>block in a paragraph's place</p><img src=x></body></html>",
        };
        var notServed = new Dictionary<string, IReadOnlyList<NuMessage>>(StringComparer.Ordinal);
        foreach (var path in SitePages.HtmlPages)
        {
            using var response = await site.Http.GetAsync(new Uri(path, UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                documents[SitePages.Slug(path)] = await response.Content.ReadAsStringAsync();
            }
            else
            {
                notServed[path] = [new NuMessage("not checked", string.Create(CultureInfo.InvariantCulture, $"the site answered {(int)response.StatusCode} for {path}"), null, null, null)];
            }
        }
        var errors = await NuHtmlChecker.CheckAsync(documents, CancellationToken.None);
        var byPath = SitePages.HtmlPages.Where(p => !notServed.ContainsKey(p)).ToDictionary(p => p, p => errors[SitePages.Slug(p)], StringComparer.Ordinal);
        byPath[InvalidControl] = errors[InvalidControl];
        foreach (var (path, messages) in notServed)
        {
            byPath[path] = messages;
        }
        return byPath;
    }
}
