namespace ChatTranscripts.Pipeline.Application.Ports;

/// <summary>The published site: files served as they are, at their path.</summary>
public interface IStaticSite
{
    /// <summary>Where the site lives, for logs.</summary>
    string Name { get; }

    Task UploadAsync(string path, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken);

    /// <summary>Uploads unless the site already holds these bytes with these headers; true when it uploaded.</summary>
    Task<bool> UploadIfChangedAsync(string path, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken);

    /// <summary>As above, against <paramref name="current"/> (from <see cref="ListAsync"/>; null when absent) instead of asking again.</summary>
    Task<bool> UploadIfChangedAsync(string path, ReadOnlyMemory<byte> content, string contentType, SiteFileState? current, CancellationToken cancellationToken);

    /// <summary>Every file under <paramref name="prefix"/>, with what <see cref="UploadIfChangedAsync(string, ReadOnlyMemory{byte}, string, SiteFileState?, CancellationToken)"/> compares.</summary>
    Task<IReadOnlyDictionary<string, SiteFileState>> ListAsync(string prefix, CancellationToken cancellationToken);

    Task DeleteAsync(string path, CancellationToken cancellationToken);

    Task<SiteFile?> ReadAsync(string path, CancellationToken cancellationToken);
}
