using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Pipeline.Logic.Transcripts;
using ChatTranscripts.Testing;

namespace ChatTranscripts.Pipeline.Tests.Rendering;

/// <summary>A participant's page: their posts in context, the session they took part in, and links into the transcript.</summary>
public sealed class PersonPageRendererTests
{
    private static readonly PersonPageRenderer Renderer = new();

    [Fact]
    public void Every_participant_gets_one_page_and_the_participants_table_links_each()
    {
        var transcript = TranscriptSketch.SmallChat().Build();

        var pages = Renderer.Pages(transcript, TranscriptPhase.Final, siteBaseUrl: null);
        var table = new RenderedPage(new TranscriptPageRenderer().RenderThreadedHtml(transcript)).Document.QuerySelectorAll("#participants tbody tr");

        Assert.Equal(transcript.Participants.Select(p => p.Handle), pages.Select(p => p.Participant.Handle));
        Assert.Equal(
            ["people/twitter/bmcmedicine.html", "people/twitter/farristimimi.html", "people/twitter/nurse_jo.html", "people/twitter/leeaase.html",
             "people/twitter/fan.html", "people/twitter/student.html", "people/twitter/teacher.html"],
            pages.Select(p => p.Path));
        Assert.Equal(pages.Select(p => (p.Path, "@" + p.Participant.Handle)), table.Select(row => (row.QuerySelector("td a")!.GetAttribute("href")!, row.QuerySelector("td a")!.TextContent)));
    }

    [Fact]
    public void The_page_lists_the_persons_posts_oldest_first_each_under_the_question_it_belongs_to()
    {
        var page = Page(TranscriptSketch.SmallChat().Build(), "nurse_jo");

        Assert.Equal(["post-twitter-103", "post-twitter-106"], page.Articles.Select(a => a.Id));
        Assert.Equal("@FarrisTimimi so true", RenderedPage.PostText(page.Post("103")));
        var question = "Q1: How have you seen social media used constructively? #bmcmed";
        // 103 replies inside an answer's thread; 106 is an answer itself (A1).
        Assert.Equal($"In the discussion of Q1: {question}", page.Post("103").QuerySelectorAll(".context")[0].TextContent);
        Assert.Equal($"Answering Q1: {question}", page.Post("106").QuerySelector(".context")!.TextContent);
        Assert.Equal("../../index.html#q1", page.Post("106").QuerySelector(".context a")!.GetAttribute("href"));
        Assert.Equal("A1", page.Post("106").QuerySelector(".badge-answer")!.TextContent);
        Assert.Equal("2 posts in this chat, answering Q1.", page.Document.QuerySelector(".count")!.TextContent);
    }

    [Fact]
    public void A_reply_quotes_the_post_it_answers_and_links_to_it_on_the_threaded_page()
    {
        var transcript = TranscriptSketch.SmallChat().Build();
        var page = Page(transcript, "nurse_jo");
        var threaded = new RenderedPage(new TranscriptPageRenderer().RenderThreadedHtml(transcript));

        var reply = page.Post("103").QuerySelectorAll(".context")[1];

        Assert.Equal("In reply to @FarrisTimimi: A1: Patients already search online #bmcmed", reply.TextContent);
        Assert.Equal("A1: Patients already search online #bmcmed", reply.QuerySelector("q")!.TextContent);
        var href = reply.QuerySelector("a")!.GetAttribute("href")!;
        Assert.Equal("../../index.html#post-twitter-102", href);
        Assert.Equal("A1: Patients already search online #bmcmed", RenderedPage.PostText(threaded.Document.GetElementById(href.Split('#')[1])!));
        Assert.Equal("../../index.html#post-twitter-103", page.Post("103").QuerySelector(".post-foot a")!.GetAttribute("href"));
    }

    [Fact]
    public void Every_link_into_the_transcript_finds_its_target_on_the_threaded_page()
    {
        var transcript = TranscriptSketch.SmallChat().Build();
        var threaded = new RenderedPage(new TranscriptPageRenderer().RenderThreadedHtml(transcript));

        var links = Renderer.Pages(transcript, TranscriptPhase.Final, siteBaseUrl: null)
            .SelectMany(p => new RenderedPage(p.RenderHtml()).Document.QuerySelectorAll("main a[href^='../../index.html#']"))
            .Select(a => a.GetAttribute("href")!.Split('#')[1])
            .ToList();

        Assert.NotEmpty(links);
        Assert.All(links, anchor => Assert.NotNull(threaded.Document.GetElementById(anchor)));
    }

