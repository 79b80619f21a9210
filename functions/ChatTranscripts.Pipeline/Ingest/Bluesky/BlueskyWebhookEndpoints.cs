using ChatTranscripts.Pipeline.Http;
using Microsoft.AspNetCore.Http;

namespace ChatTranscripts.Pipeline.Ingest.Bluesky;

/// <summary>
/// <c>POST /api/webhooks/bluesky</c>: Jetstream events forwarded by a relay, signed like <c>/api/posts</c> (Standard
/// Webhooks, <c>Webhooks:Secret</c>). Every change of a delivery is queued in one message, or none is.
/// </summary>
public sealed class BlueskyWebhookEndpoints(StandardWebhookVerifier verifier, IngestQueue queue)
{
    public async Task<IResult> ReceiveAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonRequestBody.ReadDocumentAsync(request, body => verifier.Check(request, body), cancellationToken, itemsName: JetstreamEventReader.BatchField);
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
            return await queue.SendAsync(
                DeliverySources.Bluesky,
                verifier.VerifiedId(request),
                [.. changes.Where(c => c.Post is not null).Select(c => c.Post!)],
                [.. changes.Where(c => c.Deletion is not null).Select(c => c.Deletion!)],
                Results.Accepted(value: new { accepted = changes.Count }),
                cancellationToken);
        }
    }
}
