using System.Globalization;
using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Pipeline.Logic.Transcripts.Rendering;

/// <summary>
/// Turns a transcript into the view model of each participant's page. What every page shares (the threaded page's
/// anchors, which question each post is under, each participant's posts) is worked out once, in the constructor, so
/// a chat's hundreds of pages cost about one pass over its posts; <see cref="Build"/> is then thread-safe.
/// </summary>
internal sealed class PersonPageModelBuilder
{
    /// <summary>A replied-to post is quoted up to this many characters (as readers count them), then cut with "…".</summary>
    public const int ExcerptLength = 140;

    private const string ThreadedPageFromPerson = "../../" + TranscriptPageRenderer.ThreadedPage;
    private const string SiteIndexFromPerson = "../../../index.html";

    private readonly TranscriptDocument _transcript;
    private readonly TranscriptPageModelBuilder.PageContext _context;
    private readonly SessionHeader _header;
    private readonly IReadOnlyList<string> _moderators;
    private readonly IReadOnlyList<string> _guests;
    private readonly string _transcriptLink;
    private readonly string _siteIndex;
    private readonly string? _sessionUrl;
    private readonly Dictionary<int, string> _questionTexts = [];
    private readonly Dictionary<string, int> _questionOf = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Platform, string Handle), List<TranscriptPost>> _postsOf = [];

    /// <param name="siteBaseUrl">
    /// The site's address (<c>Publishing:SiteBaseUrl</c>), or null: with it, links to the transcript are absolute and
    /// the page states its own address, so a printed page says where to check it.
    /// </param>
    public PersonPageModelBuilder(TranscriptDocument transcript, TranscriptPhase phase, string? siteBaseUrl)
    {
        _transcript = transcript;
        _context = new TranscriptPageModelBuilder.PageContext(transcript);
        _header = TranscriptPageModelBuilder.Header(transcript, _context.Clock, phase);
        _moderators = transcript.Session.Moderators.Select(TranscriptPageModelBuilder.Handle).ToList();
        _guests = transcript.Session.Guests.Select(TranscriptPageModelBuilder.Handle).ToList();
        var siteUrl = string.IsNullOrEmpty(siteBaseUrl) ? null : siteBaseUrl.TrimEnd('/');
        _sessionUrl = siteUrl is null ? null : $"{siteUrl}/{transcript.Session.Id}/";
        _transcriptLink = _sessionUrl is null ? ThreadedPageFromPerson : _sessionUrl + TranscriptPageRenderer.ThreadedPage;
        _siteIndex = siteUrl is null ? SiteIndexFromPerson : $"{siteUrl}/index.html";

        var layout = ThreadLayout.Arrange(HiddenPostPlaceholders.ForLayout(transcript));
        foreach (var section in layout.Questions)
        {
            _questionTexts[section.Question.Number] = section.Question.Text;
            foreach (var thread in section.Threads)
            {
                MarkUnder(thread, section.Question.Number);
            }
        }
        foreach (var post in _context.InOrder)
        {
            var key = (post.Platform, post.Author.Handle.ToUpperInvariant());
            if (!_postsOf.TryGetValue(key, out var posts))
            {
                _postsOf[key] = posts = [];
            }
            posts.Add(post);
        }
    }

    /// <summary>Everyone the transcript lists as a participant: each gets a page.</summary>
    public IReadOnlyList<TranscriptParticipant> Participants => _transcript.Participants;

    public PersonPageModel Build(TranscriptParticipant participant)
    {
        var posts = _postsOf.GetValueOrDefault((participant.Platform, participant.Handle.ToUpperInvariant())) ?? [];
        return new PersonPageModel(
            TranscriptPageModelBuilder.Handle(participant.Handle),
            TranscriptPageModelBuilder.NullIfBlank(participant.DisplayName),
            participant.Role is "moderator" or "guest" ? participant.Role : null,
            PlatformLinks.DisplayName(participant.Platform),
            _header,
            _moderators,
            _guests,
            posts.Count,
            posts.Select(p => p.AnswersQuestion).OfType<int>().Where(_questionTexts.ContainsKey).Distinct().Order().Select(Label).ToList(),
            _siteIndex,
            _transcriptLink,
            _sessionUrl is null ? null : _sessionUrl + PersonPagePaths.PathOf(participant.Platform, participant.Handle),
            posts.Select(View).ToList());
    }

    /// <summary>A post and every reply shown under it belong to the question whose section holds them.</summary>
    private void MarkUnder(ThreadNode node, int question)
    {
        _questionOf.TryAdd(node.Post.Id, question);
        foreach (var reply in node.Replies)
        {
            MarkUnder(reply, question);
        }
    }

    private PersonPostView View(TranscriptPost post)
    {
        var label = TranscriptPageModelBuilder.PostViews.Label(post);
        return new PersonPostView(
            _context.Anchors[post.Id],
            LinkTo(post),
            PostTimes.Of(post, _context.Clock),
            LinkedText.Split(post.Text, post.Platform, post.Url),
            TranscriptPageModelBuilder.PostViews.Language(post.Lang),
            SafeLinks.Href(post.Url),
            label,
            TranscriptPageModelBuilder.PostViews.LabelKind(post),
            QuestionContext(post),
            ReplyContext(post),
            post.QuotedId is { } quotedId && _context.ById.TryGetValue(quotedId, out var quoted) ? PostLink(quoted) : null);
    }

    /// <summary>An "A7" with no question 7 in the transcript answers nothing the page can name or link to.</summary>
    private PersonQuestionContext? QuestionContext(TranscriptPost post)
    {
        var (relation, number) = post.Question is { } asked ? ("Asking", asked)
            : post.AnswersQuestion is { } answered && _questionTexts.ContainsKey(answered) ? ("Answering", answered)
            : _questionOf.TryGetValue(post.Id, out var under) ? ("In the discussion of", under)
            : (null, 0);
        if (relation is null)
        {
            return null;
        }
        var link = $"{_transcriptLink}#{TranscriptPageModelBuilder.QuestionAnchor(number)}";
        // The question's own post is the question's text; every other post quotes it.
        var text = post.Question is null ? _questionTexts.GetValueOrDefault(number) : null;
        return new PersonQuestionContext(relation, Label(number), link, text);
    }

    private PersonReplyContext? ReplyContext(TranscriptPost post)
    {
        if (post.InReplyToId is not { } parentId)
        {
            return null;
        }
        if (_context.ById.TryGetValue(parentId, out var parent))
        {
            return new PersonReplyContext(PostLink(parent), Excerpt(parent.Text), null);
        }
        return new PersonReplyContext(
            null,
            null,
            _context.Hidden.Contains(parentId) ? HiddenPostPlaceholders.ReplyContext : "In reply to a post that is not in this transcript");
    }

    private PersonPostLink PostLink(TranscriptPost post) => new(LinkTo(post), TranscriptPageModelBuilder.Handle(post.Author.Handle));

    private string LinkTo(TranscriptPost post) => $"{_transcriptLink}#{_context.Anchors[post.Id]}";

    private static string Label(int question) => "Q" + question.ToString(CultureInfo.InvariantCulture);

    /// <summary>The text on one line, cut after <see cref="ExcerptLength"/> text elements so no emoji or accent is split.</summary>
    internal static string Excerpt(string text)
    {
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var elements = new StringInfo(line);
        return elements.LengthInTextElements <= ExcerptLength
            ? line
            : elements.SubstringByTextElements(0, ExcerptLength).TrimEnd() + "…";
    }
}
