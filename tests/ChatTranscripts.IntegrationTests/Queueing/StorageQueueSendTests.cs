using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using ChatTranscripts.Pipeline.Adapters.Connections;
using ChatTranscripts.Pipeline.Adapters.Queues;
using ChatTranscripts.Pipeline.Application.Ports;
using ChatTranscripts.Pipeline.Application.Queueing;
using ChatTranscripts.Testing;
using Microsoft.Extensions.Options;

namespace ChatTranscripts.IntegrationTests.Queueing;

/// <summary>
/// A delivery is one message, so a Storage queue send is all or nothing by itself; what a failed send must not leave
/// behind is the claim-check blob of a body too large to travel inline.
/// </summary>
public sealed class StorageQueueSendTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_send_that_fails_after_its_body_went_to_a_blob_leaves_no_payload_and_nothing_queued()
    {
        var options = Options.Create(new QueueOptions { Name = "q" + azurite.UniquePrefix() });
        using var healthy = new StorageQueuePostQueue(azurite.StorageAccount, options);
        await healthy.InitializeAsync(TestContext.Current.CancellationToken);
        var failOn = new FailNthSend(1);
        using var failing = new StorageQueuePostQueue(StorageWith(failOn), options);
        var large = new OutgoingMessage("m-large", BinaryData.FromString("{\"text\":\"" + new string('x', 60_000) + "\"}"));

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => failing.SendAsync(large, TestContext.Current.CancellationToken));

        Assert.Equal(500, error.Status);
        Assert.Equal(1, failOn.Sends);
        Assert.Empty(await healthy.ReceiveAsync(32, TestContext.Current.CancellationToken));
        Assert.Equal(0, (await RawQueue(options.Value.Name).GetPropertiesAsync(TestContext.Current.CancellationToken)).Value.ApproximateMessagesCount);
        Assert.Empty(await Payloads(options.Value.Name).GetBlobsAsync(cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_send_that_succeeds_with_its_body_in_a_blob_queues_one_message_naming_it()
    {
        var options = Options.Create(new QueueOptions { Name = "q" + azurite.UniquePrefix() });
        using var queue = new StorageQueuePostQueue(azurite.StorageAccount, options);
        var large = new OutgoingMessage("m-large", BinaryData.FromString("{\"text\":\"" + new string('x', 60_000) + "\"}"));

        await queue.SendAsync(large, TestContext.Current.CancellationToken);

        Assert.Equal(1, (await RawQueue(options.Value.Name).GetPropertiesAsync(TestContext.Current.CancellationToken)).Value.ApproximateMessagesCount);
        Assert.Single(await Payloads(options.Value.Name).GetBlobsAsync(cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));
    }

    private QueueClient RawQueue(string name) => azurite.StorageAccount.Queues.GetQueueClient(name);

    private BlobContainerClient Payloads(string name) => azurite.StorageAccount.Blobs.GetBlobContainerClient(name + ClaimCheck.ContainerSuffix);

    /// <summary>The fixture's account, except that its queue client runs <paramref name="policy"/> and does not retry.</summary>
    private StorageAccount StorageWith(HttpPipelinePolicy policy)
    {
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        options.Retry.MaxRetries = 0;
        options.AddPolicy(policy, HttpPipelinePosition.PerCall);
        var healthy = azurite.StorageAccount;
        return new StorageAccount(healthy.Tables, healthy.Blobs, new QueueServiceClient(azurite.ConnectionString, options));
    }

    /// <summary>Answers the Nth "put message" with a 500 before it reaches the service, as a storage outage would.</summary>
    private sealed class FailNthSend(int n) : HttpPipelinePolicy
    {
        private int _sends;

        public int Sends => _sends;

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (IsSend(message) && Interlocked.Increment(ref _sends) == n)
            {
                throw new RequestFailedException(500, "Injected failure");
            }
            await ProcessNextAsync(message, pipeline);
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

        private static bool IsSend(HttpMessage message) =>
            message.Request.Method == RequestMethod.Post && message.Request.Uri.Path.EndsWith("/messages", StringComparison.Ordinal);
    }
}
