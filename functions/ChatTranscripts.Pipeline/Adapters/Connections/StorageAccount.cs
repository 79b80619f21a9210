using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatTranscripts.Pipeline.Adapters.Connections;

/// <summary>
/// The storage account named by the <c>AzureWebJobsStorage</c> connection: its three service clients, registered by
/// <see cref="StorageClientRegistration.AddStorageAccount"/>.
/// </summary>
public sealed class StorageAccount
{
    public StorageAccount(TableServiceClient tables, BlobServiceClient blobs, QueueServiceClient queues)
    {
        Tables = tables;
        Blobs = blobs;
        Queues = queues;
    }

    public TableServiceClient Tables { get; }

    public BlobServiceClient Blobs { get; }

    public QueueServiceClient Queues { get; }

    /// <summary>
    /// The account a connection string names, with its clients made by the same registration as the hosts' (the
    /// load tool and the tests reach Azurite this way).
    /// </summary>
    /// <param name="configure">Adjusts each client's options after the shared retry policy is set (tests add fault-injecting policies here).</param>
    public static StorageAccount FromConnectionString(string connectionString, Action<ClientOptions>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new(StorageConnectionOptions.ConnectionName, connectionString)])
            .Build();
        // The clients outlive the provider: storage clients hold nothing it would dispose.
        using var services = new ServiceCollection().AddStorageAccount(configuration, configure).BuildServiceProvider();
        return services.GetRequiredService<StorageAccount>();
    }
}
