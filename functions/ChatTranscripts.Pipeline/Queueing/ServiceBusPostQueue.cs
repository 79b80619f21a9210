using System.Transactions;
using Azure.Messaging.ServiceBus;

namespace ChatTranscripts.Pipeline.Queueing;

/// <summary>
/// The production queue: a Service Bus queue with duplicate detection (message ids drop webhook retries),
/// peek-lock receives settled after the write, and dead-lettering with a reason.
/// </summary>
public sealed class ServiceBusPostQueue(ServiceBusSender sender, ServiceBusReceiver receiver) : IPostQueue
{
    public const string ContentType = "application/json";

    /// <summary>How long a receive waits for the first message: short, because the drainer stops at the first empty receive.</summary>
    private static readonly TimeSpan ReceiveWait = TimeSpan.FromSeconds(1);

    /// <summary>One batch when everything fits; otherwise several batches in one transaction, so the send stays all or nothing.</summary>
    public async Task SendAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0)
        {
            return;
        }
        var batches = new List<ServiceBusMessageBatch>();
        try
        {
            var current = await sender.CreateMessageBatchAsync(cancellationToken);
            batches.Add(current);
            foreach (var message in messages.Select(ToServiceBus))
            {
                if (current.TryAddMessage(message))
                {
                    continue;
                }
                current = await sender.CreateMessageBatchAsync(cancellationToken);
                batches.Add(current);
                if (!current.TryAddMessage(message))
                {
                    throw new InvalidOperationException($"Message {message.MessageId} is larger than a Service Bus message may be.");
                }
            }
            if (batches.Count == 1)
            {
                await sender.SendMessagesAsync(batches[0], cancellationToken);
                return;
            }
            using var transaction = new TransactionScope(TransactionScopeAsyncFlowOption.Enabled);
            foreach (var batch in batches)
            {
                await sender.SendMessagesAsync(batch, cancellationToken);
            }
            transaction.Complete();
        }
        finally
        {
            batches.ForEach(b => b.Dispose());
        }
    }

    public async Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(int maxMessages, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        var received = await receiver.ReceiveMessagesAsync(maxMessages, ReceiveWait, cancellationToken);
        return received.Select(m => new ReceivedMessage(m.MessageId, m.Body, m.DeliveryCount, m)).ToList();
    }

    public Task CompleteAsync(ReceivedMessage message, CancellationToken cancellationToken) =>
        receiver.CompleteMessageAsync(Receipt(message), cancellationToken);

    public Task AbandonAsync(ReceivedMessage message, CancellationToken cancellationToken) =>
        receiver.AbandonMessageAsync(Receipt(message), cancellationToken: cancellationToken);

    public Task DeadLetterAsync(ReceivedMessage message, string reason, string description, CancellationToken cancellationToken) =>
        receiver.DeadLetterMessageAsync(Receipt(message), reason, description, cancellationToken);

    private static ServiceBusReceivedMessage Receipt(ReceivedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Receipt as ServiceBusReceivedMessage
            ?? throw new ArgumentException("The message was not received from Service Bus.", nameof(message));
    }

    private static ServiceBusMessage ToServiceBus(OutgoingMessage message) =>
        new(message.Body) { MessageId = message.MessageId, ContentType = ContentType };
}
