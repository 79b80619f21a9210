using ChatTranscripts.Pipeline.Application.Ingest;
using Microsoft.AspNetCore.Http;

namespace ChatTranscripts.Pipeline.Http.Ingest;

/// <summary><c>POST /api/posts</c>: one post or a batch, signed with Standard Webhooks, all or nothing.</summary>
public sealed class PostsEndpoints(StandardWebhookSignature signature, DeliveryReceiver receiver)
{
    private readonly IngestRoute _route = new(
        DeliverySources.Posts,
        signature,
        (body, errors) => new IngestDelivery(PostReader.Read(body, errors), []),
        PostReader.BatchField);

    public Task<IResult> SubmitAsync(HttpRequest request, CancellationToken cancellationToken) =>
        receiver.ReceiveAsync(request, _route, cancellationToken);
}
