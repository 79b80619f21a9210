namespace ChatTranscripts.Pipeline.Transcripts;

/// <summary>One published session as the site index lists it. <see cref="StartsAt"/> is UTC; <see cref="Path"/> is the page's link.</summary>
public sealed record SiteIndexEntry(
    string Id,
    string Title,
    IReadOnlyList<string> Hashtags,
    DateTime StartsAt,
    string TimeZone,
    int Posts,
    int Participants,
    string Path);
