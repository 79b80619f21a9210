using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace ChatTranscripts.Pipeline.Adapters.Connections;

/// <summary>
/// The storage account named by the <c>AzureWebJobsStorage</c> connection: a connection string (Azurite, or
/// <c>UseDevelopmentStorage=true</c>) or, in Azure, an identity-based section with <c>accountName</c> or service URIs.
/// </summary>
public sealed class StorageAccount
{
    public const string ConnectionName = "AzureWebJobsStorage";

    public StorageAccount(TableServiceClient tables, BlobServiceClient blobs, QueueServiceClient queues)
    {
        Tables = tables;
        Blobs = blobs;
        Queues = queues;
    }

    public TableServiceClient Tables { get; }

    public BlobServiceClient Blobs { get; }

    public QueueServiceClient Queues { get; }

    public static StorageAccount FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection(ConnectionName);
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return FromConnectionString(section.Value);
        }
        var accountName = section["accountName"];
        var blobUri = ServiceUri(section, "blobServiceUri", accountName, "blob");
        var tableUri = ServiceUri(section, "tableServiceUri", accountName, "table");
        var queueUri = ServiceUri(section, "queueServiceUri", accountName, "queue");
        if (blobUri is null || tableUri is null || queueUri is null)
        {
            throw new InvalidOperationException(
                $"Storage is not configured: set '{ConnectionName}' to a connection string (for Azurite: UseDevelopmentStorage=true), " +
                $"or set '{ConnectionName}__accountName' (or __blobServiceUri, __tableServiceUri and __queueServiceUri) for an identity-based connection.");
        }
        TokenCredential credential = IdentityCredential.For(section);
        return new StorageAccount(
            new TableServiceClient(tableUri, credential, StorageClientOptions.Tables()),
            new BlobServiceClient(blobUri, credential, StorageClientOptions.Blobs()),
            new QueueServiceClient(queueUri, credential, StorageClientOptions.Queues()));
    }

    /// <param name="configure">Adjusts each client's options after the shared retry policy is set (tests add fault-injecting policies here).</param>
    public static StorageAccount FromConnectionString(string connectionString, Action<ClientOptions>? configure = null) =>
        new(
            new TableServiceClient(connectionString, Adjusted(StorageClientOptions.Tables(), configure)),
            new BlobServiceClient(connectionString, Adjusted(StorageClientOptions.Blobs(), configure)),
            new QueueServiceClient(connectionString, Adjusted(StorageClientOptions.Queues(), configure)));

    private static T Adjusted<T>(T options, Action<ClientOptions>? configure)
        where T : ClientOptions
    {
        configure?.Invoke(options);
        return options;
    }

    private static Uri? ServiceUri(IConfigurationSection section, string key, string? accountName, string service)
    {
        var explicitUri = section[key];
        if (!string.IsNullOrWhiteSpace(explicitUri))
        {
            return new Uri(explicitUri);
        }
        return string.IsNullOrWhiteSpace(accountName) ? null : new Uri($"https://{accountName}.{service}.core.windows.net");
    }
}
