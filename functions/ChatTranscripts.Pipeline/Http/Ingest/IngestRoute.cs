using System.Text.Json;
using ChatTranscripts.Pipeline.Application.Ingest;
using ChatTranscripts.Pipeline.Application.Validation;
using Microsoft.AspNetCore.Http;

namespace ChatTranscripts.Pipeline.Http.Ingest;

/// <summary>Reads a parsed body into a delivery, or null with every reason in <paramref name="errors"/>.</summary>
public delegate IngestDelivery? DeliveryReader(JsonElement body, ValidationErrors errors);

/// <summary>What sets one ingest route apart for <see cref="DeliveryReceiver"/>: how it is signed, read and answered.</summary>
/// <param name="Source">The route in the queue message id (<see cref="DeliverySources"/>).</param>
/// <param name="ItemsName">What errors call the items of a top-level array (<c>posts</c>, <c>events</c>).</param>
/// <param name="BodyName">How a 400's detail names the body (<c>the X delivery</c>); null says only how many fields.</param>
/// <param name="AcceptedStatus">The status of a queued delivery: 202, or 200 for senders that expect it (X).</param>
public sealed record IngestRoute(
    string Source,
    IWebhookSignature Signature,
    DeliveryReader Read,
    string ItemsName = "$",
    string? BodyName = null,
    int AcceptedStatus = StatusCodes.Status202Accepted)
{
    public string InvalidDetail(int fieldCount) =>
        BodyName is null
            ? $"{fieldCount} field(s) are invalid; nothing was accepted."
            : $"{fieldCount} field(s) of {BodyName} are invalid; nothing was accepted.";
}
