namespace ChatTranscripts.Pipeline.Transcripts.Rendering;

/// <summary>What <c>transcript.liquid</c> shows.</summary>
internal sealed record TranscriptPageModel(
    string Title,
    string? Description,
    IReadOnlyList<string> Hashtags,
    IReadOnlyList<string> Moderators,
    IReadOnlyList<string> Guests,
    TimeRangeView LocalTime,
    TimeRangeView? UtcTime,
    TranscriptStats Stats,
    IReadOnlyList<QuestionSection> Questions,
    IReadOnlyList<ThreadItem> Outside,
    IReadOnlyList<ParticipantRow> Participants,
    bool ShowPlatforms);

/// <summary>A session's start and end in one time zone; <see cref="EndDate"/> is null when it ends on the day it starts.</summary>
internal sealed record TimeRangeView(
    string StartIso,
    string StartDate,
    string StartTime,
    string EndIso,
    string? EndDate,
    string EndTime,
    string Zone);

internal sealed record QuestionSection(int Number, string Anchor, string Text, int Answers, IReadOnlyList<ThreadItem> Threads);

internal sealed record ParticipantRow(string Handle, string? DisplayName, string Role, string Platform, int Posts);
