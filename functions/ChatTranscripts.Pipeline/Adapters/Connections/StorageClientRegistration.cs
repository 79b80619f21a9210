using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatTranscripts.Pipeline.Adapters.Connections;

/// <summary>
/// Registers the three storage clients of <c>AzureWebJobsStorage</c> with <c>AddAzureClients</c>, and the
/// <see cref="StorageAccount"/> that holds them. The one adapter between the Functions' spelling of the connection
/// and Microsoft.Extensions.Azure's: the Functions host reads <c>accountName</c> or <c>blobServiceUri</c>,
/// <c>queueServiceUri</c> and <c>tableServiceUri</c>, the client factory reads the constructor's parameter names
/// (<c>serviceUri</c>; <c>endpoint</c> for tables).
/// </summary>
public static class StorageClientRegistration
{
    /// <param name="adjustOptions">Adjusts each client's options after the shared retry policy is set (tests add fault-injecting policies here).</param>
    public static IServiceCollection AddStorageAccount(this IServiceCollection services, IConfiguration configuration, Action<ClientOptions>? adjustOptions = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var connection = StorageConnectionOptions.Read(configuration);
        // Built once, when a client first needs it, and shared by the three clients.
        var credential = new Lazy<TokenCredential>(() => IdentityCredential.For(connection));
        services.AddPipelineAzureClients(clients =>
        {
            // Storage answers throttling with 503 and 429: retry with exponential backoff. Service Bus has options of
            // its own, which these defaults leave alone.
            clients.ConfigureDefaults(options =>
            {
                options.Retry.Mode = RetryMode.Exponential;
                options.Retry.MaxRetries = 6;
                options.Retry.Delay = TimeSpan.FromMilliseconds(200);
                options.Retry.MaxDelay = TimeSpan.FromSeconds(10);
                options.Retry.NetworkTimeout = TimeSpan.FromSeconds(60);
                adjustOptions?.Invoke(options);
            });
            clients.AddTableServiceClient(ClientConfiguration(configuration, connection, "table", "endpoint"))
                .WithCredential(_ => credential.Value);
            clients.AddBlobServiceClient(ClientConfiguration(configuration, connection, "blob", "serviceUri"))
                .WithCredential(_ => credential.Value);
            clients.AddQueueServiceClient(ClientConfiguration(configuration, connection, "queue", "serviceUri"))
                .WithCredential(_ => credential.Value)
                .ConfigureOptions(options => options.MessageEncoding = QueueMessageEncoding.Base64);
        });
        services.TryAddSingleton(provider => connection.IsComplete
            ? new StorageAccount(
                provider.GetRequiredService<TableServiceClient>(),
                provider.GetRequiredService<BlobServiceClient>(),
                provider.GetRequiredService<QueueServiceClient>())
            : throw new InvalidOperationException(
                $"Storage is not configured: set '{StorageConnectionOptions.ConnectionName}' to a connection string (for Azurite: UseDevelopmentStorage=true), " +
                $"or set '{StorageConnectionOptions.ConnectionName}__accountName' (or __blobServiceUri, __tableServiceUri and __queueServiceUri) for an identity-based connection."));
        return services;
    }

    /// <summary>
    /// What the client factory reads for one service: the connection string as a section's value, or the service's
    /// URI under the constructor parameter that takes it (the factory then picks the constructor with a credential).
    /// </summary>
    private static IConfiguration ClientConfiguration(IConfiguration configuration, StorageConnectionOptions connection, string service, string uriParameter) =>
        connection.HasConnectionString
            ? configuration.GetSection(StorageConnectionOptions.ConnectionName)
            : new ConfigurationBuilder().AddInMemoryCollection([new(uriParameter, connection.ServiceUri(service))]).Build();
}
