using Azure.Messaging.ServiceBus;
using ChatTranscripts.Pipeline.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatTranscripts.Pipeline.Queueing;

public static class QueueingServiceCollectionExtensions
{
    public const string ServiceBusConnection = "ServiceBus";

    /// <summary>
    /// Service Bus when a <c>ServiceBus</c> connection is configured (a connection string, or
    /// <c>ServiceBus__fullyQualifiedNamespace</c> for an identity), else a Storage queue on <c>AzureWebJobsStorage</c>.
    /// </summary>
    public static IServiceCollection AddPostQueue(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<QueueOptions>().Bind(configuration.GetSection(QueueOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<QueueDrainer>();

        var connection = configuration.GetSection(ServiceBusConnection);
        var connectionString = connection.Value;
        var fullyQualifiedNamespace = connection["fullyQualifiedNamespace"];
        if (string.IsNullOrWhiteSpace(connectionString) && string.IsNullOrWhiteSpace(fullyQualifiedNamespace))
        {
            services.AddSingleton<IPostQueue, StorageQueuePostQueue>();
            return services;
        }

        services.AddSingleton(_ => string.IsNullOrWhiteSpace(connectionString)
            ? new ServiceBusClient(fullyQualifiedNamespace, IdentityCredential.For(connection))
            : new ServiceBusClient(connectionString));
        services.AddSingleton<IPostQueue>(sp =>
        {
            var client = sp.GetRequiredService<ServiceBusClient>();
            var name = sp.GetRequiredService<IOptions<QueueOptions>>().Value.Name;
            return new ServiceBusPostQueue(client.CreateSender(name), client.CreateReceiver(name, new ServiceBusReceiverOptions { PrefetchCount = 0 }));
        });
        return services;
    }
}
