using ChatTranscripts.LocalHost.Access;
using ChatTranscripts.Pipeline.Http;
using ChatTranscripts.Pipeline.Ingest;
using ChatTranscripts.Pipeline.Ingest.Bluesky;
using ChatTranscripts.Pipeline.Ingest.Mastodon;
using ChatTranscripts.Pipeline.Ingest.X;
using ChatTranscripts.Pipeline.Sessions;

namespace ChatTranscripts.LocalHost;

/// <summary>
/// The Functions app's routes (<see cref="ApiRoutes"/>), mapped onto the same pipeline endpoints. Where the Functions
/// app has a key per role (docs/deploy.md), the organiser routes here need the organisers' token, and no
/// state-changing route takes a request from another site's page.
/// </summary>
public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapChatTranscriptsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/" + ApiRoutes.Prefix).AddEndpointFilter<CrossSiteRequestFilter>();
        var organisers = api.MapGroup("").AddEndpointFilter<OrganiserTokenFilter>();
        organisers.MapPut(ApiRoutes.Session, (HttpRequest request, string id, SessionsEndpoints sessions, CancellationToken ct) => sessions.PutAsync(request, id, ct));
        organisers.MapGet(ApiRoutes.Session, (string id, SessionsEndpoints sessions, CancellationToken ct) => sessions.GetAsync(id, ct));
        organisers.MapGet(ApiRoutes.Sessions, (SessionsEndpoints sessions, CancellationToken ct) => sessions.ListAsync(ct));
        organisers.MapPost(ApiRoutes.SessionPublish, (string id, SessionsEndpoints sessions, CancellationToken ct) => sessions.PublishAsync(id, ct));
        api.MapPost(ApiRoutes.Posts, (HttpRequest request, PostsEndpoints posts, CancellationToken ct) => posts.SubmitAsync(request, ct));
        api.MapPost(ApiRoutes.Deletions, (HttpRequest request, DeletionsEndpoints deletions, CancellationToken ct) => deletions.SubmitAsync(request, ct));
        api.MapDelete(ApiRoutes.Post, (string platform, string id, DeletionsEndpoints deletions, CancellationToken ct) => deletions.DeleteOneAsync(platform, id, ct));
        api.MapPost(ApiRoutes.MastodonWebhook, (HttpRequest request, MastodonWebhookEndpoints mastodon, CancellationToken ct) => mastodon.ReceiveAsync(request, ct));
        api.MapPost(ApiRoutes.BlueskyWebhook, (HttpRequest request, BlueskyWebhookEndpoints bluesky, CancellationToken ct) => bluesky.ReceiveAsync(request, ct));
        api.MapGet(ApiRoutes.XWebhook, (HttpRequest request, XWebhookEndpoints x, CancellationToken ct) => x.CrcAsync(request, ct));
        api.MapPost(ApiRoutes.XWebhook, (HttpRequest request, XWebhookEndpoints x, CancellationToken ct) => x.ReceiveAsync(request, ct));
        return app;
    }
}
