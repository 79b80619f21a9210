using ChatTranscripts.Pipeline.Core;
namespace ChatTranscripts.Pipeline.Application.Ingest;

/// <summary>
/// What one delivery to an ingest route asks for, already validated: the posts to store and the posts to delete,
/// queued together. <see cref="IgnoredBecause"/> says why a delivery that holds nothing we use is acknowledged anyway.
/// </summary>
public sealed record IngestDelivery(IReadOnlyList<CanonicalPost> Posts, IReadOnlyList<PostDeletion> Deletions, string? IgnoredBecause = null)
{
    public static IngestDelivery Ignored(string because) => new([], [], because);

    public int Count => Posts.Count + Deletions.Count;
}
