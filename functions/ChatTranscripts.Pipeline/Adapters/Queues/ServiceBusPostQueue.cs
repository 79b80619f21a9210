using Azure.Messaging.ServiceBus;
using ChatTranscripts.Pipeline.Application.Ports;

namespace ChatTranscripts.Pipeline.Adapters.Queues;

/// <summary>
/// The production queue: a Service Bus queue with duplicate detection (message ids drop webhook retries),
/// peek-lock receives settled after the write, and dead-lettering with a reason. A body too large for a message
/// (256 KB on Standard) goes through the <see cref="ClaimCheck"/>, as on the Storage queue: the message keeps its id
/// and carries the blob's name in <see cref="BodyBlobProperty"/>.
/// </summary>
public sealed class ServiceBusPostQueue(ServiceBusSender sender, ServiceBusReceiver receiver, ClaimCheck payloads) : IPostQueue
{
    public const string ContentType = "application/json";

    /// <summary>The application property naming the blob that holds a claim-checked message's body.</summary>
    public const string BodyBlobProperty = "bodyBlob";

    /// <summary>How long a receive waits for the first message: short, because the drainer stops at the first empty receive.</summary>
    private static readonly TimeSpan ReceiveWait = TimeSpan.FromSeconds(1);

    /// <summary>
    /// One send. The message is measured as the broker will (a batch of one tells whether it fits); one that does not
    /// fit goes with its body in a blob.
    /// </summary>
    public async Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using (var batch = await sender.CreateMessageBatchAsync(cancellationToken))
        {
            if (batch.TryAddMessage(ToServiceBus(message)))
            {
                await sender.SendMessagesAsync(batch, cancellationToken);
                return;
            }
        }
        await payloads.SendStoredAsync(message.Body, async blob =>
        {
            using var batch = await sender.CreateMessageBatchAsync(cancellationToken);
            if (!batch.TryAddMessage(Reference(message, blob)))
            {
                throw new InvalidOperationException($"Message {message.MessageId} does not fit a Service Bus message even with its body in a blob.");
            }
            await sender.SendMessagesAsync(batch, cancellationToken);
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(int maxMessages, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        var received = await receiver.ReceiveMessagesAsync(maxMessages, ReceiveWait, cancellationToken);
        return await Task.WhenAll(received.Select(async m => new ReceivedMessage(
            m.MessageId,
            BodyBlob(m) is { } blob ? await payloads.LoadAsync(blob, cancellationToken) : m.Body,
            m.DeliveryCount,
            m)));
    }

    public async Task CompleteAsync(ReceivedMessage message, CancellationToken cancellationToken)
    {
        var receipt = Receipt(message);
        await receiver.CompleteMessageAsync(receipt, cancellationToken);
        if (BodyBlob(receipt) is { } blob)
        {
            await payloads.DeleteAsync(blob, cancellationToken);
        }
    }

    public Task AbandonAsync(ReceivedMessage message, CancellationToken cancellationToken) =>
        receiver.AbandonMessageAsync(Receipt(message), cancellationToken: cancellationToken);

    /// <summary>A claim-checked body stays in its blob, for the operator who inspects or replays the dead letter.</summary>
    public Task DeadLetterAsync(ReceivedMessage message, string reason, string description, CancellationToken cancellationToken) =>
        receiver.DeadLetterMessageAsync(Receipt(message), reason, description, cancellationToken);

    /// <summary>The blob holding the message's body, or null when the body travelled in the message.</summary>
    public static string? BodyBlob(ServiceBusReceivedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.ApplicationProperties.TryGetValue(BodyBlobProperty, out var blob) ? blob as string : null;
    }

    private static ServiceBusReceivedMessage Receipt(ReceivedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Receipt as ServiceBusReceivedMessage
            ?? throw new ArgumentException("The message was not received from Service Bus.", nameof(message));
    }

    private static ServiceBusMessage ToServiceBus(OutgoingMessage message) =>
        new(message.Body) { MessageId = message.MessageId, ContentType = ContentType };

    private static ServiceBusMessage Reference(OutgoingMessage message, string blob) =>
        new(BinaryData.Empty) { MessageId = message.MessageId, ContentType = ContentType, ApplicationProperties = { [BodyBlobProperty] = blob } };
}
