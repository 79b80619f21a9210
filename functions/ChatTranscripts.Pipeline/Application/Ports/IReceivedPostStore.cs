using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Pipeline.Application.Ports;

/// <summary>
/// The latest version of every post received, one row per post and creation hour (<see cref="UtcHour"/>): an edit that
/// moves a post to another hour leaves a row in each.
/// </summary>
public interface IReceivedPostStore
{
    /// <summary>The version stored in the row each post would be written to, with the row's ETag; missing rows are absent.</summary>
    Task<IReadOnlyDictionary<ReceivedPostRow, StoredVersion>> GetAsync(IEnumerable<CanonicalPost> posts, CancellationToken cancellationToken);

    Task DeleteAsync(PostKey key, DateTimeOffset createdAt, CancellationToken cancellationToken);

    /// <summary>Every post created within the session's window.</summary>
    Task<IReadOnlyList<CanonicalPost>> InWindowAsync(SessionDefinition session, CancellationToken cancellationToken);
}
