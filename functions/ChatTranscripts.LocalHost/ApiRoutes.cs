using ChatTranscripts.Pipeline.Ingest;
using ChatTranscripts.Pipeline.Ingest.Bluesky;
using ChatTranscripts.Pipeline.Ingest.Mastodon;
using ChatTranscripts.Pipeline.Ingest.X;
using ChatTranscripts.Pipeline.Sessions;

namespace ChatTranscripts.LocalHost;

/// <summary>The same routes the Functions app serves, mapped onto the same pipeline endpoints.</summary>
public static class ApiRoutes
{
    public static IEndpointRouteBuilder MapChatTranscriptsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapPut("/sessions/{id}", (HttpRequest request, string id, SessionsEndpoints sessions, CancellationToken ct) => sessions.PutAsync(request, id, ct));
        api.MapGet("/sessions/{id}", (string id, SessionsEndpoints sessions, CancellationToken ct) => sessions.GetAsync(id, ct));
        api.MapGet("/sessions", (SessionsEndpoints sessions, CancellationToken ct) => sessions.ListAsync(ct));
        api.MapPost("/sessions/{id}/publish", (string id, SessionsEndpoints sessions, CancellationToken ct) => sessions.PublishAsync(id, ct));
        api.MapPost("/posts", (HttpRequest request, PostsEndpoints posts, CancellationToken ct) => posts.SubmitAsync(request, ct));
        api.MapPost("/deletions", (HttpRequest request, DeletionsEndpoints deletions, CancellationToken ct) => deletions.SubmitAsync(request, ct));
        api.MapDelete("/posts/{platform}/{**id}", (string platform, string id, DeletionsEndpoints deletions, CancellationToken ct) => deletions.DeleteOneAsync(platform, id, ct));
        api.MapPost("/webhooks/mastodon", (HttpRequest request, MastodonWebhookEndpoints mastodon, CancellationToken ct) => mastodon.ReceiveAsync(request, ct));
        api.MapPost("/webhooks/bluesky", (HttpRequest request, BlueskyWebhookEndpoints bluesky, CancellationToken ct) => bluesky.ReceiveAsync(request, ct));
        api.MapGet("/webhooks/x", (HttpRequest request, XWebhookEndpoints x, CancellationToken ct) => x.CrcAsync(request, ct));
        api.MapPost("/webhooks/x", (HttpRequest request, XWebhookEndpoints x, CancellationToken ct) => x.ReceiveAsync(request, ct));
        return app;
    }
}
