using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using ChatTranscripts.Pipeline.Adapters.Queues;
using ChatTranscripts.Pipeline.Application.Ports;
using ChatTranscripts.Pipeline.Application.Queueing;
using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatTranscripts.IntegrationTests.Queueing;

/// <summary>The drainer over a real Storage queue on Azurite, with handlers that succeed, reject and fail.</summary>
public sealed class QueueDrainerTests(AzuriteFixture azurite)
{
    /// <summary>The queue of this test: xunit makes a new instance of the class for each test.</summary>
    private readonly string _queueName = "q" + azurite.UniquePrefix();

    [Fact]
    public async Task Every_message_reaches_the_handler_once_in_batches_of_the_configured_size_and_is_completed_after_it()
    {
        var (queue, drainer) = Create(batchSize: 256);
        await SendAllAsync(queue, Messages(300));
        var stillQueuedDuringFirstBatch = -1;
        var handler = new RecordingHandler(onBatch: async () =>
            stillQueuedDuringFirstBatch = stillQueuedDuringFirstBatch < 0 ? (await RawQueue().GetPropertiesAsync()).Value.ApproximateMessagesCount : stillQueuedDuringFirstBatch);

        var result = await drainer.DrainAsync(handler, CancellationToken.None);

        Assert.Equal(Messages(300).Select(m => m.MessageId).Order(StringComparer.Ordinal), handler.Seen.Order(StringComparer.Ordinal));
        Assert.Equal([256, 44], handler.BatchSizes);
        Assert.Equal(300, stillQueuedDuringFirstBatch);
        Assert.Equal(new DrainResult(300, 0, 0, 2), result);
        Assert.Equal(0, (await RawQueue().GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task Rejected_messages_are_dead_lettered_with_the_handlers_reason_and_the_others_completed()
    {
        var (queue, drainer) = Create();
        await SendAllAsync(queue, Messages(70));
        var handler = new RecordingHandler(rejects: "m-13");

        var result = await drainer.DrainAsync(handler, CancellationToken.None);

        Assert.Equal(70, handler.Seen.Distinct().Count());
        Assert.Equal(69, result.Processed);
        Assert.Equal(1, result.DeadLettered);
        var poisoned = await SinglePoisonedAsync();
        Assert.Equal(("m-13", "{\"n\":13}", QueueDrainer.UnprocessableReason, "rejected on purpose"), (poisoned.MessageId, poisoned.Body, poisoned.Reason, poisoned.Description));
        Assert.Empty(await queue.ReceiveAsync(32, CancellationToken.None));
    }

    [Fact]
    public async Task A_batch_that_fails_is_retried_message_by_message()
    {
        var (queue, drainer) = Create();
        await SendAllAsync(queue, Messages(20));
        var handler = new RecordingHandler(throwsOnBatches: true);

        var result = await drainer.DrainAsync(handler, CancellationToken.None);

        Assert.Equal(new DrainResult(20, 0, 0, 1), result);
        Assert.Equal([20, .. Enumerable.Repeat(1, 20)], handler.BatchSizes);
        Assert.Equal(20, handler.Completed.Distinct().Count());
        Assert.Empty(await queue.ReceiveAsync(32, CancellationToken.None));
    }

    [Fact]
    public async Task A_message_that_always_fails_does_not_hold_back_the_others_and_is_dead_lettered_at_the_delivery_limit()
    {
        var (queue, drainer) = Create(maxDeliveryCount: 3);
        await SendAllAsync(queue, Messages(10));
        var handler = new RecordingHandler(throwsOn: "m-4");

        // An abandoned message stays hidden for 1 s, then 2 s, so later runs find it only after a while.
        var runs = new List<DrainResult>();
        for (var run = 0; run < 200 && runs.Sum(r => r.DeadLettered) == 0; run++)
        {
            runs.Add(await drainer.DrainAsync(handler, CancellationToken.None));
            await Task.Delay(50);
        }

        Assert.Equal(9, handler.Completed.Distinct().Count());
        Assert.DoesNotContain("m-4", handler.Completed);
        Assert.Equal(2, runs.Sum(r => r.Abandoned));
        Assert.Equal(1, runs.Sum(r => r.DeadLettered));
        var poisoned = await SinglePoisonedAsync();
        Assert.Equal(("m-4", QueueDrainer.ProcessingFailedReason, 3), (poisoned.MessageId, poisoned.Reason, poisoned.DeliveryCount));
        Assert.Equal("System.InvalidOperationException: poisoned on purpose", poisoned.Description);
        Assert.Empty(await queue.ReceiveAsync(32, CancellationToken.None));
    }

    [Fact]
    public async Task Draining_with_a_time_limit_starts_no_batch_after_the_limit_and_leaves_the_rest_queued()
    {
        var time = new FakeTimeProvider();
        var (queue, drainer) = Create(batchSize: 10, time: time);
        await SendAllAsync(queue, Messages(50));
        var handler = new RecordingHandler(onBatch: () =>
        {
            time.Advance(TimeSpan.FromSeconds(20));
            return Task.CompletedTask;
        });

        var result = await drainer.DrainAsync(handler, TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Equal(new DrainResult(20, 0, 0, 2), result);
        Assert.Equal(30, (await RawQueue().GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task A_drain_that_is_cancelled_between_batches_stops_after_settling_the_batch_in_hand()
    {
        var (queue, drainer) = Create(batchSize: 10);
        await SendAllAsync(queue, Messages(30));
        using var cancellation = new CancellationTokenSource();
        var handler = new RecordingHandler(onBatch: () => cancellation.CancelAsync());

        var result = await drainer.DrainAsync(handler, cancellation.Token);

        Assert.Equal(new DrainResult(10, 0, 0, 1), result);
        Assert.Equal(20, (await RawQueue().GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    private (StorageQueuePostQueue Queue, QueueDrainer Drainer) Create(int maxDeliveryCount = 5, int batchSize = 64, TimeProvider? time = null)
    {
        var options = Options.Create(new QueueOptions { Name = _queueName, MaxDeliveryCount = maxDeliveryCount, BatchSize = batchSize });
        var queue = new StorageQueuePostQueue(azurite.StorageAccount, options);
        return (queue, new QueueDrainer(queue, options, time ?? TimeProvider.System, NullLogger<QueueDrainer>.Instance));
    }

    private static Task SendAllAsync(StorageQueuePostQueue queue, IEnumerable<OutgoingMessage> messages) =>
        Parallel.ForEachAsync(messages, async (message, ct) => await queue.SendAsync(message, ct));

    private static List<OutgoingMessage> Messages(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new OutgoingMessage($"m-{i}", BinaryData.FromString($"{{\"n\":{i}}}")))];

    private QueueClient RawQueue() => azurite.StorageAccount.Queues.GetQueueClient(_queueName);

    private async Task<StorageQueuePostQueue.Envelope> SinglePoisonedAsync()
    {
        QueueMessage[] poisoned = await azurite.StorageAccount.Queues.GetQueueClient(_queueName + StorageQueuePostQueue.PoisonSuffix).ReceiveMessagesAsync(32);
        return Assert.Single(poisoned).Body.ToObjectFromJson<StorageQueuePostQueue.Envelope>(PipelineJson.Options)!;
    }

    /// <summary>Processes everything except what it is told to reject or to fail on.</summary>
    private sealed class RecordingHandler(string? rejects = null, string? throwsOn = null, bool throwsOnBatches = false, Func<Task>? onBatch = null) : IQueueBatchHandler
    {
        public List<string> Seen { get; } = [];

        public List<int> BatchSizes { get; } = [];

        public List<string> Completed { get; } = [];

        public async Task<BatchOutcome> HandleAsync(IReadOnlyList<ReceivedMessage> batch, CancellationToken cancellationToken)
        {
            lock (Seen)
            {
                Seen.AddRange(batch.Select(m => m.MessageId));
                BatchSizes.Add(batch.Count);
            }
            if (onBatch is not null)
            {
                await onBatch();
            }
            if ((throwsOn is not null && batch.Any(m => m.MessageId == throwsOn)) || (throwsOnBatches && batch.Count > 1))
            {
                throw new InvalidOperationException("poisoned on purpose");
            }
            lock (Seen)
            {
                Completed.AddRange(batch.Select(m => m.MessageId).Where(id => id != rejects));
            }
            return new BatchOutcome(batch.Where(m => m.MessageId == rejects).ToDictionary(m => m.MessageId, _ => "rejected on purpose"));
        }
    }
}
