using ChatTranscripts.Pipeline.Application.Queueing;
using ChatTranscripts.Testing;

namespace ChatTranscripts.IntegrationTests.Resilience;

/// <summary>
/// The processor dying between any two storage requests of a batch, then the batch redelivered (as the queue does
/// after the lock or visibility timeout), must leave exactly the state of an uninterrupted run: nothing lost, nothing twice.
/// </summary>
public sealed class ProcessorCrashTests(AzuriteFixture azurite)
{
    /// <summary>
    /// A chat with the hard cases: a question, answers, a reply chain sent child first, a reply without the hashtag,
    /// an edit sent before its original, a deletion, and a post for another session.
    /// </summary>
    private static readonly PipelineMessage[] Batch =
    [
        FaultyPipeline.Post("3", "@fan and nurses too", 9, replyTo: "2"),
        FaultyPipeline.Post("1", "Q1: How do you use social media? #bmcmed", 5, handle: "BMCMedicine"),
        FaultyPipeline.Post("2", "A1: patient groups #bmcmed", 7, handle: "fan", replyTo: "1"),
        FaultyPipeline.Post("4", "A1: corrected answer #bmcmed", 8, handle: "nurse", editedMinute: 12),
        FaultyPipeline.Post("4", "A1: answr with a typo #bmcmed", 8, handle: "nurse"),
        FaultyPipeline.Post("5", "A1: about to be deleted #bmcmed", 9, handle: "regret"),
        FaultyPipeline.Deletion("5"),
        FaultyPipeline.Post("6", "meanwhile at #hcsm", 10, handle: "other"),
        FaultyPipeline.Post("7", "@nurse which groups?", 11, handle: "student", replyTo: "4"),
    ];

    [Fact]
    public async Task A_processor_killed_at_any_storage_request_and_redelivered_the_batch_ends_exactly_as_an_uninterrupted_run()
    {
        var (expectedChat, expectedOther, requests) = await UninterruptedAsync();
        Assert.True(requests > 10, $"An uninterrupted batch made only {requests} storage requests.");
        Assert.Equal(5, expectedChat.Posts.Count);

        var crashes = 0;
        for (var crashAt = 1; crashAt <= requests; crashAt++)
        {
            await using var pipeline = FaultyPipeline.Create(azurite);
            await DefineAsync(pipeline);
            pipeline.Faults.CrashAt(crashAt);
            crashes += await CrashedAsync(() => pipeline.Processor.ProcessAsync(Batch, CancellationToken.None));

            // Redelivery: the same messages, in another order and split into other batches.
            pipeline.Faults.Reset();
            await pipeline.Processor.ProcessAsync(Batch[4..].Reverse().ToList(), CancellationToken.None);
            await pipeline.Processor.ProcessAsync(Batch[..4], CancellationToken.None);

            var chat = await pipeline.StateAsync("crash-chat");
            var other = await pipeline.StateAsync("crash-other");
            Assert.Equal(expectedChat.Posts, chat.Posts);
            Assert.Equal(expectedChat.Version, chat.Version);
            Assert.Equal(expectedOther.Posts, other.Posts);
            Assert.Equal(expectedOther.Version, other.Version);
        }
        Assert.True(crashes >= requests - 2, $"Only {crashes} of {requests} runs crashed.");
    }

    /// <summary>
    /// 1 when the run died at the armed request; 0 when it finished first, which a run can when the reference run
    /// needed a retry that this one did not (a loaded machine), so the last crash points may lie beyond its end.
    /// </summary>
    internal static async Task<int> CrashedAsync(Func<Task> run)
    {
        try
        {
            await run();
            return 0;
        }
        catch (SimulatedCrashException)
        {
            return 1;
        }
    }

    private async Task<(SessionState Chat, SessionState Other, int Requests)> UninterruptedAsync()
    {
        await using var pipeline = FaultyPipeline.Create(azurite);
        await DefineAsync(pipeline);
        pipeline.Faults.Reset();
        await pipeline.Processor.ProcessAsync(Batch, CancellationToken.None);
        var requests = pipeline.Faults.Requests;
        return (await pipeline.StateAsync("crash-chat"), await pipeline.StateAsync("crash-other"), requests);
    }

    private static async Task DefineAsync(FaultyPipeline pipeline)
    {
        await pipeline.DefineAsync("crash-chat");
        await pipeline.DefineAsync("crash-other", "hcsm");
    }
}
