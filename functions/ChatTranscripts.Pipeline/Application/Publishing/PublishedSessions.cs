using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Pipeline.Logic.Transcripts;

namespace ChatTranscripts.Pipeline.Application.Publishing;

/// <summary>A session on the site as the index, the feeds and the series pages list it.</summary>
internal static class PublishedSessions
{
    /// <summary>Listed once anything of it is on the site, a snapshot included.</summary>
    public static bool IsPublished(SessionRecord session) => session.PublishedAt is not null;

    public static SiteIndexEntry Entry(SessionRecord session) => new(
        session.Id,
        session.Definition.Title,
        session.Definition.Hashtags,
        session.Definition.StartsAt.UtcDateTime,
        session.Definition.TimeZone,
        session.PublishedPosts,
        session.PublishedParticipants,
        $"{session.Id}/{TranscriptPageRenderer.ThreadedPage}",
        session.PublishedAt!.Value,
        session.HasFinalPublish ? TranscriptPhase.Final : session.PublishedPhase ?? TranscriptPhase.Live);
}
