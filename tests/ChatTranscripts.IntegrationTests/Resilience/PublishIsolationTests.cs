using ChatTranscripts.Pipeline.Adapters.Blobs;
using ChatTranscripts.Pipeline.Adapters.Tables;
using ChatTranscripts.Pipeline.Application.Publishing;
using ChatTranscripts.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatTranscripts.IntegrationTests.Resilience;

/// <summary>A session that fails to publish holds back neither the sessions after it nor the site's index and feed, and is tried again.</summary>
public sealed class PublishIsolationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_session_that_fails_to_publish_is_logged_and_retried_while_the_others_and_the_index_publish()
    {
        await using var pipeline = FaultyPipeline.Create(azurite);
        // Sessions are published in id order: the failing one comes first.
        await pipeline.DefineAsync("a-failing");
        await pipeline.DefineAsync("b-fine");
        await pipeline.Processor.ProcessAsync([FaultyPipeline.Post("1", "A1: about both #bmcmed", 5)], CancellationToken.None);
        var publisher = pipeline.Services.GetRequiredService<TranscriptPublisher>();
        var site = pipeline.Services.GetRequiredService<StaticSite>();
        var sessions = pipeline.Services.GetRequiredService<SessionStore>();
        pipeline.Faults.Fail(message => message.Request.Method == Azure.Core.RequestMethod.Put && message.Request.Uri.Path.Contains("/a-failing/", StringComparison.Ordinal));

        Assert.Equal(1, await publisher.PublishDueAsync(CancellationToken.None));

        Assert.NotNull(await site.ReadAsync("b-fine/transcript.json", CancellationToken.None));
        var index = (await site.ReadAsync("index.html", CancellationToken.None))!.Content.ToString();
        Assert.Contains("b-fine/index.html", index, StringComparison.Ordinal);
        Assert.DoesNotContain("a-failing/", index, StringComparison.Ordinal);
        Assert.Contains("b-fine", (await site.ReadAsync("feed.xml", CancellationToken.None))!.Content.ToString(), StringComparison.Ordinal);
        Assert.Null((await sessions.GetAsync("a-failing", CancellationToken.None))!.PublishedAt);
        var error = Assert.Single(pipeline.Logs.GetSnapshot(), r => r.Level == LogLevel.Error);
        Assert.Contains("a-failing", error.Message, StringComparison.Ordinal);
        Assert.IsType<SimulatedFailureException>(error.Exception);

        pipeline.Faults.Reset();
        Assert.Equal(1, await publisher.PublishDueAsync(CancellationToken.None));

        Assert.NotNull((await sessions.GetAsync("a-failing", CancellationToken.None))!.PublishedAt);
        Assert.Contains("a-failing/index.html", (await site.ReadAsync("index.html", CancellationToken.None))!.Content.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await publisher.PublishDueAsync(CancellationToken.None));
    }
}
