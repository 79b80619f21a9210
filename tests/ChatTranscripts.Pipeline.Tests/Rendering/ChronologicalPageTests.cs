using ChatTranscripts.Pipeline.Logic.Transcripts;
using ChatTranscripts.Testing;

namespace ChatTranscripts.Pipeline.Tests.Rendering;

/// <summary>
/// chronological.html: every post once, in the contract's order (createdAt, then id), replies linking to their
/// parent rather than nesting, with the same anchors as index.html so a permalink works on either page.
/// </summary>
public sealed class ChronologicalPageTests
{
    private static readonly TranscriptPageRenderer Renderer = new();

    /// <summary>
    /// Posts added out of order, with ties in the same minute whose ids sort differently as text ("20" &lt; "3") and as
    /// numbers, a question with answers and nested replies, and a reply to a post that is not in the transcript.
    /// </summary>
    private static TranscriptDocument Chat() => new TranscriptSketch()
        .Post("3", "A1: same minute, id 3 #bmcmed", 5, handle: "nurse_jo", answers: 1)
        .Post("1", "Q1: What helps? #bmcmed", 2, handle: "BMCMedicine", role: "moderator", question: 1)
        .Post("20", "A1: same minute, id 20 #bmcmed", 5, handle: "FarrisTimimi", role: "guest", answers: 1, replyTo: "1")
        .Post("100", "@nurse_jo agreed", 5, handle: "fan", replyTo: "3")
        .Post("4", "@fan thanks", 9, handle: "nurse_jo", replyTo: "100")
        .Post("2", "Welcome to #bmcmed", 0, handle: "BMCMedicine", role: "moderator")
        .Post("5", "@gone I disagree #bmcmed", 12, replyTo: "999")
        .Build();

    [Fact]
    public void Every_post_appears_once_in_created_at_then_id_order()
    {
        var transcript = Chat();
        var shuffled = transcript with { Posts = transcript.Posts.Reverse().ToList() };

        var page = new RenderedPage(Renderer.RenderChronologicalHtml(shuffled));

        var expected = transcript.Posts
            .OrderBy(p => p.CreatedAt)
            .ThenBy(p => p.Id, StringComparer.Ordinal)
            .Select(p => $"post-twitter-{p.PlatformId}");
        Assert.Equal(expected, page.Articles.Select(a => a.Id));
        Assert.Equal(["post-twitter-2", "post-twitter-1", "post-twitter-100", "post-twitter-20", "post-twitter-3"], page.Articles.Take(5).Select(a => a.Id));
        foreach (var post in transcript.Posts)
        {
            Assert.Equal(post.Text, RenderedPage.PostText(page.Post(post.PlatformId)));
        }
    }

    [Fact]
    public void Posts_are_a_flat_list_and_each_reply_links_to_its_parents_anchor()
    {
        var transcript = Chat();

        var page = new RenderedPage(Renderer.RenderChronologicalHtml(transcript));

        Assert.Empty(page.Document.QuerySelectorAll("ol.replies"));
        Assert.All(page.Articles, a => Assert.Equal(0, RenderedPage.NestingDepth(a)));
        foreach (var post in transcript.Posts)
        {
            var context = page.Post(post.PlatformId).QuerySelector(".context");
            var parent = post.InReplyToId is { } id ? transcript.Posts.SingleOrDefault(p => p.Id == id) : null;
            if (parent is not null)
            {
                var href = context!.QuerySelector("a")!.GetAttribute("href")!;
                Assert.Equal($"#post-twitter-{parent.PlatformId}", href);
                Assert.NotNull(page.Document.GetElementById(href[1..]));
            }
            else if (post.InReplyToId is not null)
            {
                Assert.Contains("not in this transcript", context!.TextContent, StringComparison.Ordinal);
            }
            else
            {
                Assert.Null(context);
            }
        }
    }

