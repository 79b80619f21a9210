using ChatTranscripts.Pipeline.Application.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatTranscripts.Pipeline.Application.Queueing;

/// <summary>
/// Empties the queue in batches: receive, hand to the processor, then settle. A message is completed only after
/// the processor returned, so a crash in between redelivers it (processing is idempotent). A batch that fails is
/// retried message by message, so one poisoned message cannot hold the others back; a message that keeps failing
/// is dead-lettered with its reason once it reaches <see cref="QueueOptions.MaxDeliveryCount"/>.
/// </summary>
public sealed class QueueDrainer(IPostQueue queue, IOptions<QueueOptions> options, TimeProvider time, ILogger<QueueDrainer> logger)
{
    /// <summary>The most a Storage queue hands out per receive; Service Bus takes the same.</summary>
    public const int ReceiveChunk = 32;

    /// <summary>Messages completed or dead-lettered at once after a batch.</summary>
    public const int SettleConcurrency = 16;

    /// <summary>Why the drainer dead-lettered a message the processor returned as rejected.</summary>
    public const string UnprocessableReason = "Unprocessable";

    /// <summary>Why the drainer dead-lettered a message that failed on its own <see cref="QueueOptions.MaxDeliveryCount"/> times.</summary>
    public const string ProcessingFailedReason = "ProcessingFailed";

    /// <summary>Service Bus keeps dead-letter descriptions short; longer ones are cut here for both queues.</summary>
    private const int MaxDescriptionLength = 1024;

    /// <summary>Drains until a receive finds nothing, a message had to be left for a later attempt, or cancellation.</summary>
    public Task<DrainResult> DrainAsync(IQueueBatchHandler handler, CancellationToken cancellationToken) =>
        DrainAsync(handler, Timeout.InfiniteTimeSpan, cancellationToken);

