using BenchmarkDotNet.Attributes;
using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Pipeline.Logic.Transcripts;
using ChatTranscripts.Pipeline.Logic.Transcripts.Exports;
using ChatTranscripts.Testing.Chats;

namespace ChatTranscripts.Benchmarks.Rendering;

/// <summary>
/// The publisher's renderings of one transcript at three sizes, against <see cref="TranscriptJson"/> of the same
/// document: JSON is the simplest faithful rendering (one serializer pass), so the ratios say what the page's layout,
/// templates and exports cost on top. The per-post columns (<see cref="PerPostColumn"/>) show whether the cost grows
/// linearly: for a linear rendering, ns/post and B/post stay flat from 1,000 to 100,000 posts.
/// </summary>
public class RenderingBenchmarks
{
    private readonly TranscriptPageRenderer _renderer = new();
    private readonly PersonPageRenderer _people = new();
    private TranscriptDocument _transcript = null!;

    /// <summary>Posts the transcript shows (reposts, about 3% more, are stored and counted on top).</summary>
    [Params(1_000, 10_000, 100_000)]
    public int PostCount { get; set; }

    [GlobalSetup]
    public void Setup() => _transcript = ChatGenerator.Generate(PostCount).ToTranscript();

    [Benchmark(Baseline = true, Description = "TranscriptJson.Serialize (baseline)")]
    public byte[] Json() => TranscriptJson.Serialize(_transcript);

    [Benchmark(Description = "TranscriptPageRenderer.RenderUtf8")]
    public ReadOnlyMemory<byte> ThreadedPage() => _renderer.RenderUtf8(_transcript);

    [Benchmark(Description = "TranscriptPageRenderer.RenderChronologicalUtf8")]
    public ReadOnlyMemory<byte> ChronologicalPage() => _renderer.RenderChronologicalUtf8(_transcript);

    /// <summary>Every participant's page (about one per ten posts), one after another; returns their total size.</summary>
    [Benchmark(Description = "PersonPageRenderer, every page")]
    public long PeoplePages()
    {
        var bytes = 0L;
        foreach (var page in _people.Pages(_transcript, TranscriptPhase.Final, siteBaseUrl: null))
        {
            bytes += page.RenderUtf8().Length;
        }
        return bytes;
    }

    [Benchmark(Description = "TranscriptMarkdown.Serialize")]
    public byte[] Markdown() => TranscriptMarkdown.Serialize(_transcript);

    [Benchmark(Description = "TranscriptCsv.Serialize")]
    public byte[] Csv() => TranscriptCsv.Serialize(_transcript);
}
