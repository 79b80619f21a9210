using Azure;
using Azure.Storage.Blobs;
using ChatTranscripts.Pipeline.Adapters.Connections;

namespace ChatTranscripts.Pipeline.Adapters.Queues;

/// <summary>
/// The claim-check both queues share: a body too large for a queue message (64 KiB on Storage queues, 256 KB on
/// Service Bus Standard) waits in the <c>{queue}-payloads</c> blob container, and the message carries the blob's name.
/// The blob goes when its message is completed; a dead letter keeps it for the operator.
/// </summary>
public sealed class ClaimCheck : IDisposable
{
    public const string ContainerSuffix = "-payloads";

    private readonly BlobContainerClient _container;
    private readonly CreateOnce _created;

    public ClaimCheck(BlobContainerClient container)
    {
        ArgumentNullException.ThrowIfNull(container);
        _container = container;
        _created = new CreateOnce(ct => _container.CreateIfNotExistsAsync(cancellationToken: ct));
    }

    /// <summary>The claim-check of the queue named <paramref name="queueName"/>, in <paramref name="account"/>'s blobs.</summary>
    public static ClaimCheck For(StorageAccount account, string queueName)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new ClaimCheck(account.Blobs.GetBlobContainerClient(queueName + ContainerSuffix));
    }

    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => _created.EnsureAsync(cancellationToken);

    /// <summary>Stores the body; returns the name its message carries instead.</summary>
    public async Task<string> StoreAsync(BinaryData body, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        var name = Guid.NewGuid().ToString("N");
        await _container.UploadBlobAsync(name, body, cancellationToken);
        return name;
    }

    /// <summary>
    /// Stores the body, then sends (with <paramref name="send"/>) the message that names the blob. When the send fails
    /// the blob is deleted again, so a delivery refused with a 503 leaves nothing behind; the send's own error is what
    /// the caller sees, even when that delete fails too (the blob is then an orphan no message names).
    /// </summary>
    public async Task SendStoredAsync(BinaryData body, Func<string, Task> send, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(send);
        var name = await StoreAsync(body, cancellationToken);
        try
        {
            await send(name);
        }
        catch
        {
            await DeleteOrphanAsync(name);
            throw;
        }
    }

    /// <summary>
    /// The body stored under <paramref name="name"/>; empty when it is gone (its message was completed by another
    /// receiver), which the processor rejects and the drainer dead-letters rather than loses.
    /// </summary>
    public async Task<BinaryData> LoadAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            return (await _container.GetBlobClient(name).DownloadContentAsync(cancellationToken)).Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return BinaryData.Empty;
        }
    }

    public Task DeleteAsync(string name, CancellationToken cancellationToken) =>
        _container.DeleteBlobIfExistsAsync(name, cancellationToken: cancellationToken);

    public void Dispose() => _created.Dispose();

    private async Task DeleteOrphanAsync(string name)
    {
        try
        {
            await DeleteAsync(name, CancellationToken.None);
        }
        catch (Exception e) when (e is RequestFailedException or TimeoutException or HttpRequestException)
        {
            // The storage that just failed the send may well fail this too; the orphan costs a few bytes, the caller's error matters.
        }
    }
}
