using ChatTranscripts.Pipeline.Http.Ingest;
using ChatTranscripts.Pipeline.Http.Ingest.Bluesky;
using ChatTranscripts.Pipeline.Http.Ingest.Mastodon;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatTranscripts.Pipeline.Hosting;

public static class MastodonAndBlueskyServiceCollectionExtensions
{
    /// <summary>
    /// The Mastodon and Bluesky webhook routes. Bluesky deliveries are signed with <c>Webhooks:Secret</c> and need
    /// only the <see cref="StandardWebhookSignature"/> the pipeline already registers.
    /// </summary>
    public static IServiceCollection AddMastodonAndBlueskyWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MastodonWebhookOptions>().Bind(configuration.GetSection(MastodonWebhookOptions.Section));
        services.AddSingleton<MastodonSignature>();
        services.AddSingleton<MastodonWebhookEndpoints>();
        services.AddSingleton<BlueskyWebhookEndpoints>();
        return services;
    }
}
