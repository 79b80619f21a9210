using System.Text.Json;
using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Pipeline.Logic.Membership;
using ChatTranscripts.Pipeline.Logic.Transcripts;
using ChatTranscripts.Pipeline.Logic.Transcripts.Exports;
using ChatTranscripts.Pipeline.Tests.Rendering;
using ChatTranscripts.Pipeline.Tests.Transcripts.Exports;
using ChatTranscripts.Testing;
using static ChatTranscripts.Pipeline.Tests.Posts;

namespace ChatTranscripts.Pipeline.Tests.Transcripts.Digest;

/// <summary>How the links and the most discussed threads are published: in transcript.json, on the threaded page and in the Markdown.</summary>
public sealed class DigestOutputTests
{
    private static readonly TranscriptPageRenderer Renderer = new();

    private static readonly CanonicalPost[] Chat =
    [
        Post("1", "Q1: How have you seen it used? #bmcmed", 0, handle: "BMCMedicine"),
        Post("2", "A1: this review https://www.jmir.org/2012/3/e87/?utm_source=twitter #bmcmed", 2, handle: "HealthLibKate"),
        Post("3", "@HealthLibKate thanks! Also http://Example.com:80/guide", 3, handle: "nurse_jo", replyTo: "2"),
        Post("4", "@nurse_jo and www.jmir.org/2012/3/e87/", 4, handle: "drsmith", replyTo: "3"),
        Post("5", "Off topic <b>hello</b> https://example.com/a?b=<i>#x #bmcmed", 6, handle: "mallory"),
    ];

    [Fact]
    public void Transcript_json_ends_with_links_and_most_discussed_in_the_documented_shape()
    {
        using var json = JsonDocument.Parse(TranscriptJson.Serialize(Build(Chat)));
        var root = json.RootElement;

        Assert.Equal(
            ["schemaVersion", "session", "stats", "questions", "posts", "participants", "hiddenPosts", "links", "mostDiscussed"],
            root.EnumerateObject().Select(p => p.Name));
        var link = root.GetProperty("links")[0];
        Assert.Equal(["url", "posts", "firstShared", "question"], link.EnumerateObject().Select(p => p.Name));
        Assert.Equal("https://www.jmir.org/2012/3/e87/", link.GetProperty("url").GetString());
        Assert.Equal(2, link.GetProperty("posts").GetInt32());
        Assert.Equal(1, link.GetProperty("question").GetInt32());
        var first = link.GetProperty("firstShared");
        Assert.Equal(["postId", "platform", "handle", "createdAt"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("twitter:2", "twitter", "HealthLibKate", "2012-08-06T12:02:00Z"),
            (first.GetProperty("postId").GetString(), first.GetProperty("platform").GetString(), first.GetProperty("handle").GetString(), first.GetProperty("createdAt").GetString()));
        var thread = Assert.Single(root.GetProperty("mostDiscussed").EnumerateArray());
        Assert.Equal(["postId", "platform", "handle", "question", "replies", "repliers"], thread.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("twitter:2", 2, 2), (thread.GetProperty("postId").GetString(), thread.GetProperty("replies").GetInt32(), thread.GetProperty("repliers").GetInt32()));
    }

    [Fact]
    public void The_same_posts_in_any_order_give_the_same_links_and_threads()
    {
        var forwards = TranscriptJson.Serialize(Build(Chat));
        var backwards = TranscriptJson.Serialize(Build([.. Chat.Reverse()]));

        Assert.Equal(forwards, backwards);
    }

    [Fact]
    public void The_page_links_each_entry_to_its_place_and_each_resource_to_itself()
    {
        var page = new RenderedPage(Renderer.RenderThreadedHtml(Build(Chat)));

        Assert.Equal(["most-discussed", "resources"], page.Document.QuerySelectorAll("nav.toc a").Select(a => a.GetAttribute("href")![1..]).Intersect(["most-discussed", "resources"]));
        var thread = Assert.Single(page.Document.QuerySelectorAll("#most-discussed li"));
        var targets = thread.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(["#post-twitter-2", "#q1"], targets);
        Assert.All(targets, target => Assert.NotNull(page.Document.GetElementById(target[1..])));
        Assert.Contains("2 replies from 2 other people", thread.TextContent, StringComparison.Ordinal);
        Assert.Contains("A1: this review", thread.QuerySelector(".excerpt")!.TextContent, StringComparison.Ordinal);

        var resources = page.Document.QuerySelectorAll("#resources li").ToList();
        Assert.Equal(
            ["https://www.jmir.org/2012/3/e87/", "http://example.com/guide", "https://example.com/a?b="],
            resources.Select(r => r.QuerySelector("a[rel]")!.GetAttribute("href")));
        Assert.All(resources, r => Assert.Equal(["nofollow", "ugc", "noopener", "noreferrer"], r.QuerySelector("a[rel]")!.GetAttribute("rel")!.Split(' ')));
        Assert.Equal(["#post-twitter-2", "#q1"], resources[0].QuerySelectorAll("a:not([rel])").Select(a => a.GetAttribute("href")));
        Assert.Equal(["#post-twitter-5"], resources[2].QuerySelectorAll("a:not([rel])").Select(a => a.GetAttribute("href")));
        Assert.Empty(page.Document.QuerySelectorAll("#resources b, #resources i"));
    }

    [Fact]
    public void Empty_sections_say_so()
    {
        var page = new RenderedPage(Renderer.RenderThreadedHtml(Build(Post("1", "Hello #bmcmed", 1))));

        Assert.Equal("No thread drew 2 replies or more.", page.Document.QuerySelector("#most-discussed .empty")!.TextContent);
        Assert.Equal("No links were shared.", page.Document.QuerySelector("#resources .empty")!.TextContent);
    }

    [Fact]
    public void The_markdown_lists_the_threads_by_author_time_and_question_and_the_resources_as_links()
    {
        var rendered = new RenderedMarkdown(TranscriptMarkdown.Render(Build(Chat)), "commonmark");

        var headings = rendered.Document.QuerySelectorAll("h2").ToList();
        var discussed = Assert.Single(ListAfter(headings, "Most discussed"));
        Assert.Equal("@HealthLibKate, 13:02, under Q1: 2 replies from 2 other people", discussed.TextContent);
        var resources = ListAfter(headings, "Resources shared");
        Assert.Equal(
            [
                "https://www.jmir.org/2012/3/e87/: 2 posts, first shared by @HealthLibKate under Q1",
                "http://example.com/guide: 1 post, first shared by @nurse_jo under Q1",
                "https://example.com/a?b=: 1 post, first shared by @mallory",
            ],
            resources.Select(r => r.TextContent));
        Assert.All(resources, r => Assert.Equal(r.QuerySelector("a")!.TextContent, r.QuerySelector("a")!.GetAttribute("href")));
    }

    /// <summary>The items of the list that follows a section's heading in the Markdown's HTML.</summary>
    private static List<AngleSharp.Dom.IElement> ListAfter(List<AngleSharp.Dom.IElement> headings, string heading)
    {
        var list = headings.Single(h => h.TextContent == heading).NextElementSibling!;
        Assert.Equal("UL", list.TagName);
        return list.Children.ToList();
    }

    private static TranscriptDocument Build(params CanonicalPost[] posts) =>
        TranscriptBuilder.Build("chat", Session(), SessionMembership.Resolve(Session(), posts));
}
