using System.Text;
using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Pipeline.Logic.Membership;
using ChatTranscripts.Pipeline.Logic.Moderation;
using ChatTranscripts.Pipeline.Logic.Transcripts;
using ChatTranscripts.Pipeline.Logic.Transcripts.Exports;
using ChatTranscripts.Pipeline.Tests.Rendering;
using ChatTranscripts.Testing;
using static ChatTranscripts.Pipeline.Tests.Posts;

namespace ChatTranscripts.Pipeline.Tests.Transcripts;

/// <summary>Moderation is applied when the transcript is built: hidden posts leave every file and every count, threads stay whole.</summary>
public sealed class TranscriptModerationTests
{
    private static readonly TranscriptPageRenderer Renderer = new();

    private static readonly CanonicalPost[] Chat =
    [
        Post("10", "Welcome to #bmcmed!", 0, handle: "BMCMedicine"),
        Post("11", "Q1: How have you seen it used well? #bmcmed", 5, handle: "BMCMedicine"),
        Post("12", "A1: Buy followers cheap at spam.example #bmcmed", 6, handle: "spammer"),
        Post("13", "@spammer please stop", 7, handle: "nurse_jo", replyTo: "12"),
        Post("14", "@nurse_jo agreed", 8, handle: "drsmith", replyTo: "13"),
        Post("15", "RT @spammer: A1: Buy followers cheap at spam.example #bmcmed", 9, handle: "fan", repostOf: "12"),
        Post("16", "A1 peer support groups #bmcmed", 10, handle: "nurse_jo"),
        Post("17", "Free crypto #bmcmed", 11, handle: "bot_one"),
        Post("18", "free   CRYPTO #bmcmed", 12, handle: "bot_two"),
        Post("19", "Free crypto #bmcmed", 13, handle: "bot_three"),
        Post("20", "#bmcmed #a #b #c #d #e", 14, handle: "tagger"),
        Post("21", "Free crypto #bmcmed", 15, handle: "FarrisTimimi"),
        Post("22", "Another day #bmcmed", 16, handle: "SPAMMER"),
    ];

