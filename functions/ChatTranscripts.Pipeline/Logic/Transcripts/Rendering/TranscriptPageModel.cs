namespace ChatTranscripts.Pipeline.Logic.Transcripts.Rendering;

/// <summary>What <c>transcript.liquid</c> shows.</summary>
internal sealed record TranscriptPageModel(
    SessionHeader Header,
    string? Description,
    IReadOnlyList<string> Moderators,
    IReadOnlyList<string> Guests,
    TranscriptStats Stats,
    TimelineView? Timeline,
    IReadOnlyList<QuestionSection> Questions,
    PostList Outside,
    IReadOnlyList<ParticipantRow> Participants,
    bool ShowPlatforms)
{
    public IReadOnlyList<DiscussedThreadRow> MostDiscussed { get; init; } = [];

    /// <summary>What a thread needs to be listed as discussed, for the section's text when none is.</summary>
    public int MinimumReplies => Digest.MostDiscussed.MinimumReplies;

    public ResourceList Resources { get; init; } = new([]);
}

/// <summary>What <c>chronological.liquid</c> shows: every post once, in the order it was written.</summary>
internal sealed record ChronologicalPageModel(SessionHeader Header, TranscriptStats Stats, PostList Posts);

/// <summary>
/// The top of both transcript pages. <see cref="Phase"/> is "live" or "closing" for a snapshot (which shows a banner)
/// and null for the final transcript; <see cref="Series"/> links the page of each series the session is in.
/// </summary>
internal sealed record SessionHeader(
    string Title,
    IReadOnlyList<string> Hashtags,
    TimeRangeView LocalTime,
    TimeRangeView? UtcTime,
    string? Phase,
    IReadOnlyList<SeriesLink> Series);

/// <summary>A series page as a transcript page links it: the hashtag with its '#', and the page's path from the transcript.</summary>
internal sealed record SeriesLink(string Hashtag, string Href);

/// <summary>A session's start and end in one time zone; <see cref="EndDate"/> is null when it ends on the day it starts.</summary>
internal sealed record TimeRangeView(
    string StartIso,
    string StartDate,
    string StartTime,
    string EndIso,
    string? EndDate,
    string EndTime,
    string Zone);

internal sealed record QuestionSection(int Number, string Anchor, string Text, int Answers, PostList Threads);

/// <param name="Page">The participant's page, relative to the transcript (<see cref="PersonPagePaths"/>).</param>
internal sealed record ParticipantRow(string Handle, string? DisplayName, string Role, string Platform, int Posts, string Page);
