using System.Text.Json.Nodes;

namespace ChatTranscripts.Infrastructure.Tests;

/// <summary>The deployment's resources by role in the pipeline, so each test reads as what it checks.</summary>
internal static class PipelineResources
{
    public static JsonObject Plan(this PredictedDeployment deployment) => deployment.Single("Microsoft.Web/serverfarms");

    public static JsonObject FunctionApp(this PredictedDeployment deployment) => deployment.Single("Microsoft.Web/sites");

    public static JsonObject AppSettings(this PredictedDeployment deployment)
    {
        var config = deployment.Single("Microsoft.Web/sites/config");
        Assert.EndsWith("/appsettings", PredictedDeployment.Text(config, "name"), StringComparison.Ordinal);
        // An object, not one opaque expression: every key is visible before deployment.
        return Assert.IsType<JsonObject>(config["properties"]);
    }

    public static string Setting(this JsonObject settings, string name)
    {
        Assert.True(settings.ContainsKey(name), $"The app settings have no {name}.");
        return PredictedDeployment.Text(settings, name);
    }

    public static JsonObject StorageAccount(this PredictedDeployment deployment) => deployment.Single("Microsoft.Storage/storageAccounts");

    public static JsonObject Namespace(this PredictedDeployment deployment) => deployment.Single("Microsoft.ServiceBus/namespaces");

    public static JsonObject PostsQueue(this PredictedDeployment deployment) => deployment.Single("Microsoft.ServiceBus/namespaces/queues");

    public static JsonObject ApplicationInsights(this PredictedDeployment deployment) => deployment.Single("Microsoft.Insights/components");

    /// <summary>The vault of the webhook secrets: the one that is not the function keys'.</summary>
    public static JsonObject KeyVault(this PredictedDeployment deployment) =>
        Assert.Single(deployment.OfType("Microsoft.KeyVault/vaults"), v => !PredictedDeployment.Text(v, "name").StartsWith("kv-keys-", StringComparison.Ordinal));

    public static JsonObject SetupScript(this PredictedDeployment deployment) => deployment.Single("Microsoft.Resources/deploymentScripts");

    public static JsonObject FunctionKeysVault(this PredictedDeployment deployment) =>
        deployment.Named("Microsoft.KeyVault/vaults", "kv-keys-");

    /// <summary>
    /// The resource id of the identity the function app runs as, read from the app itself: the one that resolves its
    /// Key Vault references (the app also carries the identity the platform deploys its package with).
    /// </summary>
    public static string AppIdentityId(this PredictedDeployment deployment) =>
        PredictedDeployment.Text(deployment.FunctionApp(), "properties.keyVaultReferenceIdentity");

    /// <summary>The identity the platform writes and reads the app package with.</summary>
    public static string DeploymentIdentityId(this PredictedDeployment deployment) =>
        PredictedDeployment.Text(deployment.FunctionApp(), "properties.functionAppConfig.deployment.storage.authentication.userAssignedIdentityResourceId");

    /// <summary>The blob container of that name in the pipeline's storage account.</summary>
    public static JsonObject Container(this PredictedDeployment deployment, string name) =>
        Assert.Single(deployment.OfType("Microsoft.Storage/storageAccounts/blobServices/containers"), c => PredictedDeployment.Text(c, "name").EndsWith("/" + name, StringComparison.Ordinal));

    public static bool IsAppIdentityPrincipal(this PredictedDeployment deployment, string principalId) =>
        PredictedDeployment.IsReference(principalId, deployment.AppIdentityId(), "principalId");
}
