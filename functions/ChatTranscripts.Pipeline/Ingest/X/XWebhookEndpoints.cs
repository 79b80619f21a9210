using ChatTranscripts.Pipeline.Http;
using ChatTranscripts.Pipeline.Queueing;
using Microsoft.AspNetCore.Http;

namespace ChatTranscripts.Pipeline.Ingest.X;

/// <summary>
/// <c>GET /api/webhooks/x</c> answers X's CRC challenge; <c>POST /api/webhooks/x</c> verifies
/// <c>x-twitter-webhooks-signature</c>, reads the delivery and queues all of it in one send, or none of it.
/// </summary>
public sealed class XWebhookEndpoints(XSignature signature, IngestQueue queue)
{
    public const string CrcTokenParameter = "crc_token";

    /// <summary>
    /// Unlike Mastodon's route, there is no unsigned mode without a secret: X cannot register a webhook that fails the
    /// CRC check, and the CRC needs the secret, so a missing secret is always our misconfiguration (503), never the caller's.
    /// </summary>
    private static readonly IResult NotConfigured =
        ApiProblems.Unavailable($"X webhooks are not configured here: set {XWebhookOptions.Section}:ConsumerSecret to the X app's consumer secret.");

    public Task<IResult> CrcAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var token = request.Query[CrcTokenParameter].ToString();
        if (string.IsNullOrEmpty(token))
        {
            return Task.FromResult(ApiProblems.BadRequest(CrcTokenParameter, $"The {CrcTokenParameter} query parameter is required: X sends it to check the webhook."));
        }
        if (!signature.IsConfigured)
        {
            return Task.FromResult(NotConfigured);
        }
        return Task.FromResult(Results.Ok(new XCrcResponse(signature.ResponseToken(token))));
    }

    public async Task<IResult> ReceiveAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!signature.IsConfigured)
        {
            return NotConfigured;
        }
        var (document, problem) = await JsonRequestBody.ReadDocumentAsync(request, body => VerifySignature(request, body), cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        using (document)
        {
            var errors = new ValidationErrors();
            var delivery = XDeliveryReader.Read(document!.RootElement, errors);
            if (delivery is null)
            {
                return ApiProblems.Validation(errors, $"{errors.Count} field(s) of the X delivery are invalid; nothing was accepted.");
            }
            if (delivery.Count == 0)
            {
                return Results.Ok(new { accepted = 0, ignored = delivery.IgnoredBecause ?? "The delivery holds no posts or deletions." });
            }
            var messages = delivery.Posts.Select(PipelineMessage.ForPost).Concat(delivery.Deletions.Select(PipelineMessage.ForDeletion)).ToList();
            return await queue.SendAsync(messages, Results.Ok(new { accepted = messages.Count }), cancellationToken);
        }
    }

    private IResult? VerifySignature(HttpRequest request, byte[] body)
    {
        var failure = signature.Verify(request.Headers[XSignature.SignatureHeader], body);
        return failure is null ? null : ApiProblems.Unauthorized(failure);
    }
}
