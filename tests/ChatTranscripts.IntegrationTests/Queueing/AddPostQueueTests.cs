using Azure.Messaging.ServiceBus;
using ChatTranscripts.Pipeline.Adapters.Queues;
using ChatTranscripts.Pipeline.Application.Ports;
using ChatTranscripts.Pipeline.Application.Queueing;
using ChatTranscripts.Pipeline.Hosting;
using ChatTranscripts.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatTranscripts.IntegrationTests.Queueing;

/// <summary>Which queue the configuration selects. Nothing here connects: Service Bus clients connect on first use.</summary>
public sealed class AddPostQueueTests(AzuriteFixture azurite)
{
    private const string FakeServiceBus = "Endpoint=sb://example.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=bm90LWEta2V5";

    [Fact]
    public async Task Without_a_service_bus_connection_the_queue_is_a_storage_queue_on_the_registered_account()
    {
        await using var services = Build([]);

        Assert.IsType<StorageQueuePostQueue>(services.GetRequiredService<IPostQueue>());
        Assert.NotNull(services.GetRequiredService<QueueDrainer>());
        Assert.Null(services.GetService<ServiceBusClient>());
    }

    [Fact]
    public async Task A_service_bus_connection_string_selects_service_bus()
    {
        await using var services = Build(new() { ["ServiceBus"] = FakeServiceBus });

        Assert.IsType<ServiceBusPostQueue>(services.GetRequiredService<IPostQueue>());
        Assert.Equal("example.servicebus.windows.net", services.GetRequiredService<ServiceBusClient>().FullyQualifiedNamespace);
    }

    [Fact]
    public async Task A_fully_qualified_namespace_selects_service_bus_with_an_identity()
    {
        await using var services = Build(new()
        {
            ["ServiceBus:fullyQualifiedNamespace"] = "example.servicebus.windows.net",
            ["ServiceBus:credential"] = "managedidentity",
        });

        Assert.IsType<ServiceBusPostQueue>(services.GetRequiredService<IPostQueue>());
        Assert.Equal("example.servicebus.windows.net", services.GetRequiredService<ServiceBusClient>().FullyQualifiedNamespace);
    }

    [Fact]
    public async Task The_queue_section_is_bound_and_validated()
    {
        await using var services = Build(new() { ["Queue:Name"] = "incoming", ["Queue:BatchSize"] = "100", ["Queue:VisibilityTimeout"] = "00:01:00" });
        await using var invalid = Build(new() { ["Queue:MaxDeliveryCount"] = "0" });

        var options = services.GetRequiredService<IOptions<QueueOptions>>().Value;
        Assert.Equal(("incoming", 100, TimeSpan.FromMinutes(1)), (options.Name, options.BatchSize, options.VisibilityTimeout));
        var error = Assert.Throws<OptionsValidationException>(() => invalid.GetRequiredService<IOptions<QueueOptions>>().Value);
        Assert.Contains("Queue:MaxDeliveryCount", error.Message, StringComparison.Ordinal);
    }

    private ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(azurite.StorageAccount);
        services.AddPostQueue(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
