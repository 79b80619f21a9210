using ChatTranscripts.Pipeline.Adapters.Queues;
using ChatTranscripts.Pipeline.Application.Ports;
using ChatTranscripts.Pipeline.Application.Queueing;
using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Testing;
using Microsoft.Extensions.Options;

namespace ChatTranscripts.IntegrationTests.Queueing;

/// <summary>The queue contract on Azure Storage Queues, on Azurite: runs everywhere.</summary>
public sealed class StorageQueueContractTests(AzuriteFixture azurite) : PostQueueContract
{
    private readonly string _queueName = "q" + azurite.UniquePrefix();

    protected override Task<IPostQueue> CreateQueueAsync() =>
        Task.FromResult<IPostQueue>(new StorageQueuePostQueue(azurite.StorageAccount, Options.Create(new QueueOptions { Name = _queueName })));

    /// <summary>Read where an operator finds dead letters: the <c>-poison</c> queue beside the queue.</summary>
    protected override async Task<DeadLetter> DeadLetterAsync(IPostQueue queue)
    {
        var poison = azurite.StorageAccount.Queues.GetQueueClient(_queueName + StorageQueuePostQueue.PoisonSuffix);
        var poisoned = Assert.Single((await poison.ReceiveMessagesAsync(32)).Value);
        var envelope = poisoned.Body.ToObjectFromJson<StorageQueuePostQueue.Envelope>(PipelineJson.Options)!;
        return new DeadLetter(envelope.MessageId, envelope.Body ?? "", envelope.Reason, envelope.Description);
    }
}
