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
    protected override Task<IPostQueue> CreateQueueAsync() =>
        Task.FromResult<IPostQueue>(new StorageQueuePostQueue(azurite.StorageAccount, Options.Create(new QueueOptions { Name = "q" + azurite.UniquePrefix() })));

    protected override async Task<DeadLetter> DeadLetterAsync(IPostQueue queue)
    {
        var poisoned = Assert.Single((await ((StorageQueuePostQueue)queue).Poison.ReceiveMessagesAsync(32)).Value);
        var envelope = poisoned.Body.ToObjectFromJson<StorageQueuePostQueue.Envelope>(PipelineJson.Options)!;
        return new DeadLetter(envelope.MessageId, envelope.Body ?? "", envelope.Reason, envelope.Description);
    }
}
