using ChatTranscripts.IntegrationTests.Resilience;
using ChatTranscripts.Pipeline.Adapters.Blobs;
using ChatTranscripts.Pipeline.Application.Publishing;
using ChatTranscripts.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatTranscripts.IntegrationTests.Publishing;

/// <summary>
/// What publishing a session's people pages asks of storage, request by request: one listing of the folder, an upload
/// only for a page whose bytes changed, and a delete, after the threaded page stops linking to it, for a page nobody has.
/// </summary>
public sealed class PersonPagePublisherTests(AzuriteFixture azurite)
{
    private const string SessionId = "weekly-chat";

    [Fact]
    public async Task Only_changed_pages_are_uploaded_and_a_page_left_with_no_post_is_deleted_after_the_transcript_stops_linking_it()
    {
        await using var pipeline = FaultyPipeline.Create(azurite);
        await pipeline.DefineAsync(SessionId);
        await pipeline.Processor.ProcessAsync(
        [
            FaultyPipeline.Post("1", "Q1: what helps? #bmcmed", 5, handle: "BMCMedicine"),
            FaultyPipeline.Post("2", "A1: peer support #bmcmed", 6, handle: "alice"),
            FaultyPipeline.Post("3", "A1: sleep #bmcmed", 7, handle: "bob"),
            FaultyPipeline.Post("4", "hello all #bmcmed", 8, handle: "carol"),
        ], CancellationToken.None);
        Assert.Equal(1, await PublishAsync(pipeline));
        Assert.Equal(["alice", "bmcmedicine", "bob", "carol"], PeoplePages(Puts(pipeline)));

        await pipeline.Processor.ProcessAsync([FaultyPipeline.Post("5", "A1: and exercise #bmcmed", 9, handle: "bob")], CancellationToken.None);
        pipeline.Faults.Reset();
        Assert.Equal(1, await PublishAsync(pipeline));

        Assert.Equal(["bob"], PeoplePages(Puts(pipeline)));
        // The folder is read in one listing, not a request per page.
        Assert.DoesNotContain(pipeline.Faults.Log, r => r.StartsWith("HEAD ", StringComparison.Ordinal) && r.Contains($"/{SessionId}/people/", StringComparison.Ordinal));

        await pipeline.Processor.ProcessAsync([FaultyPipeline.Deletion("4")], CancellationToken.None);
        pipeline.Faults.Reset();
        Assert.Equal(1, await PublishAsync(pipeline));

        var log = pipeline.Faults.Log;
        Assert.Empty(PeoplePages(Puts(pipeline)));
        var deleted = Assert.Single(log, r => r.StartsWith("DELETE ", StringComparison.Ordinal));
        Assert.EndsWith($"/{SessionId}/people/twitter/carol.html", deleted, StringComparison.Ordinal);
        Assert.True(
            log.IndexOf(deleted) > log.FindIndex(r => r.StartsWith("PUT ", StringComparison.Ordinal) && r.EndsWith($"/{SessionId}/index.html", StringComparison.Ordinal)),
            $"The page was deleted before the transcript stopped linking it: {string.Join(", ", log)}");
        Assert.Null(await Site(pipeline).ReadAsync($"{SessionId}/people/twitter/carol.html", CancellationToken.None));
        Assert.NotNull(await Site(pipeline).ReadAsync($"{SessionId}/people/twitter/bob.html", CancellationToken.None));
    }

    private static Task<int> PublishAsync(FaultyPipeline pipeline) =>
        pipeline.Services.GetRequiredService<TranscriptPublisher>().PublishDueAsync(CancellationToken.None);

    private static StaticSite Site(FaultyPipeline pipeline) => pipeline.Services.GetRequiredService<StaticSite>();

    private static List<string> Puts(FaultyPipeline pipeline) =>
        pipeline.Faults.Log.Where(r => r.StartsWith("PUT ", StringComparison.Ordinal)).ToList();

    /// <summary>The names of the people pages among the requests, sorted.</summary>
    private static List<string> PeoplePages(IEnumerable<string> requests) =>
        requests
            .Where(r => r.Contains($"/{SessionId}/people/twitter/", StringComparison.Ordinal))
            .Select(r => Path.GetFileNameWithoutExtension(r))
            .Order(StringComparer.Ordinal)
            .ToList();
}
