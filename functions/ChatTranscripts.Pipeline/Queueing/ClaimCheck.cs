using Azure;
using Azure.Storage.Blobs;
using ChatTranscripts.Pipeline.Storage;

namespace ChatTranscripts.Pipeline.Queueing;

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
}
