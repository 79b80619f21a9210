using Microsoft.Extensions.Azure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatTranscripts.Pipeline.Adapters.Connections;

/// <summary>How the pipeline registers Azure SDK clients: <c>AddAzureClients</c>, with the SDK's own event sources kept out of the logs.</summary>
public static class AzureClientRegistration
{
    /// <summary>
    /// Microsoft.Extensions.Azure forwards every Azure SDK event source to <c>ILogger</c> once it creates a client: a
    /// line per storage request (and a warning per expected 404 or 409) in the local host's terminal and in Application
    /// Insights. The pipeline logs what it does itself, so the forwarder it starts is given no loggers, and the
    /// clients' pipelines do not describe each request for it.
    /// </summary>
    public static IServiceCollection AddPipelineAzureClients(this IServiceCollection services, Action<AzureClientFactoryBuilder> configureClients)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configureClients);
        services.TryAddSingleton(_ => new AzureEventSourceLogForwarder(NullLoggerFactory.Instance));
        services.AddAzureClients(clients =>
        {
            clients.ConfigureDefaults(options => options.Diagnostics.IsLoggingEnabled = false);
            configureClients(clients);
        });
        return services;
    }
}
