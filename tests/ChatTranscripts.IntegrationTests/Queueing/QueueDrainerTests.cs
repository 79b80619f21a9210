using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Queues;
using ChatTranscripts.Pipeline.Queueing;
using ChatTranscripts.Pipeline.Storage;
using ChatTranscripts.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatTranscripts.IntegrationTests.Queueing;

/// <summary>The drainer over a real Storage queue on Azurite, with handlers that succeed, reject and fail.</summary>
public sealed class QueueDrainerTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Every_message_reaches_the_handler_and_rejected_ones_are_dead_lettered_with_their_reason()
    {
        var (queue, drainer) = Create(maxDeliveryCount: 5);
        await queue.SendAsync(Messages(70), CancellationToken.None);
        var handler = new RecordingHandler(rejects: "m-13");

        var result = await drainer.DrainAsync(handler, CancellationToken.None);

        Assert.Equal(70, handler.Seen.Distinct().Count());
        Assert.Equal(69, result.Processed);
        Assert.Equal(1, result.DeadLettered);
        var poisoned = Assert.Single((await queue.Poison.ReceiveMessagesAsync(32)).Value);
        Assert.Contains("m-13", poisoned.Body.ToString(), StringComparison.Ordinal);
        Assert.Empty(await queue.ReceiveAsync(32, CancellationToken.None));
    }

    [Fact]
    public async Task A_message_that_always_fails_does_not_hold_back_the_others_and_is_dead_lettered_at_the_limit()
    {
        var (queue, drainer) = Create(maxDeliveryCount: 2);
        await queue.SendAsync(Messages(10), CancellationToken.None);
        var handler = new RecordingHandler(throwsOn: "m-4");

        var total = DrainResult.Empty;
        for (var attempt = 0; attempt < 60 && total.DeadLettered == 0; attempt++)
        {
            total = total.Add(await drainer.DrainAsync(handler, CancellationToken.None));
            await Task.Delay(250);
        }

        Assert.Equal(9, handler.Completed.Distinct().Count());
        Assert.DoesNotContain("m-4", handler.Completed);
        Assert.Equal(1, total.DeadLettered);
        var poisoned = Assert.Single((await queue.Poison.ReceiveMessagesAsync(32)).Value).Body.ToObjectFromJson<StorageQueuePostQueue.Envelope>(ChatTranscripts.Pipeline.PipelineJson.Options)!;
        Assert.Equal("ProcessingFailed", poisoned.Reason);
        Assert.Contains("poisoned on purpose", poisoned.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_send_that_fails_part_way_leaves_nothing_on_the_queue()
    {
        var name = "q" + azurite.UniquePrefix();
        var healthy = new StorageQueuePostQueue(azurite.Storage, Options.Create(new QueueOptions { Name = name }));
        var failing = new StorageQueuePostQueue(StorageWhoseNthSendFails(failOn: 40), Options.Create(new QueueOptions { Name = name }));

        await Assert.ThrowsAnyAsync<Exception>(() => failing.SendAsync(Messages(100), CancellationToken.None));

        Assert.Empty(await healthy.ReceiveAsync(32, CancellationToken.None));
    }

    private (StorageQueuePostQueue Queue, QueueDrainer Drainer) Create(int maxDeliveryCount)
    {
        var options = Options.Create(new QueueOptions { Name = "q" + azurite.UniquePrefix(), MaxDeliveryCount = maxDeliveryCount, BatchSize = 64 });
        var queue = new StorageQueuePostQueue(azurite.Storage, options);
        return (queue, new QueueDrainer(queue, options, NullLogger<QueueDrainer>.Instance));
    }

    private static List<OutgoingMessage> Messages(int count) =>
        Enumerable.Range(0, count).Select(i => new OutgoingMessage($"m-{i}", BinaryData.FromString($"{{\"n\":{i}}}"))).ToList();

    private StorageAccount StorageWhoseNthSendFails(int failOn)
    {
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        options.Retry.MaxRetries = 0;
        options.AddPolicy(new FailNthSend(failOn), HttpPipelinePosition.PerCall);
        var healthy = azurite.Storage;
        return new StorageAccount(healthy.Tables, healthy.Blobs, new QueueServiceClient(azurite.ConnectionString, options));
    }

    /// <summary>Answers the Nth "put message" with a 500 before it reaches the service, as a storage outage would.</summary>
    private sealed class FailNthSend(int n) : HttpPipelinePolicy
    {
        private int _sends;

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (IsSend(message) && Interlocked.Increment(ref _sends) == n)
            {
                throw new Azure.RequestFailedException(500, "Injected failure");
            }
            await ProcessNextAsync(message, pipeline);
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

        private static bool IsSend(HttpMessage message) =>
            message.Request.Method == RequestMethod.Post && message.Request.Uri.Path.EndsWith("/messages", StringComparison.Ordinal);
    }

    private sealed class RecordingHandler(string? rejects = null, string? throwsOn = null) : IQueueBatchHandler
    {
        public List<string> Seen { get; } = [];

        public List<string> Completed { get; } = [];

        public Task<BatchOutcome> HandleAsync(IReadOnlyList<ReceivedMessage> batch, CancellationToken cancellationToken)
        {
            lock (Seen)
            {
                Seen.AddRange(batch.Select(m => m.MessageId));
                if (throwsOn is not null && batch.Any(m => m.MessageId == throwsOn))
                {
                    throw new InvalidOperationException("poisoned on purpose");
                }
                Completed.AddRange(batch.Select(m => m.MessageId).Where(id => id != rejects));
            }
            var rejected = batch.Where(m => m.MessageId == rejects).ToDictionary(m => m.MessageId, _ => "rejected on purpose");
            return Task.FromResult(new BatchOutcome(rejected));
        }
    }
}
