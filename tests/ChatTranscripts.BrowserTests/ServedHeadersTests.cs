using System.Net;
using ChatTranscripts.BrowserTests.Site;

namespace ChatTranscripts.BrowserTests;

/// <summary>
/// Every file the site serves says what it is and how it is encoded (so no browser sniffs a page as something
/// else or guesses its characters), and how long it may be cached.
/// </summary>
public sealed class ServedHeadersTests(PublishedSite site)
{
    public static TheoryData<string, string> Files => new(SitePages.Files.Select(f => (f.Path, f.MediaType)));

    [Theory]
    [MemberData(nameof(Files))]
    public async Task The_file_has_its_media_type_with_utf8_and_a_cache_policy(string path, string mediaType)
    {
        using var response = await site.Http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"{mediaType}; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.False(string.IsNullOrWhiteSpace(response.Headers.CacheControl?.ToString()), $"{path} has no Cache-Control.");
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }
}
