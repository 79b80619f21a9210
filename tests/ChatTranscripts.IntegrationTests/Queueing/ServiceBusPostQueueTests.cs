using Azure.Messaging.ServiceBus;
using ChatTranscripts.IntegrationTests.EndToEnd;
using ChatTranscripts.Pipeline.Adapters.Queues;
using ChatTranscripts.Pipeline.Application.Ingest;
using ChatTranscripts.Pipeline.Application.Ports;
using ChatTranscripts.Pipeline.Application.Queueing;
using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Testing;

namespace ChatTranscripts.IntegrationTests.Queueing;

/// <summary>
/// The Service Bus adapter without a broker (its emulator needs Docker): the SDK's model factory and its virtual
/// client methods stand in for the namespace, as the SDK intends for tests.
/// </summary>
public sealed class ServiceBusPostQueueTests(AzuriteFixture azurite)
{
    /// <summary>A Service Bus Standard namespace's largest message.</summary>
    private const int StandardMessageBytes = 256 * 1024;

    [Fact]
    public async Task A_message_that_fits_goes_out_in_one_send_with_its_id_and_content_type()
    {
        var sender = new RecordingSender(batchCapacity: 100);
        var queue = Queue(sender, new RecordingReceiver());

        await queue.SendAsync(Message("posts:msg_1"), CancellationToken.None);

        var sent = Assert.Single(Assert.Single(sender.Sent));
        Assert.Equal(("posts:msg_1", "application/json", "{}"), (sent.MessageId, sent.ContentType, sent.Body.ToString()));
        Assert.False(sent.ApplicationProperties.ContainsKey(ServiceBusPostQueue.BodyBlobProperty));
    }

