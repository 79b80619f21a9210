using System.Globalization;
using System.Text;
using ChatTranscripts.Pipeline.Logic.Transcripts.Rendering;

namespace ChatTranscripts.Pipeline.Logic.Transcripts.Exports;

/// <summary>
/// <c>transcript.md</c>: the transcript page as Markdown (CommonMark, plus one GFM table for the participants), for
/// people who paste a chat into notes, a wiki or an issue. Sections and threads follow the page exactly
/// (<see cref="ThreadLayout"/>), so each post appears once, answers under their question and replies under the post
/// they reply to. Text from posts and sessions only ever shows as text (<see cref="MarkdownText"/>); the only links
/// are the "View original" ones and the resources shared, to http and https URLs.
/// </summary>
/// <remarks>LF line endings, UTF-8 without a byte order mark, invariant formatting: the same document always gives the same bytes.</remarks>
public static class TranscriptMarkdown
{
    public const string FileName = "transcript.md";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static byte[] Serialize(TranscriptDocument transcript) => Utf8.GetBytes(Render(transcript));

    public static string Render(TranscriptDocument transcript)
    {
        var session = transcript.Session;
        var clock = new SessionClock(session.TimeZone, session.StartsAt);
        var byId = new Dictionary<string, TranscriptPost>(StringComparer.Ordinal);
        foreach (var post in transcript.Posts)
        {
            byId.TryAdd(post.Id, post);
        }
        var showPlatforms = byId.Values.Select(p => p.Platform).Distinct(StringComparer.Ordinal).Count() > 1;
        var layout = ThreadLayout.Arrange(HiddenPostPlaceholders.ForLayout(transcript));
        var markdown = new MarkdownBlocks();
        var posts = new PostWriter(markdown, clock, byId, HiddenPostPlaceholders.Ids(transcript), showPlatforms);

        markdown.Block(("# " + MarkdownText.Inline(session.Title)).TrimEnd());
        if (session.Hashtags.Count > 0)
        {
            markdown.Block(string.Join(' ', session.Hashtags.Select(h => MarkdownText.Inline("#" + h.TrimStart('#')))));
        }
        markdown.Block(TimeRange(clock, session.StartsAt, session.EndsAt));
        if (!clock.IsUtc)
        {
            markdown.Block(TimeRange(SessionClock.Utc(session.StartsAt), session.StartsAt, session.EndsAt));
        }
        People(markdown, "Moderator", "Moderators", session.Moderators);
        People(markdown, "Guest", "Guests", session.Guests);
        if (!string.IsNullOrWhiteSpace(session.Description))
        {
            markdown.Block(MarkdownText.Paragraph(session.Description));
        }
        var stats = transcript.Stats;
        markdown.Block(
        [
            Count(stats.Posts, "post", "posts"),
            Count(stats.Reposts, "repost", "reposts"),
            Count(stats.Replies, "reply", "replies"),
            Count(stats.Participants, "participant", "participants"),
            Count(stats.Questions, "question", "questions"),
        ]);
        if (stats.Reach is { } reach)
        {
            markdown.Block(Reach(reach));
        }
        if (stats.Posts == 0)
        {
            markdown.Block("No posts have been collected for this chat.");
        }

        foreach (var question in layout.Questions)
        {
            markdown.Block("## Q" + question.Question.Number.ToString(CultureInfo.InvariantCulture));
            markdown.Block(MarkdownText.Paragraph(question.Question.Text));
            var answers = question.Question.AnswerIds.Count(byId.ContainsKey);
            markdown.Block(Plural(answers, "answer", "answers"));
            Threads(posts, markdown, question.Threads, "No answers were posted to this question.");
        }
        markdown.Block("## Conversation outside the questions");
        Threads(posts, markdown, layout.Outside, "Every post belongs to a question.");
        MarkdownDigest.MostDiscussed(markdown, transcript.MostDiscussed, byId, clock, showPlatforms);
        MarkdownDigest.Resources(markdown, transcript.Links, showPlatforms);
        markdown.Block("## Participants");
        Participants(markdown, transcript.Participants, showPlatforms);
        markdown.Block(
            $"Times are shown in {MarkdownText.Inline(clock.ZoneName)}. Reposts are counted but not shown; deleted posts are removed.");
        return markdown.ToString();
    }

    /// <summary>"Monday 6 August 2012, 13:00–14:00 (Europe/London, UTC+01:00)", as the page's header shows it.</summary>
    private static string TimeRange(SessionClock clock, DateTime startsAt, DateTime endsAt)
    {
        var end = clock.SameDay(startsAt, endsAt) ? clock.Time(endsAt) : $"{clock.Date(endsAt)}, {clock.Time(endsAt)}";
        var zone = MarkdownText.Inline(clock.ZoneName);
        var offset = clock.IsUtc ? "" : ", " + clock.Offset(startsAt);
        return $"{clock.Date(startsAt)}, {clock.Time(startsAt)}–{end} ({zone}{offset})";
    }

    private static void People(MarkdownBlocks markdown, string one, string many, IReadOnlyList<string> handles)
    {
        if (handles.Count > 0)
        {
            var names = string.Join(", ", handles.Select(h => MarkdownText.Inline(Handle(h))));
            markdown.Block($"**{(handles.Count == 1 ? one : many)}:** {names}");
        }
    }

    /// <summary>The page's reach line: both figures are upper bounds, and say how many authors' counts they rest on.</summary>
    private static string Reach(TranscriptReach reach) => string.Create(
        CultureInfo.InvariantCulture,
        $"Potential reach {reach.Followers}, potential impressions {reach.Impressions} (upper bounds, from the follower counts of {reach.Authors} of {Plural(reach.OfAuthors, "author", "authors")}).");

