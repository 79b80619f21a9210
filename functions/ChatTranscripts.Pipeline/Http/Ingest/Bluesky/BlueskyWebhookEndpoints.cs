using System.Text.Json;
using ChatTranscripts.Pipeline.Application.Ingest;
using ChatTranscripts.Pipeline.Application.Ingest.Bluesky;
using ChatTranscripts.Pipeline.Application.Validation;
using Microsoft.AspNetCore.Http;

namespace ChatTranscripts.Pipeline.Http.Ingest.Bluesky;

/// <summary>
/// <c>POST /api/webhooks/bluesky</c>: Jetstream events forwarded by a relay, signed like <c>/api/posts</c> (Standard
/// Webhooks, <c>Webhooks:Secret</c>). Every change of a delivery is queued in one message, or none is.
/// </summary>
public sealed class BlueskyWebhookEndpoints(StandardWebhookSignature signature, DeliveryReceiver receiver)
{
    private readonly IngestRoute _route = new(
        DeliverySources.Bluesky,
        signature,
        ReadDelivery,
        JetstreamEventReader.BatchField,
        "the Jetstream events");

    public Task<IResult> ReceiveAsync(HttpRequest request, CancellationToken cancellationToken) =>
        receiver.ReceiveAsync(request, _route, cancellationToken);

    private static IngestDelivery ReadDelivery(JsonElement body, ValidationErrors errors)
    {
        var changes = JetstreamEventReader.Read(body, errors);
        return new IngestDelivery(
            [.. changes.Where(c => c.Post is not null).Select(c => c.Post!)],
            [.. changes.Where(c => c.Deletion is not null).Select(c => c.Deletion!)]);
    }
}
