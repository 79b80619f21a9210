using System.Text.Json;
using System.Text.RegularExpressions;
using ChatTranscripts.Pipeline.Application.Ingest;
using ChatTranscripts.Pipeline.Application.Ingest.X;
using ChatTranscripts.Pipeline.Application.Validation;
using Microsoft.AspNetCore.Http;

namespace ChatTranscripts.Pipeline.Http.Ingest.X;

/// <summary>
/// <c>GET /api/webhooks/x</c> answers X's CRC challenge; <c>POST /api/webhooks/x</c> verifies
/// <c>x-twitter-webhooks-signature</c>, reads the delivery and queues all of it in one message, or none of it.
/// </summary>
public sealed partial class XWebhookEndpoints(XSignature signature, DeliveryReceiver receiver)
{
    public const string CrcTokenParameter = "crc_token";

    public const int MaxCrcTokenLength = 128;

    private readonly IngestRoute _route = new(
        DeliverySources.X, signature, ReadDelivery, BodyName: "the X delivery", AcceptedStatus: StatusCodes.Status200OK);

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
        if (signature.MissingConfiguration is { } missing)
        {
            return Task.FromResult(ApiProblems.Unavailable(missing));
        }
        return Task.FromResult(Results.Ok(new XCrcResponse(signature.ResponseToken(tokens[0]!))));
    }

    public Task<IResult> ReceiveAsync(HttpRequest request, CancellationToken cancellationToken) =>
        receiver.ReceiveAsync(request, _route, cancellationToken);

    /// <summary>
    /// X's CRC tokens are short opaque strings of base64 characters. The answer is HMAC(secret, token), exactly the
    /// signature of a delivery whose body is the token, so only tokens that can never be a JSON object or array are
    /// answered: a replayed answer then signs at most a bare number or literal, which no route reads as a post.
    /// </summary>
    [GeneratedRegex(@"\A[A-Za-z0-9+/=_-]{1,128}\z")]
    private static partial Regex CrcTokenShape();

    /// <summary>A delivery of empty event lists is acknowledged like one of events we do not use, saying so.</summary>
    private static IngestDelivery? ReadDelivery(JsonElement body, ValidationErrors errors)
    {
        var delivery = XDeliveryReader.Read(body, errors);
        return delivery is { Count: 0, IgnoredBecause: null } ? IngestDelivery.Ignored("The delivery holds no posts or deletions.") : delivery;
    }
}
