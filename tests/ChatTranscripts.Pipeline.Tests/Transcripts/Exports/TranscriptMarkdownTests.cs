using System.Globalization;
using System.Text;
using ChatTranscripts.Pipeline.Logic.Transcripts;
using ChatTranscripts.Pipeline.Logic.Transcripts.Exports;
using ChatTranscripts.Pipeline.Tests.Rendering;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ChatTranscripts.Pipeline.Tests.Transcripts.Exports;

public sealed class TranscriptMarkdownTests
{
    /// <summary>The elements the exporter itself writes; anything else in the HTML was made by a post.</summary>
    private static readonly HashSet<string> OwnElements =
        ["H1", "H2", "P", "UL", "LI", "STRONG", "BLOCKQUOTE", "BR", "A", "TABLE", "THEAD", "TBODY", "TR", "TH", "TD"];

    public static TheoryData<string> Pipelines => [.. RenderedMarkdown.Pipelines.Keys];

    private static RenderedMarkdown Render(TranscriptDocument transcript, string pipeline = "extended") =>
        new(TranscriptMarkdown.Render(transcript), pipeline);

    /// <summary>Every sample as a post, in a display name, in the title, description, question, hashtags and people.</summary>
    private static TranscriptDocument Hostile()
    {
        var sketch = new TranscriptSketch(title: HostileText.All(), description: HostileText.All("\n"))
            .Post("q", "Q1: " + HostileText.All("\n"), 0, handle: "BMCMedicine", displayName: HostileText.All(), role: "moderator", question: 1);
        for (var i = 0; i < HostileText.Samples.Count; i++)
        {
            sketch.Post(
                i.ToString(CultureInfo.InvariantCulture),
                HostileText.Samples[i],
                i + 1,
                handle: "h_" + i.ToString(CultureInfo.InvariantCulture),
                displayName: HostileText.Samples[i],
                answers: i % 2 == 0 ? 1 : null,
                replyTo: i % 3 == 1 ? "q" : null,
                url: "https://example.com/status/" + i.ToString(CultureInfo.InvariantCulture));
        }
        var transcript = sketch.Build();
        return transcript with
        {
            Session = transcript.Session with
            {
                Hashtags = ["bmcmed", "*not_emphasis*"],
                Moderators = ["BMCMedicine", "<b>mod</b>"],
                Guests = ["[guest](javascript:alert(1))"],
                TimeZone = "America/Argentina/Buenos_Aires",
            },
        };
    }

    [Theory]
    [MemberData(nameof(Pipelines))]
    public void Hostile_text_anywhere_makes_no_element_or_link_of_its_own(string pipeline)
    {
        var transcript = Hostile();

        var rendered = Render(transcript, pipeline);

        var body = rendered.Document.Body!;
        var made = body.QuerySelectorAll("*").Select(e => e.TagName).Where(tag => !OwnElements.Contains(tag)).Distinct().ToList();
        Assert.True(made.Count == 0, $"Posts made {string.Join(", ", made)}:\n{rendered.Html}");
        Assert.Single(body.QuerySelectorAll("h1"));
        Assert.Equal(
            ["Q1", "Conversation outside the questions", "Most discussed", "Resources shared", "Participants"],
            body.QuerySelectorAll("h2").Select(h => h.TextContent));
        // Plain CommonMark has no tables: the participants' rows are a paragraph of text there.
        Assert.Equal(pipeline == "commonmark" ? 0 : 1, body.QuerySelectorAll("table").Length);
        Assert.Equal(pipeline == "commonmark" ? 0 : transcript.Participants.Count, body.QuerySelectorAll("tbody tr").Length);
        var links = body.QuerySelectorAll("a").ToList();
        // Two kinds of link only: each post's original, and each resource shared, named by its own URL.
        var originals = links.Where(a => a.TextContent == "View original").ToList();
        Assert.Equal(
            transcript.Posts.Where(p => p.Url is not null).Select(p => p.Url!).Order(StringComparer.Ordinal),
            originals.Select(a => a.GetAttribute("href")!).Order(StringComparer.Ordinal));
        var resources = links.Except(originals).ToList();
        Assert.All(resources, a => Assert.Equal(a.GetAttribute("href"), a.TextContent));
        Assert.Equal(
            transcript.Links.Select(l => l.Url).Order(StringComparer.Ordinal),
            resources.Select(a => a.GetAttribute("href")!).Order(StringComparer.Ordinal));
        var attributes = body.QuerySelectorAll("*").SelectMany(e => e.Attributes.Select(a => $"{e.TagName}[{a.Name}]")).Distinct().ToList();
        Assert.All(attributes, a => Assert.Contains(a, new[] { "A[href]", "H1[id]", "H2[id]", "TH[style]", "TD[style]" }));
    }

