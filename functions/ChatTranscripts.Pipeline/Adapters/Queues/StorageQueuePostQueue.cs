using System.Text.Json;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using ChatTranscripts.Pipeline.Adapters.Connections;
using ChatTranscripts.Pipeline.Application.Ports;
using ChatTranscripts.Pipeline.Application.Queueing;
using ChatTranscripts.Pipeline.Core;
using Microsoft.Extensions.Options;

namespace ChatTranscripts.Pipeline.Adapters.Queues;

/// <summary>
/// The queue on Azure Storage Queues (Azurite locally and in CI). Storage queues have neither message ids nor
/// dead-lettering, so each body travels in an <see cref="Envelope"/> with its id, and dead letters go to
/// <c>{name}-poison</c> with their reason. A body too large for a queue message (64 KiB after base64) goes through the
/// <see cref="ClaimCheck"/> and the envelope carries the blob's name.
/// </summary>
public sealed class StorageQueuePostQueue : IPostQueue, IDisposable
{
    /// <summary>The most messages one receive may ask a Storage queue for.</summary>
    public const int MaxReceive = 32;

    public const string PoisonSuffix = "-poison";

    /// <summary>
    /// Base64 turns 3 bytes into 4, so 48 KiB is the most an envelope may be to fit the 64 KiB message limit; a little
    /// less leaves room for the service's own accounting.
    /// </summary>
    private const int MaxInlineEnvelope = 47 * 1024;

    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(5);
    private readonly QueueClient _queue;
    private readonly QueueClient _poison;
    private readonly ClaimCheck _payloads;
    private readonly TimeSpan _visibilityTimeout;
    private readonly CreateOnce _created;

    public StorageQueuePostQueue(StorageAccount account, IOptions<QueueOptions> options)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(options);
        _queue = account.Queues.GetQueueClient(options.Value.Name);
        _poison = account.Queues.GetQueueClient(options.Value.Name + PoisonSuffix);
        _payloads = ClaimCheck.For(account, options.Value.Name);
        _visibilityTimeout = options.Value.VisibilityTimeout;
        _created = new CreateOnce(ct => Task.WhenAll(
            _queue.CreateIfNotExistsAsync(cancellationToken: ct),
            _poison.CreateIfNotExistsAsync(cancellationToken: ct),
            _payloads.EnsureCreatedAsync(ct)));
    }

    /// <summary>Creates the queue, its poison queue and its payload container if missing; every other call does so on first use.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken) => _created.EnsureAsync(cancellationToken);

    /// <summary>One send: the envelope with the body inline, or, when that is too large, with the name of the blob holding it.</summary>
    public async Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await InitializeAsync(cancellationToken);
        // Measures the envelope, not the body: JSON escaping can make a body of quotes and markup several times larger.
        var inline = BinaryData.FromObjectAsJson(new Envelope(message.MessageId, message.Body.ToString()), PipelineJson.Options);
        if (inline.ToMemory().Length <= MaxInlineEnvelope)
        {
            await _queue.SendMessageAsync(inline, cancellationToken: cancellationToken);
            return;
        }
        await _payloads.SendStoredAsync(
            message.Body,
            blob => _queue.SendMessageAsync(BinaryData.FromObjectAsJson(new Envelope(message.MessageId, null, blob), PipelineJson.Options), cancellationToken: cancellationToken),
            cancellationToken);
    }

    public async Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(int maxMessages, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        await InitializeAsync(cancellationToken);
        QueueMessage[] received = await _queue.ReceiveMessagesAsync(Math.Min(maxMessages, MaxReceive), _visibilityTimeout, cancellationToken);
        return await Task.WhenAll(received.Select(message => UnwrapAsync(message, cancellationToken)));
    }

    public async Task CompleteAsync(ReceivedMessage message, CancellationToken cancellationToken)
    {
        var receipt = Receipt(message);
        await _queue.DeleteMessageAsync(receipt.MessageId, receipt.PopReceipt, cancellationToken);
        if (Envelope.Read(receipt.Body)?.BodyBlob is { } blob)
        {
            await _payloads.DeleteAsync(blob, cancellationToken);
        }
    }

    /// <summary>
    /// Visible again after a backoff that doubles with each attempt (1 s, 2 s, 4 s, … up to 5 minutes), so a transient
    /// outage is outlasted before the delivery limit. A Service Bus abandon, by contrast, is visible again at once.
    /// </summary>
    public Task AbandonAsync(ReceivedMessage message, CancellationToken cancellationToken)
    {
        var receipt = Receipt(message);
        var delay = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, message.DeliveryCount - 1), MaxRetryDelay.TotalSeconds));
        return _queue.UpdateMessageAsync(receipt.MessageId, receipt.PopReceipt, visibilityTimeout: delay, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Sends the original envelope, with the reason, to the poison queue before deleting the message: if the delete
    /// fails the message comes back and may be dead-lettered twice, but it is never lost. A payload blob stays for
    /// the operator.
    /// </summary>
    public async Task DeadLetterAsync(ReceivedMessage message, string reason, string description, CancellationToken cancellationToken)
    {
        var receipt = Receipt(message);
        var original = Envelope.Read(receipt.Body);
        var deadLetter = new Envelope(message.MessageId, original?.Body ?? receipt.Body.ToString(), original?.BodyBlob, reason, description, message.DeliveryCount);
        await InitializeAsync(cancellationToken);
        var encoded = BinaryData.FromObjectAsJson(deadLetter, PipelineJson.Options);
        if (encoded.ToMemory().Length > MaxInlineEnvelope && deadLetter.Body is not null)
        {
            // The reason made a body that just fit too large to travel inline: it waits in a blob like any large body.
            var blob = await _payloads.StoreAsync(BinaryData.FromString(deadLetter.Body), cancellationToken);
            encoded = BinaryData.FromObjectAsJson(deadLetter with { Body = null, BodyBlob = blob }, PipelineJson.Options);
        }
        await _poison.SendMessageAsync(encoded, cancellationToken: cancellationToken);
        await _queue.DeleteMessageAsync(receipt.MessageId, receipt.PopReceipt, cancellationToken);
    }

    public void Dispose()
    {
        _created.Dispose();
        _payloads.Dispose();
    }

    private static QueueMessage Receipt(ReceivedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Receipt as QueueMessage
            ?? throw new ArgumentException("The message was not received from a Storage queue.", nameof(message));
    }

    /// <summary>A body that is not an envelope still surfaces, under the queue's own id, so it is dead-lettered rather than lost.</summary>
    private async Task<ReceivedMessage> UnwrapAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        var envelope = Envelope.Read(message.Body);
        var body = envelope switch
        {
            { Body: { } inline } => BinaryData.FromString(inline),
            { BodyBlob: { } blob } => await _payloads.LoadAsync(blob, cancellationToken),
            _ => message.Body,
        };
        return new ReceivedMessage(envelope?.MessageId ?? message.MessageId, body, (int)message.DequeueCount, message);
    }

    /// <summary>
    /// The stored form of a message: its id and its body (inline, or the name of the blob holding it); in the poison
    /// queue also why it is there and how often it had been delivered.
    /// </summary>
    public sealed record Envelope(
        string MessageId,
        string? Body,
        string? BodyBlob = null,
        string? Reason = null,
        string? Description = null,
        int? DeliveryCount = null)
    {
        public static Envelope? Read(BinaryData data)
        {
            ArgumentNullException.ThrowIfNull(data);
            try
            {
                return data.ToObjectFromJson<Envelope>(PipelineJson.Options) is { MessageId: not null } envelope ? envelope : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}
