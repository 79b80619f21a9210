using System.Globalization;
using ChatTranscripts.Pipeline.Logic.Transcripts;
using ChatTranscripts.Testing;

namespace ChatTranscripts.Pipeline.Tests.Rendering;

public sealed class TranscriptPageRendererTests
{
    private const string Script = "<script>alert(1)</script>";
    private const string BrokenOutOfAttribute = "\"><img src=x onerror=alert(1)>";
    private const string LiquidOutput = "{{ 7*7 }}";
    private const string LiquidTag = "{% raw %}";

    private static readonly TranscriptPageRenderer Renderer = new();


    [Fact]
    public void Hostile_text_in_posts_names_titles_and_questions_is_shown_as_text()
    {
        var hostile = $"{Script} {BrokenOutOfAttribute} {LiquidOutput} {LiquidTag}";
        var transcript = new TranscriptSketch(title: hostile, description: hostile)
            .Post("1", "Q1: " + hostile, 0, handle: "BMCMedicine", displayName: hostile, role: "moderator", question: 1)
            .Post("2", hostile + "\nsecond line", 3, displayName: hostile, answers: 1, lang: "fr\"><img src=x>")
            .Build();

        var page = new RenderedPage(Renderer.RenderThreadedHtml(transcript));

        Assert.Empty(page.Document.QuerySelectorAll("script"));
        Assert.Empty(page.Document.QuerySelectorAll("img"));
        Assert.Empty(page.Document.QuerySelectorAll("[onerror]"));
        Assert.Equal(hostile, page.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains(hostile, page.Document.Title, StringComparison.Ordinal);
        Assert.Equal(hostile, page.Document.QuerySelector(".description")!.TextContent);
        Assert.Equal("Q1: " + hostile, page.Document.QuerySelector("#q1 .question-text")!.TextContent);
        Assert.Equal(hostile + "\nsecond line", RenderedPage.PostText(page.Post("2")));
        Assert.Equal(hostile, page.Post("2").QuerySelector(".name")!.TextContent);
        Assert.Null(page.Post("2").GetAttribute("lang"));
        Assert.DoesNotContain("49", page.Document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_post_appears_exactly_once()
    {
        var transcript = TranscriptSketch.SmallChat().Build();

        var page = new RenderedPage(Renderer.RenderThreadedHtml(transcript));

        var expected = transcript.Posts.Select(p => $"post-twitter-{p.PlatformId}").Order(StringComparer.Ordinal);
        Assert.Equal(expected, page.Articles.Select(a => a.Id!).Order(StringComparer.Ordinal));
        foreach (var post in transcript.Posts)
        {
            Assert.Equal(post.Text, RenderedPage.PostText(page.Post(post.PlatformId)));
        }
    }

    [Fact]
    public void A_question_section_holds_its_post_then_its_answers_with_replies_nested_under_their_parents()
    {
        var page = new RenderedPage(Renderer.RenderThreadedHtml(TranscriptSketch.SmallChat().Build()));

        Assert.Equal(
            ["timeline", "q1", "q2", "outside", "most-discussed", "resources", "participants"],
            page.Document.QuerySelectorAll("main > section").Select(s => s.Id));
        Assert.Equal("Q1", page.Document.QuerySelector("#q1 h2")!.TextContent);
        Assert.Equal(["post-twitter-101", "post-twitter-102", "post-twitter-106"], page.TopLevelIds("q1"));
        Assert.Equal("post-twitter-102", RenderedPage.DisplayedParent(page.Post("103"))!.Id);
        Assert.Equal("post-twitter-103", RenderedPage.DisplayedParent(page.Post("104"))!.Id);
        Assert.Equal("post-twitter-101", RenderedPage.DisplayedParent(page.Post("105"))!.Id);
        Assert.Equal("post-twitter-106", RenderedPage.DisplayedParent(page.Post("107"))!.Id);
        foreach (var id in new[] { "103", "104", "105", "107" })
        {
            Assert.Equal("q1", RenderedPage.SectionOf(page.Post(id)).Id);
        }
    }

    [Fact]
    public void An_answer_that_replies_to_the_question_is_not_nested_again_but_links_to_it()
    {
        var page = new RenderedPage(Renderer.RenderThreadedHtml(TranscriptSketch.SmallChat().Build()));

        var answer = page.Post("102");
        Assert.Null(RenderedPage.DisplayedParent(answer));
        Assert.Equal("#post-twitter-101", answer.QuerySelector(".context a")!.GetAttribute("href"));
        Assert.Null(page.Post("103").QuerySelector(".context"));
    }

    [Fact]
    public void A_question_nobody_asked_or_answered_still_has_its_section()
    {
        var page = new RenderedPage(Renderer.RenderThreadedHtml(TranscriptSketch.SmallChat().Build()));

        var section = page.Document.GetElementById("q2")!;
        Assert.Equal("How can social media bridge the gap between patients and physicians?", section.QuerySelector(".question-text")!.TextContent);
        Assert.Empty(section.QuerySelectorAll("article"));
        Assert.NotNull(section.QuerySelector(".empty"));
    }

    [Fact]
    public void Other_threads_go_outside_the_questions_in_post_order()
    {
        var page = new RenderedPage(Renderer.RenderThreadedHtml(TranscriptSketch.SmallChat().Build()));

        Assert.Equal("Conversation outside the questions", page.Document.QuerySelector("#outside h2")!.TextContent);
        Assert.Equal(["post-twitter-100", "post-twitter-108"], page.TopLevelIds("outside"));
        Assert.Equal("post-twitter-108", RenderedPage.DisplayedParent(page.Post("109"))!.Id);
    }

    [Fact]
    public void A_reply_whose_parent_is_not_in_the_transcript_starts_its_own_thread()
    {
        var transcript = new TranscriptSketch()
            .Post("1", "Kick-off #bmcmed", 0)
            .Post("2", "@deleted I disagree #bmcmed", 5, replyTo: "999")
            .Post("3", "@someone me too", 6, replyTo: "2")
            .Build();

        var page = new RenderedPage(Renderer.RenderThreadedHtml(transcript));

        Assert.Equal(["post-twitter-1", "post-twitter-2"], page.TopLevelIds("outside"));
        Assert.Equal("post-twitter-2", RenderedPage.DisplayedParent(page.Post("3"))!.Id);
        Assert.Contains("not in this transcript", page.Post("2").QuerySelector(".context")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Replies_that_form_a_cycle_are_each_shown_once()
    {
        var transcript = new TranscriptSketch()
            .Post("1", "first #bmcmed", 0, replyTo: "2")
            .Post("2", "second #bmcmed", 1, replyTo: "1")
            .Post("3", "talking to myself #bmcmed", 2, replyTo: "3")
            .Build();

        var page = new RenderedPage(Renderer.RenderThreadedHtml(transcript));

        Assert.Equal(["post-twitter-1", "post-twitter-3"], page.TopLevelIds("outside"));
        Assert.Equal("post-twitter-1", RenderedPage.DisplayedParent(page.Post("2"))!.Id);
        Assert.Equal(3, page.Articles.Count);
    }

    [Fact]
    public void A_long_reply_chain_nests_a_few_levels_then_continues_in_order_with_links_to_each_parent()
    {
        var sketch = new TranscriptSketch().Post("0", "Start #bmcmed", 0);
        for (var i = 1; i <= 20; i++)
        {
            sketch.Post(i.ToString(CultureInfo.InvariantCulture), $"reply {i}", i, replyTo: (i - 1).ToString(CultureInfo.InvariantCulture));
        }

        var page = new RenderedPage(Renderer.RenderThreadedHtml(sketch.Build()));

        Assert.Equal(21, page.Articles.Count);
        Assert.Equal(Enumerable.Range(0, 21).Select(i => $"post-twitter-{i}"), page.Articles.Select(a => a.Id));
        var depths = page.Articles.Select(RenderedPage.NestingDepth).ToList();
        Assert.Equal(Enumerable.Range(0, 7), depths.Take(7));
        Assert.True(depths.Max() < 10, $"Nested {depths.Max()} levels deep.");
        var deep = page.Post("15");
        Assert.Equal("#post-twitter-14", deep.QuerySelector(".context a")!.GetAttribute("href"));
    }

    [Fact]
    public void Only_web_urls_become_links_to_the_original()
    {
        var transcript = new TranscriptSketch()
            .Post("1", "web", 0, url: "https://twitter.com/someone/status/1?x=1&y=2")
            .Post("2", "script", 1, url: "javascript:alert(1)")
            .Post("3", "data", 2, url: "data:text/html,<script>alert(1)</script>")
            .Post("4", "relative", 3, url: "/status/4")
            .Build();

        var page = new RenderedPage(Renderer.RenderThreadedHtml(transcript));

        var link = page.Post("1").QuerySelector("a[rel]")!;
        Assert.Equal("https://twitter.com/someone/status/1?x=1&y=2", link.GetAttribute("href"));
        Assert.Equal(["nofollow", "ugc", "noopener", "noreferrer"], link.GetAttribute("rel")!.Split(' '));
        var hrefs = page.Document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).ToList();
        Assert.DoesNotContain(hrefs, h => h.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) || h.StartsWith("data:", StringComparison.OrdinalIgnoreCase));
        foreach (var id in new[] { "2", "3", "4" })
        {
            Assert.Null(page.Post(id).QuerySelector("a[rel]"));
        }
    }

    [Fact]
    public void A_post_in_another_language_carries_its_lang_attribute()
    {
        var transcript = new TranscriptSketch()
            .Post("1", "Les patients cherchent déjà en ligne", 0, lang: "fr")
            .Post("2", "Patients already search online", 1, lang: "en")
            .Post("3", "No language given", 2, lang: null)
            .Build();

        var page = new RenderedPage(Renderer.RenderThreadedHtml(transcript));

        Assert.Equal("fr", page.Post("1").GetAttribute("lang"));
        Assert.Null(page.Post("2").GetAttribute("lang"));
        Assert.Null(page.Post("3").GetAttribute("lang"));
        Assert.Equal("en", page.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Les patients cherchent déjà en ligne", RenderedPage.PostText(page.Post("1")));
    }

    [Fact]
    public void Times_are_shown_in_the_sessions_time_zone_and_in_utc()
    {
        var transcript = new TranscriptSketch(timeZone: "Europe/London")
            .Post("1", "A1: hello", 4, answers: 1)
            .Question(1, "Hello?")
            .Build();

        var page = new RenderedPage(Renderer.RenderThreadedHtml(transcript));

        var time = page.Post("1").QuerySelector("time")!;
        Assert.Equal("2012-08-06T12:04:00Z", time.GetAttribute("datetime"));
        Assert.Equal("13:04", time.TextContent);
        var when = page.Document.QuerySelectorAll(".page-header .when").Select(p => p.TextContent).ToList();
        Assert.Equal(2, when.Count);
        Assert.Contains("Monday 6 August 2012, 13:00", when[0], StringComparison.Ordinal);
        Assert.Contains("14:00", when[0], StringComparison.Ordinal);
        Assert.Contains("Europe/London", when[0], StringComparison.Ordinal);
        Assert.Contains("UTC+01:00", when[0], StringComparison.Ordinal);
        Assert.Contains("Monday 6 August 2012, 12:00", when[1], StringComparison.Ordinal);
        Assert.Contains("13:00", when[1], StringComparison.Ordinal);
        Assert.Contains("UTC", when[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_session_in_utc_shows_its_times_once()
    {
        var page = new RenderedPage(Renderer.RenderThreadedHtml(TranscriptSketch.SmallChat().Build()));

        var when = Assert.Single(page.Document.QuerySelectorAll(".page-header .when"));
        Assert.Contains("12:00", when.TextContent, StringComparison.Ordinal);
        Assert.Equal("12:05", page.Post("101").QuerySelector("time")!.TextContent);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("../../etc/passwd")]
    [InlineData("")]
    public void A_time_zone_this_machine_does_not_know_is_shown_as_utc(string timeZone)
    {
        var transcript = new TranscriptSketch(timeZone: timeZone).Post("1", "hello", 4).Build();

        var page = new RenderedPage(Renderer.RenderThreadedHtml(transcript));

        var when = Assert.Single(page.Document.QuerySelectorAll(".page-header .when"));
        Assert.Contains("Monday 6 August 2012, 12:00", when.TextContent, StringComparison.Ordinal);
        Assert.Contains("(UTC)", when.TextContent, StringComparison.Ordinal);
        Assert.Equal("12:04", page.Post("1").QuerySelector("time")!.TextContent);
    }

    [Fact]
    public void A_post_on_another_local_day_shows_its_date()
    {
        var transcript = new TranscriptSketch(timeZone: "America/New_York", startsAt: new DateTime(2012, 8, 7, 3, 30, 0, DateTimeKind.Utc))
            .Post("1", "before midnight", 0)
            .Post("2", "after midnight", 45)
            .Build();

        var page = new RenderedPage(Renderer.RenderThreadedHtml(transcript));

        Assert.Equal("23:30", page.Post("1").QuerySelector("time")!.TextContent);
        Assert.Equal("7 Aug 00:15", page.Post("2").QuerySelector("time")!.TextContent);
        Assert.Contains("Monday 6 August 2012, 23:30", page.Document.QuerySelector(".page-header .when")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Posts_show_author_role_label_edit_and_a_permalink()
    {
        var transcript = new TranscriptSketch()
            .Post("1", "Q1: Why? #bmcmed", 0, handle: "BMCMedicine", displayName: "BMC Medicine", role: "moderator", question: 1)
            .Post("2", "A1: Because #bmcmed", 1, handle: "FarrisTimimi", displayName: "Farris Timimi", role: "guest", answers: 1,
                editedAt: new DateTime(2012, 8, 6, 12, 3, 0, DateTimeKind.Utc))
            .Post("3", "A1: Same #bmcmed", 2, handle: "nurse_jo", displayName: null, answers: 1)
            .Build();

        var page = new RenderedPage(Renderer.RenderThreadedHtml(transcript));

        var question = page.Post("1");
        Assert.Equal("BMC Medicine", question.QuerySelector(".name")!.TextContent);
        Assert.Equal("@BMCMedicine", question.QuerySelector(".handle")!.TextContent);
        Assert.Equal(["Q1", "moderator"], question.QuerySelectorAll(".badge").Select(b => b.TextContent));
        Assert.Null(question.QuerySelector(".edited"));
        Assert.Equal("#post-twitter-1", question.QuerySelector("a.permalink")!.GetAttribute("href"));
        Assert.Equal("#", question.QuerySelector("a.permalink")!.TextContent);

        var guest = page.Post("2");
        Assert.Equal(["A1", "guest"], guest.QuerySelectorAll(".badge").Select(b => b.TextContent));
        Assert.Equal("2012-08-06T12:03:00Z", guest.QuerySelector(".edited time")!.GetAttribute("datetime"));

        var participant = page.Post("3");
        Assert.Equal(["A1"], participant.QuerySelectorAll(".badge").Select(b => b.TextContent));
        Assert.Null(participant.QuerySelector(".name"));
        Assert.Equal("@nurse_jo", participant.QuerySelector(".handle")!.TextContent);
    }

    [Fact]
    public void Anchors_are_limited_to_safe_characters_and_stay_unique()
    {
        var transcript = new TranscriptSketch()
            .Post("did:plc:abc/3k2a", "one", 0, platform: "bluesky")
            .Post("did_plc_abc_3k2a", "two", 1, platform: "bluesky")
            .Build();

        var page = new RenderedPage(Renderer.RenderThreadedHtml(transcript));

        var ids = page.Articles.Select(a => a.Id!).ToList();
        Assert.Equal(["post-bluesky-did_plc_abc_3k2a", "post-bluesky-did_plc_abc_3k2a-2"], ids);
        Assert.Equal("one", RenderedPage.PostText(page.Document.GetElementById(ids[0])!));
    }

    [Fact]
    public void The_header_shows_people_stats_and_the_json_link()
    {
        var transcript = TranscriptSketch.SmallChat().Build();

        var page = new RenderedPage(Renderer.RenderThreadedHtml(transcript));

        var people = page.Document.QuerySelector(".people")!.TextContent;
        Assert.Contains("@BMCMedicine", people, StringComparison.Ordinal);
        Assert.Contains("@FarrisTimimi, @LeeAase", people, StringComparison.Ordinal);
        Assert.Equal("#bmcmed", page.Document.QuerySelector(".tags")!.TextContent);
        var stats = page.Document.QuerySelectorAll(".stats li").Select(li => li.TextContent).ToList();
        Assert.Equal(["10 posts", "3 reposts", "6 replies", "7 participants", "2 questions"], stats);
        Assert.Contains(page.Document.QuerySelectorAll("a"), a => a.GetAttribute("href") == "transcript.json");
    }

    [Fact]
    public void The_participants_table_lists_handle_name_role_and_posts()
    {
        var transcript = TranscriptSketch.SmallChat().Build();

        var page = new RenderedPage(Renderer.RenderThreadedHtml(transcript));

        var rows = page.Document.QuerySelectorAll("#participants tbody tr")
            .Select(r => string.Join("|", r.Children.Select(c => c.TextContent)))
            .ToList();
        Assert.Equal(7, rows.Count);
        Assert.Equal("@BMCMedicine|Some One|moderator|2", rows[0]);
        Assert.Contains("@student|Some One|participant|1", rows);
    }

    [Fact]
    public void The_page_is_self_contained_and_forbids_scripts()
    {
        var page = new RenderedPage(Renderer.RenderThreadedHtml(TranscriptSketch.SmallChat().Build()));

        Assert.StartsWith("<!doctype html>", page.Html, StringComparison.Ordinal);
        var policy = page.Document.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content");
        Assert.Equal($"default-src 'none'; style-src {RenderedPage.CspHashOf(page.Document.QuerySelector("style")!.TextContent)}; base-uri 'none'; form-action 'none'", policy);
        Assert.NotNull(page.Document.QuerySelector("meta[charset='utf-8']"));
        Assert.Contains("width=device-width", page.Document.QuerySelector("meta[name='viewport']")!.GetAttribute("content"), StringComparison.Ordinal);
        Assert.Empty(page.Document.QuerySelectorAll("script, img, iframe, object, embed, [src], link[rel='stylesheet']"));
        var css = page.Document.QuerySelector("style")!.TextContent;
        Assert.Contains("prefers-color-scheme: dark", css, StringComparison.Ordinal);
        Assert.Contains("@media print", css, StringComparison.Ordinal);
        Assert.Contains("overflow-wrap: anywhere", css, StringComparison.Ordinal);
        Assert.Contains("white-space: pre-wrap", css, StringComparison.Ordinal);
        Assert.DoesNotContain("url(", css, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_transcript_renders_to_identical_text_whatever_the_culture_order_or_renderer()
    {
        var transcript = TranscriptSketch.SmallChat().Build();
        var shuffled = transcript with { Posts = transcript.Posts.Reverse().ToList() };
        var first = Renderer.RenderThreadedHtml(transcript);

        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("ar-SA");
            Assert.Equal(first, new TranscriptPageRenderer().RenderThreadedHtml(transcript));
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
        Assert.Equal(first, Renderer.RenderThreadedHtml(transcript));
        Assert.Equal(first, Renderer.RenderThreadedHtml(shuffled));
    }

    [Fact]
    public async Task One_renderer_serves_concurrent_renders()
    {
        var transcripts = Enumerable.Range(0, 8)
            .Select(i => new TranscriptSketch(title: $"Chat {i}").Post("1", $"post {i}", i).Build())
            .ToList();
        var expected = transcripts.Select(t => Renderer.RenderThreadedHtml(t)).ToList();

        var rendered = await Task.WhenAll(transcripts.Select(t => Task.Run(() => Renderer.RenderThreadedHtml(t), TestContext.Current.CancellationToken)));

        Assert.Equal(expected, rendered);
    }
}