    [Fact]
    public void Without_moderation_every_post_is_shown_and_nothing_stands_in_for_a_hidden_one()
    {
        var transcript = Build(Chat, SessionModeration.None);

        Assert.Empty(transcript.HiddenPosts);
        Assert.Equal(12, transcript.Stats.Posts);
        Assert.Equal(1, transcript.Stats.Reposts);
        Assert.Contains("\"hiddenPosts\": []", Encoding.UTF8.GetString(TranscriptJson.Serialize(transcript)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_hidden_post_leaves_the_posts_the_answers_the_counts_and_its_reposts()
    {
        var transcript = Build(Chat, Hide("12"));

        Assert.DoesNotContain(transcript.Posts, p => p.Id == "twitter:12");
        Assert.Equal(["twitter:16"], transcript.Questions[0].AnswerIds);
        Assert.Equal(11, transcript.Stats.Posts);
        Assert.Equal(0, transcript.Stats.Reposts);
        Assert.Equal(2, transcript.Stats.Replies);
        // The spammer's other post (22) is still shown: hiding one post blocks nobody.
        Assert.Contains(transcript.Participants, p => p.Handle == "SPAMMER" && p.Posts == 1);
    }

    [Fact]
    public void A_reply_to_a_hidden_post_keeps_its_parent_and_the_parent_leaves_only_its_place()
    {
        var transcript = Build(Chat, Hide("12"));

        var reply = Assert.Single(transcript.Posts, p => p.Id == "twitter:13");
        Assert.Equal("twitter:12", reply.InReplyToId);
        Assert.Equal("twitter:12", reply.ThreadRootId);
        var placeholder = Assert.Single(transcript.HiddenPosts);
        Assert.Equal(new TranscriptHiddenPost("twitter:12", Start.AddMinutes(6).UtcDateTime, null, 1), placeholder);
    }

    [Fact]
    public void Hidden_text_is_in_no_published_file()
    {
        var transcript = Build(Chat, Hide("12"));

        var files = new[]
        {
            Encoding.UTF8.GetString(TranscriptJson.Serialize(transcript)),
            TranscriptMarkdown.Render(transcript),
            Encoding.UTF8.GetString(TranscriptCsv.Serialize(transcript)),
            Renderer.RenderThreadedHtml(transcript),
            Renderer.RenderChronologicalHtml(transcript),
        };
        Assert.All(files, file => Assert.DoesNotContain("spam.example", file, StringComparison.Ordinal));
        Assert.All(files, file => Assert.Contains("please stop", file, StringComparison.Ordinal));
    }

    [Fact]
    public void The_page_shows_the_marker_where_the_hidden_answer_was_with_its_thread_under_it()
    {
        var page = new RenderedPage(Renderer.RenderThreadedHtml(Build(Chat, Hide("12"))));

        var reply = page.Post("13");
        var item = reply.ParentElement!;
        var marker = item.ParentElement!.ParentElement!;
        Assert.Equal("LI", marker.TagName);
        var hidden = Assert.Single(marker.Children, c => c.ClassList.Contains("post-hidden"));
        Assert.Equal("Post hidden by the organiser", hidden.TextContent);
        Assert.Equal("q1", RenderedPage.SectionOf(hidden).Id);
        Assert.Same(reply, RenderedPage.DisplayedParent(page.Post("14")));
        Assert.DoesNotContain("not in this transcript", reply.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_chronological_page_and_the_markdown_say_the_reply_answers_a_hidden_post()
    {
        var transcript = Build(Chat, Hide("12"));

        var chronological = new RenderedPage(Renderer.RenderChronologicalHtml(transcript));
        var markdown = TranscriptMarkdown.Render(transcript);

        Assert.Contains("In reply to a post hidden by the organiser", chronological.Post("13").TextContent, StringComparison.Ordinal);
        Assert.Empty(chronological.Document.QuerySelectorAll(".post-hidden"));
        Assert.Contains("- *Post hidden by the organiser*\n\n  - **nurse\\_jo name**", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chain_of_hidden_posts_above_a_shown_reply_are_all_placeholders()
    {
        var transcript = Build(Chat, Hide("12", "13"));

        Assert.Equal(["twitter:12", "twitter:13"], transcript.HiddenPosts.Select(h => h.Id));
        Assert.Equal("twitter:12", transcript.HiddenPosts[1].InReplyToId);
        var page = new RenderedPage(Renderer.RenderThreadedHtml(transcript));
        Assert.Equal(2, page.Document.QuerySelectorAll(".post-hidden").Length);
        Assert.DoesNotContain("please stop", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hidden_post_nobody_shown_replies_to_leaves_no_placeholder()
    {
        var transcript = Build(Chat, Hide("16"));

        Assert.Empty(transcript.HiddenPosts);
        Assert.Empty(new RenderedPage(Renderer.RenderThreadedHtml(transcript)).Document.QuerySelectorAll(".post-hidden"));
    }

    [Fact]
    public void A_blocked_account_loses_every_post_whatever_the_spelling_of_its_handle()
    {
        var moderation = new SessionModeration(new HashSet<PostKey>(), new HashSet<AccountKey> { new("twitter", "Spammer") }, ModerationRules.Off);

        var transcript = Build(Chat, moderation);

        Assert.DoesNotContain(transcript.Posts, p => p.Author.Handle.Equals("spammer", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(transcript.Participants, p => p.Handle.Equals("spammer", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(10, transcript.Stats.Posts);
        Assert.Equal(0, transcript.Stats.Reposts);
    }

    [Fact]
    public void A_block_on_one_platform_leaves_the_same_handle_on_another()
    {
        var posts = Chat.Append(Post("90", "Hello from the fediverse #bmcmed", 20, handle: "spammer", platform: "mastodon")).ToArray();
        var moderation = new SessionModeration(new HashSet<PostKey>(), new HashSet<AccountKey> { new("twitter", "spammer") }, ModerationRules.Off);

        var transcript = Build(posts, moderation);

        Assert.Contains(transcript.Posts, p => p.Id == "mastodon:90");
    }

    [Fact]
    public void The_duplicate_text_rule_hides_a_text_posted_by_enough_accounts_but_never_a_guests()
    {
        var transcript = Build(Chat, Rules(new ModerationRules(new DuplicateTextRule(3), null)));

        Assert.DoesNotContain(transcript.Posts, p => p.Id is "twitter:17" or "twitter:18" or "twitter:19");
        Assert.Contains(transcript.Posts, p => p.Id == "twitter:21");
    }

    [Fact]
    public void The_duplicate_text_rule_leaves_a_text_fewer_accounts_posted()
    {
        var transcript = Build(Chat, Rules(new ModerationRules(new DuplicateTextRule(4), null)));

        Assert.Contains(transcript.Posts, p => p.Id == "twitter:17");
        Assert.Equal(12, transcript.Stats.Posts);
    }

    [Fact]
    public void The_duplicate_text_rule_counts_accounts_not_posts()
    {
        var posts = Chat.Append(Post("91", "Free crypto #bmcmed", 21, handle: "bot_one")).Append(Post("92", "Free crypto #bmcmed", 22, handle: "BOT_ONE")).ToArray();

        var transcript = Build(posts, Rules(new ModerationRules(new DuplicateTextRule(4), null)));

        Assert.Contains(transcript.Posts, p => p.Id == "twitter:91");
    }

    [Fact]
    public void The_hashtag_rule_hides_posts_with_more_hashtags_than_allowed()
    {
        var transcript = Build(Chat, Rules(new ModerationRules(null, 5)));

        Assert.DoesNotContain(transcript.Posts, p => p.Id == "twitter:20");
        Assert.Equal(11, transcript.Stats.Posts);
    }

    [Fact]
    public void The_hashtag_rule_keeps_a_post_at_the_limit()
    {
        var transcript = Build(Chat, Rules(new ModerationRules(null, 6)));

        Assert.Contains(transcript.Posts, p => p.Id == "twitter:20");
    }

    [Fact]
    public void Rules_never_hide_the_sessions_moderators()
    {
        var posts = Chat.Append(Post("93", "#bmcmed #a #b #c", 23, handle: "BMCMedicine")).ToArray();

        var transcript = Build(posts, Rules(new ModerationRules(null, 1)));

        Assert.Contains(transcript.Posts, p => p.Id == "twitter:93");
        Assert.DoesNotContain(transcript.Posts, p => p.Id == "twitter:20");
    }

    [Fact]
    public void Hide_causes_are_listed_first_by_hide_then_block_then_rule()
    {
        var all = Resolve(Chat);
        var moderation = new SessionModeration(
            new HashSet<PostKey> { new("twitter", "17") },
            new HashSet<AccountKey> { new("twitter", "bot_two") },
            new ModerationRules(new DuplicateTextRule(3), 5));

        var causes = HiddenPosts.Decide(all, moderation);

        Assert.Equal(HideCause.Post, causes[new PostKey("twitter", "17")]);
        Assert.Equal(HideCause.Account, causes[new PostKey("twitter", "18")]);
        Assert.Equal(HideCause.DuplicateText, causes[new PostKey("twitter", "19")]);
        Assert.Equal(HideCause.MaxHashtags, causes[new PostKey("twitter", "20")]);
        Assert.Equal(4, causes.Count);
    }

    [Fact]
    public void A_moderated_transcript_is_the_same_whatever_the_arrival_order()
    {
        var moderation = new SessionModeration(new HashSet<PostKey> { new("twitter", "12") }, new HashSet<AccountKey>(), new ModerationRules(new DuplicateTextRule(3), 5));
        var reference = TranscriptJson.Serialize(Build(Chat, moderation));
        var random = new Random(7);

        for (var i = 0; i < 10; i++)
        {
            var shuffled = Chat.OrderBy(_ => random.Next()).ToArray();
            Assert.Equal(Encoding.UTF8.GetString(reference), Encoding.UTF8.GetString(TranscriptJson.Serialize(Build(shuffled, moderation))));
        }
    }

    private static SessionModeration Hide(params string[] ids) =>
        new(ids.Select(id => new PostKey("twitter", id)).ToHashSet(), new HashSet<AccountKey>(), ModerationRules.Off);

    private static SessionModeration Rules(ModerationRules rules) => new(new HashSet<PostKey>(), new HashSet<AccountKey>(), rules);

    private static IReadOnlyList<SessionPost> Resolve(IEnumerable<CanonicalPost> posts) => SessionMembership.Resolve(Session(), posts);

    private static TranscriptDocument Build(IEnumerable<CanonicalPost> posts, SessionModeration moderation) =>
        TranscriptBuilder.Build("bmcmed-2012-08-06", Session(), Resolve(posts), moderation);
}
