using ChatTranscripts.Pipeline.Application.Publishing;
using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Pipeline.Http.Sessions;

/// <summary>A session as the API returns it: the normalised definition plus its status.</summary>
public sealed record SessionResource(
    string Id,
    string Title,
    string? Description,
    IReadOnlyList<string> Hashtags,
    DateTime StartsAt,
    DateTime EndsAt,
    string TimeZone,
    IReadOnlyList<string> Moderators,
    IReadOnlyList<string> Guests,
    IReadOnlyList<string> Questions,
    string Status,
    int PostCount,
    DateTime? PublishedAt,
    string? TranscriptUrl)
{
    public static SessionResource From(SessionRecord session, DateTimeOffset now, TranscriptPublisher publisher)
    {
        var definition = session.Definition;
        return new SessionResource(
            session.Id,
            definition.Title,
            definition.Description,
            definition.Hashtags,
            definition.StartsAt.UtcDateTime,
            definition.EndsAt.UtcDateTime,
            definition.TimeZone,
            definition.Moderators,
            definition.Guests,
            definition.Questions,
            session.StatusAt(now).ToString().ToLowerInvariant(),
            session.PostCount,
            session.PublishedAt?.UtcDateTime,
            publisher.TranscriptUrl(session));
    }
}
