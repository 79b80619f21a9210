using System.Globalization;
using System.Text.RegularExpressions;
using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Pipeline.Logic.Transcripts.Series;

namespace ChatTranscripts.Pipeline.Logic.Transcripts.Rendering;

/// <summary>Turns a transcript into the page's view model: layout, anchors, times and links decided here, markup in the template.</summary>
internal static partial class TranscriptPageModelBuilder
{
    private const string PageLanguage = "en";

    public static TranscriptPageModel Build(TranscriptDocument transcript, TranscriptPhase phase)
    {
        var session = transcript.Session;
        var context = new PageContext(transcript);
        var layout = ThreadLayout.Arrange(HiddenPostPlaceholders.ForLayout(transcript));
        return new TranscriptPageModel(
            Header(transcript, context.Clock, phase),
            NullIfBlank(session.Description),
            session.Moderators.Select(Handle).ToList(),
            session.Guests.Select(Handle).ToList(),
            transcript.Stats,
            TimelineView.Build(transcript, context.Clock),
            layout.Questions.Select(q => new QuestionSection(
                q.Question.Number,
                QuestionAnchor(q.Question.Number),
                q.Question.Text,
                q.Question.AnswerIds.Count(context.Posts.Contains),
                context.Posts.List(q.Threads))).ToList(),
            context.Posts.List(layout.Outside),
            transcript.Participants
                .Select(p => new ParticipantRow(
                    Handle(p.Handle), NullIfBlank(p.DisplayName), p.Role, PlatformLinks.DisplayName(p.Platform), p.Posts, PersonPagePaths.PathOf(p.Platform, p.Handle)))
                .ToList(),
            context.ShowPlatforms)
        {
            MostDiscussed = DigestRows.MostDiscussed(transcript.MostDiscussed, context.Posts.Reference, context.Posts.Find, context.Clock, context.ShowPlatforms),
            Resources = new ResourceList(DigestRows.Resources(transcript.Links, context.Posts.Reference, context.ShowPlatforms)),
        };
    }

    /// <summary>Every post once, oldest first, each linking to what it replies to rather than nesting under it.</summary>
    public static ChronologicalPageModel BuildChronological(TranscriptDocument transcript, TranscriptPhase phase)
    {
        var context = new PageContext(transcript);
        return new ChronologicalPageModel(
            Header(transcript, context.Clock, phase),
            transcript.Stats,
            context.Posts.List(context.InOrder.Select(post => new ThreadNode(post, NestedUnderParent: false, [])).ToList()));
    }

    internal static SessionHeader Header(TranscriptDocument transcript, SessionClock clock, TranscriptPhase phase)
    {
        var session = transcript.Session;
        return new SessionHeader(
            session.Title,
            session.Hashtags.Select(h => "#" + h.TrimStart('#')).ToList(),
            TimeRange(clock, session.StartsAt, session.EndsAt),
            clock.IsUtc ? null : TimeRange(SessionClock.Utc(session.StartsAt), session.StartsAt, session.EndsAt),
            phase switch
            {
                TranscriptPhase.Live => "live",
                TranscriptPhase.Closing => "closing",
                _ => null,
            },
            session.Hashtags.Select(h => new SeriesLink("#" + h.TrimStart('#'), SeriesPaths.FromSessionPage(h.TrimStart('#')))).ToList());
    }

    public static string QuestionAnchor(int number) => "q" + number.ToString(CultureInfo.InvariantCulture);

    private static TimeRangeView TimeRange(SessionClock clock, DateTime startsAt, DateTime endsAt) => new(
        SessionClock.MachineReadable(startsAt),
        clock.Date(startsAt),
        clock.Time(startsAt),
        SessionClock.MachineReadable(endsAt),
        clock.SameDay(startsAt, endsAt) ? null : clock.Date(endsAt),
        clock.Time(endsAt),
        clock.IsUtc ? clock.ZoneName : $"{clock.ZoneName}, {clock.Offset(startsAt)}");

    internal static string Handle(string handle) => "@" + handle.TrimStart('@');

