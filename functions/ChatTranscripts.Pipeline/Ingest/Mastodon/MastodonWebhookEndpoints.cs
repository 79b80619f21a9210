using ChatTranscripts.Pipeline.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ChatTranscripts.Pipeline.Ingest.Mastodon;

/// <summary><c>POST /api/webhooks/mastodon</c>: verify <c>X-Hub-Signature</c>, read the event, queue its post (or deletion), answer 202.</summary>
public sealed class MastodonWebhookEndpoints(
    MastodonSignatureVerifier verifier, IOptions<WebhookOptions> webhookOptions, IngestQueue queue)
{
    public async Task<IResult> ReceiveAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // Where /api/posts must be signed (Azure), unsigned Mastodon deliveries are refused too; locally they are
        // accepted without a secret, as /api/posts is. Refusing here rather than at start-up keeps apps that do not
        // use Mastodon starting without its secret.
        if (!verifier.IsEnabled && webhookOptions.Value.RequireSecret)
        {
            return ApiProblems.Unavailable("Mastodon webhooks are not configured here: set Webhooks:Mastodon:Secret to the webhook's secret.");
        }
        var (document, problem) = await JsonRequestBody.ReadDocumentAsync(request, body => VerifySignature(request, body), cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        using (document)
        {
            var errors = new ValidationErrors();
            var delivery = MastodonEventReader.Read(document!.RootElement, errors);
            if (delivery is null)
            {
                return ApiProblems.Validation(errors, $"{errors.Count} field(s) of the Mastodon event are invalid; nothing was accepted.");
            }
            if (delivery.Post is null && delivery.Deletion is null)
            {
                return Results.Ok(new { accepted = 0, ignored = delivery.IgnoredBecause });
            }
            // X-Hub-Signature carries no delivery id: the message id is the hash of the content, which a retry repeats.
            return await queue.SendAsync(
                DeliverySources.Mastodon,
                webhookId: null,
                delivery.Post is { } post ? [post] : [],
                delivery.Deletion is { } deletion ? [deletion] : [],
                Results.Accepted(value: new { accepted = 1 }),
                cancellationToken);
        }
    }

    private IResult? VerifySignature(HttpRequest request, byte[] body)
    {
        var failure = verifier.Verify(request.Headers[MastodonSignatureVerifier.SignatureHeader], body);
        return failure is null ? null : ApiProblems.Unauthorized(failure);
    }
}
