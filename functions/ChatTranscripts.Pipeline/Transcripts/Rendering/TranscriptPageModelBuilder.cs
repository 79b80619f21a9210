using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatTranscripts.Pipeline.Transcripts.Rendering;

/// <summary>Turns a transcript into the page's view model: layout, anchors, times and links decided here, markup in the template.</summary>
internal static partial class TranscriptPageModelBuilder
{
    private const string PageLanguage = "en";

    public static TranscriptPageModel Build(TranscriptDocument transcript)
    {
        var session = transcript.Session;
        var clock = new SessionClock(session.TimeZone, session.StartsAt);
        var layout = ThreadLayout.Arrange(transcript);
        var byId = new Dictionary<string, TranscriptPost>(StringComparer.Ordinal);
        foreach (var post in transcript.Posts)
        {
            byId.TryAdd(post.Id, post);
        }
        var showPlatforms = byId.Values.Select(p => p.Platform).Distinct(StringComparer.Ordinal).Count() > 1;
        var posts = new PostViews(
            clock,
            PostAnchors.Assign(byId.Values.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id, StringComparer.Ordinal)),
            byId,
            showPlatforms);

        return new TranscriptPageModel(
            session.Title,
            NullIfBlank(session.Description),
            session.Hashtags.Select(h => "#" + h.TrimStart('#')).ToList(),
            session.Moderators.Select(Handle).ToList(),
            session.Guests.Select(Handle).ToList(),
            TimeRange(clock, session.StartsAt, session.EndsAt),
            clock.IsUtc ? null : TimeRange(SessionClock.Utc(session.StartsAt), session.StartsAt, session.EndsAt),
            transcript.Stats,
            layout.Questions.Select(q => new QuestionSection(
                q.Question.Number,
                QuestionAnchor(q.Question.Number),
                q.Question.Text,
                q.Question.AnswerIds.Count(byId.ContainsKey),
                q.Threads.Select(posts.Thread).ToList())).ToList(),
            layout.Outside.Select(posts.Thread).ToList(),
            transcript.Participants
                .Select(p => new ParticipantRow(Handle(p.Handle), NullIfBlank(p.DisplayName), p.Role, p.Platform, p.Posts))
                .ToList(),
            showPlatforms);
    }

    private static string QuestionAnchor(int number) => "q" + number.ToString(CultureInfo.InvariantCulture);

    private static TimeRangeView TimeRange(SessionClock clock, DateTime startsAt, DateTime endsAt) => new(
        SessionClock.MachineReadable(startsAt),
        clock.Date(startsAt),
        clock.Time(startsAt),
        SessionClock.MachineReadable(endsAt),
        clock.SameDay(startsAt, endsAt) ? null : clock.Date(endsAt),
        clock.Time(endsAt),
        clock.IsUtc ? clock.ZoneName : $"{clock.ZoneName}, {clock.Offset(startsAt)}");

    private static string Handle(string handle) => "@" + handle.TrimStart('@');

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>BCP 47 shaped: anything else (free text from a webhook) would be a meaningless <c>lang</c> attribute.</summary>
    [GeneratedRegex("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTag();

    private sealed class PostViews(
        SessionClock clock,
        Dictionary<string, string> anchors,
        Dictionary<string, TranscriptPost> byId,
        bool showPlatforms)
    {
        public ThreadItem Thread(ThreadNode node) => new(View(node), node.Replies.Select(Thread).ToList());

        private PostView View(ThreadNode node)
        {
            var post = node.Post;
            var parent = post.InReplyToId is { } parentId ? byId.GetValueOrDefault(parentId) : null;
            return new PostView(
                anchors[post.Id],
                NullIfBlank(post.Author.DisplayName),
                Handle(post.Author.Handle),
                post.Author.Role is "moderator" or "guest" ? post.Author.Role : null,
                showPlatforms ? post.Platform : null,
                SessionClock.MachineReadable(post.CreatedAt),
                clock.PostTime(post.CreatedAt),
                clock.FullTime(post.CreatedAt),
                post.EditedAt is { } edited ? SessionClock.MachineReadable(edited) : null,
                post.EditedAt is { } editedAt ? clock.FullTime(editedAt) : null,
                post.Text,
                Language(post.Lang),
                SafeLinks.WebUrl(post.Url),
                Label(post),
                post.Question is not null ? "question" : post.AnswersQuestion is not null ? "answer" : null,
                parent is not null && !node.NestedUnderParent && parent.Id != post.Id ? Reference(parent) : null,
                post.InReplyToId is not null && parent is null,
                post.QuotedId is { } quotedId && byId.TryGetValue(quotedId, out var quoted) ? Reference(quoted) : null);
        }

        private PostReference Reference(TranscriptPost post) => new(anchors[post.Id], Handle(post.Author.Handle));

        private static string? Label(TranscriptPost post) =>
            post.Question is { } question ? "Q" + question.ToString(CultureInfo.InvariantCulture)
            : post.AnswersQuestion is { } answer ? "A" + answer.ToString(CultureInfo.InvariantCulture)
            : null;

        /// <summary>Only a language other than the page's needs marking, so screen readers switch voice for it.</summary>
        private static string? Language(string? lang) =>
            lang is not null && LanguageTag().IsMatch(lang) && !string.Equals(lang, PageLanguage, StringComparison.OrdinalIgnoreCase)
                ? lang
                : null;
    }
}
