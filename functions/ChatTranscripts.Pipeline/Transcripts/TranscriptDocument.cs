namespace ChatTranscripts.Pipeline.Transcripts;

/// <summary>
/// The published <c>transcript.json</c> (schema version 1). Property order here is the order in the file,
/// so changing it changes published bytes.
/// </summary>
public sealed record TranscriptDocument(
    int SchemaVersion,
    TranscriptSession Session,
    TranscriptStats Stats,
    IReadOnlyList<TranscriptQuestion> Questions,
    IReadOnlyList<TranscriptPost> Posts,
    IReadOnlyList<TranscriptParticipant> Participants)
{
    public const int CurrentSchemaVersion = 1;
}

public sealed record TranscriptSession(
    string Id,
    string Title,
    string? Description,
    IReadOnlyList<string> Hashtags,
    DateTime StartsAt,
    DateTime EndsAt,
    string TimeZone,
    IReadOnlyList<string> Moderators,
    IReadOnlyList<string> Guests,
    IReadOnlyList<string> Questions);

public sealed record TranscriptStats(int Posts, int Reposts, int Replies, int Participants, int Questions);

public sealed record TranscriptQuestion(int Number, string Text, string? PostId, IReadOnlyList<string> AnswerIds);

public sealed record TranscriptPost(
    string Id,
    string Platform,
    string PlatformId,
    string? Url,
    TranscriptAuthor Author,
    string Text,
    DateTime CreatedAt,
    DateTime? EditedAt,
    string? Lang,
    string Kind,
    IReadOnlyList<string> Hashtags,
    IReadOnlyList<string> Mentions,
    IReadOnlyList<string> Urls,
    int? Question,
    int? AnswersQuestion,
    string? InReplyToId,
    string? QuotedId,
    string ThreadRootId);

public sealed record TranscriptAuthor(string Handle, string? DisplayName, string Role);

public sealed record TranscriptParticipant(string Platform, string Handle, string? DisplayName, string Role, int Posts);
