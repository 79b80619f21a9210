using ChatTranscripts.Pipeline.Application.Queueing;
namespace ChatTranscripts.Pipeline.Application.Ports;

/// <summary>
/// The queue between ingest and processing. Production uses Service Bus; local runs and CI use Storage Queues
/// on Azurite. Both implementations pass one contract test suite.
/// </summary>
public interface IPostQueue
{
    /// <summary>
    /// Queues the message with one send, so it is queued whole or not at all (a delivery's posts travel together). Its id
    /// lets the broker drop a webhook's retry.
    /// </summary>
    Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken);

    /// <summary>Receives up to <paramref name="maxMessages"/>; returns an empty list when the queue is empty.</summary>
    Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(int maxMessages, CancellationToken cancellationToken);

    /// <summary>Removes a message after its effects are stored.</summary>
    Task CompleteAsync(ReceivedMessage message, CancellationToken cancellationToken);

    /// <summary>Makes a message visible again for another attempt: at once (Service Bus) or after a backoff (Storage queue).</summary>
    Task AbandonAsync(ReceivedMessage message, CancellationToken cancellationToken);

    /// <summary>Moves a message that can never be processed aside, with the reason, for an operator to inspect.</summary>
    Task DeadLetterAsync(ReceivedMessage message, string reason, string description, CancellationToken cancellationToken);
}

/// <param name="MessageId">At most 128 characters (<see cref="MessageIds"/>); the same id twice is a duplicate to Service Bus.</param>
/// <param name="Body">UTF-8 JSON.</param>
public sealed record OutgoingMessage(string MessageId, BinaryData Body);

/// <summary>A delivered message; <see cref="Receipt"/> is whatever the implementation needs to settle it.</summary>
/// <param name="DeliveryCount">1 on the first delivery, one more each time the message comes back.</param>
public sealed record ReceivedMessage(string MessageId, BinaryData Body, int DeliveryCount, object Receipt);
