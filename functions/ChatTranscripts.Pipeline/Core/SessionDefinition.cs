namespace ChatTranscripts.Pipeline.Core;

/// <summary>What an organiser registers: normalised (hashtags lowercase without '#', handles without '@'), times in UTC.</summary>
public sealed record SessionDefinition
{
    public required string Title { get; init; }

    public string? Description { get; init; }

    public required IReadOnlyList<string> Hashtags { get; init; }

    public required DateTimeOffset StartsAt { get; init; }

    public required DateTimeOffset EndsAt { get; init; }

    public string TimeZone { get; init; } = "UTC";

    public IReadOnlyList<string> Moderators { get; init; } = [];

    public IReadOnlyList<string> Guests { get; init; } = [];

    public IReadOnlyList<string> Questions { get; init; } = [];

    /// <summary>Posts slightly before the start and up to an hour after the end still belong to the chat.</summary>
    public static readonly TimeSpan LeadIn = TimeSpan.FromMinutes(15);

    public static readonly TimeSpan Tail = TimeSpan.FromMinutes(60);

    public DateTimeOffset WindowStart => StartsAt - LeadIn;

    public DateTimeOffset WindowEnd => EndsAt + Tail;

    public bool WindowContains(DateTimeOffset instant) => instant >= WindowStart && instant <= WindowEnd;
}
