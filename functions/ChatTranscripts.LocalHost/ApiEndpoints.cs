using ChatTranscripts.LocalHost.Access;
using ChatTranscripts.Pipeline.Http;
using ChatTranscripts.Pipeline.Ingest;
using ChatTranscripts.Pipeline.Ingest.Bluesky;
using ChatTranscripts.Pipeline.Ingest.Mastodon;
using ChatTranscripts.Pipeline.Ingest.X;
using ChatTranscripts.Pipeline.Moderation;
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
        organisers.MapGet(ApiRoutes.SessionModeration, (string id, ModerationEndpoints moderation, CancellationToken ct) => moderation.GetAsync(id, ct));
        organisers.MapPut(ApiRoutes.SessionModerationRules, (HttpRequest request, string id, ModerationEndpoints moderation, OrganiserCredential credential, CancellationToken ct) =>
            moderation.PutRulesAsync(request, id, credential.Name, ct));
        organisers.MapPut(ApiRoutes.SessionModerationPost, (HttpRequest request, string id, string platform, string postId, ModerationEndpoints moderation, OrganiserCredential credential, CancellationToken ct) =>
            moderation.HidePostAsync(request, id, platform, postId, credential.Name, ct));
        organisers.MapDelete(ApiRoutes.SessionModerationPost, (string id, string platform, string postId, ModerationEndpoints moderation, CancellationToken ct) =>
            moderation.UnhidePostAsync(id, platform, postId, ct));
        organisers.MapPut(ApiRoutes.SessionModerationAccount, (HttpRequest request, string id, string platform, string handle, ModerationEndpoints moderation, OrganiserCredential credential, CancellationToken ct) =>
            moderation.BlockAccountAsync(request, id, platform, handle, credential.Name, ct));
        organisers.MapDelete(ApiRoutes.SessionModerationAccount, (string id, string platform, string handle, string? scope, ModerationEndpoints moderation, CancellationToken ct) =>
            moderation.UnblockAccountAsync(id, platform, handle, scope, ct));
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
