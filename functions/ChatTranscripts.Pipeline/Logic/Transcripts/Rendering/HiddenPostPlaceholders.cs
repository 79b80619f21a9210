using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Pipeline.Logic.Transcripts.Rendering;

/// <summary>
/// A post the organiser hid keeps the place of the replies that are shown under it: <see cref="ThreadLayout"/> arranges
/// a stand-in for it (from <see cref="TranscriptDocument.HiddenPosts"/>: its id, time, parent and the question it
/// answered, nothing it said), and the page and the Markdown show the stand-in as a marker.
/// </summary>
internal static class HiddenPostPlaceholders
{
    public const string Marker = "Post hidden by the organiser";

    public const string ReplyContext = "In reply to a post hidden by the organiser";

    /// <summary>The document with a stand-in post for each hidden post, answers among their question's answers in post order.</summary>
    public static TranscriptDocument ForLayout(TranscriptDocument transcript)
    {
        if (transcript.HiddenPosts.Count == 0)
        {
            return transcript;
        }
        var standIns = transcript.HiddenPosts.Select(StandIn).ToList();
        var posts = transcript.Posts.Concat(standIns).ToList();
        var createdAt = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        foreach (var post in posts)
        {
            createdAt.TryAdd(post.Id, post.CreatedAt);
        }
        var questions = transcript.Questions
            .Select(q => q with
            {
                AnswerIds = q.AnswerIds
                    .Concat(standIns.Where(s => s.AnswersQuestion == q.Number).Select(s => s.Id))
                    .OrderBy(id => createdAt.TryGetValue(id, out var at) ? at : DateTime.MaxValue)
                    .ThenBy(id => id, StringComparer.Ordinal)
                    .ToList(),
            })
            .ToList();
        return transcript with { Posts = posts, Questions = questions };
    }

    public static HashSet<string> Ids(TranscriptDocument transcript) =>
        transcript.HiddenPosts.Select(h => h.Id).ToHashSet(StringComparer.Ordinal);

    private static TranscriptPost StandIn(TranscriptHiddenPost hidden)
    {
        var key = PostKey.Parse(hidden.Id);
        return new TranscriptPost(
            hidden.Id, key.Platform, key.Id, null, new TranscriptAuthor("", null, "participant"), "", hidden.CreatedAt, null, null,
            hidden.InReplyToId is null ? "post" : "reply", [], [], [], null, hidden.AnswersQuestion, hidden.InReplyToId, null, hidden.Id);
    }
}
