namespace ChatTranscripts.Pipeline.Transcripts.Rendering;

/// <summary>What <c>site_index.liquid</c> shows: the sessions, newest first.</summary>
internal sealed record SiteIndexModel(IReadOnlyList<SiteIndexItem> Sessions);

/// <summary>One session; <see cref="Link"/> is null when its path is not a safe link; <see cref="Badge"/> marks a snapshot.</summary>
internal sealed record SiteIndexItem(
    string Title,
    string? Link,
    string StartIso,
    string StartDate,
    string StartTime,
    string Zone,
    IReadOnlyList<string> Hashtags,
    int Posts,
    int Participants,
    string? Badge);