    [Fact]
    public void Anchors_are_the_same_as_on_the_threaded_page()
    {
        var transcript = new TranscriptSketch()
            .Post("did:plc:abc/3k2a", "one", 0, platform: "bluesky")
            .Post("did_plc_abc_3k2a", "two", 1, platform: "bluesky")
            .Post("7", "reply", 2, platform: "bluesky", replyTo: "did:plc:abc/3k2a")
            .Build();
        var chat = Chat();

        foreach (var document in new[] { transcript, chat })
        {
            var threaded = new RenderedPage(Renderer.RenderThreadedHtml(document));
            var chronological = new RenderedPage(Renderer.RenderChronologicalHtml(document));

            var anchors = threaded.Articles.Select(a => (a.Id, RenderedPage.PostText(a))).OrderBy(a => a.Id, StringComparer.Ordinal);
            Assert.Equal(anchors, chronological.Articles.Select(a => (a.Id, RenderedPage.PostText(a))).OrderBy(a => a.Id, StringComparer.Ordinal));
            Assert.Equal(document.Posts.Count, chronological.Articles.Count);
        }
    }

    [Fact]
    public void Both_pages_link_to_each_other_and_to_the_site_index()
    {
        var transcript = Chat();

        var threaded = new RenderedPage(Renderer.RenderThreadedHtml(transcript));
        var chronological = new RenderedPage(Renderer.RenderChronologicalHtml(transcript));

        var threadedNav = threaded.Document.QuerySelectorAll("header nav a").Select(a => a.GetAttribute("href")).ToList();
        var chronologicalNav = chronological.Document.QuerySelectorAll("header nav a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains(TranscriptPageRenderer.ChronologicalPage, threadedNav);
        Assert.DoesNotContain(TranscriptPageRenderer.ThreadedPage, threadedNav);
        Assert.Contains(TranscriptPageRenderer.ThreadedPage, chronologicalNav);
        Assert.DoesNotContain(TranscriptPageRenderer.ChronologicalPage, chronologicalNav);
        Assert.Contains("../index.html", threadedNav);
        Assert.Contains("../index.html", chronologicalNav);
        Assert.NotNull(chronological.Document.QuerySelector("nav[aria-label]"));
    }

    [Fact]
    public void The_header_names_the_session_like_the_threaded_page()
    {
        var transcript = Chat();

        var threaded = new RenderedPage(Renderer.RenderThreadedHtml(transcript));
        var chronological = new RenderedPage(Renderer.RenderChronologicalHtml(transcript));

        Assert.Equal(transcript.Session.Title, chronological.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains(transcript.Session.Title, chronological.Document.Title, StringComparison.Ordinal);
        Assert.NotEqual(threaded.Document.Title, chronological.Document.Title);
        Assert.Equal(
            threaded.Document.QuerySelectorAll(".page-header .when").Select(w => w.TextContent),
            chronological.Document.QuerySelectorAll(".page-header .when").Select(w => w.TextContent));
    }

    [Fact]
    public void The_page_has_no_script_and_the_same_policy_as_the_threaded_page()
    {
        var html = Renderer.RenderChronologicalHtml(Chat());
        var page = new RenderedPage(html);
        var threaded = new RenderedPage(Renderer.RenderThreadedHtml(Chat()));

        Assert.StartsWith("<!doctype html>", html, StringComparison.Ordinal);
        Assert.Empty(page.Document.QuerySelectorAll("script, img, iframe, object, embed, [src], link[rel='stylesheet']"));
        Assert.DoesNotContain(page.Document.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(page.ExpectedPolicy, page.Policy);
        Assert.Equal(threaded.Policy, page.Policy);
    }

    [Fact]
    public void An_empty_transcript_says_so()
    {
        var page = new RenderedPage(Renderer.RenderChronologicalHtml(new TranscriptSketch().Build()));

        Assert.Empty(page.Articles);
        Assert.NotNull(page.Document.QuerySelector("main .empty"));
    }
}
