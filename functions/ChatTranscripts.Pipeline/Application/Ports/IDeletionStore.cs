using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Pipeline.Application.Ports;

/// <summary>Tombstones: the posts deleted at their source, which no transcript may show again.</summary>
public interface IDeletionStore
{
    Task AddAsync(IEnumerable<PostKey> keys, CancellationToken cancellationToken);

    /// <summary>
    /// A value that changes whenever tombstones are added; null before the first deletion. The same mark before and after
    /// some work means no tombstone appeared in between that a lookup before the work could have missed.
    /// </summary>
    Task<string?> MarkAsync(CancellationToken cancellationToken);

    /// <summary>Which of <paramref name="keys"/> are deleted, as of <paramref name="mark"/> (read before).</summary>
    Task<IReadOnlySet<PostKey>> DeletedAmongAsync(IEnumerable<PostKey> keys, string? mark, CancellationToken cancellationToken);
}