    /// <summary>
    /// As <see cref="DrainAsync(IQueueBatchHandler, CancellationToken)"/>, but starts no new batch once
    /// <paramref name="maxDuration"/> has passed; the batch in hand is still settled, so nothing is left half done.
    /// </summary>
    public async Task<DrainResult> DrainAsync(IQueueBatchHandler handler, TimeSpan maxDuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (maxDuration != Timeout.InfiniteTimeSpan)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(maxDuration, TimeSpan.Zero);
        }
        var started = time.GetTimestamp();
        var total = DrainResult.Empty;
        while (!cancellationToken.IsCancellationRequested)
        {
            if (maxDuration != Timeout.InfiniteTimeSpan && total.Batches > 0 && time.GetElapsedTime(started) >= maxDuration)
            {
                logger.LogInformation("Stopped draining after {Elapsed}; the rest waits for the next run", time.GetElapsedTime(started));
                break;
            }
            var batch = await ReceiveBatchAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }
            var result = await HandleAsync(handler, batch, cancellationToken);
            total = total.Add(result);
            if (result.Abandoned > 0)
            {
                // An abandoned message may be visible again at once (Service Bus; a Storage queue hides it for a
                // backoff): draining on would retry it without a pause. The next run (the timer's next tick) tries it
                // again, and the rest of the queue with it.
                break;
            }
        }
        if (total.Batches > 0)
        {
            logger.LogInformation(
                "Drained {Processed} messages in {Batches} batches; {DeadLettered} dead-lettered, {Abandoned} left for a later attempt",
                total.Processed, total.Batches, total.DeadLettered, total.Abandoned);
        }
        return total;
    }

    /// <summary>
    /// One receive first; only when it came back full (a backlog) are the rest of the batch's receives made, together.
    /// An almost empty queue so costs one receive, a full one two round trips per batch.
    /// </summary>
    private async Task<IReadOnlyList<ReceivedMessage>> ReceiveBatchAsync(CancellationToken cancellationToken)
    {
        var size = options.Value.BatchSize;
        var firstChunk = Math.Min(ReceiveChunk, size);
        var first = await queue.ReceiveAsync(firstChunk, cancellationToken);
        if (first.Count < firstChunk || size == firstChunk)
        {
            return first;
        }
        var remaining = size - first.Count;
        var chunks = Enumerable.Range(0, (remaining + ReceiveChunk - 1) / ReceiveChunk)
            .Select(i => Math.Min(ReceiveChunk, remaining - (i * ReceiveChunk)));
        var rest = await Task.WhenAll(chunks.Select(chunk => queue.ReceiveAsync(chunk, cancellationToken)));
        return [.. first, .. rest.SelectMany(received => received)];
    }

    private async Task<DrainResult> HandleAsync(IQueueBatchHandler handler, IReadOnlyList<ReceivedMessage> batch, CancellationToken cancellationToken)
    {
        BatchOutcome outcome;
        try
        {
            outcome = await handler.HandleAsync(batch, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && batch.Count > 1)
        {
            logger.LogWarning(e, "A batch of {Count} messages failed; retrying its messages one by one", batch.Count);
            var total = DrainResult.Empty;
            foreach (var message in batch)
            {
                total = total.Add(await HandleAsync(handler, [message], cancellationToken));
            }
            return total with { Batches = 1 };
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return await FailedAsync(batch[0], e);
        }
        return await SettleAsync(batch, outcome);
    }

    /// <summary>
    /// Completes what was processed and dead-letters what was rejected, all at once. The writes are done by now, so
    /// settling goes ahead even when the caller is cancelling: stopping here would only make the work be done twice.
    /// A settle that fails (a lock or pop receipt that expired) is logged, not thrown: the message comes back and
    /// is processed again, harmlessly.
    /// </summary>
    private async Task<DrainResult> SettleAsync(IReadOnlyList<ReceivedMessage> batch, BatchOutcome outcome)
    {
        var rejected = batch.Where(m => outcome.Rejected.ContainsKey(m.MessageId)).ToList();
        var processed = batch.Where(m => !outcome.Rejected.ContainsKey(m.MessageId)).ToList();
        foreach (var message in rejected)
        {
            logger.LogError(
                "Dead-lettering message {MessageId}: {Reason}: {Description}", message.MessageId, UnprocessableReason, outcome.Rejected[message.MessageId]);
        }
        var failures = await BoundedParallel.RunAllAsync(
            [.. processed.Select(m => (Message: m, Description: (string?)null)), .. rejected.Select(m => (Message: m, Description: (string?)outcome.Rejected[m.MessageId]))],
            (settle, ct) => settle.Description is null
                ? queue.CompleteAsync(settle.Message, ct)
                : queue.DeadLetterAsync(settle.Message, UnprocessableReason, Shorten(settle.Description), ct),
            CancellationToken.None,
            SettleConcurrency);
        foreach (var ((message, description), error) in failures)
        {
            logger.LogWarning(
                error, "Could not {Settlement} message {MessageId}; it will be delivered again", description is null ? "complete" : "dead-letter", message.MessageId);
        }
        return new DrainResult(processed.Count, rejected.Count, 0, 1);
    }

    /// <summary>A message that failed on its own: dead-lettered at the delivery limit, otherwise left for the next run.</summary>
    private async Task<DrainResult> FailedAsync(ReceivedMessage message, Exception error)
    {
        var limit = options.Value.MaxDeliveryCount;
        try
        {
            if (message.DeliveryCount >= limit)
            {
                logger.LogError(
                    error, "Dead-lettering message {MessageId}: {Reason} after {DeliveryCount} deliveries", message.MessageId, ProcessingFailedReason, message.DeliveryCount);
                await queue.DeadLetterAsync(message, ProcessingFailedReason, Shorten($"{error.GetType().FullName}: {error.Message}"), CancellationToken.None);
                return new DrainResult(0, 1, 0, 1);
            }
            logger.LogWarning(
                error, "Message {MessageId} failed on delivery {DeliveryCount} of {MaxDeliveryCount}; it will be tried again", message.MessageId, message.DeliveryCount, limit);
            await queue.AbandonAsync(message, CancellationToken.None);
        }
        catch (Exception settleError)
        {
            // Its lock or pop receipt expires instead, and the message comes back all the same.
            logger.LogWarning(settleError, "Could not settle failed message {MessageId}; it will be delivered again", message.MessageId);
        }
        return new DrainResult(0, 0, 1, 1);
    }

    /// <summary>Cuts at a character boundary: half a surrogate pair could not be written as JSON or AMQP text.</summary>
    private static string Shorten(string description)
    {
        if (description.Length <= MaxDescriptionLength)
        {
            return description;
        }
        var cut = MaxDescriptionLength - 1;
        if (char.IsHighSurrogate(description[cut - 1]))
        {
            cut--;
        }
        return description[..cut] + "…";
    }
}