    [Fact]
    public void The_questions_own_post_says_which_question_it_asks_without_repeating_its_text()
    {
        var page = Page(TranscriptSketch.SmallChat().Build(), "BMCMedicine");

        Assert.Equal(["post-twitter-100", "post-twitter-101"], page.Articles.Select(a => a.Id));
        Assert.Null(page.Post("100").QuerySelector(".context"));
        Assert.Equal("Asking Q1", page.Post("101").QuerySelector(".context")!.TextContent);
        Assert.Equal("2 posts in this chat.", page.Document.QuerySelector(".count")!.TextContent);
    }

    [Fact]
    public void A_post_outside_the_questions_has_no_question_and_a_reply_to_it_none_either()
    {
        var transcript = TranscriptSketch.SmallChat().Build();

        Assert.Null(Page(transcript, "student").Post("108").QuerySelector(".context"));
        var teacher = Page(transcript, "teacher").Post("109");
        Assert.Equal("In reply to @student: Anyone have slides? #bmcmed", Assert.Single(teacher.QuerySelectorAll(".context")).TextContent);
    }

    [Fact]
    public void An_answer_to_a_question_the_chat_never_had_names_no_question()
    {
        var transcript = new TranscriptSketch().Post("1", "A7: an answer to nothing asked", 1, handle: "lost", answers: 7).Build();

        var page = Page(transcript, "lost");

        Assert.Equal("A7", page.Post("1").QuerySelector(".badge")!.TextContent);
        Assert.Null(page.Post("1").QuerySelector(".context"));
        Assert.Equal("1 post in this chat.", page.Document.QuerySelector(".count")!.TextContent);
    }

    [Fact]
    public void The_header_names_the_session_its_time_with_its_zone_its_hashtags_and_its_organisers()
    {
        var transcript = new TranscriptSketch(timeZone: "Europe/London")
            .Post("1", "A1 hello #bmcmed", 3, handle: "LeeAase", displayName: "Lee Aase", role: "guest", answers: 1)
            .Question(1, "How have you seen social media used?")
            .Build();

        var page = Page(transcript, "LeeAase");

        var document = page.Document;
        Assert.Equal("Lee Aase (@LeeAase) in Social media in healthcare – chat participation", document.Title);
        Assert.Equal("Lee Aase @LeeAase", document.QuerySelector("h1")!.TextContent);
        Assert.Equal("Took part as guest on X in Social media in healthcare", document.QuerySelector("h1 + p")!.TextContent);
        Assert.Equal(["#bmcmed"], document.QuerySelectorAll(".tags .tag").Select(t => t.TextContent));
        var times = document.QuerySelectorAll(".when").Select(w => w.TextContent.Trim()).ToList();
        Assert.Equal(["Monday 6 August 2012, 13:00–14:00 (Europe/London, UTC+01:00)", "Monday 6 August 2012, 12:00–13:00 (UTC)"], times);
        Assert.Equal(["Moderator", "Guests"], document.QuerySelectorAll(".people dt").Select(d => d.TextContent));
        Assert.Equal(["@BMCMedicine", "@FarrisTimimi, @LeeAase"], document.QuerySelectorAll(".people dd").Select(d => d.TextContent));
        Assert.Equal("1 post in this chat, answering Q1.", document.QuerySelector(".count")!.TextContent);
        Assert.Equal(page.ExpectedPolicy, page.Policy);
        Assert.Empty(document.QuerySelectorAll("script"));
    }

    [Fact]
    public void A_live_snapshot_says_so()
    {
        var transcript = TranscriptSketch.SmallChat().Build();

        var live = new RenderedPage(Renderer.Pages(transcript, TranscriptPhase.Live, null).Single(p => p.Participant.Handle == "fan").RenderHtml());

        Assert.StartsWith("Live, updating.", live.Document.QuerySelector(".banner")!.TextContent, StringComparison.Ordinal);
        Assert.Null(Page(transcript, "fan").Document.QuerySelector(".banner"));
    }

    [Fact]
    public void A_reply_to_a_hidden_post_or_to_one_the_chat_never_saw_says_so_and_quotes_nothing()
    {
        var transcript = new TranscriptSketch()
            .Post("1", "@spammer please stop", 3, handle: "nurse_jo", replyTo: "2")
            .Post("3", "@someone replying to a post nobody saw", 4, handle: "nurse_jo", replyTo: "999")
            .Build() with
        { HiddenPosts = [new TranscriptHiddenPost("twitter:2", new DateTime(2012, 8, 6, 12, 2, 0, DateTimeKind.Utc), null, null)] };

        var page = Page(transcript, "nurse_jo");

        Assert.Equal("In reply to a post hidden by the organiser", Assert.Single(page.Post("1").QuerySelectorAll(".context")).TextContent);
        Assert.Equal("In reply to a post that is not in this transcript", Assert.Single(page.Post("3").QuerySelectorAll(".context")).TextContent);
        Assert.Empty(page.Document.QuerySelectorAll("main q"));
    }

