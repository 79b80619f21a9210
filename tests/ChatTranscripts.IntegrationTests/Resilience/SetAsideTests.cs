using Azure;
using Azure.Data.Tables;
using ChatTranscripts.Pipeline.Adapters.Tables;
using ChatTranscripts.Pipeline.Application.Queueing;
using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatTranscripts.IntegrationTests.Resilience;

/// <summary>
/// A post Table Storage refuses to hold is set aside with the reason, where an operator finds it, and everything else
/// goes on: the rest of its batch is stored and its session keeps updating. Throttling is not a refusal: it is retried.
/// (A refusal of a session's row alone needs an entity over 1 MiB, which Azurite does not refuse; every post the API
/// accepts now fits, StorageLimitTests shows, so only a message queued by an older version could reach it.)
/// </summary>
public sealed class SetAsideTests(AzuriteFixture azurite)
{
    private const string SessionId = "set-aside";

    [Fact]
    public async Task A_post_storage_refuses_to_receive_is_set_aside_and_the_rest_of_its_batch_is_stored()
    {
        await using var pipeline = FaultyPipeline.Create(azurite);
        await pipeline.DefineAsync(SessionId);
        // Queued by an older version that checked less, say: one property of 40,000 characters.
        var oversized = FaultyPipeline.Post("2", "A1: a name too long to store #bmcmed", 6);
        oversized = oversized with { Posts = [Post(oversized) with { Author = new PostAuthor("someone", new string('n', 40_000)) }] };

        await pipeline.Processor.ProcessAsync(
        [
            FaultyPipeline.Post("1", "Q1: what helps? #bmcmed", 5, handle: "BMCMedicine"),
            oversized,
            FaultyPipeline.Post("3", "A1: peer support #bmcmed", 7),
        ], CancellationToken.None);

        Assert.Equal(["twitter:1", "twitter:3"], await PostKeysAsync(pipeline));
        var setAside = Assert.Single(await SetAsideAsync(pipeline));
        Assert.Equal((SetAsidePostStore.ReceivedScope, "twitter:2"), (setAside.PartitionKey, setAside.RowKey));
        Assert.Contains("PropertyValueTooLarge", setAside.GetString("Reason"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttling_that_outlasts_the_retries_fails_the_batch_to_be_retried_and_sets_nothing_aside()
    {
        await using var pipeline = FaultyPipeline.Create(azurite);
        await pipeline.DefineAsync(SessionId);
        PipelineMessage[] batch = [FaultyPipeline.Post("1", "Q1: anyone? #bmcmed", 5, handle: "BMCMedicine"), FaultyPipeline.Post("2", "A1: here #bmcmed", 6)];
        pipeline.Faults.Throttle(message => message.Request.Uri.Path.EndsWith("/$batch", StringComparison.Ordinal) ? 503 : null);

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => pipeline.Processor.ProcessAsync(batch, CancellationToken.None));
        Assert.Equal(503, failure.Status);
        pipeline.Faults.Reset();
        Assert.Empty(await SetAsideAsync(pipeline));

        await pipeline.Processor.ProcessAsync(batch, CancellationToken.None);
        Assert.Equal(["twitter:1", "twitter:2"], await PostKeysAsync(pipeline));
        Assert.Empty(await SetAsideAsync(pipeline));
    }

    private static CanonicalPost Post(PipelineMessage message) => Assert.Single(message.Posts);

    private static async Task<List<string>> PostKeysAsync(FaultyPipeline pipeline) =>
        (await pipeline.StateAsync(SessionId)).Posts.Select(p => p.Split('|')[0]).ToList();

    private static async Task<List<TableEntity>> SetAsideAsync(FaultyPipeline pipeline) =>
        await pipeline.Services.GetRequiredService<PipelineTables>().SetAsidePosts.QueryAsync<TableEntity>().ToListAsync();
}
