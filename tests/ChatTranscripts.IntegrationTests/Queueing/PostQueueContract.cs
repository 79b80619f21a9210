using ChatTranscripts.Pipeline.Application.Ports;

namespace ChatTranscripts.IntegrationTests.Queueing;

/// <summary>What every queue implementation must do; each implementation runs these tests against a real queue.</summary>
public abstract class PostQueueContract
{
    /// <summary>Ids unique to this run: a broker with duplicate detection would drop ids an earlier run sent.</summary>
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    protected string Id(string name) => $"twitter:{_run}-{name}";

    /// <summary>A fresh, empty queue; skips the test when the implementation's service is not available here.</summary>
    protected abstract Task<IPostQueue> CreateQueueAsync();

    /// <summary>The one dead-lettered message, read from where the implementation keeps dead letters.</summary>
    protected abstract Task<DeadLetter> DeadLetterAsync(IPostQueue queue);

    [Fact]
    public async Task Messages_arrive_with_their_id_and_body_and_leave_when_completed()
    {
        var queue = await CreateQueueAsync();
        await queue.SendAsync(new OutgoingMessage(Id("1"), BinaryData.FromString("{\"n\":1}")), CancellationToken.None);

        var received = Assert.Single(await ReceiveAllAsync(queue, 1));
        Assert.Equal(Id("1"), received.MessageId);
        Assert.Equal("{\"n\":1}", received.Body.ToString());
        Assert.Equal(1, received.DeliveryCount);
        await queue.CompleteAsync(received, CancellationToken.None);

        Assert.Empty(await queue.ReceiveAsync(32, CancellationToken.None));
    }

    [Fact]
    public async Task An_empty_queue_returns_no_messages()
    {
        var queue = await CreateQueueAsync();

        Assert.Empty(await queue.ReceiveAsync(32, CancellationToken.None));
    }

    [Fact]
    public async Task A_hundred_messages_sent_at_once_are_each_delivered()
    {
        var queue = await CreateQueueAsync();
        var sent = Enumerable.Range(0, 100).Select(i => new OutgoingMessage(Id($"{i}"), BinaryData.FromString($"{{\"n\":{i}}}"))).ToList();

        await Parallel.ForEachAsync(sent, async (message, ct) => await queue.SendAsync(message, ct));

        var received = await ReceiveAllAsync(queue, 100);
        Assert.Equal(sent.Select(m => m.MessageId).Order(StringComparer.Ordinal), received.Select(m => m.MessageId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_body_of_the_largest_post_travels_intact()
    {
        var queue = await CreateQueueAsync();
        var body = "{\"text\":\"" + string.Concat(Enumerable.Repeat("漢字😀", 8_000)) + "\"}";

        await queue.SendAsync(new OutgoingMessage(Id("big"), BinaryData.FromString(body)), CancellationToken.None);

        var received = Assert.Single(await ReceiveAllAsync(queue, 1));
        Assert.Equal(body, received.Body.ToString());
        await queue.CompleteAsync(received, CancellationToken.None);
    }

    [Fact]
    public async Task A_body_of_characters_that_json_escapes_travels_intact()
    {
        var queue = await CreateQueueAsync();
        var body = "{\"text\":\"" + string.Concat(Enumerable.Repeat("\\\"<a href='x'>&amp;</a>\\\"", 1_000)) + "\"}";

        await queue.SendAsync(new OutgoingMessage(Id("markup"), BinaryData.FromString(body)), CancellationToken.None);

        var received = Assert.Single(await ReceiveAllAsync(queue, 1));
        Assert.Equal(body, received.Body.ToString());
        await queue.CompleteAsync(received, CancellationToken.None);
    }

    [Fact]
    public async Task An_abandoned_message_comes_back_with_one_more_delivery()
    {
        var queue = await CreateQueueAsync();
        await queue.SendAsync(new OutgoingMessage(Id("again"), BinaryData.FromString("{}")), CancellationToken.None);
        var first = Assert.Single(await ReceiveAllAsync(queue, 1));

        await queue.AbandonAsync(first, CancellationToken.None);

        var second = Assert.Single(await ReceiveAllAsync(queue, 1));
        Assert.Equal(Id("again"), second.MessageId);
        Assert.Equal("{}", second.Body.ToString());
        Assert.Equal(first.DeliveryCount + 1, second.DeliveryCount);
    }

    [Fact]
    public async Task A_dead_lettered_message_is_kept_aside_with_its_reason()
    {
        var queue = await CreateQueueAsync();
        await queue.SendAsync(new OutgoingMessage(Id("bad"), BinaryData.FromString("{}")), CancellationToken.None);
        var received = Assert.Single(await ReceiveAllAsync(queue, 1));

        await queue.DeadLetterAsync(received, "Unprocessable", "not a post", CancellationToken.None);

        Assert.Empty(await queue.ReceiveAsync(32, CancellationToken.None));
        Assert.Equal(new DeadLetter(Id("bad"), "{}", "Unprocessable", "not a post"), await DeadLetterAsync(queue));
    }

    /// <summary>Receives until <paramref name="expected"/> messages came, within a bounded number of tries (abandoned messages may wait a moment).</summary>
    protected static async Task<List<ReceivedMessage>> ReceiveAllAsync(IPostQueue queue, int expected)
    {
        var received = new List<ReceivedMessage>();
        for (var attempt = 0; attempt < 100 && received.Count < expected; attempt++)
        {
            var batch = await queue.ReceiveAsync(32, CancellationToken.None);
            received.AddRange(batch);
            if (batch.Count == 0)
            {
                await Task.Delay(100);
            }
        }
        return received;
    }

    /// <summary>What a dead letter must keep: the message, its body and why it was set aside.</summary>
    protected sealed record DeadLetter(string MessageId, string Body, string? Reason, string? Description);
}
