namespace ChatTranscripts.Pipeline.Logic.Transcripts.Rendering;

/// <summary>When a post was written and last edited, formatted once for every page that shows it.</summary>
internal sealed record PostTimes(string CreatedIso, string CreatedTime, string CreatedFull, string? EditedIso, string? EditedFull)
{
    public static PostTimes Of(TranscriptPost post, SessionClock clock) => new(
        SessionClock.MachineReadable(post.CreatedAt),
        clock.PostTime(post.CreatedAt),
        clock.FullTime(post.CreatedAt),
        post.EditedAt is { } edited ? SessionClock.MachineReadable(edited) : null,
        post.EditedAt is { } editedAt ? clock.FullTime(editedAt) : null);
}
