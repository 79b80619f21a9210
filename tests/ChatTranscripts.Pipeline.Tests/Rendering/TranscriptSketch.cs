using ChatTranscripts.Pipeline.Logic.Tagging;
using ChatTranscripts.Pipeline.Logic.Transcripts;
using ChatTranscripts.Pipeline.Logic.Transcripts.Digest;

namespace ChatTranscripts.Pipeline.Tests.Rendering;

/// <summary>
/// Builds small <see cref="TranscriptDocument"/>s for rendering tests: posts by minute after the start, questions
/// whose answers are the posts labelled with their number, and stats and participants derived the way the contract says;
/// each post's URLs, the links shared and the most discussed threads are derived as the pipeline derives them.
/// </summary>
internal sealed class TranscriptSketch(
    string title = "Social media in healthcare",
    string timeZone = "UTC",
    string? description = "A chat about #bmcmed",
    DateTime? startsAt = null)
{
    private readonly DateTime _startsAt = startsAt ?? new DateTime(2012, 8, 6, 12, 0, 0, DateTimeKind.Utc);
    private readonly List<TranscriptPost> _posts = [];
    private readonly SortedDictionary<int, (string Text, string? PostId)> _questions = [];

    public string Title { get; } = title;

    /// <summary>
    /// A small chat: Q1 with two answers (one replying to the question post) and replies under them, a reply to the
    /// question post itself, Q2 configured but never asked, and conversation outside the questions.
    /// </summary>
    public static TranscriptSketch SmallChat() => new TranscriptSketch()
        .Post("100", "Welcome to #bmcmed!", 0, handle: "BMCMedicine", role: "moderator")
        .Post("101", "Q1: How have you seen social media used constructively? #bmcmed", 5, handle: "BMCMedicine", role: "moderator", question: 1)
        .Post("102", "A1: Patients already search online #bmcmed", 7, handle: "FarrisTimimi", role: "guest", answers: 1, replyTo: "101")
        .Post("103", "@FarrisTimimi so true", 8, handle: "nurse_jo", replyTo: "102")
        .Post("104", "@nurse_jo and they trust nurses", 9, handle: "FarrisTimimi", role: "guest", replyTo: "103")
        .Post("105", "@BMCMedicine great question", 9, handle: "fan", replyTo: "101")
        .Post("106", "A1 peer support groups #bmcmed", 10, handle: "nurse_jo", answers: 1)
        .Post("107", "@nurse_jo which ones?", 11, handle: "LeeAase", role: "guest", replyTo: "106")
        .Post("108", "Anyone have slides? #bmcmed", 12, handle: "student")
        .Post("109", "@student here you go", 13, handle: "teacher", replyTo: "108")
        .Question(2, "How can social media bridge the gap between patients and physicians?");

    public TranscriptSketch Post(
        string id,
        string text,
        int minute,
        string handle = "someone",
        string? displayName = "Some One",
        string role = "participant",
        string? replyTo = null,
        int? question = null,
        int? answers = null,
        string? url = null,
        string? lang = "en",
        DateTime? editedAt = null,
        string platform = "twitter",
        string? quoted = null)
    {
        _posts.Add(new TranscriptPost(
            $"{platform}:{id}",
            platform,
            id,
            url,
            new TranscriptAuthor(handle, displayName, role),
            text,
            _startsAt.AddMinutes(minute),
            editedAt,
            lang,
            replyTo is null ? "post" : "reply",
            [],
            [],
            EntityExtractor.ExtractUrls(text),
            question,
            answers,
            replyTo is null ? null : $"{platform}:{replyTo}",
            quoted is null ? null : $"{platform}:{quoted}",
            $"{platform}:{replyTo ?? id}"));
        if (question is { } number)
        {
            _questions[number] = (text, $"{platform}:{id}");
        }
        return this;
    }

    /// <summary>A question configured for the session, with no moderator post (yet).</summary>
    public TranscriptSketch Question(int number, string text)
    {
        _questions.TryAdd(number, (text, null));
        return this;
    }

    public TranscriptDocument Build()
    {
        var posts = _posts.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
        var questions = _questions
            .Select(q => new TranscriptQuestion(
                q.Key,
                q.Value.Text,
                q.Value.PostId,
                posts.Where(p => p.AnswersQuestion == q.Key).Select(p => p.Id).ToList()))
            .ToList();
        var participants = posts
            .GroupBy(p => (p.Platform, p.Author.Handle))
            .Select(g => new TranscriptParticipant(g.Key.Platform, g.Key.Handle, g.Last().Author.DisplayName, g.Last().Author.Role, g.Count()))
            .OrderByDescending(p => p.Posts)
            .ThenBy(p => p.Handle, StringComparer.Ordinal)
            .ToList();
        return TranscriptDigest.Add(new TranscriptDocument(
            TranscriptDocument.CurrentSchemaVersion,
            new TranscriptSession(
                "bmcmed-2012-08-06",
                Title,
                description,
                ["bmcmed"],
                _startsAt,
                _startsAt.AddHours(1),
                timeZone,
                ["BMCMedicine"],
                ["FarrisTimimi", "LeeAase"],
                _questions.Values.Select(q => q.Text).ToList()),
            new TranscriptStats(
                posts.Count,
                Reposts: 3,
                Replies: posts.Count(p => p.InReplyToId is not null),
                Participants: participants.Count,
                Questions: questions.Count),
            questions,
            posts,
            participants,
            []));
    }
}
