using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Pipeline.Logic.Membership;
using ChatTranscripts.Pipeline.Logic.Moderation;
using ChatTranscripts.Pipeline.Logic.Tagging;
using ChatTranscripts.Pipeline.Logic.Transcripts.Digest;

namespace ChatTranscripts.Pipeline.Logic.Transcripts;

/// <summary>Builds transcript.json's document from a session and its stored posts: a pure, deterministic function.</summary>
public static class TranscriptBuilder
{
    public static TranscriptDocument Build(string sessionId, SessionDefinition session, IEnumerable<SessionPost> stored) =>
        Build(sessionId, session, stored, SessionModeration.None);

    /// <summary>Posts the moderation hides are left out of everything, counts included, as if they had never arrived.</summary>
    public static TranscriptDocument Build(string sessionId, SessionDefinition session, IEnumerable<SessionPost> stored, SessionModeration moderation)
    {
        var all = stored.ToList();
        var hidden = HiddenPosts.Decide(all, moderation);
        var kept = all.Where(p => !hidden.ContainsKey(p.Key)).ToList();
        var shown = kept
            .Where(p => p.Kind != PostKind.Repost)
            .OrderBy(p => p.Post.CreatedAt)
            .ThenBy(p => p.Key.ToString(), StringComparer.Ordinal)
            .ToList();

        var questions = Questions(session, shown);
        var participants = Participants(shown);
        return TranscriptDigest.Add(new TranscriptDocument(
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
                Reposts: kept.Count - shown.Count,
                Replies: shown.Count(p => p.Post.InReplyToId is not null),
                Participants: participants.Count,
                Questions: questions.Count,
                Reach: Reach(kept)),
            questions,
            shown.Select(Post).ToList(),
            participants,
            HiddenReplyParents(all, hidden, shown)));
    }

    /// <summary>
    /// Followers summed over distinct authors (each at their latest known count) and over posts, reposts included as the
    /// studies count them; null when no post said how many followers its author had.
    /// </summary>
    private static TranscriptReach? Reach(List<SessionPost> kept)
    {
        var authors = kept
            .GroupBy(p => new AccountKey(p.Post.Platform, p.Post.Author.Handle))
            .Select(g => (Posts: g.Count(), Followers: g
                .Where(p => p.Post.Author.Followers is not null)
                .OrderByDescending(p => p.Post.EditedAt ?? p.Post.CreatedAt)
                .ThenByDescending(p => p.Key.ToString(), StringComparer.Ordinal)
                .Select(p => p.Post.Author.Followers)
                .FirstOrDefault()))
            .ToList();
        var known = authors.Where(a => a.Followers is not null).ToList();
        return known.Count == 0
            ? null
            : new TranscriptReach(
                known.Count,
                authors.Count,
                known.Sum(a => a.Followers!.Value),
                known.Sum(a => a.Followers!.Value * a.Posts));
    }

    /// <summary>Every hidden post a shown post replies to, directly or through other hidden posts, so the reply keeps its place in the thread.</summary>
    private static List<TranscriptHiddenPost> HiddenReplyParents(List<SessionPost> all, IReadOnlyDictionary<PostKey, HideCause> hidden, List<SessionPost> shown)
    {
        if (hidden.Count == 0)
        {
            return [];
        }
        var byKey = all.ToDictionary(p => p.Key);
        var parents = new Dictionary<PostKey, SessionPost>();
        foreach (var post in shown)
        {
            var parentKey = post.Parent;
            while (parentKey is { } key && hidden.ContainsKey(key) && byKey.TryGetValue(key, out var parent) && parents.TryAdd(key, parent))
            {
                parentKey = parent.Parent;
            }
        }
        return parents.Values
            .OrderBy(p => p.Post.CreatedAt)
            .ThenBy(p => p.Key.ToString(), StringComparer.Ordinal)
            .Select(p => new TranscriptHiddenPost(
                p.Key.ToString(),
                p.Post.CreatedAt.UtcDateTime,
                p.Parent?.ToString(),
                p.AnswersQuestion))
            .ToList();
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
