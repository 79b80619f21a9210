using ChatTranscripts.Pipeline.Hosting;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.ApplicationInsights;

namespace ChatTranscripts.Functions.Telemetry;

/// <summary>
/// The worker's telemetry: Application Insights 2.x, the SDK line that <c>Microsoft.Azure.Functions.Worker.ApplicationInsights</c>
/// is built against (the 3.x SDK removes the types it calls, and the worker then dies at start-up).
/// </summary>
public static class ApplicationInsightsTelemetry
{
    public static IServiceCollection AddChatTranscriptsTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        // A weekly chat sends little telemetry and every failed delivery matters: keep all of it (host.json does the
        // same for the host's own telemetry).
        services.AddApplicationInsightsTelemetryWorkerService(options => options.EnableAdaptiveSampling = false);
        services.ConfigureFunctionsApplicationInsights();

        // The Application Insights resource accepts only Entra-authenticated telemetry: the host signs in with
        // APPLICATIONINSIGHTS_AUTHENTICATION_STRING itself, the worker with the same identity as a credential.
        if (ApplicationInsightsAuthentication.CredentialFrom(configuration) is { } credential)
        {
            services.Configure<TelemetryConfiguration>(telemetry => telemetry.SetAzureTokenCredential(credential));
        }

        // The SDK adds a rule that sends only Warning and above to Application Insights; an operator following a
        // post from ingest to publish needs the Information lines, and host.json's log levels already decide.
        services.Configure<LoggerFilterOptions>(options =>
        {
            var defaultRule = options.Rules.FirstOrDefault(rule => rule.ProviderName == typeof(ApplicationInsightsLoggerProvider).FullName);
            if (defaultRule is not null)
            {
                options.Rules.Remove(defaultRule);
            }
        });
        return services;
    }
}
