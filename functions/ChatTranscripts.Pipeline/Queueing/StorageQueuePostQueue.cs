using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using ChatTranscripts.Pipeline.Storage;
using Microsoft.Extensions.Options;

namespace ChatTranscripts.Pipeline.Queueing;

/// <summary>
/// The queue on Azure Storage Queues (Azurite locally and in CI). Storage queues have neither message ids nor
/// dead-lettering, so each body travels in an envelope with its id, and dead letters go to <c>{name}-poison</c>.
/// A body too large for a queue message (64 KiB, base64) waits in a blob and the envelope carries its name.
/// </summary>
public sealed class StorageQueuePostQueue : IPostQueue, IDisposable
{
    private const int SendConcurrency = 16;

    /// <summary>Leaves room for the envelope and base64's third within the 64 KiB message limit.</summary>
    private const int MaxInlineBody = 40 * 1024;
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(5);
    private readonly QueueClient _queue;
    private readonly QueueClient _poison;
    private readonly BlobContainerClient _payloads;
    private readonly TimeSpan _visibilityTimeout;
    private readonly CreateOnce _created;

    public StorageQueuePostQueue(StorageAccount account, IOptions<QueueOptions> options)
    {
        _queue = account.Queues.GetQueueClient(options.Value.Name);
        _poison = account.Queues.GetQueueClient(options.Value.Name + "-poison");
        _payloads = account.Blobs.GetBlobContainerClient(options.Value.Name + "-payloads");
        _visibilityTimeout = options.Value.VisibilityTimeout;
        _created = new CreateOnce(ct => Task.WhenAll(
            _queue.CreateIfNotExistsAsync(cancellationToken: ct),
            _poison.CreateIfNotExistsAsync(cancellationToken: ct),
            _payloads.CreateIfNotExistsAsync(cancellationToken: ct)));
    }

    public QueueClient Poison => _poison;

    public async Task SendAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        var sent = new SendReceipt?[messages.Count];
        try
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(0, messages.Count),
                new ParallelOptions { MaxDegreeOfParallelism = SendConcurrency, CancellationToken = cancellationToken },
                // The caller's token, not the loop's: a send already on the wire finishes and leaves its receipt, so it can be taken back.
                async (index, _) => sent[index] = (await _queue.SendMessageAsync(await WrapAsync(messages[index], cancellationToken), cancellationToken: cancellationToken)).Value);
        }
        catch (Exception) when (sent.Any(r => r is not null))
        {
            // All or nothing: take back what did go out before the failure reaches the caller.
            await Task.WhenAll(sent.OfType<SendReceipt>().Select(r => _queue.DeleteMessageAsync(r.MessageId, r.PopReceipt, CancellationToken.None)));
            throw;
        }
    }

    public async Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(int maxMessages, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        QueueMessage[] received = await _queue.ReceiveMessagesAsync(Math.Clamp(maxMessages, 1, 32), _visibilityTimeout, cancellationToken);
        return await Task.WhenAll(received.Select(message => UnwrapAsync(message, cancellationToken)));
    }

    public async Task CompleteAsync(ReceivedMessage message, CancellationToken cancellationToken)
    {
        var receipt = (QueueMessage)message.Receipt;
        await _queue.DeleteMessageAsync(receipt.MessageId, receipt.PopReceipt, cancellationToken);
        if (Envelope.Read(receipt.Body)?.BodyBlob is { } blob)
        {
            await _payloads.DeleteBlobIfExistsAsync(blob, cancellationToken: cancellationToken);
        }
    }

    /// <summary>Hidden again for a while that grows with each attempt, so a failing message does not spin.</summary>
    public Task AbandonAsync(ReceivedMessage message, CancellationToken cancellationToken)
    {
        var receipt = (QueueMessage)message.Receipt;
        var delay = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, message.DeliveryCount), MaxRetryDelay.TotalSeconds));
        return _queue.UpdateMessageAsync(receipt.MessageId, receipt.PopReceipt, visibilityTimeout: delay, cancellationToken: cancellationToken);
    }

    public async Task DeadLetterAsync(ReceivedMessage message, string reason, string description, CancellationToken cancellationToken)
    {
        var original = Envelope.Read(((QueueMessage)message.Receipt).Body);
        await _poison.SendMessageAsync(BinaryData.FromObjectAsJson(
            new Envelope(message.MessageId, original?.Body ?? message.Body.ToString(), original?.BodyBlob, reason, description), PipelineJson.Options), cancellationToken: cancellationToken);
        var receipt = (QueueMessage)message.Receipt;
        await _queue.DeleteMessageAsync(receipt.MessageId, receipt.PopReceipt, cancellationToken);
    }

    public void Dispose() => _created.Dispose();

    private Task EnsureCreatedAsync(CancellationToken cancellationToken) => _created.EnsureAsync(cancellationToken);

    private async Task<BinaryData> WrapAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (message.Body.ToMemory().Length <= MaxInlineBody)
        {
            return BinaryData.FromObjectAsJson(new Envelope(message.MessageId, message.Body.ToString()), PipelineJson.Options);
        }
        var blob = Guid.NewGuid().ToString("N");
        await _payloads.UploadBlobAsync(blob, message.Body, cancellationToken);
        return BinaryData.FromObjectAsJson(new Envelope(message.MessageId, null, blob), PipelineJson.Options);
    }

    /// <summary>A body that is not an envelope still surfaces, under the queue's own id, so it is dead-lettered rather than lost.</summary>
    private async Task<ReceivedMessage> UnwrapAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        var envelope = Envelope.Read(message.Body);
        var body = envelope switch
        {
            { Body: { } inline } => BinaryData.FromString(inline),
            { BodyBlob: { } blob } => await ReadPayloadAsync(blob, cancellationToken),
            _ => message.Body,
        };
        return new ReceivedMessage(envelope?.MessageId ?? message.MessageId, body, (int)message.DequeueCount, message);
    }

    private async Task<BinaryData> ReadPayloadAsync(string blob, CancellationToken cancellationToken)
    {
        try
        {
            return (await _payloads.GetBlobClient(blob).DownloadContentAsync(cancellationToken)).Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // The payload is gone (its message was completed by another receiver): an empty body is rejected and dead-lettered.
            return BinaryData.Empty;
        }
    }

    /// <summary>The stored form of a message: its id, its body (inline or in a blob) and, in the poison queue, why it is there.</summary>
    public sealed record Envelope(string MessageId, string? Body, string? BodyBlob = null, string? Reason = null, string? Description = null)
    {
        public static Envelope? Read(BinaryData data)
        {
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
