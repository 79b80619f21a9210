using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Pipeline.Application.Ports;

/// <summary>
/// A ReceivedPosts row's version, or <see cref="None"/> when there is no row. <see cref="ETag"/> is known when the row
/// was read; a version a session snapshot vouches for has none, and is read before it is replaced.
/// </summary>
public sealed record StoredVersion(CanonicalPost? Post, string? Hash, string? ETag = null)
{
    public static readonly StoredVersion None = new(null, null);
}
