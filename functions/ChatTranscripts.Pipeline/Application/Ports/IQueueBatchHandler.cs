namespace ChatTranscripts.Pipeline.Application.Ports;

/// <summary>
/// Processes a batch of received messages. Throwing means "try again later" (the batch is retried message by
/// message); messages that can never succeed are returned as rejected, with the reason, and get dead-lettered.
/// </summary>
public interface IQueueBatchHandler
{
    Task<BatchOutcome> HandleAsync(IReadOnlyList<ReceivedMessage> batch, CancellationToken cancellationToken);
}

/// <param name="Rejected">Message id → why it can never be processed.</param>
public sealed record BatchOutcome(IReadOnlyDictionary<string, string> Rejected);
