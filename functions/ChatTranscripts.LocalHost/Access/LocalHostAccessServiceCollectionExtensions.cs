using ChatTranscripts.Pipeline.Http.Ingest;
using Microsoft.Extensions.Options;

namespace ChatTranscripts.LocalHost.Access;

/// <summary>
/// Who may call what on the local host. On loopback alone, unconfigured, everything stays open to this machine as
/// before. Beyond loopback it behaves like a deployment: webhook deliveries must be signed and the organiser routes need
/// their token, or the host refuses to start, naming the setting.
/// </summary>
public static class LocalHostAccessServiceCollectionExtensions
{
    public static IServiceCollection AddLocalHostAccess(this IServiceCollection services)
    {
        services.AddSingleton(sp => NetworkExposure.From(sp.GetRequiredService<IConfiguration>()));
        services.AddOptions<OrganiserAccessOptions>().BindConfiguration(OrganiserAccessOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OrganiserAccessOptions>, OrganiserAccessValidator>();
        services.AddSingleton<OrganiserCredential>();
        services.AddOptions<WebhookOptions>().PostConfigure<NetworkExposure>((options, exposure) => options.RequireSecret |= exposure.BeyondLoopback);
        services.AddHostedService<NetworkExposureWarning>();
        return services;
    }
}
