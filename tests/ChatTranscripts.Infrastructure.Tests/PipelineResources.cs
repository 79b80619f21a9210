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

    public static JsonObject KeyVault(this PredictedDeployment deployment) => deployment.Single("Microsoft.KeyVault/vaults");

    public static JsonObject SetupScript(this PredictedDeployment deployment) => deployment.Single("Microsoft.Resources/deploymentScripts");

    /// <summary>The resource id of the identity the function app runs as, read from the app itself.</summary>
    public static string AppIdentityId(this PredictedDeployment deployment) =>
        Assert.Single(PredictedDeployment.Node(deployment.FunctionApp(), "identity.userAssignedIdentities").AsObject()).Key;

    public static bool IsAppIdentityPrincipal(this PredictedDeployment deployment, string principalId) =>
        PredictedDeployment.IsReference(principalId, deployment.AppIdentityId(), "principalId");
}
