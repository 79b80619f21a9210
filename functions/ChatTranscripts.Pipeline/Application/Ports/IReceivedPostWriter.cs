using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Pipeline.Application.Ports;

/// <summary>
/// Stores the versions of a batch that are newer than what is stored, safely beside other processors: a version is
/// never written over one that changed since it was read.
/// </summary>
public interface IReceivedPostWriter
{
    /// <summary>
    /// Writes each post whose version is newer than <paramref name="stored"/> says the row holds; returns how many were
    /// written and what else storing them did.
    /// </summary>
    Task<ReceivedWriteOutcome> WriteNewerAsync(
        IReadOnlyList<(CanonicalPost Post, string Hash)> posts, IReadOnlyDictionary<ReceivedPostRow, StoredVersion> stored, CancellationToken cancellationToken);
}
