using Azure.Messaging.ServiceBus;
using ChatTranscripts.Pipeline.Adapters.Queues;
using ChatTranscripts.Pipeline.Application.Ports;
using ChatTranscripts.Testing;

namespace ChatTranscripts.IntegrationTests.Queueing;

/// <summary>
/// The queue contract on a real Service Bus queue, when one is configured: set the environment variable
/// <c>ServiceBus</c> to a connection string and <c>ServiceBusQueue</c> to an empty queue with duplicate detection.
/// Claim-checked bodies go to Azurite's blobs.
/// </summary>
public sealed class ServiceBusContractTests(AzuriteFixture azurite) : PostQueueContract, IAsyncDisposable
{
    private readonly string? _connection = Environment.GetEnvironmentVariable("ServiceBus");
    private readonly string _queueName = Environment.GetEnvironmentVariable("ServiceBusQueue") ?? "posts-contract";
    private ServiceBusClient? _client;

    protected override async Task<IPostQueue> CreateQueueAsync()
    {
        if (string.IsNullOrWhiteSpace(_connection))
        {
            Assert.Skip("No Service Bus here: set ServiceBus (a connection string) and ServiceBusQueue to run the contract against Service Bus.");
        }
        _client = new ServiceBusClient(_connection);
        var receiver = _client.CreateReceiver(_queueName);
        // Start from an empty queue: earlier runs may have left messages behind.
        while ((await receiver.ReceiveMessagesAsync(100, TimeSpan.FromSeconds(1))).ToList() is { Count: > 0 } leftovers)
        {
            foreach (var message in leftovers)
            {
                await receiver.CompleteMessageAsync(message);
            }
        }
        return new ServiceBusPostQueue(_client.CreateSender(_queueName), receiver, ClaimCheck.For(azurite.StorageAccount, _queueName + azurite.UniquePrefix()));
    }

    protected override async Task<DeadLetter> DeadLetterAsync(IPostQueue queue)
    {
        await using var deadLetters = _client!.CreateReceiver(_queueName, new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter });
        var message = await deadLetters.ReceiveMessageAsync(TimeSpan.FromSeconds(5));
        Assert.NotNull(message);
        await deadLetters.CompleteMessageAsync(message);
        return new DeadLetter(message.MessageId, message.Body.ToString(), message.DeadLetterReason, message.DeadLetterErrorDescription);
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.DisposeAsync();
        }
    }
}
