using System.Globalization;
using System.Text.Json;
using Azure.Messaging.ServiceBus;
using ChatTranscripts.Pipeline.Adapters.Queues;
using ChatTranscripts.Pipeline.Application.Queueing;
using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.DeadLetters;

/// <summary>
/// The dead-letter queue of the posts queue. Messages land there when ProcessPosts gave up on them (reason
/// <c>Unprocessable</c> or <c>ProcessingFailed</c>, with the error as description) or when the broker did
/// (<c>MaxDeliveryCountExceeded</c>, <c>TTLExpiredException</c>).
/// </summary>
internal sealed class DeadLetterQueue(ServiceBusClient client, string queue, TextWriter output)
{
    /// <summary>Marks the copies one replay sends, so a copy that fails again at once is not replayed again in the same run.</summary>
    private const string ReplayRunProperty = "replayRun";
    private const string ReplayOfProperty = "replayOf";

    /// <summary>Post keys named when describing a delivery; a delivery holds up to 100.</summary>
    private const int DescribedKeys = 3;

    /// <summary>Application properties Service Bus adds when it dead-letters; a replayed copy starts clean.</summary>
    private static readonly string[] DeadLetterProperties = ["DeadLetterReason", "DeadLetterErrorDescription"];

    private static readonly TimeSpan ReceiveWait = TimeSpan.FromSeconds(5);

