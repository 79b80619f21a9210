namespace ChatTranscripts.Pipeline.Ingest.X;

/// <summary>What one X delivery asks for, already validated; <see cref="IgnoredBecause"/> is set when it holds nothing we use.</summary>
public sealed record XDelivery(IReadOnlyList<CanonicalPost> Posts, IReadOnlyList<PostDeletion> Deletions, string? IgnoredBecause = null)
{
    public const string Platform = "twitter";

    public static XDelivery Ignored(string because) => new([], [], because);

    public int Count => Posts.Count + Deletions.Count;
}
