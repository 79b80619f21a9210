using System.Text;
using ChatTranscripts.Pipeline.Adapters.Connections;
using ChatTranscripts.Pipeline.Application.Publishing;
using ChatTranscripts.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatTranscripts.IntegrationTests.Resilience;

/// <summary>
/// A publish run that dies between any two of its storage requests (half the files uploaded, the record not written,
/// the index not updated) must leave the next run to produce exactly the site an uninterrupted run produces.
/// </summary>
public sealed class PublishInterruptionTests(AzuriteFixture azurite)
{
    private static readonly string[] SessionFiles =
    [
        "transcript.json", "transcript.md", "transcript.csv", "chronological.html", "index.html",
        "people/twitter/bmcmedicine.html", "people/twitter/someone.html",
    ];
    private static readonly string[] Feeds = ["feed.xml", "series/bmcmed/feed.xml"];

    [Fact]
    public async Task A_publish_killed_at_any_storage_request_is_completed_consistently_by_the_next_run()
    {
        await using var reference = await ChatAsync();
        reference.Faults.Reset();
        Assert.Equal(1, await Publisher(reference).PublishDueAsync(CancellationToken.None));
        var requests = reference.Faults.Requests;
        var expected = await SiteAsync(reference);
        // The session's files, the index, the feed, the 404 page, and the page and feed of the session's series.
        Assert.Equal(
            SessionFiles.Select(f => "interrupted/" + f).Concat(["404.html", "feed.xml", "index.html", "series/bmcmed/index.html", "series/bmcmed/feed.xml"]).Order(StringComparer.Ordinal),
            expected.Keys.Order(StringComparer.Ordinal));

        var crashes = 0;
        for (var crashAt = 1; crashAt <= requests; crashAt++)
        {
            await using var pipeline = await ChatAsync();
            pipeline.Faults.CrashAt(crashAt);
            crashes += await ProcessorCrashTests.CrashedAsync(() => Publisher(pipeline).PublishDueAsync(CancellationToken.None));

            pipeline.Faults.Reset();
            await Publisher(pipeline).PublishDueAsync(CancellationToken.None);

            var site = await SiteAsync(pipeline);
            Assert.Equal(expected.Keys.Order(), site.Keys.Order());
            foreach (var (path, content) in expected.Where(e => !Feeds.Contains(e.Key)))
            {
                Assert.True(content == site[path], $"{path} differs from an uninterrupted publish after a crash at request {crashAt}.");
            }
            // The feeds name their site (account and container), so only their entries are compared.
            Assert.All(Feeds, feed => Assert.Equal(EntryCount(expected[feed]), EntryCount(site[feed])));
            Assert.Equal(0, await Publisher(pipeline).PublishDueAsync(CancellationToken.None));
        }
        Assert.True(crashes >= requests - 2, $"Only {crashes} of {requests} runs crashed.");
    }

    private async Task<FaultyPipeline> ChatAsync()
    {
        var pipeline = FaultyPipeline.Create(azurite);
        await pipeline.DefineAsync("interrupted");
        await pipeline.Processor.ProcessAsync(
        [
            FaultyPipeline.Post("1", "Q1: what helps? #bmcmed", 5, handle: "BMCMedicine"),
            FaultyPipeline.Post("2", "A1: peer support #bmcmed", 6, replyTo: "1"),
        ], CancellationToken.None);
        return pipeline;
    }

    private static TranscriptPublisher Publisher(FaultyPipeline pipeline) => pipeline.Services.GetRequiredService<TranscriptPublisher>();

    private static async Task<Dictionary<string, string>> SiteAsync(FaultyPipeline pipeline)
    {
        var container = pipeline.Services.GetRequiredService<StorageAccount>().Blobs
            .GetBlobContainerClient(pipeline.Services.GetRequiredService<IOptions<PublishingOptions>>().Value.Container);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var blob in container.GetBlobsAsync())
        {
            var content = await container.GetBlobClient(blob.Name).DownloadContentAsync();
            files[blob.Name] = Encoding.UTF8.GetString(content.Value.Content.ToArray());
        }
        return files;
    }

    private static int EntryCount(string feed) => feed.Split("<entry>").Length - 1;
}
