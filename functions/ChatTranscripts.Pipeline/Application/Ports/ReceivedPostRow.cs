using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Pipeline.Application.Ports;

/// <summary>
/// The ReceivedPosts row a version of a post is kept in: one per post and creation hour (<see cref="UtcHour"/>), so an
/// edit that moves a post to another hour is stored beside the version it was edited from, not over it.
/// </summary>
public readonly record struct ReceivedPostRow(PostKey Key, DateTimeOffset Hour)
{
    public static ReceivedPostRow Of(CanonicalPost post) => new(post.Key, UtcHour.Of(post.CreatedAt));
}