    private static string Count(int count, string one, string many) => "- " + Plural(count, one, many);

    private static string Plural(int count, string one, string many) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many);

    private static void Threads(PostWriter posts, MarkdownBlocks markdown, IReadOnlyList<ThreadNode> threads, string none)
    {
        if (threads.Count == 0)
        {
            markdown.Block(none);
        }
        foreach (var thread in threads)
        {
            posts.Thread(thread, indent: "");
        }
    }

    /// <summary>A GFM table; renderers without tables show its rows as lines of text, which still read.</summary>
    private static void Participants(MarkdownBlocks markdown, IReadOnlyList<TranscriptParticipant> participants, bool showPlatforms)
    {
        if (participants.Count == 0)
        {
            markdown.Block("Nobody has posted yet.");
            return;
        }
        var rows = new List<string>
        {
            showPlatforms ? "| Handle | Name | Role | Platform | Posts |" : "| Handle | Name | Role | Posts |",
            showPlatforms ? "| --- | --- | --- | --- | ---: |" : "| --- | --- | --- | ---: |",
        };
        foreach (var participant in participants)
        {
            var cells = new List<string>
            {
                MarkdownText.Inline(Handle(participant.Handle)),
                MarkdownText.Inline(participant.DisplayName ?? ""),
                MarkdownText.Inline(participant.Role),
            };
            if (showPlatforms)
            {
                cells.Add(MarkdownText.Inline(participant.Platform));
            }
            cells.Add(participant.Posts.ToString(CultureInfo.InvariantCulture));
            rows.Add("| " + string.Join(" | ", cells) + " |");
        }
        markdown.Block(rows);
    }

    private static string Handle(string handle) => "@" + handle.TrimStart('@');

    /// <summary>Writes posts as list items, each reply in a list nested inside the item of the post it is shown under.</summary>
    private sealed class PostWriter(
        MarkdownBlocks markdown,
        SessionClock clock,
        Dictionary<string, TranscriptPost> byId,
        HashSet<string> hidden,
        bool showPlatforms)
    {
        /// <summary>The width of <c>- </c>: a list item's blocks are indented to its text so they stay inside it.</summary>
        private const string ItemIndent = "  ";

        public void Thread(ThreadNode node, string indent)
        {
            var post = node.Post;
            var inner = indent + ItemIndent;
            if (hidden.Contains(post.Id))
            {
                markdown.Nested(indent, $"- *{HiddenPostPlaceholders.Marker}*");
                foreach (var reply in node.Replies)
                {
                    Thread(reply, inner);
                }
                return;
            }
            markdown.Nested(indent, "- " + Header(post));
            if (Context(node) is { } context)
            {
                markdown.Nested(inner, context);
            }
            markdown.Nested(inner, MarkdownText.Paragraph(post.Text).Select(line => line.Length == 0 ? ">" : "> " + line));
            if (SafeLinks.WebUrl(post.Url) is { } url)
            {
                markdown.Nested(inner, $"[View original]({MarkdownText.Destination(url)})");
            }
            foreach (var reply in node.Replies)
            {
                Thread(reply, inner);
            }
        }

        /// <summary>"**Farris Timimi** (@FarrisTimimi, guest) · 13:07 · A1": the page's post header, as one line.</summary>
        private string Header(TranscriptPost post)
        {
            var handle = MarkdownText.Inline(Handle(post.Author.Handle));
            var hasName = !string.IsNullOrWhiteSpace(post.Author.DisplayName);
            var details = new List<string>();
            if (hasName)
            {
                details.Add(handle);
            }
            // As on the page, only the roles that stand out are named: "participant" on every other post is noise.
            if (post.Author.Role is "moderator" or "guest")
            {
                details.Add(post.Author.Role);
            }
            if (showPlatforms)
            {
                details.Add("on " + MarkdownText.Inline(post.Platform));
            }
            var header = $"**{(hasName ? MarkdownText.Inline(post.Author.DisplayName!) : handle)}**";
            if (details.Count > 0)
            {
                header += $" ({string.Join(", ", details)})";
            }
            header += " · " + clock.PostTime(post.CreatedAt);
            return Label(post) is { } label ? header + " · " + label : header;
        }

        /// <summary>What the page says about a post's place: whom it answers when not shown under it, what it quotes, when it was edited.</summary>
        private string? Context(ThreadNode node)
        {
            var post = node.Post;
            var parts = new List<string>();
            var parent = post.InReplyToId is { } parentId ? byId.GetValueOrDefault(parentId) : null;
            if (parent is not null && !node.NestedUnderParent && parent.Id != post.Id)
            {
                parts.Add("In reply to " + MarkdownText.Inline(Handle(parent.Author.Handle)));
            }
            else if (post.InReplyToId is not null && hidden.Contains(post.InReplyToId))
            {
                if (!node.NestedUnderParent)
                {
                    parts.Add(HiddenPostPlaceholders.ReplyContext);
                }
            }
            else if (post.InReplyToId is not null && parent is null)
            {
                parts.Add("In reply to a post that is not in this transcript");
            }
            if (post.QuotedId is { } quotedId && byId.TryGetValue(quotedId, out var quoted))
            {
                parts.Add("Quoting a post by " + MarkdownText.Inline(Handle(quoted.Author.Handle)));
            }
            if (post.EditedAt is { } edited)
            {
                parts.Add("Edited " + clock.FullTime(edited));
            }
            return parts.Count == 0 ? null : string.Join(" · ", parts);
        }

        private static string? Label(TranscriptPost post) =>
            post.Question is { } question ? "Q" + question.ToString(CultureInfo.InvariantCulture)
            : post.AnswersQuestion is { } answer ? "A" + answer.ToString(CultureInfo.InvariantCulture)
            : null;
    }
}
