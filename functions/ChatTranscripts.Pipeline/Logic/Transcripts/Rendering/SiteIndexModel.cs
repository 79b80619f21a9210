namespace ChatTranscripts.Pipeline.Logic.Transcripts.Rendering;

/// <summary>What <c>site_index.liquid</c> shows: the sessions, newest first.</summary>
internal sealed record SiteIndexModel(IReadOnlyList<SiteIndexItem> Sessions);

/// <summary>
/// One session; <see cref="Link"/> is null when its path is not a safe link; each of its hashtags links its series;
/// <see cref="Badge"/> marks a snapshot.
/// </summary>
internal sealed record SiteIndexItem(
    string Title,
    string? Link,
    string StartIso,
    string StartDate,
    string StartTime,
    string Zone,
    IReadOnlyList<SeriesLink> Hashtags,
    int Posts,
    int Participants,
    string? Badge);
