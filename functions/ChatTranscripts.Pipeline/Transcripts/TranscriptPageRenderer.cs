using ChatTranscripts.Pipeline.Transcripts.Rendering;

namespace ChatTranscripts.Pipeline.Transcripts;

/// <summary>
/// Renders a session's transcript page (<c>/{sessionId}/index.html</c>) with the Fluid templates in
/// <c>Transcripts/Templates</c>. Create once: templates are parsed in the constructor; <see cref="Render"/> is thread-safe.
/// </summary>
public sealed class TranscriptPageRenderer
{
    private readonly TemplateLibrary _templates = new(
        typeof(TranscriptPageModel),
        typeof(TimeRangeView),
        typeof(TranscriptStats),
        typeof(QuestionSection),
        typeof(ThreadItem),
        typeof(PostView),
        typeof(PostReference),
        typeof(ParticipantRow));

    /// <summary>The complete HTML document; the same transcript always gives the same string.</summary>
    public string Render(TranscriptDocument transcript)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        return _templates.Render("transcript", TranscriptPageModelBuilder.Build(transcript));
    }
}