    [Fact]
    public void A_long_parent_is_quoted_on_one_line_and_cut_without_splitting_a_character()
    {
        var parent = "First line\n\nsecond   line " + string.Concat(Enumerable.Repeat("🦋", 200));
        var transcript = new TranscriptSketch()
            .Post("1", parent, 1, handle: "poster")
            .Post("2", "@poster lovely", 2, handle: "replier", replyTo: "1")
            .Build();

        var quote = Page(transcript, "replier").Post("2").QuerySelector(".context q")!.TextContent;

        // 140 characters as a reader counts them: "First line second line " is 23, then 117 butterflies (two UTF-16 units each).
        Assert.Equal("First line second line " + string.Concat(Enumerable.Repeat("🦋", 117)) + "…", quote);
    }

    [Fact]
    public void With_the_site_address_known_links_are_absolute_and_the_page_states_its_own_address()
    {
        var transcript = TranscriptSketch.SmallChat().Build();

        var page = new RenderedPage(Renderer.Pages(transcript, TranscriptPhase.Final, "https://chats.example.org/").Single(p => p.Participant.Handle == "nurse_jo").RenderHtml());

        const string Transcript = "https://chats.example.org/bmcmed-2012-08-06/index.html";
        Assert.Equal(["https://chats.example.org/index.html", Transcript], page.Document.QuerySelectorAll(".site-nav a").Select(a => a.GetAttribute("href")));
        Assert.Equal($"{Transcript}#post-twitter-102", page.Post("103").QuerySelectorAll(".context a")[1].GetAttribute("href"));
        Assert.Equal($"{Transcript}#post-twitter-103", page.Post("103").QuerySelector(".post-foot a")!.GetAttribute("href"));
        var footer = page.Document.QuerySelectorAll(".page-footer a").Select(a => (a.GetAttribute("href"), a.TextContent)).ToList();
        Assert.Equal(
            [("https://chats.example.org/bmcmed-2012-08-06/people/twitter/nurse_jo.html", "https://chats.example.org/bmcmed-2012-08-06/people/twitter/nurse_jo.html"), (Transcript, Transcript)],
            footer);
        Assert.Empty(Page(transcript, "nurse_jo").Document.QuerySelectorAll(".page-footer a"));
    }

    [Fact]
    public void Hostile_text_in_names_handles_titles_and_posts_is_shown_as_text()
    {
        const string Hostile = "<script>alert(1)</script>\"><img src=x onerror=alert(1)> {{ 7*7 }}";
        var transcript = new TranscriptSketch(title: Hostile)
            .Post("1", Hostile, 1, handle: "\"><img/src=x>", displayName: Hostile)
            .Post("2", "@x " + Hostile, 2, handle: "replier", replyTo: "1")
            .Build();

        var pages = Renderer.Pages(transcript, TranscriptPhase.Final, null).Select(p => new RenderedPage(p.RenderHtml())).ToList();

        Assert.All(pages, page =>
        {
            Assert.Empty(page.Document.QuerySelectorAll("script, img, [onerror]"));
            Assert.DoesNotContain("49", page.Document.Body!.TextContent, StringComparison.Ordinal);
            Assert.Contains(Hostile, page.Document.Title, StringComparison.Ordinal);
        });
        Assert.Equal($"{Hostile} @\"><img/src=x>", pages[0].Document.QuerySelector("h1")!.TextContent);
        Assert.Equal(Hostile, RenderedPage.PostText(pages[0].Post("1")));
        Assert.Equal($"In reply to @\"><img/src=x>: {Hostile}", pages[1].Post("2").QuerySelector(".context")!.TextContent);
    }

    [Fact]
    public void The_same_transcript_gives_the_same_bytes()
    {
        var first = Renderer.Pages(TranscriptSketch.SmallChat().Build(), TranscriptPhase.Final, null).Select(p => p.RenderHtml()).ToList();
        var second = new PersonPageRenderer().Pages(TranscriptSketch.SmallChat().Build(), TranscriptPhase.Final, null).Select(p => p.RenderHtml()).ToList();

        Assert.Equal(first, second);
    }

    private static RenderedPage Page(TranscriptDocument transcript, string handle) =>
        new(Renderer.Pages(transcript, TranscriptPhase.Final, siteBaseUrl: null).Single(p => p.Participant.Handle == handle).RenderHtml());
}
