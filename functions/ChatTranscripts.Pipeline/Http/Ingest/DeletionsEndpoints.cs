using ChatTranscripts.Pipeline.Application.Ingest;
using ChatTranscripts.Pipeline.Application.Validation;
using ChatTranscripts.Pipeline.Core;
using Microsoft.AspNetCore.Http;

namespace ChatTranscripts.Pipeline.Http.Ingest;

/// <summary>
/// <c>POST /api/deletions</c> and <c>DELETE /api/posts/{platform}/{id}</c>: verify, validate, queue, answer 202. A
/// deletion is accepted whether or not the post has arrived: its tombstone keeps a later arrival deleted.
/// </summary>
public sealed class DeletionsEndpoints(StandardWebhookSignature signature, DeliveryReceiver receiver, IngestQueue queue)
{
    /// <summary>Signed like <c>/api/posts</c>: the signature covers the body, so it names the posts it deletes.</summary>
    private readonly IngestRoute _route = new(
        DeliverySources.Deletions,
        signature,
        (body, errors) => new IngestDelivery([], DeletionReader.Read(body, errors)),
        DeletionReader.BatchField);

    public Task<IResult> SubmitAsync(HttpRequest request, CancellationToken cancellationToken) =>
        receiver.ReceiveAsync(request, _route, cancellationToken);

    /// <summary>
    /// Only where no secret is configured (an unsigned local run): a request without a body has nothing for a signature
    /// to name, so signed headers replayed on another path would delete another post.
    /// </summary>
    public async Task<IResult> DeleteOneAsync(string platform, string id, CancellationToken cancellationToken)
    {
        if (signature.IsEnabled)
        {
            return ApiProblems.Unauthorized("Webhooks:Secret is set: send deletions signed to POST /api/deletions.");
        }
        var errors = new ValidationErrors();
        if (!PostReader.PlatformPattern().IsMatch(platform))
        {
            errors.Add("platform", "must be 1 to 32 lowercase letters, digits or '-'.");
        }
        if (!PostReader.IsValidIdentifier(id))
        {
            errors.Add("id", $"must be 1 to {PostReader.MaxIdLength} characters without control characters.");
        }
        if (!errors.IsEmpty)
        {
            return ApiProblems.Validation(errors);
        }
        return await queue.SendAsync(
            DeliverySources.Deletions,
            webhookId: null,
            new IngestDelivery([], [new PostDeletion(platform, id)]),
            TypedResults.Accepted((string?)null, new DeliveryReceipt(1)),
            cancellationToken);
    }
}
