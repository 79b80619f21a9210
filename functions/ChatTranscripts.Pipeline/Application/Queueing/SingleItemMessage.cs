using System.Text.Json;
using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Pipeline.Application.Queueing;

/// <summary>
/// The reader for messages in the shape queued before deliveries travelled whole: one post
/// (<c>{"type":"post","post":{…}}</c>) or one deletion (<c>{"type":"deletion","deletion":{…}}</c>) per message. A
/// queue or a dead-letter queue may still hold them after an upgrade; each is read as a delivery of one.
/// </summary>
public static class SingleItemMessage
{
    public const string PostType = "post";

    public const string DeletionType = "deletion";

    /// <summary>The delivery the message stands for; null when it is not in this shape (or not readable in it).</summary>
    public static PipelineMessage? Read(JsonElement message)
    {
        if (message.ValueKind != JsonValueKind.Object || !message.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
        {
            return null;
        }
        return type.GetString() switch
        {
            PostType when message.TryGetProperty("post", out var post) && post.Deserialize<CanonicalPost>(PipelineJson.Options) is { } read =>
                PipelineMessage.Delivery([read], []),
            DeletionType when message.TryGetProperty("deletion", out var deletion) && deletion.Deserialize<PostDeletion>(PipelineJson.Options) is { } read
                && PipelineMessage.IsComplete(read) =>
                PipelineMessage.Delivery([], [read]),
            _ => null,
        };
    }
}