    [Theory]
    [MemberData(nameof(Pipelines))]
    public void Hostile_text_shows_exactly_as_posted(string pipeline)
    {
        var transcript = Hostile();

        var rendered = Render(transcript, pipeline);

        var expected = transcript.Posts.Select(p => HostileText.Shown(p.Text)).Order(StringComparer.Ordinal);
        Assert.Equal(expected, rendered.QuotedTexts.Order(StringComparer.Ordinal));
        foreach (var post in transcript.Posts)
        {
            var item = rendered.Post(HostileText.Shown(post.Text));
            var name = Assert.Single(RenderedMarkdown.Header(item).QuerySelectorAll("strong"));
            var shownName = string.IsNullOrWhiteSpace(post.Author.DisplayName) ? "@" + post.Author.Handle : OneLine(post.Author.DisplayName);
            Assert.Equal(shownName, name.TextContent);
        }
        var body = rendered.Document.Body!;
        Assert.Equal(OneLine(transcript.Session.Title), body.QuerySelector("h1")!.TextContent);
        var paragraphs = body.Children.Where(e => e.TagName == "P").Select(p => p.TextContent).ToList();
        Assert.Contains(HostileText.Shown(transcript.Session.Description!), paragraphs);
        Assert.Contains(HostileText.Shown(transcript.Questions[0].Text), paragraphs);
        Assert.Contains("#bmcmed #*not_emphasis*", paragraphs);
        Assert.Contains("Moderators: @BMCMedicine, @<b>mod</b>", paragraphs);
        Assert.Contains("Guest: @[guest](javascript:alert(1))", paragraphs);
        if (pipeline != "commonmark")
        {
            var row = body.QuerySelectorAll("tbody tr").Select(r => r.Children.Select(c => c.TextContent).ToList()).First(r => r[0] == "@h_1");
            Assert.Equal(OneLine(HostileText.Samples[1]), row[1]);
        }
    }

