using Microsoft.Extensions.Configuration;

namespace ChatTranscripts.Pipeline.Adapters.Connections;

/// <summary>
/// The <c>AzureWebJobsStorage</c> connection as the Functions host reads it: a connection string (Azurite, or
/// <c>UseDevelopmentStorage=true</c>) or, in Azure, an identity-based section with <c>accountName</c> or a URI per service.
/// </summary>
public sealed class StorageConnectionOptions : ConnectionOptions
{
    public const string ConnectionName = "AzureWebJobsStorage";

    public string? AccountName { get; set; }

    public string? BlobServiceUri { get; set; }

    public string? QueueServiceUri { get; set; }

    public string? TableServiceUri { get; set; }

    public static StorageConnectionOptions Read(IConfiguration configuration) => Read<StorageConnectionOptions>(configuration, ConnectionName);

    /// <summary>True when every service has somewhere to connect to: a connection string, or a URI for each.</summary>
    public bool IsComplete => HasConnectionString || new[] { "blob", "queue", "table" }.All(service => ServiceUri(service) is not null);

    /// <summary>
    /// The URI of a service (<c>blob</c>, <c>queue</c>, <c>table</c>) as set: its own setting, else the account's public
    /// endpoint; null when neither is set. Not parsed here: a wrong one is named at start-up (by the composition's <c>DeploymentSettingsValidator</c>).
    /// </summary>
    public string? ServiceUri(string service)
    {
        var explicitUri = service switch
        {
            "blob" => BlobServiceUri,
            "queue" => QueueServiceUri,
            "table" => TableServiceUri,
            _ => throw new ArgumentOutOfRangeException(nameof(service), service, "A storage service is blob, queue or table."),
        };
        if (!string.IsNullOrWhiteSpace(explicitUri))
        {
            return explicitUri;
        }
        return string.IsNullOrWhiteSpace(AccountName) ? null : $"https://{AccountName}.{service}.core.windows.net";
    }
}
