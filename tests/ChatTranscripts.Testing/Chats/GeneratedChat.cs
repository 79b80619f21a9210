using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Pipeline.Logic.Membership;
using ChatTranscripts.Pipeline.Logic.Transcripts;

namespace ChatTranscripts.Testing.Chats;

/// <summary>
/// A session and the posts a webhook sender delivered for it, as the processor would receive them;
/// <see cref="ShownPosts"/> of them are meant to show in the transcript (the rest are reposts).
/// </summary>
public sealed record GeneratedChat(string SessionId, SessionDefinition Session, IReadOnlyList<CanonicalPost> Posts, int ShownPosts)
{
    /// <summary>Tagged and threaded as the processor stores them.</summary>
    public IReadOnlyList<SessionPost> Resolve() => SessionMembership.Resolve(Session, Posts);

    /// <summary>
    /// The document the publisher renders, built by the pipeline's own code (membership, tagging, threading, then
    /// <see cref="TranscriptBuilder"/>) rather than by hand, so it obeys api.md's rules the way published ones do.
    /// </summary>
    public TranscriptDocument ToTranscript()
    {
        var transcript = TranscriptBuilder.Build(SessionId, Session, Resolve());
        // Sizes are only comparable if the pipeline keeps every post the generator meant it to (membership, window).
        return transcript.Stats.Posts == ShownPosts
            ? transcript
            : throw new InvalidOperationException($"The generated chat shows {transcript.Stats.Posts} posts, not {ShownPosts}.");
    }
}