    public async Task<int> ListAsync(int max, CancellationToken cancellationToken)
    {
        await using var receiver = DeadLetterReceiver();
        long? next = null;
        var shown = 0;
        while (shown < max)
        {
            var page = await receiver.PeekMessagesAsync(Math.Min(100, max - shown), next, cancellationToken);
            if (page.Count == 0)
            {
                break;
            }
            foreach (var message in page)
            {
                output.WriteLine(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"{message.SequenceNumber,8}  {message.EnqueuedTime:yyyy-MM-dd HH:mm:ss}Z  {message.DeadLetterReason}: {OneLine(message.DeadLetterErrorDescription)}  [{Describe(message)}]"));
            }
            shown += page.Count;
            next = page[^1].SequenceNumber + 1;
        }
        output.WriteLine(shown == 0 ? $"No dead letters in {queue}." : $"{shown} dead letter(s) shown.");
        return 0;
    }

    public async Task<int> ShowAsync(long sequenceNumber, CancellationToken cancellationToken)
    {
        await using var receiver = DeadLetterReceiver();
        var message = await receiver.PeekMessageAsync(sequenceNumber, cancellationToken);
        if (message is null || message.SequenceNumber != sequenceNumber)
        {
            output.WriteLine($"No dead letter {sequenceNumber} in {queue}.");
            return 1;
        }
        output.WriteLine($"Sequence number: {message.SequenceNumber}");
        output.WriteLine($"Message id:      {message.MessageId}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Enqueued:        {message.EnqueuedTime:O}"));
        output.WriteLine($"Deliveries:      {message.DeliveryCount}");
        output.WriteLine($"Reason:          {message.DeadLetterReason}");
        output.WriteLine($"Description:     {message.DeadLetterErrorDescription}");
        output.WriteLine($"Content:         {Describe(message)}");
        output.WriteLine(Pretty(message.Body));
        return 0;
    }

    /// <summary>
    /// Sends a copy of each chosen dead letter to the queue under a new message id (the original id would be taken for
    /// a duplicate within the queue's duplicate-detection window), then removes it from the dead letters. Processing is
    /// idempotent, so a message replayed twice (say, when removing it fails after the send) does no harm.
    /// </summary>
    public Task<int> ReplayAsync(IReadOnlySet<long>? only, CancellationToken cancellationToken)
    {
        var run = Guid.NewGuid().ToString("N");
        return SettleAsync(only, async (receiver, sender, message) =>
        {
            var copy = new ServiceBusMessage(message) { MessageId = $"replay:{Guid.NewGuid():N}" };
            foreach (var property in DeadLetterProperties)
            {
                copy.ApplicationProperties.Remove(property);
            }
            copy.ApplicationProperties[ReplayOfProperty] = message.MessageId;
            copy.ApplicationProperties[ReplayRunProperty] = run;
            await sender.SendMessageAsync(copy, cancellationToken);
            await receiver.CompleteMessageAsync(message, cancellationToken);
            output.WriteLine($"Replayed {message.SequenceNumber} [{Describe(message)}] as {copy.MessageId}.");
        }, run, cancellationToken);
    }

    public Task<int> DiscardAsync(IReadOnlySet<long> only, CancellationToken cancellationToken) =>
        SettleAsync(only, async (receiver, _, message) =>
        {
            await receiver.CompleteMessageAsync(message, cancellationToken);
            output.WriteLine($"Discarded {message.SequenceNumber} [{Describe(message)}].");
        }, run: null, cancellationToken);

    /// <summary>
    /// Locks every dead letter in turn, acts on the chosen ones (all when <paramref name="only"/> is null) and keeps
    /// the others locked until the end, so none is received twice; then releases them untouched.
    /// </summary>
    private async Task<int> SettleAsync(
        IReadOnlySet<long>? only,
        Func<ServiceBusReceiver, ServiceBusSender, ServiceBusReceivedMessage, Task> act,
        string? run,
        CancellationToken cancellationToken)
    {
        await using var receiver = client.CreateReceiver(queue, new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter, PrefetchCount = 0 });
        await using var sender = client.CreateSender(queue);
        var held = new List<ServiceBusReceivedMessage>();
        var done = new HashSet<long>();
        try
        {
            while (only is null || done.Count < only.Count)
            {
                var batch = await receiver.ReceiveMessagesAsync(100, ReceiveWait, cancellationToken);
                if (batch.Count == 0)
                {
                    break;
                }
                foreach (var message in batch)
                {
                    var again = run is not null && message.ApplicationProperties.TryGetValue(ReplayRunProperty, out var value) && Equals(value, run);
                    if (again || (only is not null && !only.Contains(message.SequenceNumber)))
                    {
                        held.Add(message);
                        continue;
                    }
                    await act(receiver, sender, message);
                    done.Add(message.SequenceNumber);
                }
            }
        }
        finally
        {
            foreach (var message in held)
            {
                try
                {
                    await receiver.AbandonMessageAsync(message, cancellationToken: CancellationToken.None);
                }
                catch (ServiceBusException)
                {
                    // The lock expires instead, with the same effect.
                }
            }
        }
        var missing = only?.Except(done).Order().ToList() ?? [];
        if (missing.Count > 0)
        {
            output.WriteLine($"Not found among the dead letters: {string.Join(", ", missing)}.");
        }
        output.WriteLine($"{done.Count} dead letter(s) settled.");
        return missing.Count == 0 ? 0 : 1;
    }

    private ServiceBusReceiver DeadLetterReceiver() =>
        client.CreateReceiver(queue, new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter });

    /// <summary>What the message carries, as the pipeline reads it; a body too large for a message is named by its blob.</summary>
    private string Describe(ServiceBusReceivedMessage message)
    {
        if (ServiceBusPostQueue.BodyBlob(message) is { } blob)
        {
            return $"body in blob {blob} of container {queue}{ClaimCheck.ContainerSuffix}";
        }
        return PipelineMessage.Decode(message.Body) switch
        {
            { Type: PipelineMessageType.Delivery, Posts: [var post], Deletions: [] } => $"post {post.Platform}:{post.Id} by {post.Author.Handle}",
            { Type: PipelineMessageType.Delivery, Posts: [], Deletions: [var deletion] } => $"deletion of {deletion.Platform}:{deletion.Id}",
            { Type: PipelineMessageType.Delivery, Posts: var posts, Deletions: var deletions } => Delivery(posts, deletions),
            { Type: PipelineMessageType.Session, SessionId: { } session } => $"session {session} changed",
            _ => $"unreadable body, {message.Body.ToMemory().Length} bytes",
        };
    }

    /// <summary>How many of each, and the first few post keys: enough to find the delivery's posts in the logs.</summary>
    private static string Delivery(IReadOnlyList<CanonicalPost> posts, IReadOnlyList<PostDeletion> deletions)
    {
        var keys = posts.Select(p => p.Key).Concat(deletions.Select(d => d.Key)).ToList();
        var shown = string.Join(", ", keys.Take(DescribedKeys));
        return $"delivery of {posts.Count} post(s) and {deletions.Count} deletion(s): {shown}{(keys.Count > DescribedKeys ? ", …" : "")}";
    }

    private static string OneLine(string? text) => (text ?? "").ReplaceLineEndings(" ");

    private static string Pretty(BinaryData body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return JsonSerializer.Serialize(document.RootElement, new JsonSerializerOptions { WriteIndented = true });
        }
        catch (JsonException)
        {
            return body.ToString();
        }
    }
}