    [Fact]
    public async Task A_message_too_large_for_any_batch_fails_the_send_before_anything_is_sent()
    {
        var sender = new RecordingSender(batchCapacity: 0);
        var queue = Queue(sender, new RecordingReceiver());

        await Assert.ThrowsAsync<InvalidOperationException>(() => queue.SendAsync(Message("a"), CancellationToken.None));

        Assert.Empty(sender.Sent);
        Assert.Empty(await Payloads().GetBlobsAsync(cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Received_messages_are_settled_on_the_receiver()
    {
        var delivered = ServiceBusModelFactory.ServiceBusReceivedMessage(body: BinaryData.FromString("{}"), messageId: "twitter:9", deliveryCount: 3);
        var receiver = new RecordingReceiver(delivered);
        var queue = Queue(new RecordingSender(10), receiver);

        var received = Assert.Single(await queue.ReceiveAsync(32, CancellationToken.None));
        await queue.CompleteAsync(received, CancellationToken.None);
        await queue.AbandonAsync(received, CancellationToken.None);
        await queue.DeadLetterAsync(received, "Unprocessable", "not a post", CancellationToken.None);

        Assert.Equal("twitter:9", received.MessageId);
        Assert.Equal(3, received.DeliveryCount);
        Assert.Equal(["complete twitter:9", "abandon twitter:9", "dead-letter twitter:9 Unprocessable: not a post"], receiver.Settled);
        Assert.Equal([32], receiver.Requested);
    }

    [Fact]
    public async Task A_message_received_from_another_queue_is_refused_rather_than_settled()
    {
        var receiver = new RecordingReceiver();
        var queue = Queue(new RecordingSender(10), receiver);
        var foreign = new ReceivedMessage("twitter:1", BinaryData.FromString("{}"), 1, new object());

        await Assert.ThrowsAsync<ArgumentException>(() => queue.CompleteAsync(foreign, CancellationToken.None));

        Assert.Empty(receiver.Settled);
    }

    [Fact]
    public async Task A_valid_delivery_over_the_message_size_limit_is_sent_with_its_body_in_a_blob()
    {
        var sender = new RecordingSender(batchCapacity: 100, maxMessageBytes: StandardMessageBytes);
        var queue = Queue(sender, new RecordingReceiver());
        var large = LargestPost();
        Assert.True(large.Body.ToMemory().Length > StandardMessageBytes);

        await queue.SendAsync(large, CancellationToken.None);

        var sent = Assert.Single(Assert.Single(sender.Sent));
        Assert.Equal(large.MessageId, sent.MessageId);
        Assert.InRange(sent.Body.ToMemory().Length, 0, StandardMessageBytes);
        Assert.Equal(large.Body.ToString(), await BlobContentAsync(sent));
    }

    [Fact]
    public async Task A_message_carried_in_a_blob_is_received_whole_and_its_blob_removed_when_completed()
    {
        var sender = new RecordingSender(batchCapacity: 100, maxMessageBytes: StandardMessageBytes);
        var large = LargestPost();
        await Queue(sender, new RecordingReceiver()).SendAsync(large, CancellationToken.None);
        var sent = Assert.Single(Assert.Single(sender.Sent));
        var receiver = new RecordingReceiver(Delivered(sent, deliveryCount: 1));
        var queue = Queue(new RecordingSender(10), receiver);

        var received = Assert.Single(await queue.ReceiveAsync(32, CancellationToken.None));
        await queue.CompleteAsync(received, CancellationToken.None);

        Assert.Equal(large.MessageId, received.MessageId);
        Assert.Equal(large.Body.ToString(), received.Body.ToString());
        Assert.Equal([$"complete {large.MessageId}"], receiver.Settled);
        Assert.Empty(await Payloads().GetBlobsAsync(cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_dead_lettered_message_keeps_its_blob_for_the_operator()
    {
        var sender = new RecordingSender(batchCapacity: 100, maxMessageBytes: StandardMessageBytes);
        var large = LargestPost();
        await Queue(sender, new RecordingReceiver()).SendAsync(large, CancellationToken.None);
        var sent = Assert.Single(Assert.Single(sender.Sent));
        var queue = Queue(new RecordingSender(10), new RecordingReceiver(Delivered(sent, deliveryCount: 5)));

        var received = Assert.Single(await queue.ReceiveAsync(32, CancellationToken.None));
        await queue.DeadLetterAsync(received, "Unprocessable", "test", CancellationToken.None);

        Assert.Equal(large.Body.ToString(), await BlobContentAsync(sent));
    }

    [Fact]
    public async Task A_send_that_fails_deletes_the_blob_it_wrote()
    {
        var sender = new RecordingSender(batchCapacity: 1, maxMessageBytes: StandardMessageBytes, failOnSend: 1);
        var queue = Queue(sender, new RecordingReceiver());

        await Assert.ThrowsAsync<ServiceBusException>(() => queue.SendAsync(LargestPost(), CancellationToken.None));

        Assert.Empty(await Payloads().GetBlobsAsync(cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>A delivery of one post of 25,000 emoji: about 300 KB once JSON escapes each one.</summary>
    private static OutgoingMessage LargestPost() => PipelineMessage.ForDelivery(DeliverySources.Posts, "msg_largest",
    [
        new CanonicalPost
        {
            Platform = "twitter",
            Id = "largest",
            Author = new PostAuthor("someone", null),
            Text = WorstCase.Texts["emoji"],
            CreatedAt = DateTimeOffset.UnixEpoch,
        },
    ], []);

    private static ServiceBusReceivedMessage Delivered(ServiceBusMessage sent, int deliveryCount) =>
        ServiceBusModelFactory.ServiceBusReceivedMessage(
            body: sent.Body, messageId: sent.MessageId, deliveryCount: deliveryCount, properties: sent.ApplicationProperties);

    private static OutgoingMessage Message(string id) => new(id, BinaryData.FromString("{}"));

    private readonly string _payloads = "sb" + azurite.UniquePrefix();

    private ServiceBusPostQueue Queue(ServiceBusSender sender, ServiceBusReceiver receiver) => new(sender, receiver, new ClaimCheck(Payloads()));

    private Azure.Storage.Blobs.BlobContainerClient Payloads() => azurite.StorageAccount.Blobs.GetBlobContainerClient(_payloads);

    /// <summary>The body of the blob a claim-checked message names: the only blob in the container.</summary>
    private async Task<string> BlobContentAsync(ServiceBusMessage message)
    {
        var blob = Assert.Single(await Payloads().GetBlobsAsync(cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(blob.Name, message.ApplicationProperties[ServiceBusPostQueue.BodyBlobProperty]);
        return (await Payloads().GetBlobClient(blob.Name).DownloadContentAsync(TestContext.Current.CancellationToken)).Value.Content.ToString();
    }

    /// <summary>
    /// Batches that take <paramref name="batchCapacity"/> messages each, and messages of at most
    /// <paramref name="maxMessageBytes"/>; records what is sent, and fails send number <paramref name="failOnSend"/>.
    /// </summary>
    private sealed class RecordingSender(int batchCapacity, int failOnSend = 0, int maxMessageBytes = int.MaxValue) : ServiceBusSender
    {
        private readonly Dictionary<ServiceBusMessageBatch, List<ServiceBusMessage>> _contents = [];
        private int _sends;

        public List<List<ServiceBusMessage>> Sent { get; } = [];

        public override ValueTask<ServiceBusMessageBatch> CreateMessageBatchAsync(CancellationToken cancellationToken = default)
        {
            var store = new List<ServiceBusMessage>();
            var batch = ServiceBusModelFactory.ServiceBusMessageBatch(256 * 1024, store, tryAddCallback: m => store.Count < batchCapacity && m.Body.ToMemory().Length <= maxMessageBytes);
            _contents[batch] = store;
            return ValueTask.FromResult(batch);
        }

        public override Task SendMessagesAsync(ServiceBusMessageBatch messageBatch, CancellationToken cancellationToken = default)
        {
            if (++_sends == failOnSend)
            {
                throw new ServiceBusException("injected failure", ServiceBusFailureReason.ServiceCommunicationProblem);
            }
            Sent.Add([.. _contents[messageBatch]]);
            return Task.CompletedTask;
        }
    }

    private sealed class RecordingReceiver(params ServiceBusReceivedMessage[] messages) : ServiceBusReceiver
    {
        public List<string> Settled { get; } = [];

        public List<int> Requested { get; } = [];

        public override Task<IReadOnlyList<ServiceBusReceivedMessage>> ReceiveMessagesAsync(int maxMessages, TimeSpan? maxWaitTime = null, CancellationToken cancellationToken = default)
        {
            Requested.Add(maxMessages);
            return Task.FromResult<IReadOnlyList<ServiceBusReceivedMessage>>([.. messages.Take(maxMessages)]);
        }

        public override Task CompleteMessageAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken = default)
        {
            Settled.Add($"complete {message.MessageId}");
            return Task.CompletedTask;
        }

        public override Task AbandonMessageAsync(ServiceBusReceivedMessage message, IDictionary<string, object>? propertiesToModify = null, CancellationToken cancellationToken = default)
        {
            Settled.Add($"abandon {message.MessageId}");
            return Task.CompletedTask;
        }

        public override Task DeadLetterMessageAsync(ServiceBusReceivedMessage message, string deadLetterReason, string? deadLetterErrorDescription = null, CancellationToken cancellationToken = default)
        {
            Settled.Add($"dead-letter {message.MessageId} {deadLetterReason}: {deadLetterErrorDescription}");
            return Task.CompletedTask;
        }
    }
}
