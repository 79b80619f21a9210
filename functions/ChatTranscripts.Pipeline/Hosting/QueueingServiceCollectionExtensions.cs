using Azure.Messaging.ServiceBus;
using ChatTranscripts.Pipeline.Adapters.Connections;
using ChatTranscripts.Pipeline.Adapters.Queues;
using ChatTranscripts.Pipeline.Application.Ports;
using ChatTranscripts.Pipeline.Application.Queueing;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatTranscripts.Pipeline.Hosting;

public static class QueueingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="QueueOptions"/> (section <c>Queue</c>, validated at start), <see cref="QueueDrainer"/> and
    /// the <see cref="IPostQueue"/>: Service Bus when a <c>ServiceBus</c> connection is configured (a connection
    /// string, or <c>ServiceBus__fullyQualifiedNamespace</c> with an identity), otherwise a Storage queue on the
    /// <see cref="StorageAccount"/> that the caller registers; both keep oversize bodies in that account's blobs.
    /// Batch handlers are the caller's to register.
    /// </summary>
    public static IServiceCollection AddPostQueue(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<QueueOptions>().Bind(configuration.GetSection(QueueOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<QueueDrainer>();

        var serviceBus = ServiceBusConnectionOptions.Read(configuration);
        if (!serviceBus.IsConfigured)
        {
            services.AddSingleton<IPostQueue>(sp => new StorageQueuePostQueue(sp.GetRequiredService<StorageAccount>(), sp.GetRequiredService<IOptions<QueueOptions>>()));
            return services;
        }

        services.AddPipelineAzureClients(clients => clients
            .AddServiceBusClient(ClientConfiguration(configuration, serviceBus))
            .WithCredential(_ => IdentityCredential.For(serviceBus)));
        services.AddSingleton<IPostQueue>(sp =>
        {
            var client = sp.GetRequiredService<ServiceBusClient>();
            var name = sp.GetRequiredService<IOptions<QueueOptions>>().Value.Name;
            // No prefetch: a prefetched message's lock runs while it waits, and the drainer asks for what it can handle.
            return new ServiceBusPostQueue(
                client.CreateSender(name),
                client.CreateReceiver(name, new ServiceBusReceiverOptions { PrefetchCount = 0 }),
                ClaimCheck.For(sp.GetRequiredService<StorageAccount>(), name));
        });
        return services;
    }

    /// <summary>
    /// What the client factory reads: the connection string as the section's value, or the namespace alone, since
    /// the credential is <see cref="IdentityCredential"/>'s and not one the factory would build from the same section.
    /// </summary>
    private static IConfiguration ClientConfiguration(IConfiguration configuration, ServiceBusConnectionOptions serviceBus) =>
        serviceBus.HasConnectionString
            ? configuration.GetSection(ServiceBusConnectionOptions.ConnectionName)
            : new ConfigurationBuilder()
                .AddInMemoryCollection([new("fullyQualifiedNamespace", serviceBus.FullyQualifiedNamespace)])
                .Build();
}
