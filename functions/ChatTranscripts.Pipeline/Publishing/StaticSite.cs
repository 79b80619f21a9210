using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
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

    /// <summary>
    /// Uploads unless the blob already holds these bytes with these headers; true when it uploaded. The comparison
    /// uses the MD5 the service keeps for every single-shot upload, so checking costs one small request.
    /// </summary>
    [SuppressMessage("Security", "CA5351", Justification = "Compared with the Content-MD5 the service stores; not a security use.")]
    public async Task<bool> UploadIfChangedAsync(string path, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken);
        try
        {
            var properties = (await _container.GetBlobClient(path).GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            if (properties.ContentType == contentType
                && properties.CacheControl == _cacheControl
                && properties.ContentHash is { Length: > 0 } stored
                && stored.AsSpan().SequenceEqual(MD5.HashData(content.Span)))
            {
                return false;
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
        await UploadAsync(path, content, contentType, cancellationToken);
        return true;
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
