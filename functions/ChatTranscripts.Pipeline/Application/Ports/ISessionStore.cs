using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Pipeline.Application.Ports;

/// <summary>Sessions: each one's definition, what its posts amount to now, and what was last published of it.</summary>
public interface ISessionStore
{
    Task<SessionRecord?> GetAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<SessionRecord>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The sessions whose window holds at least one of <paramref name="instants"/>, found by day, not by listing every session.</summary>
    Task<IReadOnlyList<SessionRecord>> WithWindowHoldingAsync(IReadOnlyCollection<DateTimeOffset> instants, CancellationToken cancellationToken);

    /// <summary>Builds the index <see cref="WithWindowHoldingAsync"/> reads, once, for sessions saved before it existed.</summary>
    Task EnsureIndexedAsync(CancellationToken cancellationToken);

    /// <summary>Creates or replaces a session's definition; true when the session is new.</summary>
    Task<bool> SaveDefinitionAsync(string id, SessionDefinition definition, CancellationToken cancellationToken);

    /// <summary>
    /// Records the session's content version and post count only if the record is still at <paramref name="ifMatch"/>;
    /// the record's new ETag, or null when someone else changed it first (the caller must read the session again).
    /// </summary>
    Task<string?> RecordContentAsync(string id, string contentVersion, int postCount, string? ifMatch, CancellationToken cancellationToken);

    /// <summary>Marks the session's moderation as changed, so it is published again; false when there is no such session.</summary>
    Task<bool> RecordModerationChangeAsync(string id, CancellationToken cancellationToken);

    Task RecordPublishAsync(string id, PublishRecord publish, CancellationToken cancellationToken);
}
