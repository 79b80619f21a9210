using System.Text.Json;
using ChatTranscripts.Pipeline.Application.Ingest;
using ChatTranscripts.Pipeline.Application.Ingest.Mastodon;
using ChatTranscripts.Pipeline.Application.Validation;
using Microsoft.AspNetCore.Http;

namespace ChatTranscripts.Pipeline.Http.Ingest.Mastodon;

/// <summary><c>POST /api/webhooks/mastodon</c>: verify <c>X-Hub-Signature</c>, read the event, queue its post (or deletion), answer 202.</summary>
public sealed class MastodonWebhookEndpoints(MastodonSignature signature, DeliveryReceiver receiver)
{
    private readonly IngestRoute _route = new(DeliverySources.Mastodon, signature, ReadDelivery, BodyName: "the Mastodon event");

    public Task<IResult> ReceiveAsync(HttpRequest request, CancellationToken cancellationToken) =>
        receiver.ReceiveAsync(request, _route, cancellationToken);

    private static IngestDelivery? ReadDelivery(JsonElement body, ValidationErrors errors) =>
        MastodonEventReader.Read(body, errors) is { } delivery
            ? new IngestDelivery(
                delivery.Post is { } post ? [post] : [],
                delivery.Deletion is { } deletion ? [deletion] : [],
                delivery.IgnoredBecause)
            : null;
}
