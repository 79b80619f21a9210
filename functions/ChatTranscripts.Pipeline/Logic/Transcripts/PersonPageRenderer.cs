using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Pipeline.Logic.Transcripts.Rendering;

namespace ChatTranscripts.Pipeline.Logic.Transcripts;

/// <summary>
/// Renders a page per participant of a session (<c>person.liquid</c>) at <see cref="PersonPagePaths.PathOf"/>: their
/// posts with the question and the post each answered, and the session they took part in, printable as a record of
/// taking part. Create once: templates are parsed in the constructor; rendering is thread-safe, and the same
/// transcript, phase and base URL always give the same bytes.
/// </summary>
public sealed class PersonPageRenderer
{
    private readonly TemplateLibrary _templates = new(
        typeof(PersonPageModel),
        typeof(PersonPostView),
        typeof(PostTimes),
        typeof(PersonQuestionContext),
        typeof(PersonReplyContext),
        typeof(PersonPostLink),
        typeof(SessionHeader),
        typeof(TimeRangeView),
        typeof(TextRun));

    /// <summary>
    /// A page for every participant of the transcript, in the order of its participants; each renders when asked, so
    /// a caller can render them in parallel and drop each once it is uploaded.
    /// </summary>
    /// <param name="siteBaseUrl">The site's address, when known: links to the transcript become absolute and the page states its own address.</param>
    public IReadOnlyList<PersonPage> Pages(TranscriptDocument transcript, TranscriptPhase phase, string? siteBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        var builder = new PersonPageModelBuilder(transcript, phase, siteBaseUrl);
        return builder.Participants
            .Select(p => new PersonPage(p, PersonPagePaths.PathOf(p.Platform, p.Handle), () => _templates.RenderUtf8("person", builder.Build(p))))
            .ToList();
    }
}

/// <summary>One participant's page: where it goes in the session's folder, and its bytes when rendered.</summary>
public sealed class PersonPage(TranscriptParticipant participant, string path, Func<ReadOnlyMemory<byte>> render)
{
    public TranscriptParticipant Participant { get; } = participant;

    /// <summary>Relative to the session's folder, such as <c>people/twitter/nurse_jo.html</c>.</summary>
    public string Path { get; } = path;

    public ReadOnlyMemory<byte> RenderUtf8() => render();

}
