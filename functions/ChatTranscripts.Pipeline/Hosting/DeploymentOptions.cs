namespace ChatTranscripts.Pipeline.Hosting;

/// <summary>
/// How strictly start-up checks the settings a deployment provides (<see cref="DeploymentSettingsValidator"/>).
/// Set from the <c>Deployment__InAzure</c> app setting by <see cref="DeploymentEnvironment"/>.
/// </summary>
public sealed class DeploymentOptions
{
    /// <summary>
    /// True where the app runs in Azure (the deployment writes <c>Deployment__InAzure=true</c>); off locally, on Azurite.
    /// The deployed storage account and Service Bus namespace have their keys switched off, so connection strings
    /// are refused (failing at start-up names the setting to fix, instead of failing on the first request), and the
    /// published site is served over https, so <c>Publishing:SiteBaseUrl</c> must be https.
    /// </summary>
    public bool InAzure { get; set; }
}
