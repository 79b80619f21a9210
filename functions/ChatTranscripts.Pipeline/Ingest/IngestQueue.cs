using ChatTranscripts.Pipeline.Http;
using ChatTranscripts.Pipeline.Queueing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatTranscripts.Pipeline.Ingest;

/// <summary>
/// Puts an accepted delivery on the queue for every ingest route: all of it, or, when the queue cannot be reached,
/// none of it and a 503 the sender can retry — never a 500.
/// </summary>
public sealed class IngestQueue(IPostQueue queue, ILogger<IngestQueue> logger)
{
    public async Task<IResult> SendAsync(IReadOnlyList<OutgoingMessage> messages, IResult accepted, CancellationToken cancellationToken)
    {
        try
        {
            await queue.SendAsync(messages, cancellationToken);
            // The message ids name the posts (platform:id[:version]): what an operator searches for to follow one.
            logger.LogInformation("Queued {Count} messages: {MessageIds}", messages.Count, string.Join(", ", messages.Select(m => m.MessageId)));
            return accepted;
        }
        catch (Exception e) when (InfrastructureFailure.Is(e))
        {
            logger.LogError(e, "Could not queue {Count} messages", messages.Count);
            return ApiProblems.Unavailable("The queue is not reachable right now; nothing was accepted. Retry later.");
        }
    }
}
