using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Pipeline.Logic.Transcripts.Rendering;

namespace ChatTranscripts.Pipeline.Logic.Transcripts;

/// <summary>
/// Renders a session's two pages with the Fluid templates in <c>Logic/Transcripts/Templates</c>: <c>index.html</c>
/// (the answers under their questions, replies nested) and <c>chronological.html</c> (every post in the order written).
/// Create once: templates are parsed in the constructor; rendering is thread-safe. The same transcript and phase
/// always give the same bytes.
/// </summary>
public sealed class TranscriptPageRenderer
{
    public const string ThreadedPage = "index.html";
    public const string ChronologicalPage = "chronological.html";

    private readonly TemplateLibrary _templates = new(
        typeof(TranscriptPageModel),
        typeof(ChronologicalPageModel),
        typeof(SessionHeader),
        typeof(SeriesLink),
        typeof(TimeRangeView),
        typeof(TranscriptStats),
        typeof(TranscriptReach),
        typeof(TimelineView),
        typeof(TimelineBucket),
        typeof(QuestionSection),
        typeof(PostList),
        typeof(ParticipantRow),
        typeof(DiscussedThreadRow),
        typeof(ResourceList),
        typeof(PostReference));

    /// <summary>The threaded page as the UTF-8 bytes to upload.</summary>
    public ReadOnlyMemory<byte> RenderUtf8(TranscriptDocument transcript, TranscriptPhase phase = TranscriptPhase.Final)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        return _templates.RenderUtf8("transcript", TranscriptPageModelBuilder.Build(transcript, phase));
    }

    /// <summary>The chronological page as the UTF-8 bytes to upload.</summary>
    public ReadOnlyMemory<byte> RenderChronologicalUtf8(TranscriptDocument transcript, TranscriptPhase phase = TranscriptPhase.Final)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        return _templates.RenderUtf8("chronological", TranscriptPageModelBuilder.BuildChronological(transcript, phase));
    }
}
