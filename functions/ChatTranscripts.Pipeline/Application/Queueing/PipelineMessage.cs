using System.Text.Json;
using ChatTranscripts.Pipeline.Application.Ports;
using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Pipeline.Application.Queueing;

public enum PipelineMessageType
{
    /// <summary>An accepted delivery: all of its posts and deletions.</summary>
    Delivery,

    /// <summary>A session was registered or changed: its posts are routed again.</summary>
    Session,
}

/// <summary>
/// What travels on the queue from ingest to processing: one accepted delivery (up to 100 posts and deletions, in one
/// message so that a delivery is queued whole with one send) or one session change. Posts keep their own ids and
/// versions inside; processing does not depend on how they were grouped (design decision 3).
/// </summary>
public sealed record PipelineMessage(
    PipelineMessageType Type,
    IReadOnlyList<CanonicalPost> Posts,
    IReadOnlyList<PostDeletion> Deletions,
    string? SessionId = null)
{
    public static PipelineMessage Delivery(IReadOnlyList<CanonicalPost> posts, IReadOnlyList<PostDeletion> deletions) =>
        new(PipelineMessageType.Delivery, posts, deletions);

    public static PipelineMessage SessionChanged(string sessionId) => new(PipelineMessageType.Session, [], [], sessionId);

    /// <summary>
    /// The message of an accepted delivery. Its id is the delivery's idempotency key (<see cref="MessageIds.ForDelivery"/>),
    /// so the broker drops a webhook's retry of the same delivery.
    /// </summary>
    /// <param name="source">The route it came through (<c>posts</c>, <c>x</c>, …): the same webhook id on two routes is two deliveries.</param>
    /// <param name="webhookId">The verified Standard Webhooks <c>webhook-id</c>; null when the request was not signed with one.</param>
    public static OutgoingMessage ForDelivery(string source, string? webhookId, IReadOnlyList<CanonicalPost> posts, IReadOnlyList<PostDeletion> deletions)
    {
        var body = BinaryData.FromObjectAsJson(Delivery(posts, deletions), PipelineJson.Options);
        return new OutgoingMessage(MessageIds.ForDelivery(source, webhookId, body), body);
    }

    /// <summary>Every change gets its own id: routing again is cheap, and an A→B→A change must not be taken for a duplicate.</summary>
    public static OutgoingMessage ForSession(string sessionId) => new(
        $"session:{sessionId}:{Guid.NewGuid():N}",
        BinaryData.FromObjectAsJson(SessionChanged(sessionId), PipelineJson.Options));

    /// <summary>
    /// Null when the body is not a message this version understands: such a message can never be processed. Messages
    /// queued before deliveries travelled whole (one post or one deletion each) are read as a delivery of one.
    /// </summary>
    public static PipelineMessage? Decode(BinaryData body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            using var document = JsonDocument.Parse(body);
            if (SingleItemMessage.Read(document.RootElement) is { } single)
            {
                return single;
            }
            var message = document.RootElement.Deserialize<PipelineMessage>(PipelineJson.Options);
            return message switch
            {
                { Type: PipelineMessageType.Delivery, Posts: { } posts, Deletions: { } deletions }
                    when posts.Count + deletions.Count > 0 && posts.All(p => p is not null) && deletions.All(IsComplete) => message,
                { Type: PipelineMessageType.Session, SessionId: { Length: > 0 } id } => SessionChanged(id),
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A deletion's fields are constructor parameters, which the serialiser does not insist on.</summary>
    internal static bool IsComplete(PostDeletion? deletion) => !string.IsNullOrEmpty(deletion?.Platform) && !string.IsNullOrEmpty(deletion.Id);
}
