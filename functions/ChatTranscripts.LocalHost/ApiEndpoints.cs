using System.Text.Json.Nodes;
using ChatTranscripts.LocalHost.Access;
using ChatTranscripts.LocalHost.OpenApi;
using ChatTranscripts.Pipeline.Application.Ingest;
using ChatTranscripts.Pipeline.Application.Ingest.Bluesky;
using ChatTranscripts.Pipeline.Http;
using ChatTranscripts.Pipeline.Http.Ingest;
using ChatTranscripts.Pipeline.Http.Ingest.Bluesky;
using ChatTranscripts.Pipeline.Http.Ingest.Mastodon;
using ChatTranscripts.Pipeline.Http.Ingest.X;
using ChatTranscripts.Pipeline.Http.Moderation;
using ChatTranscripts.Pipeline.Http.Sessions;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace ChatTranscripts.LocalHost;

/// <summary>
/// The Functions app's routes (<see cref="ApiRoutes"/>), mapped onto the same pipeline endpoints. Where the Functions
/// app has a key per role (docs/deploy.md), the organiser routes here need the organisers' token, and no
/// state-changing route takes a request from another site's page. The handlers read their requests by hand, so each
/// route also says what the OpenAPI document (<see cref="ApiDocument"/>) should show of it.
/// </summary>
public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapChatTranscriptsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/" + ApiRoutes.Prefix).AddEndpointFilter<CrossSiteRequestFilter>();
        var organisers = api.MapGroup("").AddEndpointFilter<OrganiserTokenFilter>();
        organisers.MapPut(ApiRoutes.Session, (HttpRequest request, string id, SessionsEndpoints sessions, CancellationToken ct) => sessions.PutAsync(request, id, ct))
            .ForRoute("PutSession").WithTags(ApiTags.Sessions)
            .WithSummary("Register a session (201) or replace it (200)")
            .WithDescription("Posts already stored are routed to the session again. The id is 3 to 64 lowercase letters, digits or '-', starting with a letter or digit.")
            .Accepts<SessionBody>("application/json")
            .Produces<SessionResource>(Status200OK).Produces<SessionResource>(Status201Created)
            .ProducesProblems(Status400BadRequest, Status401Unauthorized, Status403Forbidden, Status413PayloadTooLarge, Status415UnsupportedMediaType, Status503ServiceUnavailable);
        organisers.MapGet(ApiRoutes.Session, (string id, SessionsEndpoints sessions, CancellationToken ct) => sessions.GetAsync(id, ct))
            .ForRoute("GetSession").WithTags(ApiTags.Sessions)
            .WithSummary("Read a session: its definition, normalised, and its status")
            .WithDescription("status is scheduled, live, ended or published; transcriptUrl is null until the first publish.")
            .Produces<SessionResource>(Status200OK)
            .ProducesProblems(Status401Unauthorized, Status404NotFound, Status503ServiceUnavailable);
        organisers.MapGet(ApiRoutes.Sessions, (SessionsEndpoints sessions, CancellationToken ct) => sessions.ListAsync(ct))
            .ForRoute("ListSessions").WithTags(ApiTags.Sessions)
            .WithSummary("List every session, newest start first")
            .Produces<SessionList>(Status200OK)
            .ProducesProblems(Status401Unauthorized, Status503ServiceUnavailable);
        organisers.MapPost(ApiRoutes.SessionPublish, (string id, SessionsEndpoints sessions, CancellationToken ct) => sessions.PublishAsync(id, ct))
            .ForRoute("PublishSession").WithTags(ApiTags.Sessions)
            .WithSummary("Publish a session now, whatever the schedule")
            .WithDescription("A session that has not ended yet gets a snapshot under a 'live' banner; one that has ended gets its final transcript.")
            .Produces<SessionResource>(Status202Accepted)
            .ProducesProblems(Status401Unauthorized, Status403Forbidden, Status404NotFound, Status503ServiceUnavailable);
        organisers.MapGet(ApiRoutes.SessionModeration, (string id, ModerationEndpoints moderation, CancellationToken ct) => moderation.GetAsync(id, ct))
            .ForRoute("GetModeration").WithTags(ApiTags.Moderation)
            .WithSummary("List what is hidden in a session, by whom, when and why, and its rules")
            .Produces<JsonObject>(Status200OK)
            .ProducesProblems(Status401Unauthorized, Status404NotFound, Status503ServiceUnavailable);
        organisers.MapPut(ApiRoutes.SessionModerationRules, (HttpRequest request, string id, ModerationEndpoints moderation, OrganiserCredential credential, CancellationToken ct) =>
            moderation.PutRulesAsync(request, id, credential.Name, ct))
            .ForRoute("PutModerationRules").WithTags(ApiTags.Moderation)
            .WithSummary("Set a session's automatic rules (off by default)")
            .Accepts<JsonObject>("application/json")
            .Produces<JsonObject>(Status200OK)
            .ProducesProblems(Status400BadRequest, Status401Unauthorized, Status403Forbidden, Status404NotFound, Status415UnsupportedMediaType, Status503ServiceUnavailable);
        organisers.MapPut(ApiRoutes.SessionModerationPost, (HttpRequest request, string id, string platform, string postId, ModerationEndpoints moderation, OrganiserCredential credential, CancellationToken ct) =>
            moderation.HidePostAsync(request, id, platform, postId, credential.Name, ct))
            .ForRoute("HidePost").WithTags(ApiTags.Moderation)
            .WithSummary("Hide a post from every published file of the session, with a reason")
            .Accepts<JsonObject>("application/json")
            .Produces<JsonObject>(Status200OK).Produces<JsonObject>(Status201Created)
            .ProducesProblems(Status400BadRequest, Status401Unauthorized, Status403Forbidden, Status404NotFound, Status415UnsupportedMediaType, Status503ServiceUnavailable);
        organisers.MapDelete(ApiRoutes.SessionModerationPost, (string id, string platform, string postId, ModerationEndpoints moderation, CancellationToken ct) =>
            moderation.UnhidePostAsync(id, platform, postId, ct))
            .ForRoute("UnhidePost").WithTags(ApiTags.Moderation)
            .WithSummary("Show a hidden post again")
            .Produces(Status204NoContent)
            .ProducesProblems(Status400BadRequest, Status401Unauthorized, Status403Forbidden, Status404NotFound, Status503ServiceUnavailable);
        organisers.MapPut(ApiRoutes.SessionModerationAccount, (HttpRequest request, string id, string platform, string handle, ModerationEndpoints moderation, OrganiserCredential credential, CancellationToken ct) =>
            moderation.BlockAccountAsync(request, id, platform, handle, credential.Name, ct))
            .ForRoute("BlockAccount").WithTags(ApiTags.Moderation)
            .WithSummary("Block an account for the session, or for every session of its series")
            .Accepts<JsonObject>("application/json")
            .Produces<JsonObject>(Status200OK).Produces<JsonObject>(Status201Created)
            .ProducesProblems(Status400BadRequest, Status401Unauthorized, Status403Forbidden, Status404NotFound, Status415UnsupportedMediaType, Status503ServiceUnavailable);
        organisers.MapDelete(ApiRoutes.SessionModerationAccount, (string id, string platform, string handle, string? scope, ModerationEndpoints moderation, CancellationToken ct) =>
            moderation.UnblockAccountAsync(id, platform, handle, scope, ct))
            .ForRoute("UnblockAccount").WithTags(ApiTags.Moderation)
            .WithSummary("Unblock an account (scope=session or series)")
            .Produces(Status204NoContent)
            .ProducesProblems(Status400BadRequest, Status401Unauthorized, Status403Forbidden, Status404NotFound, Status503ServiceUnavailable);
        api.MapPost(ApiRoutes.Posts, (HttpRequest request, PostsEndpoints posts, CancellationToken ct) => posts.SubmitAsync(request, ct))
            .ForRoute("SubmitPosts").WithTags(ApiTags.Posts)
            .WithSummary("Submit one post or a batch of up to 100")
            .WithDescription("All or nothing: a 400 names every invalid field of every item (posts[i].field) and queues none.")
            .AcceptsOneOrBatch<PostBody>(PostReader.MaxBatch)
            .WithStandardWebhookSignature()
            .Produces<AcceptedCount>(Status202Accepted)
            .ProducesProblems(Status400BadRequest, Status401Unauthorized, Status403Forbidden, Status413PayloadTooLarge, Status415UnsupportedMediaType, Status503ServiceUnavailable);
        api.MapPost(ApiRoutes.Deletions, (HttpRequest request, DeletionsEndpoints deletions, CancellationToken ct) => deletions.SubmitAsync(request, ct))
            .ForRoute("SubmitDeletions").WithTags(ApiTags.Posts)
            .WithSummary("Delete one post or a batch of up to 100, everywhere and for good")
            .WithDescription("Accepted for posts never seen too: a post that arrives later stays deleted. All or nothing, like posts (deletions[i].field).")
            .AcceptsOneOrBatch<DeletionBody>(PostReader.MaxBatch)
            .WithStandardWebhookSignature()
            .Produces<AcceptedCount>(Status202Accepted)
            .ProducesProblems(Status400BadRequest, Status401Unauthorized, Status403Forbidden, Status413PayloadTooLarge, Status415UnsupportedMediaType, Status503ServiceUnavailable);
        api.MapDelete(ApiRoutes.Post, (string platform, string id, DeletionsEndpoints deletions, CancellationToken ct) => deletions.DeleteOneAsync(platform, id, ct))
            .ForRoute("DeletePost").WithTags(ApiTags.Posts)
            .WithSummary("Delete one post, only where no webhook secret is set")
            .WithDescription("An unsigned local run only: with Webhooks:Secret set it answers 401, since a request without a body has nothing for a signature to name. Use POST /api/deletions.")
            .Produces<AcceptedCount>(Status202Accepted)
            .ProducesProblems(Status400BadRequest, Status401Unauthorized, Status403Forbidden, Status503ServiceUnavailable);
        api.MapPost(ApiRoutes.MastodonWebhook, (HttpRequest request, MastodonWebhookEndpoints mastodon, CancellationToken ct) => mastodon.ReceiveAsync(request, ct))
            .ForRoute("ReceiveMastodonWebhook").WithTags(ApiTags.PlatformWebhooks)
            .WithSummary("Receive a Mastodon admin webhook event")
            .WithDescription(
                "status.created and status.updated of public or unlisted statuses become posts (202); a status.updated to any other visibility " +
                "deletes the status (202); other events and statuses are acknowledged (200). 503 in Azure, or beyond loopback, without Webhooks:Mastodon:Secret.")
            .Accepts<JsonObject>("application/json")
            .WithHeader(MastodonSignature.SignatureHeader, false, "'sha256=' and the hex HMAC-SHA256 of the body with Webhooks:Mastodon:Secret. Required when that secret is set.")
            .Produces<PlatformDeliveryAnswer>(Status202Accepted).Produces<PlatformDeliveryAnswer>(Status200OK)
            .ProducesProblems(Status400BadRequest, Status401Unauthorized, Status403Forbidden, Status413PayloadTooLarge, Status415UnsupportedMediaType, Status503ServiceUnavailable);
        api.MapPost(ApiRoutes.BlueskyWebhook, (HttpRequest request, BlueskyWebhookEndpoints bluesky, CancellationToken ct) => bluesky.ReceiveAsync(request, ct))
            .ForRoute("ReceiveBlueskyWebhook").WithTags(ApiTags.PlatformWebhooks)
            .WithSummary("Receive Jetstream events forwarded by a relay: one event or up to 100")
            .WithDescription(
                "create and update commits of app.bsky.feed.post become posts, delete commits deletions (202); other events are acknowledged (200). " +
                "A 400 names the event (events[i]…) and queues none of the batch.")
            .AcceptsOneOrBatch<JsonObject>(JetstreamEventReader.MaxBatch)
            .WithStandardWebhookSignature()
            .Produces<PlatformDeliveryAnswer>(Status202Accepted).Produces<PlatformDeliveryAnswer>(Status200OK)
            .ProducesProblems(Status400BadRequest, Status401Unauthorized, Status403Forbidden, Status413PayloadTooLarge, Status415UnsupportedMediaType, Status503ServiceUnavailable);
        api.MapGet(ApiRoutes.XWebhook, (HttpRequest request, XWebhookEndpoints x, CancellationToken ct) => x.CrcAsync(request, ct))
            .ForRoute("XWebhookCrc").WithTags(ApiTags.PlatformWebhooks)
            .WithSummary("Answer X's CRC check")
            .WithDescription("503 without Webhooks:X:ConsumerSecret.")
            .WithQueryParameter(XWebhookEndpoints.CrcTokenParameter, $"Given once: 1 to {XWebhookEndpoints.MaxCrcTokenLength} letters, digits, '-', '_', '+', '/' or '=', as X sends it.")
            .Produces<XCrcResponse>(Status200OK)
            .ProducesProblems(Status400BadRequest, Status503ServiceUnavailable);
        api.MapPost(ApiRoutes.XWebhook, (HttpRequest request, XWebhookEndpoints x, CancellationToken ct) => x.ReceiveAsync(request, ct))
            .ForRoute("XWebhookReceive").WithTags(ApiTags.PlatformWebhooks)
            .WithSummary("Receive an X Account Activity or filtered-stream delivery")
            .WithDescription(
                "tweet_create_events and v2 data become posts, tweet_delete_events deletions, all queued together (200); other deliveries are " +
                "acknowledged (200, accepted 0). 503 without Webhooks:X:ConsumerSecret.")
            .Accepts<JsonObject>("application/json")
            .WithHeader(XSignature.SignatureHeader, true, "'sha256=' and the base64 HMAC-SHA256 of the body with Webhooks:X:ConsumerSecret.")
            .Produces<PlatformDeliveryAnswer>(Status200OK)
            .ProducesProblems(Status400BadRequest, Status401Unauthorized, Status403Forbidden, Status413PayloadTooLarge, Status415UnsupportedMediaType, Status503ServiceUnavailable);
        // Unknown routes and wrong methods below the prefix: the answers of the Functions app's catch-all, from the same code.
        app.Map($"/{ApiRoutes.Prefix}/{{**path}}", (HttpRequest request, string? path) => UnmatchedRequests.Answer(request.Method, path ?? "", request.ContentType))
            .ExcludeFromDescription();
        return app;
    }
}
