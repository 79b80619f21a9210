using ChatTranscripts.LocalHost.Access;
using ChatTranscripts.Pipeline.Ingest;
using ChatTranscripts.Pipeline.Ingest.Bluesky;
using ChatTranscripts.Pipeline.Ingest.Mastodon;
using ChatTranscripts.Pipeline.Ingest.X;
using ChatTranscripts.Pipeline.Sessions;

namespace ChatTranscripts.LocalHost;

/// <summary>
/// The same routes the Functions app serves, mapped onto the same pipeline endpoints. Where the Functions app has a key
/// per role (docs/deploy.md), the organiser routes here need the organisers' token, and no state-changing route takes
/// a request from another site's page.
/// </summary>
public static class ApiRoutes
{
    public static IEndpointRouteBuilder MapChatTranscriptsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").AddEndpointFilter<CrossSiteRequestFilter>();
        var organisers = api.MapGroup("/sessions").AddEndpointFilter<OrganiserTokenFilter>();
        organisers.MapPut("/{id}", (HttpRequest request, string id, SessionsEndpoints sessions, CancellationToken ct) => sessions.PutAsync(request, id, ct));
        organisers.MapGet("/{id}", (string id, SessionsEndpoints sessions, CancellationToken ct) => sessions.GetAsync(id, ct));
        organisers.MapGet("", (SessionsEndpoints sessions, CancellationToken ct) => sessions.ListAsync(ct));
        organisers.MapPost("/{id}/publish", (string id, SessionsEndpoints sessions, CancellationToken ct) => sessions.PublishAsync(id, ct));
        api.MapPost("/posts", (HttpRequest request, PostsEndpoints posts, CancellationToken ct) => posts.SubmitAsync(request, ct));
        api.MapDelete("/posts/{platform}/{**id}", (HttpRequest request, string platform, string id, PostsEndpoints posts, CancellationToken ct) => posts.DeleteAsync(request, platform, id, ct));
        api.MapPost("/webhooks/mastodon", (HttpRequest request, MastodonWebhookEndpoints mastodon, CancellationToken ct) => mastodon.ReceiveAsync(request, ct));
        api.MapPost("/webhooks/bluesky", (HttpRequest request, BlueskyWebhookEndpoints bluesky, CancellationToken ct) => bluesky.ReceiveAsync(request, ct));
        api.MapGet("/webhooks/x", (HttpRequest request, XWebhookEndpoints x, CancellationToken ct) => x.CrcAsync(request, ct));
        api.MapPost("/webhooks/x", (HttpRequest request, XWebhookEndpoints x, CancellationToken ct) => x.ReceiveAsync(request, ct));
        return app;
    }
}
