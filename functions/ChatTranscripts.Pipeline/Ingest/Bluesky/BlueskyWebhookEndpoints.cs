using ChatTranscripts.Pipeline.Http;
using ChatTranscripts.Pipeline.Queueing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatTranscripts.Pipeline.Ingest.Bluesky;

/// <summary>
/// <c>POST /api/webhooks/bluesky</c>: Jetstream events forwarded by a relay, signed like <c>/api/posts</c> (Standard
/// Webhooks, <c>Webhooks:Secret</c>). Every change of a delivery is queued in one send, or none is.
/// </summary>
public sealed class BlueskyWebhookEndpoints(StandardWebhookVerifier verifier, IPostQueue queue, ILogger<BlueskyWebhookEndpoints> logger)
{
    public async Task<IResult> ReceiveAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonRequestBody.ReadDocumentAsync(request, body => VerifySignature(request, body), cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        using (document)
        {
            var errors = new ValidationErrors();
            var changes = JetstreamEventReader.Read(document!.RootElement, errors);
            if (!errors.IsEmpty)
            {
                return ApiProblems.Validation(errors, $"{errors.Count} field(s) of the Jetstream events are invalid; nothing was accepted.");
            }
            if (changes.Count == 0)
            {
                return Results.Ok(new { accepted = 0 });
            }
            return await QueueAsync(changes.Select(change => change.ToMessage()).ToList(), cancellationToken);
        }
    }

    private IResult? VerifySignature(HttpRequest request, byte[] body)
    {
        var failure = verifier.Verify(
            request.Headers[StandardWebhookVerifier.IdHeader],
            request.Headers[StandardWebhookVerifier.TimestampHeader],
            request.Headers[StandardWebhookVerifier.SignatureHeader],
            body);
        return failure is null ? null : ApiProblems.Unauthorized(failure);
    }

    private async Task<IResult> QueueAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        try
        {
            await queue.SendAsync(messages, cancellationToken);
            return Results.Accepted(value: new { accepted = messages.Count });
        }
        catch (Exception e) when (InfrastructureFailure.Is(e))
        {
            logger.LogError(e, "Could not queue {Count} messages from Bluesky", messages.Count);
            return ApiProblems.Unavailable("The queue is not reachable right now; nothing was accepted. Retry later.");
        }
    }
}
