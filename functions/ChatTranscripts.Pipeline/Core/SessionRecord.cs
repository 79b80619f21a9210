namespace ChatTranscripts.Pipeline.Core;

/// <summary>A registered session with the bookkeeping the processor and the publisher keep on it.</summary>
public sealed record SessionRecord
{
    public required string Id { get; init; }

    public required SessionDefinition Definition { get; init; }

    /// <summary>Changes whenever the definition or the session's stored posts change; the publisher compares <see cref="PublishableVersion"/> with <see cref="PublishedVersion"/>.</summary>
    public required string ContentVersion { get; init; }

    /// <summary>Changes whenever an organiser hides or shows posts of the session (null until the first such change).</summary>
    public string? ModerationVersion { get; init; }

    /// <summary>
    /// What a publish makes current: the content, and the moderation applied to it. The moderation has a version of its
    /// own because the processor rewrites <see cref="ContentVersion"/> from the posts alone, which would undo a mark made
    /// there before the publisher saw it.
    /// </summary>
    public string PublishableVersion => ModerationVersion is null ? ContentVersion : ContentVersion + "+" + ModerationVersion;

    public int PostCount { get; init; }

    /// <summary>The stored entity's ETag when read from storage: a write conditional on it fails if anyone changed the record since.</summary>
    public string? ETag { get; init; }

    public string? PublishedVersion { get; init; }

    public string? PublishedHash { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    public int PublishedPosts { get; init; }

    public int PublishedParticipants { get; init; }

    /// <summary>What the last publish was; null for sessions published before phases were recorded.</summary>
    public TranscriptPhase? PublishedPhase { get; init; }

    /// <summary>The final transcript is on the site (rather than a snapshot, or nothing).</summary>
    public bool HasFinalPublish =>
        PublishedAt is { } at && (PublishedPhase is { } phase ? phase == TranscriptPhase.Final : at >= Definition.EndsAt);

    public SessionStatus StatusAt(DateTimeOffset now) =>
        now < Definition.StartsAt ? SessionStatus.Scheduled
        : now < Definition.EndsAt ? SessionStatus.Live
        : HasFinalPublish ? SessionStatus.Published
        : SessionStatus.Ended;
}

public enum SessionStatus
{
    Scheduled,
    Live,
    Ended,
    Published,
}
