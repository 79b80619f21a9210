using ChatTranscripts.Pipeline.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatTranscripts.Pipeline.Queueing;

/// <summary>
/// Empties the queue in batches: receive, hand to the processor, then settle. A message is completed only after
/// the processor returned, so a crash in between redelivers it (processing is idempotent). A batch that fails is
/// retried message by message, so one poisoned message cannot hold the others back; a message that keeps failing
/// is dead-lettered with its reason once it reaches the delivery limit.
/// </summary>
public sealed class QueueDrainer(IPostQueue queue, IOptions<QueueOptions> options, ILogger<QueueDrainer> logger)
{
    /// <summary>The most a Storage queue hands out per call; Service Bus takes the same.</summary>
    private const int ReceiveChunk = 32;

    public async Task<DrainResult> DrainAsync(IQueueBatchHandler handler, CancellationToken cancellationToken)
    {
        var total = DrainResult.Empty;
        while (!cancellationToken.IsCancellationRequested)
        {
            var batch = await ReceiveBatchAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }
            var result = await HandleAsync(handler, batch, cancellationToken);
            total = total.Add(result);
            if (result.Abandoned > 0)
            {
                // Failing messages come back at once; the next run (timer tick) retries them after a pause.
                break;
            }
        }
        if (total.Batches > 0)
        {
            logger.LogInformation(
                "Drained {Processed} messages in {Batches} batches; {DeadLettered} dead-lettered, {Abandoned} left for retry",
                total.Processed, total.Batches, total.DeadLettered, total.Abandoned);
        }
        return total;
    }

    private async Task<IReadOnlyList<ReceivedMessage>> ReceiveBatchAsync(CancellationToken cancellationToken)
    {
        var batch = new List<ReceivedMessage>();
        var size = options.Value.BatchSize;
        while (batch.Count < size)
        {
            var wanted = Math.Min(ReceiveChunk, size - batch.Count);
            var received = await queue.ReceiveAsync(wanted, cancellationToken);
            batch.AddRange(received);
            if (received.Count < wanted)
            {
                break;
            }
        }
        return batch;
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
            logger.LogWarning(e, "A batch of {Count} messages failed; retrying them one by one", batch.Count);
            var total = DrainResult.Empty;
            foreach (var message in batch)
            {
                total = total.Add(await HandleAsync(handler, [message], cancellationToken));
            }
            return total with { Batches = 1 };
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return await FailedAsync(batch[0], e, cancellationToken);
        }
        return await SettleAsync(batch, outcome, cancellationToken);
    }

    private async Task<DrainResult> SettleAsync(IReadOnlyList<ReceivedMessage> batch, BatchOutcome outcome, CancellationToken cancellationToken)
    {
        var rejected = batch.Where(m => outcome.Rejected.ContainsKey(m.MessageId)).ToList();
        foreach (var message in rejected)
        {
            logger.LogError("Dead-lettering message {MessageId}: {Reason}", message.MessageId, outcome.Rejected[message.MessageId]);
            await queue.DeadLetterAsync(message, "Unprocessable", outcome.Rejected[message.MessageId], cancellationToken);
        }
        var processed = batch.Where(m => !outcome.Rejected.ContainsKey(m.MessageId)).ToList();
        await BoundedParallel.SelectAsync(processed, async (message, ct) =>
        {
            await queue.CompleteAsync(message, ct);
            return true;
        }, cancellationToken);
        return new DrainResult(processed.Count, rejected.Count, 0, 1);
    }

    private async Task<DrainResult> FailedAsync(ReceivedMessage message, Exception error, CancellationToken cancellationToken)
    {
        if (message.DeliveryCount >= options.Value.MaxDeliveryCount)
        {
            logger.LogError(error, "Dead-lettering message {MessageId} after {Attempts} attempts", message.MessageId, message.DeliveryCount);
            await queue.DeadLetterAsync(message, "ProcessingFailed", $"{error.GetType().Name}: {error.Message}", cancellationToken);
            return new DrainResult(0, 1, 0, 1);
        }
        logger.LogWarning(error, "Message {MessageId} failed (attempt {Attempt}); it will be retried", message.MessageId, message.DeliveryCount);
        await queue.AbandonAsync(message, cancellationToken);
        return new DrainResult(0, 0, 1, 1);
    }
}
