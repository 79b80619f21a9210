using System.Text;
using ChatTranscripts.Pipeline.Transcripts;
using ChatTranscripts.Pipeline.Transcripts.Exports;

namespace ChatTranscripts.Benchmarks.Memory;

/// <summary>One of the renderings <c>TranscriptPublisher</c> makes of a transcript, by the name the memory check prints.</summary>
internal sealed record PublishStep(string Name, Func<TranscriptPageRenderer, TranscriptDocument, object> Render)
{
    public static IReadOnlyList<PublishStep> All { get; } =
    [
        new("TranscriptJson.Serialize", (_, t) => TranscriptJson.Serialize(t)),
        new("TranscriptPageRenderer.RenderUtf8", (r, t) => r.RenderUtf8(t)),
        new("TranscriptPageRenderer.RenderChronologicalUtf8", (r, t) => r.RenderChronologicalUtf8(t)),
        new("TranscriptMarkdown.Serialize", (_, t) => TranscriptMarkdown.Serialize(t)),
        new("TranscriptCsv.Serialize", (_, t) => TranscriptCsv.Serialize(t)),
        new("Publish (five files, one at a time)", PublishOneAtATime),
    ];

    /// <summary>
    /// What one publish does: renders the five files in the publisher's order, each dropped once "uploaded", so only
    /// one is alive at a time. Returns their total size.
    /// </summary>
    private static long[] PublishOneAtATime(TranscriptPageRenderer renderer, TranscriptDocument transcript)
    {
        Func<ReadOnlyMemory<byte>>[] files =
        [
            () => TranscriptJson.Serialize(transcript),
            () => TranscriptMarkdown.Serialize(transcript),
            () => TranscriptCsv.Serialize(transcript),
            () => renderer.RenderChronologicalUtf8(transcript),
            () => renderer.RenderUtf8(transcript),
        ];
        return [files.Sum(render => (long)render().Length)];
    }

    /// <summary>The size of what a step produced, in UTF-8 bytes (pages are measured as the publisher would upload them).</summary>
    public static long OutputBytes(object? output) => output switch
    {
        byte[] bytes => bytes.Length,
        ReadOnlyMemory<byte> bytes => bytes.Length,
        long[] total => total[0],
        string text => Encoding.UTF8.GetByteCount(text),
        _ => 0,
    };
}