    [Fact]
    public void Every_post_appears_exactly_once()
    {
        var transcript = TranscriptSketch.SmallChat().Build();

        var rendered = Render(transcript);

        Assert.Equal(transcript.Posts.Count, rendered.Posts.Count);
        Assert.Equal(
            transcript.Posts.Select(p => p.Text).Order(StringComparer.Ordinal),
            rendered.Posts.Select(RenderedMarkdown.PostText).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_question_section_holds_its_post_then_its_answers_with_replies_nested_under_their_parents()
    {
        var rendered = Render(TranscriptSketch.SmallChat().Build());

        var body = rendered.Document.Body!;
        Assert.Equal(
            ["Q1", "Q2", "Conversation outside the questions", "Most discussed", "Resources shared", "Participants"],
            body.QuerySelectorAll("h2").Select(h => h.TextContent));
        Assert.Equal(
            ["Q1: How have you seen social media used constructively? #bmcmed", "A1: Patients already search online #bmcmed", "A1 peer support groups #bmcmed"],
            rendered.TopLevelTexts("Q1"));
        AssertShownUnder(rendered, "@FarrisTimimi so true", "A1: Patients already search online #bmcmed");
        AssertShownUnder(rendered, "@nurse_jo and they trust nurses", "@FarrisTimimi so true");
        AssertShownUnder(rendered, "@BMCMedicine great question", "Q1: How have you seen social media used constructively? #bmcmed");
        AssertShownUnder(rendered, "@nurse_jo which ones?", "A1 peer support groups #bmcmed");
        foreach (var text in new[] { "@FarrisTimimi so true", "@nurse_jo and they trust nurses", "@BMCMedicine great question", "@nurse_jo which ones?" })
        {
            Assert.Equal("Q1", RenderedMarkdown.SectionOf(rendered.Post(text)));
        }
    }

    [Fact]
    public void An_answer_that_replies_to_the_question_is_not_nested_again_but_says_whom_it_answers()
    {
        var rendered = Render(TranscriptSketch.SmallChat().Build());

        var answer = rendered.Post("A1: Patients already search online #bmcmed");
        Assert.Null(RenderedMarkdown.DisplayedParent(answer));
        var paragraphs = answer.Children.Where(c => c.TagName == "P").Select(p => p.TextContent).ToList();
        Assert.Contains("In reply to @BMCMedicine", paragraphs);
        Assert.DoesNotContain(rendered.Post("@FarrisTimimi so true").Children, c => c.TextContent.StartsWith("In reply to", StringComparison.Ordinal));
    }

    [Fact]
    public void A_question_nobody_asked_or_answered_still_has_its_section()
    {
        var rendered = Render(TranscriptSketch.SmallChat().Build());

        Assert.Empty(rendered.TopLevelTexts("Q2"));
        var section = SectionParagraphs(rendered, "Q2");
        Assert.Equal(
            ["How can social media bridge the gap between patients and physicians?", "0 answers", "No answers were posted to this question."],
            section);
        Assert.Equal(["Q1: How have you seen social media used constructively? #bmcmed", "2 answers"], SectionParagraphs(rendered, "Q1"));
    }

    [Fact]
    public void Other_threads_go_outside_the_questions_in_post_order()
    {
        var rendered = Render(TranscriptSketch.SmallChat().Build());

        Assert.Equal(["Welcome to #bmcmed!", "Anyone have slides? #bmcmed"], rendered.TopLevelTexts("Conversation outside the questions"));
        AssertShownUnder(rendered, "@student here you go", "Anyone have slides? #bmcmed");
    }

    [Fact]
    public void Replies_to_missing_posts_and_reply_cycles_each_appear_once()
    {
        var transcript = new TranscriptSketch()
            .Post("1", "first #bmcmed", 0, replyTo: "2")
            .Post("2", "second #bmcmed", 1, replyTo: "1")
            .Post("3", "talking to myself #bmcmed", 2, replyTo: "3")
            .Post("4", "@deleted I disagree #bmcmed", 5, replyTo: "999")
            .Post("5", "@someone me too", 6, replyTo: "4")
            .Build();

        var rendered = Render(transcript);

        Assert.Equal(5, rendered.Posts.Count);
        Assert.Equal(
            ["first #bmcmed", "talking to myself #bmcmed", "@deleted I disagree #bmcmed"],
            rendered.TopLevelTexts("Conversation outside the questions"));
        AssertShownUnder(rendered, "second #bmcmed", "first #bmcmed");
        AssertShownUnder(rendered, "@someone me too", "@deleted I disagree #bmcmed");
        Assert.Contains(
            "In reply to a post that is not in this transcript",
            rendered.Post("@deleted I disagree #bmcmed").Children.Select(c => c.TextContent));
    }

    [Fact]
    public void A_long_reply_chain_nests_a_few_levels_then_continues_in_order_saying_whom_each_answers()
    {
        var sketch = new TranscriptSketch().Post("0", "Start #bmcmed", 0);
        for (var i = 1; i <= 20; i++)
        {
            sketch.Post(i.ToString(CultureInfo.InvariantCulture), $"reply {i}", i, handle: $"user{i}", replyTo: (i - 1).ToString(CultureInfo.InvariantCulture));
        }

        var rendered = Render(sketch.Build());

        Assert.Equal(["Start #bmcmed", .. Enumerable.Range(1, 20).Select(i => $"reply {i}")], rendered.Posts.Select(RenderedMarkdown.PostText));
        var depths = rendered.Posts.Select(Depth).ToList();
        Assert.Equal(Enumerable.Range(0, 7), depths.Take(7));
        Assert.True(depths.Max() < 10, $"Nested {depths.Max()} levels deep.");
        Assert.Contains("In reply to @user14", rendered.Post("reply 15").Children.Select(c => c.TextContent));
    }

    [Fact]
    public void Posts_show_author_role_time_label_edit_and_a_link_to_the_original()
    {
        var transcript = new TranscriptSketch(timeZone: "Europe/London")
            .Post("1", "Q1: Why? #bmcmed", 0, handle: "BMCMedicine", displayName: "BMC Medicine", role: "moderator", question: 1,
                url: "https://twitter.com/BMCMedicine/status/1")
            .Post("2", "A1: Because #bmcmed", 7, handle: "Farris_Timimi", displayName: "Farris Timimi", role: "guest", answers: 1,
                editedAt: new DateTime(2012, 8, 6, 12, 9, 0, DateTimeKind.Utc))
            .Post("3", "A1: Same #bmcmed", 8, handle: "nurse_jo", displayName: null, answers: 1)
            .Post("4", "me too", 9, handle: "fan", displayName: "  ", quoted: "2")
            .Build();

        var rendered = Render(transcript);

        var question = rendered.Post("Q1: Why? #bmcmed");
        Assert.Equal("BMC Medicine (@BMCMedicine, moderator) · 13:00 · Q1", RenderedMarkdown.Header(question).TextContent);
        Assert.Equal("BMC Medicine", RenderedMarkdown.Header(question).QuerySelector("strong")!.TextContent);
        var link = Assert.Single(question.QuerySelectorAll("a"));
        Assert.Equal("https://twitter.com/BMCMedicine/status/1", link.GetAttribute("href"));
        Assert.Equal("View original", link.TextContent);

        var guest = rendered.Post("A1: Because #bmcmed");
        Assert.Equal("Farris Timimi (@Farris_Timimi, guest) · 13:07 · A1", RenderedMarkdown.Header(guest).TextContent);
        Assert.Contains("Edited Monday 6 August 2012 13:09:00 UTC+01:00", guest.Children.Select(c => c.TextContent));
        Assert.Empty(guest.QuerySelectorAll("a"));

        Assert.Equal("@nurse_jo · 13:08 · A1", RenderedMarkdown.Header(rendered.Post("A1: Same #bmcmed")).TextContent);
        Assert.Equal("@nurse_jo", RenderedMarkdown.Header(rendered.Post("A1: Same #bmcmed")).QuerySelector("strong")!.TextContent);
        var quoting = rendered.Post("me too");
        Assert.Equal("@fan · 13:09", RenderedMarkdown.Header(quoting).TextContent);
        Assert.Contains("Quoting a post by @Farris_Timimi", quoting.Children.Select(c => c.TextContent));
    }

    [Fact]
    public void Only_web_urls_become_links_and_they_keep_every_character()
    {
        var tricky = "https://example.com/wiki/A_(b)?x=1&y=<2>&amp;z=\\#frag";
        var transcript = new TranscriptSketch()
            .Post("1", "web", 0, url: tricky)
            .Post("2", "script", 1, url: "javascript:alert(1)")
            .Post("3", "data", 2, url: "data:text/html,<script>alert(1)</script>")
            .Post("4", "relative", 3, url: "/status/4")
            .Post("5", "breakout", 4, url: "https://example.com/a) ![x](http://evil/x.png) [y](javascript:alert(1)")
            .Build();

        foreach (var pipeline in RenderedMarkdown.Pipelines.Keys)
        {
            var rendered = Render(transcript, pipeline);

            // Markdig reads back the very URL; its HTML then percent-encodes what an href cannot hold, as a browser would.
            Assert.Contains(tricky, rendered.Syntax.Descendants<LinkInline>().Select(l => l.Url));
            Assert.Equal(
                "https://example.com/wiki/A_(b)?x=1&y=%3C2%3E&amp;z=%5C#frag",
                Assert.Single(rendered.Post("web").QuerySelectorAll("a")).GetAttribute("href"));
            foreach (var text in new[] { "script", "data", "relative" })
            {
                Assert.Empty(rendered.Post(text).QuerySelectorAll("a"));
            }
            // A URL that tries to close the link and open an image and a script link stays one destination.
            Assert.Contains(
                "https://example.com/a)%20![x](http://evil/x.png)%20[y](javascript:alert(1)",
                rendered.Syntax.Descendants<LinkInline>().Select(l => l.Url));
            var breakout = Assert.Single(rendered.Post("breakout").QuerySelectorAll("a"));
            Assert.StartsWith("https://example.com/a)%20", breakout.GetAttribute("href"), StringComparison.Ordinal);
            Assert.Equal("View original", breakout.TextContent);
            Assert.Equal(2, rendered.Document.QuerySelectorAll("a").Length);
            Assert.Empty(rendered.Document.QuerySelectorAll("img"));
        }
    }

    [Fact]
    public void The_header_shows_hashtags_times_in_the_sessions_zone_and_utc_people_description_and_stats()
    {
        var transcript = TranscriptSketch.SmallChat().Build();
        transcript = transcript with { Session = transcript.Session with { TimeZone = "Europe/London" } };

        var rendered = Render(transcript);

        var body = rendered.Document.Body!;
        Assert.Equal("Social media in healthcare", body.QuerySelector("h1")!.TextContent);
        var header = body.Children.TakeWhile(e => e.TagName != "H2").ToList();
        Assert.Equal(
            [
                "#bmcmed",
                "Monday 6 August 2012, 13:00–14:00 (Europe/London, UTC+01:00)",
                "Monday 6 August 2012, 12:00–13:00 (UTC)",
                "Moderator: @BMCMedicine",
                "Guests: @FarrisTimimi, @LeeAase",
                "A chat about #bmcmed",
            ],
            header.Where(e => e.TagName == "P").Select(p => p.TextContent));
        Assert.Equal(
            ["10 posts", "3 reposts", "6 replies", "7 participants", "2 questions"],
            header.Single(e => e.TagName == "UL").Children.Select(li => li.TextContent));
        Assert.Equal("13:05", RenderedMarkdown.Header(rendered.Post("Q1: How have you seen social media used constructively? #bmcmed")).TextContent.Split(" · ")[1]);
        Assert.Equal(
            "Times are shown in Europe/London. Reposts are counted but not shown; deleted posts are removed.",
            body.Children.Last().TextContent);
    }

    [Fact]
    public void A_session_in_utc_shows_its_times_once_and_a_post_on_another_day_its_date()
    {
        var transcript = new TranscriptSketch(startsAt: new DateTime(2012, 8, 6, 23, 30, 0, DateTimeKind.Utc))
            .Post("1", "before midnight", 0)
            .Post("2", "after midnight", 45)
            .Build();

        var rendered = Render(transcript);

        var when = rendered.Document.Body!.Children.Where(e => e.TagName == "P" && e.TextContent.Contains("UTC", StringComparison.Ordinal)).ToList();
        Assert.Equal("Monday 6 August 2012, 23:30–Tuesday 7 August 2012, 00:30 (UTC)", Assert.Single(when, p => p.TextContent.StartsWith("Monday", StringComparison.Ordinal)).TextContent);
        Assert.Equal("Some One (@someone) · 23:30", RenderedMarkdown.Header(rendered.Post("before midnight")).TextContent);
        Assert.Equal("Some One (@someone) · 7 Aug 00:15", RenderedMarkdown.Header(rendered.Post("after midnight")).TextContent);
    }

    [Fact]
    public void The_participants_table_lists_handle_name_role_and_posts_and_the_platform_when_there_are_several()
    {
        var single = Render(TranscriptSketch.SmallChat().Build());
        var rows = Rows(single);
        Assert.Equal(["Handle", "Name", "Role", "Posts"], single.Document.QuerySelectorAll("thead th").Select(th => th.TextContent));
        Assert.Equal(7, rows.Count);
        Assert.Equal("@BMCMedicine|Some One|moderator|2", rows[0]);
        Assert.Contains("@student|Some One|participant|1", rows);

        var mixed = Render(new TranscriptSketch()
            .Post("1", "from twitter", 0, handle: "a")
            .Post("2", "from mastodon", 1, handle: "b", displayName: null, platform: "mastodon")
            .Build());
        Assert.Equal(["@a|Some One|participant|twitter|1", "@b||participant|mastodon|1"], Rows(mixed));
        Assert.Equal("Some One (@a, on twitter) · 12:00", RenderedMarkdown.Header(mixed.Post("from twitter")).TextContent);
    }

    [Fact]
    public void A_transcript_without_posts_says_so()
    {
        var rendered = Render(new TranscriptSketch().Question(1, "Anyone there?").Build());

        var paragraphs = rendered.Document.Body!.Children.Where(e => e.TagName == "P").Select(p => p.TextContent).ToList();
        Assert.Contains("No posts have been collected for this chat.", paragraphs);
        Assert.Contains("No answers were posted to this question.", paragraphs);
        Assert.Contains("Every post belongs to a question.", paragraphs);
        Assert.Contains("Nobody has posted yet.", paragraphs);
        Assert.Empty(rendered.Posts);
    }

    [Fact]
    public void The_same_transcript_gives_identical_bytes_whatever_the_culture_or_post_order()
    {
        var transcript = Hostile();
        var shuffled = transcript with { Posts = transcript.Posts.Reverse().ToList() };
        var first = TranscriptMarkdown.Serialize(transcript);

        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("ar-SA");
            Assert.Equal(first, TranscriptMarkdown.Serialize(transcript));
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
        Assert.Equal(first, TranscriptMarkdown.Serialize(shuffled));
        Assert.Equal(Encoding.UTF8.GetBytes(TranscriptMarkdown.Render(transcript)), first);
    }

    [Fact]
    public void The_file_is_utf8_without_a_byte_order_mark_with_lf_line_endings_and_no_trailing_whitespace()
    {
        var bytes = TranscriptMarkdown.Serialize(Hostile());

        Assert.NotEqual(0xEF, bytes[0]);
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        Assert.DoesNotContain('\r', text);
        Assert.EndsWith("removed.\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n\n\n", text, StringComparison.Ordinal);
        Assert.All(text.Split('\n'), line => Assert.Equal(line.TrimEnd(), line));
        Assert.Equal("transcript.md", TranscriptMarkdown.FileName);
    }

    private static void AssertShownUnder(RenderedMarkdown rendered, string reply, string parent)
    {
        var shownUnder = RenderedMarkdown.DisplayedParent(rendered.Post(reply));
        Assert.NotNull(shownUnder);
        Assert.Equal(parent, RenderedMarkdown.PostText(shownUnder));
    }

    private static int Depth(AngleSharp.Dom.IElement item)
    {
        var depth = 0;
        for (var parent = RenderedMarkdown.DisplayedParent(item); parent is not null; parent = RenderedMarkdown.DisplayedParent(parent))
        {
            depth++;
        }
        return depth;
    }

    /// <summary>The paragraphs between a section's heading and its first post.</summary>
    private static List<string> SectionParagraphs(RenderedMarkdown rendered, string heading)
    {
        var start = rendered.Document.QuerySelectorAll("h2").Single(h => h.TextContent == heading);
        var paragraphs = new List<string>();
        for (var e = start.NextElementSibling; e is not null && e.TagName == "P"; e = e.NextElementSibling)
        {
            paragraphs.Add(e.TextContent);
        }
        return paragraphs;
    }

    private static List<string> Rows(RenderedMarkdown rendered) =>
        rendered.Document.QuerySelectorAll("tbody tr").Select(r => string.Join("|", r.Children.Select(c => c.TextContent))).ToList();

    /// <summary>A title, name or cell is one line: its line breaks show as spaces and its ends are trimmed.</summary>
    private static string OneLine(string text) => HostileText.Shown(text).Replace('\n', ' ').Trim();
}
