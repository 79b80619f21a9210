namespace ChatTranscripts.LocalHost.OpenApi;

/// <summary>The groups the OpenAPI document shows the routes in.</summary>
public static class ApiTags
{
    public const string Sessions = "Sessions";
    public const string Posts = "Posts";
    public const string PlatformWebhooks = "Platform webhooks";
    public const string Moderation = "Moderation";
}
