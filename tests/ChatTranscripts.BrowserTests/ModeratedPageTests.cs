using AngleSharp.Html.Parser;
using ChatTranscripts.BrowserTests.Site;

namespace ChatTranscripts.BrowserTests;

/// <summary>
/// The moderated chat as a reader gets it: hidden posts in no served file, the reply to the hidden answer under the
/// marker where the answer was, and reach in the stats. The marker and the reach line meet the site's other bars
/// through the page theories, which include this chat's pages.
/// </summary>
public sealed class ModeratedPageTests(PublishedSite site)
{
    [Fact]
    public async Task No_served_file_holds_a_hidden_post()
    {
        var paths = SitePages.Files.Select(f => f.Path).Where(p => SitePages.SessionOf(p) is null or ModeratedChat.SessionId or SeriesChat.SessionId);

        foreach (var path in paths)
        {
            var content = await site.Http.GetStringAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.All(ModeratedChat.HiddenWords, word => Assert.False(content.Contains(word, StringComparison.OrdinalIgnoreCase), $"{path} holds '{word}'"));
        }
    }

    [Fact]
    public async Task The_reply_to_the_hidden_answer_is_shown_under_the_marker_in_the_first_question()
    {
        var html = await site.Http.GetStringAsync(new Uri(SitePages.Transcript(ModeratedChat.SessionId), UriKind.Relative), TestContext.Current.CancellationToken);
        var document = new HtmlParser().ParseDocument(html);

        var marker = Assert.Single(document.QuerySelectorAll(".post-hidden"));
        Assert.Equal("Post hidden by the organiser", marker.TextContent);
        Assert.Equal("q1", marker.Closest("section")?.Id);
        var replies = marker.ParentElement!.QuerySelector("ol.replies")!;
        Assert.Contains("please keep this chat on topic", replies.TextContent, StringComparison.Ordinal);
        Assert.Contains("agreed, thank you", replies.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_stats_count_only_what_is_shown_and_report_reach_as_an_upper_bound()
    {
        var stats = site.Transcript(ModeratedChat.SessionId).GetProperty("stats");

        Assert.Equal(4, stats.GetProperty("posts").GetInt32());
        var reach = stats.GetProperty("reach");
        Assert.Equal(4200 + 320, reach.GetProperty("followers").GetInt64());
        Assert.Equal(4200 + (2 * 320), reach.GetProperty("impressions").GetInt64());
        Assert.True(reach.GetProperty("upperBound").GetBoolean());
    }
}
