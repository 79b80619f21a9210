using System.Text;
using ChatTranscripts.Pipeline.Logic.Transcripts;
using ChatTranscripts.Pipeline.Logic.Transcripts.Exports;

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
        new("Publish (five files, two at a time)", PublishTwoAtATime),
    ];

    /// <summary>
    /// What one publish does: renders the five files in the publisher's order, each while the one before it is
    /// "uploading", so two are alive at a time and each is dropped once its successor is rendered. Returns their total size.
    /// </summary>
    private static long[] PublishTwoAtATime(TranscriptPageRenderer renderer, TranscriptDocument transcript)
    {
        Func<ReadOnlyMemory<byte>>[] files =
        [
            () => TranscriptJson.Serialize(transcript),
            () => TranscriptMarkdown.Serialize(transcript),
            () => TranscriptCsv.Serialize(transcript),
            () => renderer.RenderChronologicalUtf8(transcript),
            () => renderer.RenderUtf8(transcript),
        ];
        var uploading = ReadOnlyMemory<byte>.Empty;
        var total = 0L;
        foreach (var render in files)
        {
            var rendered = render();
            GC.KeepAlive(uploading);
            total += rendered.Length;
            uploading = rendered;
        }
        return [total];
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
