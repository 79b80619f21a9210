using System.Text;
using Azure.Storage.Queues;
using ChatTranscripts.Pipeline.Adapters.Connections;
using ChatTranscripts.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;

namespace ChatTranscripts.IntegrationTests.Azurite;

/// <summary>The storage clients the hosts register, against Azurite.</summary>
public sealed class StorageClientRegistrationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Queue_messages_travel_base64_encoded_as_the_functions_host_reads_them()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var name = "encoded" + azurite.UniquePrefix();
        var queue = StorageAccount.FromConnectionString(azurite.ConnectionString).Queues.GetQueueClient(name);
        await queue.CreateAsync(cancellationToken: cancellationToken);

        await queue.SendMessageAsync("{\"id\":\"ünïcode\"}", cancellationToken);

        var raw = new QueueClient(azurite.ConnectionString, name);
        var message = (await raw.ReceiveMessageAsync(cancellationToken: cancellationToken)).Value;
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"id\":\"ünïcode\"}")), message.Body.ToString());
    }

    [Fact]
    public async Task The_sdks_own_request_events_stay_out_of_the_logs()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new(StorageConnectionOptions.ConnectionName, azurite.ConnectionString)])
            .Build();
        await using var services = new ServiceCollection().AddFakeLogging().AddStorageAccount(configuration).BuildServiceProvider();
        var container = services.GetRequiredService<StorageAccount>().Blobs.GetBlobContainerClient("logs" + azurite.UniquePrefix());

        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        // A 409 the SDK would report as a warning of its own.
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

        Assert.DoesNotContain(
            services.GetRequiredService<FakeLogCollector>().GetSnapshot(),
            record => record.Category?.StartsWith("Azure.", StringComparison.Ordinal) == true);
    }
}
