using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Pipeline.Logic.Transcripts;
using ChatTranscripts.Testing;

namespace ChatTranscripts.Pipeline.Tests.Rendering;

/// <summary>
/// A snapshot published while the chat runs (Live) or while late replies arrive (Closing) says so on both pages; the
/// final transcript does not. The phase is part of the page, so it must change the bytes (or the upload would be
/// skipped as unchanged) and only it.
/// </summary>
public sealed class PhaseBannerTests
{
    private static readonly TranscriptPageRenderer Renderer = new();

    private static readonly TranscriptDocument Transcript = new TranscriptSketch()
        .Post("1", "Q1: Why? #bmcmed", 0, handle: "BMCMedicine", role: "moderator", question: 1)
        .Post("2", "A1: Because #bmcmed", 3, answers: 1, replyTo: "1")
        .Build();

    public static TheoryData<string, TranscriptPhase> PagesAndPhases
    {
        get
        {
            var data = new TheoryData<string, TranscriptPhase>();
            foreach (var page in new[] { TranscriptPageRenderer.ThreadedPage, TranscriptPageRenderer.ChronologicalPage })
            {
                foreach (var phase in Enum.GetValues<TranscriptPhase>())
                {
                    data.Add(page, phase);
                }
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(PagesAndPhases))]
    public void Only_a_snapshot_shows_a_banner(string pageName, TranscriptPhase phase)
    {
        var page = new RenderedPage(Render(pageName, phase));

        var banners = page.Document.QuerySelectorAll(".banner");
        if (phase == TranscriptPhase.Final)
        {
            Assert.Empty(banners);
        }
        else
        {
            var banner = Assert.Single(banners);
            Assert.False(string.IsNullOrWhiteSpace(banner.TextContent));
            Assert.NotNull(banner.Closest("header"));
        }
    }

    [Theory]
    [InlineData(TranscriptPageRenderer.ThreadedPage)]
    [InlineData(TranscriptPageRenderer.ChronologicalPage)]
    public void Live_and_closing_banners_say_different_things(string pageName)
    {
        var live = new RenderedPage(Render(pageName, TranscriptPhase.Live)).Document.QuerySelector(".banner")!.TextContent;
        var closing = new RenderedPage(Render(pageName, TranscriptPhase.Closing)).Document.QuerySelector(".banner")!.TextContent;

        Assert.NotEqual(live, closing);
    }

    [Theory]
    [InlineData(TranscriptPageRenderer.ThreadedPage)]
    [InlineData(TranscriptPageRenderer.ChronologicalPage)]
    public void Each_phase_gives_its_own_bytes_and_the_same_phase_the_same_bytes(string pageName)
    {
        var phases = Enum.GetValues<TranscriptPhase>();

        var first = phases.Select(p => Render(pageName, p)).ToList();
        var again = phases.Select(p => Render(pageName, p, new TranscriptPageRenderer())).ToList();

        Assert.Equal(first, again);
        Assert.Equal(phases.Length, first.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData(TranscriptPageRenderer.ThreadedPage)]
    [InlineData(TranscriptPageRenderer.ChronologicalPage)]
    public void The_final_phase_is_the_default(string pageName)
    {
        var byDefault = pageName == TranscriptPageRenderer.ThreadedPage ? Renderer.RenderThreadedHtml(Transcript) : Renderer.RenderChronologicalHtml(Transcript);

        Assert.Equal(Render(pageName, TranscriptPhase.Final), byDefault);
    }

    [Fact]
    public void A_snapshot_differs_from_the_final_page_only_by_its_banner()
    {
        foreach (var phase in new[] { TranscriptPhase.Live, TranscriptPhase.Closing })
        {
            var snapshot = new RenderedPage(Renderer.RenderThreadedHtml(Transcript, phase));
            snapshot.Document.QuerySelector(".banner")!.Remove();

            var final = new RenderedPage(Renderer.RenderThreadedHtml(Transcript, TranscriptPhase.Final));

            Assert.Equal(final.Document.Body!.TextContent.Replace("\n", "", StringComparison.Ordinal), snapshot.Document.Body!.TextContent.Replace("\n", "", StringComparison.Ordinal));
        }
    }

    private static string Render(string pageName, TranscriptPhase phase, TranscriptPageRenderer? renderer = null)
    {
        renderer ??= Renderer;
        return pageName == TranscriptPageRenderer.ThreadedPage
            ? renderer.RenderThreadedHtml(Transcript, phase)
            : renderer.RenderChronologicalHtml(Transcript, phase);
    }
}
