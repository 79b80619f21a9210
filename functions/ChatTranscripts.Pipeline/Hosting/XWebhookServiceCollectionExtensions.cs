using ChatTranscripts.Pipeline.Http.Ingest.X;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// In the namespace of the other ingest registrations, so the pipeline's composition root needs no extra using.
namespace ChatTranscripts.Pipeline.Hosting;

public static class XWebhookServiceCollectionExtensions
{
    /// <summary>
    /// The X webhook routes. The consumer secret is not required at start-up: an app that does not use X starts
    /// without it, and the X routes answer 503 with what to set.
    /// </summary>
    public static IServiceCollection AddXWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<XWebhookOptions>().Bind(configuration.GetSection(XWebhookOptions.Section));
        services.AddSingleton<XSignature>();
        services.AddSingleton<XWebhookEndpoints>();
        return services;
    }
}
