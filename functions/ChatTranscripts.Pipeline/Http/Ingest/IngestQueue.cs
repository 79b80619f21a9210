using ChatTranscripts.Pipeline.Application.Ingest;
using ChatTranscripts.Pipeline.Application.Ports;
using ChatTranscripts.Pipeline.Application.Queueing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatTranscripts.Pipeline.Http.Ingest;

/// <summary>
/// Puts an accepted delivery on the queue for every ingest route, as one message with one send: all of it, or, when
/// the queue cannot be reached, none of it and a 503 the sender can retry — never a 500.
/// </summary>
public sealed class IngestQueue(IPostQueue queue, ILogger<IngestQueue> logger)
{
    /// <param name="source">The route (<see cref="DeliverySources"/>): part of the message id.</param>
    /// <param name="webhookId">The verified Standard Webhooks <c>webhook-id</c>, or null: the delivery's idempotency key.</param>
    public async Task<IResult> SendAsync(
        string source,
        string? webhookId,
        IngestDelivery delivery,
        IResult accepted,
        CancellationToken cancellationToken)
    {
        var (posts, deletions) = (delivery.Posts, delivery.Deletions);
        var message = PipelineMessage.ForDelivery(source, webhookId, posts, deletions);
        try
        {
            await queue.SendAsync(message, cancellationToken);
            // The post keys are what an operator searches for to follow one post; the message id finds the delivery.
            logger.LogInformation(
                "Queued delivery {MessageId}: {PostCount} posts, {DeletionCount} deletions: {PostKeys}",
                message.MessageId, posts.Count, deletions.Count, string.Join(", ", posts.Select(p => p.Key).Concat(deletions.Select(d => d.Key))));
            return accepted;
        }
        catch (Exception e) when (InfrastructureFailure.Is(e))
        {
            logger.LogError(e, "Could not queue delivery {MessageId} ({PostCount} posts, {DeletionCount} deletions)", message.MessageId, posts.Count, deletions.Count);
            return ApiProblems.Unavailable("The queue is not reachable right now; nothing was accepted. Retry later.");
        }
    }
}
