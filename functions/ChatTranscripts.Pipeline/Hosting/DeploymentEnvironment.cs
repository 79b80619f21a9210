using ChatTranscripts.Pipeline.Http.Ingest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatTranscripts.Pipeline.Hosting;

/// <summary>
/// Reads where the app runs from the app setting the deployment writes (<c>Deployment__InAzure=true</c>, set by
/// infra/modules/function-app.bicep). Platform variables cannot decide it: Flex Consumption does not set
/// <c>WEBSITE_INSTANCE_ID</c>, so an app that guessed from it would run in Azure with the start-up checks off.
/// </summary>
public static class DeploymentEnvironment
{
    /// <summary>The setting, spelled as configuration reads it; app settings spell it <c>Deployment__InAzure</c>.</summary>
    public const string InAzureSetting = "Deployment:InAzure";

    /// <summary>
    /// In Azure the webhook secret is mandatory and the deployed settings are checked as a deployment's
    /// (<see cref="DeploymentSettingsValidator"/>): an app deployed without them refuses to start, naming the setting,
    /// instead of accepting unsigned posts or failing on its first request. Elsewhere both stay off.
    /// </summary>
    public static IServiceCollection AddDeploymentEnvironment(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[InAzureSetting];
        var inAzure = false;
        var readable = string.IsNullOrWhiteSpace(value) || bool.TryParse(value, out inAzure);
        services.AddOptions<DeploymentOptions>()
            .Configure(options => options.InAzure = inAzure)
            .Validate(_ => readable, $"{InAzureSetting.Replace(":", "__", StringComparison.Ordinal)} must be 'true' or 'false', not '{value}'.")
            .ValidateOnStart();
        if (inAzure)
        {
            services.PostConfigure<WebhookOptions>(options => options.RequireSecret = true);
        }
        return services;
    }
}
