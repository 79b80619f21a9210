using System.Text.Json;
using ChatTranscripts.Pipeline.Ingest;

namespace ChatTranscripts.Pipeline.Queueing;

public enum PipelineMessageType
{
    Post,
    Deletion,

    /// <summary>A session was registered or changed: its posts are routed again.</summary>
    Session,
}

/// <summary>What travels on the queue from ingest to processing: one post, one deletion or one session change.</summary>
public sealed record PipelineMessage(PipelineMessageType Type, CanonicalPost? Post = null, PostDeletion? Deletion = null, string? SessionId = null)
{
    /// <summary>Versioned by <c>editedAt</c>, so a retry of the same version is a duplicate and an edit is not.</summary>
    public static OutgoingMessage ForPost(CanonicalPost post) => Encode(
        MessageIds.For(post.Platform, post.Id, post.EditedAt?.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new PipelineMessage(PipelineMessageType.Post, Post: post));

    public static OutgoingMessage ForDeletion(PostDeletion deletion) => Encode(
        MessageIds.For(deletion.Platform, deletion.Id, "deleted"),
        new PipelineMessage(PipelineMessageType.Deletion, Deletion: deletion));

    /// <summary>Every change gets its own id: routing again is cheap, and an A→B→A change must not be taken for a duplicate.</summary>
    public static OutgoingMessage ForSession(string sessionId) => Encode(
        $"session:{sessionId}:{Guid.NewGuid():N}",
        new PipelineMessage(PipelineMessageType.Session, SessionId: sessionId));

    /// <summary>Null when the body is not a message this version understands: such a message can never be processed.</summary>
    public static PipelineMessage? Decode(BinaryData body)
    {
        try
        {
            var message = body.ToObjectFromJson<PipelineMessage>(PipelineJson.Options);
            return message?.Type switch
            {
                PipelineMessageType.Post when message.Post is not null => message,
                PipelineMessageType.Deletion when message.Deletion is not null => message,
                PipelineMessageType.Session when !string.IsNullOrEmpty(message.SessionId) => message,
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static OutgoingMessage Encode(string messageId, PipelineMessage message) =>
        new(messageId, BinaryData.FromObjectAsJson(message, PipelineJson.Options));
}
