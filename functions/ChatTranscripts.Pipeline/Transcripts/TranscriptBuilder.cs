using ChatTranscripts.Pipeline.Ingest;
using ChatTranscripts.Pipeline.Sessions;
using ChatTranscripts.Pipeline.Tagging;
using ChatTranscripts.Pipeline.Threading;

namespace ChatTranscripts.Pipeline.Transcripts;

/// <summary>Builds transcript.json's document from a session and its stored posts: a pure, deterministic function.</summary>
public static class TranscriptBuilder
{
    public static TranscriptDocument Build(string sessionId, SessionDefinition session, IEnumerable<SessionPost> stored)
    {
        var all = stored.ToList();
        var shown = all
            .Where(p => p.Kind != PostKind.Repost)
            .OrderBy(p => p.Post.CreatedAt)
            .ThenBy(p => p.Key.ToString(), StringComparer.Ordinal)
            .ToList();

        var questions = Questions(session, shown);
        var participants = Participants(shown);
        return new TranscriptDocument(
            TranscriptDocument.CurrentSchemaVersion,
            new TranscriptSession(
                sessionId,
                session.Title,
                session.Description,
                session.Hashtags,
                session.StartsAt.UtcDateTime,
                session.EndsAt.UtcDateTime,
                session.TimeZone,
                session.Moderators,
                session.Guests,
                session.Questions),
            new TranscriptStats(
                Posts: shown.Count,
                Reposts: all.Count - shown.Count,
                Replies: shown.Count(p => p.Post.InReplyToId is not null),
                Participants: participants.Count,
                Questions: questions.Count),
            questions,
            shown.Select(Post).ToList(),
            participants);
    }

    /// <summary>One entry per question number configured or asked; the moderator's post gives the text when there is one.</summary>
    private static List<TranscriptQuestion> Questions(SessionDefinition session, List<SessionPost> shown)
    {
        var numbers = Enumerable.Range(1, session.Questions.Count)
            .Concat(shown.Where(p => p.Question is not null).Select(p => p.Question!.Value))
            .Distinct()
            .Order();
        return numbers.Select(number =>
        {
            var asked = shown.FirstOrDefault(p => p.Question == number);
            var text = asked?.Post.Text ?? session.Questions[number - 1];
            var answers = shown.Where(p => p.AnswersQuestion == number).Select(p => p.Key.ToString()).ToList();
            return new TranscriptQuestion(number, text, asked?.Key.ToString(), answers);
        }).ToList();
    }

    /// <summary>Authors by platform and handle (case-insensitive); names come from their latest post.</summary>
    private static List<TranscriptParticipant> Participants(List<SessionPost> shown) =>
        shown
            .GroupBy(p => (p.Post.Platform, Handle: p.Post.Author.Handle.ToUpperInvariant()))
            .Select(g =>
            {
                var latest = g.Last();
                return new TranscriptParticipant(
                    latest.Post.Platform,
                    latest.Post.Author.Handle,
                    latest.Post.Author.DisplayName,
                    AuthorRoles.Name(latest.Role),
                    g.Count());
            })
            .OrderByDescending(p => p.Posts)
            .ThenBy(p => p.Handle, StringComparer.OrdinalIgnoreCase)
            .ThenBy(p => p.Handle, StringComparer.Ordinal)
            .ThenBy(p => p.Platform, StringComparer.Ordinal)
            .ToList();

    private static TranscriptPost Post(SessionPost post) => new(
        post.Key.ToString(),
        post.Post.Platform,
        post.Post.Id,
        post.Post.Url,
        new TranscriptAuthor(post.Post.Author.Handle, post.Post.Author.DisplayName, AuthorRoles.Name(post.Role)),
        post.Post.Text,
        post.Post.CreatedAt.UtcDateTime,
        post.Post.EditedAt?.UtcDateTime,
        post.Post.Lang,
        post.Kind switch
        {
            PostKind.Reply => "reply",
            PostKind.Quote => "quote",
            _ => "post",
        },
        post.Entities.Hashtags,
        post.Entities.Mentions,
        post.Entities.Urls,
        post.Question,
        post.AnswersQuestion,
        PostKey.Reference(post.Post.Platform, post.Post.InReplyToId)?.ToString(),
        PostKey.Reference(post.Post.Platform, post.Post.QuotedId)?.ToString(),
        post.ThreadRoot.ToString());
}
