using System.Text;
using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Pipeline.Logic.Transcripts;

namespace ChatTranscripts.Testing;

/// <summary>
/// A session's pages as text, for tests that read them: rendered to the UTF-8 bytes the publisher uploads, then decoded,
/// so a test reads exactly what is published.
/// </summary>
public static class TranscriptPages
{
    public static string RenderThreadedHtml(this TranscriptPageRenderer renderer, TranscriptDocument transcript, TranscriptPhase phase = TranscriptPhase.Final)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        return Encoding.UTF8.GetString(renderer.RenderUtf8(transcript, phase).Span);
    }

    public static string RenderChronologicalHtml(this TranscriptPageRenderer renderer, TranscriptDocument transcript, TranscriptPhase phase = TranscriptPhase.Final)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        return Encoding.UTF8.GetString(renderer.RenderChronologicalUtf8(transcript, phase).Span);
    }

    public static string RenderHtml(this PersonPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return Encoding.UTF8.GetString(page.RenderUtf8().Span);
    }
}
