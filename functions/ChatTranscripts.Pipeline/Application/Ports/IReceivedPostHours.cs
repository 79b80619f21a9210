using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Pipeline.Application.Ports;

/// <summary>Which creation hours hold a received version of each post: how a deletion finds every version of it.</summary>
public interface IReceivedPostHours
{
    Task RecordAsync(IEnumerable<CanonicalPost> posts, CancellationToken cancellationToken);

    Task<IReadOnlyList<DateTimeOffset>> VersionsOfAsync(PostKey key, CancellationToken cancellationToken);
}
