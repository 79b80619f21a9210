using ChatTranscripts.Pipeline.Core;
namespace ChatTranscripts.Pipeline.Logic.Transcripts;

/// <summary>
/// One published session as the site index and the feed list it. <see cref="StartsAt"/> is UTC; <see cref="Path"/> is
/// the page's path on the site; <see cref="UpdatedAt"/> is when its transcript last changed on the site;
/// <see cref="Phase"/> says whether the site holds a snapshot or the final transcript.
/// </summary>
public sealed record SiteIndexEntry(
    string Id,
    string Title,
    IReadOnlyList<string> Hashtags,
    DateTime StartsAt,
    string TimeZone,
    int Posts,
    int Participants,
    string Path,
    DateTimeOffset UpdatedAt = default,
    TranscriptPhase Phase = TranscriptPhase.Final);
