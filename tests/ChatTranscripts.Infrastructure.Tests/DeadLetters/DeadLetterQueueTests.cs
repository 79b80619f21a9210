using Azure.Messaging.ServiceBus;
using ChatTranscripts.DeadLetters;
using ChatTranscripts.Pipeline.Application.Ingest;
using ChatTranscripts.Pipeline.Application.Queueing;
using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Infrastructure.Tests.DeadLetters;

/// <summary>The runbook's dead-letter tool, against the Service Bus SDK's own test doubles (no namespace needed).</summary>
public sealed class DeadLetterQueueTests
{
    [Fact]
    public async Task Replaying_one_dead_letter_sends_a_clean_copy_under_a_new_id_and_leaves_the_others()
    {
        var receiver = new FakeReceiver([DeadLetter(1, "twitter:1"), DeadLetter(2, "twitter:2"), DeadLetter(3, "twitter:3")]);
        var sender = new FakeSender();
        var output = new StringWriter();

        var exit = await new DeadLetterQueue(new FakeClient(receiver, sender), "posts", output).ReplayAsync(new HashSet<long> { 2 }, TestContext.Current.CancellationToken);

        Assert.Equal(0, exit);
        var copy = Assert.Single(sender.Sent);
        Assert.StartsWith("replay:", copy.MessageId, StringComparison.Ordinal);
        Assert.Equal("twitter:2", copy.ApplicationProperties["replayOf"]);
        Assert.False(copy.ApplicationProperties.ContainsKey("DeadLetterReason"));
        Assert.False(copy.ApplicationProperties.ContainsKey("DeadLetterErrorDescription"));
        Assert.Equal("post twitter:2 by FarrisTimimi", Describe(PipelineMessage.Decode(copy.Body)));
        Assert.Equal([2L], receiver.Completed);
        Assert.Equal([1L, 3L], receiver.Abandoned.Order());
        Assert.Contains("Replayed 2 [post twitter:2 by FarrisTimimi]", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replaying_all_empties_the_dead_letters()
    {
        var receiver = new FakeReceiver([DeadLetter(1, "twitter:1"), DeadLetter(2, "twitter:2")]);
        var sender = new FakeSender();

        await new DeadLetterQueue(new FakeClient(receiver, sender), "posts", TextWriter.Null).ReplayAsync(null, TestContext.Current.CancellationToken);

        Assert.Equal(2, sender.Sent.Count);
        Assert.Equal(2, sender.Sent.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal([1L, 2L], receiver.Completed.Order());
        Assert.Empty(receiver.Abandoned);
    }

    [Fact]
    public async Task Discarding_an_unknown_sequence_number_fails_and_touches_nothing_else()
    {
        var receiver = new FakeReceiver([DeadLetter(1, "twitter:1")]);
        var output = new StringWriter();

        var exit = await new DeadLetterQueue(new FakeClient(receiver, new FakeSender()), "posts", output).DiscardAsync(new HashSet<long> { 9 }, TestContext.Current.CancellationToken);

        Assert.Equal(1, exit);
        Assert.Empty(receiver.Completed);
        Assert.Equal([1L], receiver.Abandoned);
        Assert.Contains("Not found among the dead letters: 9.", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listing_shows_why_each_message_was_dead_lettered_and_what_it_carries()
    {
        var receiver = new FakeReceiver([DeadLetter(7, "twitter:7")]);
        var output = new StringWriter();

        await new DeadLetterQueue(new FakeClient(receiver, new FakeSender()), "posts", output).ListAsync(50, TestContext.Current.CancellationToken);

        Assert.Contains("ProcessingFailed: System.TimeoutException: table write timed out  [post twitter:7 by FarrisTimimi]", output.ToString(), StringComparison.Ordinal);
        Assert.Empty(receiver.Completed);
    }

    [Fact]
    public async Task Listing_a_dead_lettered_delivery_counts_what_it_holds_and_names_its_first_posts()
    {
        var posts = Enumerable.Range(1, 5).Select(i => Post(i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var body = PipelineMessage.ForDelivery(DeliverySources.Posts, "msg_5", posts, [new PostDeletion("twitter", "9")]).Body;
        var receiver = new FakeReceiver([DeadLetter(8, "posts:msg_5", body)]);
        var output = new StringWriter();

        await new DeadLetterQueue(new FakeClient(receiver, new FakeSender()), "posts", output).ListAsync(50, TestContext.Current.CancellationToken);

        Assert.Contains("[delivery of 5 post(s) and 1 deletion(s): twitter:1, twitter:2, twitter:3, …]", output.ToString(), StringComparison.Ordinal);
    }

    private static string Describe(PipelineMessage? message) =>
        message?.Posts is [var post] ? $"post {post.Platform}:{post.Id} by {post.Author.Handle}" : "not a delivery of one post";

    private static CanonicalPost Post(string id) => new()
    {
        Platform = "twitter",
        Id = id,
        Author = new PostAuthor("FarrisTimimi", "Farris Timimi"),
        Text = "A1: Patients already search online #bmcmed",
        CreatedAt = new DateTimeOffset(2012, 8, 6, 12, 4, 31, TimeSpan.Zero),
    };

    private static ServiceBusReceivedMessage DeadLetter(long sequenceNumber, string messageId, BinaryData? body = null) =>
        ServiceBusModelFactory.ServiceBusReceivedMessage(
            body: body ?? PipelineMessage.ForDelivery(DeliverySources.Posts, messageId, [Post(messageId.Split(':')[1])], []).Body,
            messageId: messageId,
            properties: new Dictionary<string, object>
            {
                ["DeadLetterReason"] = QueueDrainer.ProcessingFailedReason,
                ["DeadLetterErrorDescription"] = "System.TimeoutException: table write timed out",
            },
            sequenceNumber: sequenceNumber,
            enqueuedTime: new DateTimeOffset(2012, 8, 6, 12, 5, 0, TimeSpan.Zero),
            deliveryCount: 5);

    private sealed class FakeClient(FakeReceiver receiver, FakeSender sender) : ServiceBusClient
    {
        public override ServiceBusReceiver CreateReceiver(string queueName, ServiceBusReceiverOptions options) => receiver;

        public override ServiceBusSender CreateSender(string queueOrTopicName) => sender;
    }

    /// <summary>Hands out each message once (it stays locked), as a peek-lock receiver does until it is settled.</summary>
    private sealed class FakeReceiver(IReadOnlyList<ServiceBusReceivedMessage> messages) : ServiceBusReceiver
    {
        private bool _received;

        public List<long> Completed { get; } = [];

        public List<long> Abandoned { get; } = [];

        public override Task<IReadOnlyList<ServiceBusReceivedMessage>> ReceiveMessagesAsync(
            int maxMessages, TimeSpan? maxWaitTime = null, CancellationToken cancellationToken = default)
        {
            var batch = _received ? [] : messages;
            _received = true;
            return Task.FromResult(batch);
        }

        public override Task<IReadOnlyList<ServiceBusReceivedMessage>> PeekMessagesAsync(
            int maxMessages, long? fromSequenceNumber = null, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<ServiceBusReceivedMessage>>([.. messages.Where(m => m.SequenceNumber >= (fromSequenceNumber ?? 0)).Take(maxMessages)]);

        public override Task CompleteMessageAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken = default)
        {
            Completed.Add(message.SequenceNumber);
            return Task.CompletedTask;
        }

        public override Task AbandonMessageAsync(
            ServiceBusReceivedMessage message, IDictionary<string, object>? propertiesToModify = null, CancellationToken cancellationToken = default)
        {
            Abandoned.Add(message.SequenceNumber);
            return Task.CompletedTask;
        }

        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class FakeSender : ServiceBusSender
    {
        public List<ServiceBusMessage> Sent { get; } = [];

        public override Task SendMessageAsync(ServiceBusMessage message, CancellationToken cancellationToken = default)
        {
            Sent.Add(message);
            return Task.CompletedTask;
        }

        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
