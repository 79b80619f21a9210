using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ChatTranscripts.Pipeline.Adapters.Connections;
using ChatTranscripts.Pipeline.Application.Ports;
using ChatTranscripts.Pipeline.Application.Publishing;
using Microsoft.Extensions.Options;

namespace ChatTranscripts.Pipeline.Adapters.Blobs;

/// <summary>The blob container served as the static website (<c>$web</c> in Azure).</summary>
public sealed class StaticSite : IDisposable, IStaticSite
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
    public async Task<bool> UploadIfChangedAsync(string path, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken);
        SiteFileState? current = null;
        try
        {
            var properties = (await _container.GetBlobClient(path).GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            current = new SiteFileState(properties.ContentType, properties.CacheControl, properties.ContentHash);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
        return await UploadIfChangedAsync(path, content, contentType, current, cancellationToken);
    }

    /// <summary>
    /// Uploads unless <paramref name="current"/>, the blob as <see cref="ListAsync"/> found it (null when absent), already
    /// holds these bytes with these headers; true when it uploaded. Costs no request for an unchanged file.
    /// </summary>
    [SuppressMessage("Security", "CA5351", Justification = "Compared with the Content-MD5 the service stores; not a security use.")]
    public async Task<bool> UploadIfChangedAsync(string path, ReadOnlyMemory<byte> content, string contentType, SiteFileState? current, CancellationToken cancellationToken)
    {
        if (current is not null
            && current.ContentType == contentType
            && current.CacheControl == _cacheControl
            && !current.ContentHash.IsEmpty
            && current.ContentHash.Span.SequenceEqual(MD5.HashData(content.Span)))
        {
            return false;
        }
        await UploadAsync(path, content, contentType, cancellationToken);
        return true;
    }

    /// <summary>
    /// Every file whose path starts with <paramref name="prefix"/>, with what <see cref="UploadIfChangedAsync(string, ReadOnlyMemory{byte}, string, SiteFileState?, CancellationToken)"/>
    /// compares: one listing request per 5,000 files rather than one request per file.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, SiteFileState>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken);
        var files = new Dictionary<string, SiteFileState>(StringComparer.Ordinal);
        await foreach (var blob in _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken))
        {
            files[blob.Name] = new SiteFileState(blob.Properties.ContentType, blob.Properties.CacheControl, blob.Properties.ContentHash);
        }
        return files;
    }

    /// <summary>Removes a file; one that is already gone is no error, so a repeated run does the same.</summary>
    public async Task DeleteAsync(string path, CancellationToken cancellationToken) =>
        await _container.GetBlobClient(path).DeleteIfExistsAsync(cancellationToken: cancellationToken);

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
