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
        new("TranscriptPageRenderer.Render", (r, t) => r.Render(t)),
        new("TranscriptPageRenderer.RenderChronological", (r, t) => r.RenderChronological(t)),
        new("TranscriptMarkdown.Serialize", (_, t) => TranscriptMarkdown.Serialize(t)),
        new("TranscriptCsv.Serialize", (_, t) => TranscriptCsv.Serialize(t)),
        new("Publish set (all five, as bytes)", PublishSet),
    ];

    /// <summary>What one publish holds at once: the five files' bytes, the pages encoded as the publisher encodes them.</summary>
    private static byte[][] PublishSet(TranscriptPageRenderer renderer, TranscriptDocument transcript) =>
    [
        TranscriptJson.Serialize(transcript),
        TranscriptMarkdown.Serialize(transcript),
        TranscriptCsv.Serialize(transcript),
        Encoding.UTF8.GetBytes(renderer.RenderChronological(transcript)),
        Encoding.UTF8.GetBytes(renderer.Render(transcript)),
    ];

    /// <summary>The size of what a step produced, in UTF-8 bytes (pages are measured as the publisher would upload them).</summary>
    public static long OutputBytes(object? output) => output switch
    {
        byte[] bytes => bytes.Length,
        byte[][] files => files.Sum(f => (long)f.Length),
        string text => Encoding.UTF8.GetByteCount(text),
        _ => 0,
    };
}
