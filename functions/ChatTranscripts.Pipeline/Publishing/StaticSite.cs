using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ChatTranscripts.Pipeline.Storage;
using Microsoft.Extensions.Options;

namespace ChatTranscripts.Pipeline.Publishing;

/// <summary>The blob container served as the static website (<c>$web</c> in Azure).</summary>
public sealed class StaticSite : IDisposable
{
    private readonly BlobContainerClient _container;
    private readonly string _cacheControl;
    private readonly CreateOnce _created;

    public StaticSite(StorageAccount account, IOptions<PublishingOptions> options)
    {
        _container = account.Blobs.GetBlobContainerClient(options.Value.Container);
        _cacheControl = options.Value.CacheControl;
        _created = new CreateOnce(ct => _container.CreateIfNotExistsAsync(cancellationToken: ct));
    }

    /// <summary>The account and container, which name this site for as long as it exists.</summary>
    public string Name => $"{_container.AccountName}/{_container.Name}";

    public async Task UploadAsync(string path, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken);
        await _container.GetBlobClient(path).UploadAsync(
            BinaryData.FromBytes(content),
            new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType, CacheControl = _cacheControl },
            },
            cancellationToken);
    }

    /// <summary>Reads a page for the local host, which must serve what Azure's static website would.</summary>
    public async Task<SiteFile?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var result = await _container.GetBlobClient(path).DownloadContentAsync(cancellationToken);
            return new SiteFile(result.Value.Content, result.Value.Details.ContentType, result.Value.Details.CacheControl);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public void Dispose() => _created.Dispose();
}

public sealed record SiteFile(BinaryData Content, string ContentType, string? CacheControl);
