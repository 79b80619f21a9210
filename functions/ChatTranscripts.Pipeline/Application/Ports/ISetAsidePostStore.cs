using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Pipeline.Application.Ports;

/// <summary>Post versions storage refused, with the reason, for an operator; a session leaves them out until a newer version comes.</summary>
public interface ISetAsidePostStore
{
    /// <summary>Versions the received posts refused.</summary>
    Task RecordReceivedAsync(IEnumerable<SetAsidePost> posts, CancellationToken cancellationToken);

    /// <summary>Versions the session's posts refused.</summary>
    Task RecordForSessionAsync(string sessionId, IEnumerable<SetAsidePost> posts, CancellationToken cancellationToken);

    /// <summary>The version each post refused by the session's posts was set aside at, by post.</summary>
    Task<Dictionary<PostKey, string>> OfSessionAsync(string sessionId, CancellationToken cancellationToken);
}
