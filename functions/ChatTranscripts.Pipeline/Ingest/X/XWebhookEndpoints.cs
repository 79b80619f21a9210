using System.Text.RegularExpressions;
using ChatTranscripts.Pipeline.Http;
using Microsoft.AspNetCore.Http;

namespace ChatTranscripts.Pipeline.Ingest.X;

/// <summary>
/// <c>GET /api/webhooks/x</c> answers X's CRC challenge; <c>POST /api/webhooks/x</c> verifies
/// <c>x-twitter-webhooks-signature</c>, reads the delivery and queues all of it in one message, or none of it.
/// </summary>
public sealed partial class XWebhookEndpoints(XSignature signature, IngestQueue queue)
{
    public const string CrcTokenParameter = "crc_token";

    public const int MaxCrcTokenLength = 128;

    /// <summary>
    /// Unlike Mastodon's route, there is no unsigned mode without a secret: X cannot register a webhook that fails the
    /// CRC check, and the CRC needs the secret, so a missing secret is always our misconfiguration (503), never the caller's.
    /// </summary>
    private static readonly IResult NotConfigured =
        ApiProblems.Unavailable($"X webhooks are not configured here: set {XWebhookOptions.Section}:ConsumerSecret to the X app's consumer secret.");

    public Task<IResult> CrcAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var tokens = request.Query[CrcTokenParameter];
        if (tokens.Count == 0 || string.IsNullOrEmpty(tokens[0]))
        {
            return Task.FromResult(ApiProblems.BadRequest(CrcTokenParameter, $"The {CrcTokenParameter} query parameter is required: X sends it to check the webhook."));
        }
        if (tokens.Count > 1 || !CrcTokenShape().IsMatch(tokens[0]!))
        {
            return Task.FromResult(ApiProblems.BadRequest(
                CrcTokenParameter,
                $"The {CrcTokenParameter} query parameter must be one token of 1 to {MaxCrcTokenLength} letters, digits, '-', '_', '+', '/' or '=', as X sends it."));
        }
        if (!signature.IsConfigured)
        {
            return Task.FromResult(NotConfigured);
        }
        return Task.FromResult(Results.Ok(new XCrcResponse(signature.ResponseToken(tokens[0]!))));
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
            // X's signature carries no delivery id: the message id is the hash of the content, which a retry repeats.
            return await queue.SendAsync(
                DeliverySources.X, webhookId: null, delivery.Posts, delivery.Deletions, Results.Ok(new { accepted = delivery.Count }), cancellationToken);
        }
    }

    /// <summary>
    /// X's CRC tokens are short opaque strings of base64 characters. The answer is HMAC(secret, token), exactly the
    /// signature of a delivery whose body is the token, so only tokens that can never be a JSON object or array are
    /// answered: a replayed answer then signs at most a bare number or literal, which no route reads as a post.
    /// </summary>
    [GeneratedRegex(@"\A[A-Za-z0-9+/=_-]{1,128}\z")]
    private static partial Regex CrcTokenShape();

    private IResult? VerifySignature(HttpRequest request, byte[] body)
    {
        var failure = signature.Verify(request.Headers[XSignature.SignatureHeader], body);
        return failure is null ? null : ApiProblems.Unauthorized(failure);
    }
}
