namespace ChatTranscripts.Pipeline.Http;

/// <summary>Who may call a route, each with a credential of its own (design decision 10).</summary>
public enum ApiCaller
{
    /// <summary>Webhook senders: posts, deletions and the platform routes.</summary>
    Sender,

    /// <summary>Organisers: sessions, publishing and moderation.</summary>
    Organiser,
}

/// <summary>One route of the HTTP API: the function that serves it in Azure, its method and its template below the "api" prefix.</summary>
public sealed record ApiRoute(string FunctionName, string Method, string Template, ApiCaller Caller);

/// <summary>
/// The HTTP API's routes, declared once: the Functions app's <c>[HttpTrigger]</c> attributes take the templates
/// below (attribute arguments must be constants), the local host maps the same templates, and a test holds both and
/// the contract to <see cref="All"/>.
/// </summary>
public static class ApiRoutes
{
    /// <summary>host.json's <c>extensions.http.routePrefix</c>; the local host maps the same group.</summary>
    public const string Prefix = "api";

    public const string Sessions = "sessions";
    public const string Session = "sessions/{id}";
    public const string SessionPublish = "sessions/{id}/publish";
    public const string SessionModeration = "sessions/{id}/moderation";
    public const string SessionModerationRules = "sessions/{id}/moderation/rules";

    /// <summary>The post id is a catch-all, as in <see cref="Post"/>.</summary>
    public const string SessionModerationPost = "sessions/{id}/moderation/posts/{platform}/{*postId}";

    public const string SessionModerationAccount = "sessions/{id}/moderation/accounts/{platform}/{handle}";
    public const string Posts = "posts";
    public const string Deletions = "deletions";

    /// <summary>The id is a catch-all: Bluesky ids contain '/'.</summary>
    public const string Post = "posts/{platform}/{*id}";

    public const string MastodonWebhook = "webhooks/mastodon";
    public const string BlueskyWebhook = "webhooks/bluesky";
    public const string XWebhook = "webhooks/x";

    /// <summary>Everything else below the prefix: unknown routes and wrong methods answer problem+json, never the host's bare 404.</summary>
    public const string Unmatched = "{*path}";

    public static readonly IReadOnlyList<ApiRoute> All =
    [
        new("PutSession", "PUT", Session, ApiCaller.Organiser),
        new("GetSession", "GET", Session, ApiCaller.Organiser),
        new("ListSessions", "GET", Sessions, ApiCaller.Organiser),
        new("PublishSession", "POST", SessionPublish, ApiCaller.Organiser),
        new("GetModeration", "GET", SessionModeration, ApiCaller.Organiser),
        new("PutModerationRules", "PUT", SessionModerationRules, ApiCaller.Organiser),
        new("HidePost", "PUT", SessionModerationPost, ApiCaller.Organiser),
        new("UnhidePost", "DELETE", SessionModerationPost, ApiCaller.Organiser),
        new("BlockAccount", "PUT", SessionModerationAccount, ApiCaller.Organiser),
        new("UnblockAccount", "DELETE", SessionModerationAccount, ApiCaller.Organiser),
        new("SubmitPosts", "POST", Posts, ApiCaller.Sender),
        new("SubmitDeletions", "POST", Deletions, ApiCaller.Sender),
        new("DeletePost", "DELETE", Post, ApiCaller.Sender),
        new("ReceiveMastodonWebhook", "POST", MastodonWebhook, ApiCaller.Sender),
        new("ReceiveBlueskyWebhook", "POST", BlueskyWebhook, ApiCaller.Sender),
        new("XWebhookCrc", "GET", XWebhook, ApiCaller.Sender),
        new("XWebhookReceive", "POST", XWebhook, ApiCaller.Sender),
    ];
}