    internal static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>BCP 47 shaped: anything else (free text from a webhook) would be a meaningless <c>lang</c> attribute.</summary>
    [GeneratedRegex(@"\A[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*\z", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTag();

    /// <summary>
    /// What every page of a session derives from its transcript: its clock, its distinct posts in order, their anchors
    /// (people pages link to the threaded page's), and which posts the organiser hid.
    /// </summary>
    internal sealed class PageContext
    {
        public PageContext(TranscriptDocument transcript)
        {
            Clock = new SessionClock(transcript.Session.TimeZone, transcript.Session.StartsAt);
            var byId = new Dictionary<string, TranscriptPost>(transcript.Posts.Count, StringComparer.Ordinal);
            foreach (var post in transcript.Posts)
            {
                byId.TryAdd(post.Id, post);
            }
            ById = byId;
            InOrder = byId.Values.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
            ShowPlatforms = InOrder.Select(p => p.Platform).Distinct(StringComparer.Ordinal).Count() > 1;
            Anchors = PostAnchors.Assign(InOrder);
            Hidden = HiddenPostPlaceholders.Ids(transcript);
            Posts = new PostViews(Clock, Anchors, byId, Hidden, ShowPlatforms);
        }

        public SessionClock Clock { get; }

        public Dictionary<string, TranscriptPost> ById { get; }

        public IReadOnlyList<TranscriptPost> InOrder { get; }

        public bool ShowPlatforms { get; }

        public Dictionary<string, string> Anchors { get; }

        public HashSet<string> Hidden { get; }

        public PostViews Posts { get; }
    }

    internal sealed class PostViews(
        SessionClock clock,
        Dictionary<string, string> anchors,
        Dictionary<string, TranscriptPost> byId,
        HashSet<string> hidden,
        bool showPlatforms)
    {
        public bool Contains(string postId) => byId.ContainsKey(postId);

        public TranscriptPost? Find(string postId) => byId.GetValueOrDefault(postId);

        /// <summary>A link to a post on the page; null for a post the page does not show.</summary>
        public PostReference? Reference(string postId) =>
            byId.TryGetValue(postId, out var post) ? Reference(post) : null;

        /// <summary>A post the organiser hid has no view: its place in the thread shows a marker instead.</summary>
        public PostList List(IReadOnlyList<ThreadNode> threads) => new(threads, node => hidden.Contains(node.Post.Id) ? null : View(node));

        private PostView View(ThreadNode node)
        {
            var post = node.Post;
            var parent = post.InReplyToId is { } parentId ? byId.GetValueOrDefault(parentId) : null;
            return new PostView(
                anchors[post.Id],
                NullIfBlank(post.Author.DisplayName),
                Handle(post.Author.Handle),
                post.Author.Role is "moderator" or "guest" ? post.Author.Role : null,
                showPlatforms ? PlatformLinks.DisplayName(post.Platform) : null,
                PostTimes.Of(post, clock),
                LinkedText.Split(post.Text, post.Platform, post.Url),
                Language(post.Lang),
                SafeLinks.Href(post.Url),
                Label(post),
                LabelKind(post),
                parent is not null && !node.NestedUnderParent && parent.Id != post.Id ? Reference(parent) : null,
                post.InReplyToId is not null && parent is null && !hidden.Contains(post.InReplyToId),
                post.InReplyToId is not null && hidden.Contains(post.InReplyToId) && !node.NestedUnderParent,
                post.QuotedId is { } quotedId && byId.TryGetValue(quotedId, out var quoted) ? Reference(quoted) : null);
        }

        private PostReference Reference(TranscriptPost post) => new(anchors[post.Id], Handle(post.Author.Handle));

        public static string? LabelKind(TranscriptPost post) =>
            post.Question is not null ? "question" : post.AnswersQuestion is not null ? "answer" : null;

        public static string? Label(TranscriptPost post) =>
            post.Question is { } question ? "Q" + question.ToString(CultureInfo.InvariantCulture)
            : post.AnswersQuestion is { } answer ? "A" + answer.ToString(CultureInfo.InvariantCulture)
            : null;

        /// <summary>Only a language other than the page's needs marking, so screen readers switch voice for it.</summary>
        public static string? Language(string? lang) =>
            lang is not null && LanguageTag().IsMatch(lang) && !string.Equals(lang, PageLanguage, StringComparison.OrdinalIgnoreCase)
                ? lang
                : null;
    }
}
