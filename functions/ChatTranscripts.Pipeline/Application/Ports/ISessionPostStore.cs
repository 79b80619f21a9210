using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Pipeline.Logic.Membership;

namespace ChatTranscripts.Pipeline.Application.Ports;

/// <summary>The posts of each session, tagged and threaded, as the publisher reads them.</summary>
public interface ISessionPostStore
{
    /// <summary>The row a post is stored in: what <see cref="PartitionRowHashes"/> and removals name.</summary>
    string RowOf(PostKey key);

    Task<IReadOnlyList<SessionPost>> LoadAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>The hash of every stored post of the session, by row: what a change is written against.</summary>
    Task<PartitionRowHashes> LoadRowHashesAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the posts whose hash differs from <paramref name="stored"/> and removes <paramref name="removals"/>,
    /// keeping <paramref name="stored"/> up to date; returns the versions storage refused, by post.
    /// </summary>
    Task<IReadOnlyDictionary<PostKey, string>> WriteChangesAsync(
        string sessionId, IEnumerable<SessionPost> posts, IEnumerable<string> removals, PartitionRowHashes stored, CancellationToken cancellationToken);
}
