using ChatTranscripts.BrowserTests.Site;

namespace ChatTranscripts.BrowserTests;

/// <summary>
/// The sample chat's pages stay light enough for a phone on a poor connection: at most 30 KiB of markup and styles,
/// plus 1.2 KiB (1,229 bytes) for each post shown, as served (uncompressed). The site index and the series page get the
/// same 30 KiB plus 1.2 KiB for each session they list, and a participant's page 30 KiB plus 1.2 KiB for each of their posts.
/// </summary>
public sealed class PageWeightTests(PublishedSite site)
{
    private const int FixedBytes = 30 * 1024;
    private const int BytesPerItem = 1229;

    [Theory]
    [MemberData(nameof(SitePages.SampleChat), MemberType = typeof(SitePages))]
    public async Task The_page_stays_within_its_budget(string path)
    {
        var bytes = await site.Http.GetByteArrayAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var sessionId = SitePages.SessionOf(path);
        var series = SitePages.SeriesOf(path);
        var (items, what) = (SitePages.PersonOf(path), sessionId, series) switch
        {
            ({ } person, _, _) => (site.PostsBy(person), "posts of the participant"),
            (null, not null, _) => (site.ShownPosts(sessionId), "posts shown"),
            (null, null, not null) => (SitePages.Series[series].Count, "sessions listed"),
            _ => (SitePages.PublishedSessionIds.Count, "sessions listed"),
        };

        var budget = FixedBytes + (BytesPerItem * items);

        Assert.True(bytes.Length <= budget, $"{path} is {bytes.Length:N0} bytes; its budget is {budget:N0} (30 KiB + 1.2 KiB × {items} {what}).");
    }
}
