using ChatTranscripts.Pipeline.Application.Validation;
using Microsoft.AspNetCore.Http;

namespace ChatTranscripts.Pipeline.Http.Ingest;

/// <summary>
/// The one receive path of every ingest route: read the body within the limits, verify the route's signature over the
/// raw bytes, read it into a delivery (all of it valid, or a 400 naming every bad field), queue it in one message and
/// answer with a <see cref="DeliveryReceipt"/>. A delivery holding nothing used is acknowledged without queueing.
/// </summary>
public sealed class DeliveryReceiver(IngestQueue queue)
{
    public async Task<IResult> ReceiveAsync(HttpRequest request, IngestRoute route, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(route);
        if (route.Signature.MissingConfiguration is { } missing)
        {
            return ApiProblems.Unavailable(missing);
        }
        SignatureOutcome? signature = null;
        var (document, problem) = await JsonRequestBody.ReadDocumentAsync(
            request,
            body =>
            {
                signature = route.Signature.Verify(request.Headers, body);
                return signature is SignatureOutcome.Refused refused ? ApiProblems.Unauthorized(refused.Reason) : null;
            },
            cancellationToken,
            route.ItemsName);
        if (problem is not null)
        {
            return problem;
        }
        using (document)
        {
            var errors = new ValidationErrors();
            var delivery = route.Read(document!.RootElement, errors);
            if (delivery is null || !errors.IsEmpty)
            {
                return ApiProblems.Validation(errors, route.InvalidDetail(errors.Count));
            }
            if (delivery.Count == 0)
            {
                return TypedResults.Ok(new DeliveryReceipt(0, delivery.IgnoredBecause));
            }
            var deliveryId = (signature as SignatureOutcome.Verified)?.DeliveryId;
            var receipt = new DeliveryReceipt(delivery.Count);
            return await queue.SendAsync(
                route.Source,
                deliveryId,
                delivery,
                route.AcceptedStatus == StatusCodes.Status200OK ? TypedResults.Ok(receipt) : TypedResults.Accepted((string?)null, receipt),
                cancellationToken);
        }
    }
}
