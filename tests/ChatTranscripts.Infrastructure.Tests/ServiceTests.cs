using System.Xml;

namespace ChatTranscripts.Infrastructure.Tests;

/// <summary>The queue, the storage account, telemetry and the vault: each with local keys off.</summary>
public sealed class ServiceTests(InfrastructureTemplate template)
{
    private PredictedDeployment Deployment => template.Deployment;

    [Fact]
    public void The_posts_queue_drops_duplicates_within_an_explicit_window()
    {
        var queue = Deployment.PostsQueue();

        Assert.Equal("posts", PredictedDeployment.Text(queue, "name").Split('/')[^1]);
        Assert.True(PredictedDeployment.Node(queue, "properties.requiresDuplicateDetection").GetValue<bool>());
        // Service Bus allows 20 seconds to 7 days; webhook senders retry for hours.
        var window = XmlConvert.ToTimeSpan(PredictedDeployment.Text(queue, "properties.duplicateDetectionHistoryTimeWindow"));
        Assert.InRange(window, TimeSpan.FromHours(1), TimeSpan.FromDays(7));
    }

    [Fact]
    public void The_posts_queue_dead_letters_instead_of_dropping_and_locks_long_enough_for_a_batch()
    {
        var queue = Deployment.PostsQueue();

        Assert.InRange(PredictedDeployment.Node(queue, "properties.maxDeliveryCount").GetValue<int>(), 2, 100);
        Assert.True(PredictedDeployment.Node(queue, "properties.deadLetteringOnMessageExpiration").GetValue<bool>());
        var lockDuration = XmlConvert.ToTimeSpan(PredictedDeployment.Text(queue, "properties.lockDuration"));
        Assert.InRange(lockDuration, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5));
        Assert.False(PredictedDeployment.Node(queue, "properties.requiresSession").GetValue<bool>());
    }

    [Fact]
    public void The_namespace_is_standard_with_sas_keys_off()
    {
        var serviceBus = Deployment.Namespace();

        Assert.Equal("Standard", PredictedDeployment.Text(serviceBus, "sku.name"));
        Assert.True(PredictedDeployment.Node(serviceBus, "properties.disableLocalAuth").GetValue<bool>());
    }

    [Fact]
    public void The_storage_account_refuses_shared_keys_and_anonymous_blobs()
    {
        var storage = Deployment.StorageAccount();

        Assert.Equal("StorageV2", PredictedDeployment.Text(storage, "kind"));
        Assert.False(PredictedDeployment.Node(storage, "properties.allowSharedKeyAccess").GetValue<bool>());
        Assert.True(PredictedDeployment.Node(storage, "properties.defaultToOAuthAuthentication").GetValue<bool>());
        Assert.False(PredictedDeployment.Node(storage, "properties.allowBlobPublicAccess").GetValue<bool>());
        Assert.True(PredictedDeployment.Node(storage, "properties.supportsHttpsTrafficOnly").GetValue<bool>());
        Assert.Equal("TLS1_2", PredictedDeployment.Text(storage, "properties.minimumTlsVersion"));
    }

    [Fact]
    public void Application_insights_takes_only_entra_authenticated_telemetry_into_log_analytics()
    {
        var insights = Deployment.ApplicationInsights();
        var workspace = Deployment.Single("Microsoft.OperationalInsights/workspaces");

        Assert.True(PredictedDeployment.Node(insights, "properties.DisableLocalAuth").GetValue<bool>());
        Assert.Equal(PredictedDeployment.Id(workspace), PredictedDeployment.Text(insights, "properties.WorkspaceResourceId"));
    }

    [Fact]
    public void The_vault_authorises_with_roles_and_holds_the_webhook_secret_but_not_its_value_in_the_template()
    {
        var vault = Deployment.KeyVault();
        var secret = Deployment.Named("Microsoft.KeyVault/vaults/secrets", PredictedDeployment.Text(vault, "name") + "/webhook-secret");

        Assert.True(PredictedDeployment.Node(vault, "properties.enableRbacAuthorization").GetValue<bool>());
        Assert.Equal("[parameters('webhookSecret')]", PredictedDeployment.Text(secret, "properties.value"));
        foreach (var resource in Deployment.Resources)
        {
            Assert.DoesNotContain(InfrastructureTemplate.WebhookSecret, resource.ToJsonString(), StringComparison.Ordinal);
            Assert.DoesNotContain(InfrastructureTemplate.XConsumerSecret, resource.ToJsonString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_optional_platform_secret_is_stored_only_when_given()
    {
        var vaultName = PredictedDeployment.Text(Deployment.KeyVault(), "name");

        Assert.Equal(
            "[not(empty(parameters('xConsumerSecret')))]",
            PredictedDeployment.Text(Deployment.Named("Microsoft.KeyVault/vaults/secrets", vaultName + "/x-consumer-secret"), "condition"));
        Assert.Equal(
            "[not(empty(parameters('mastodonWebhookSecret')))]",
            PredictedDeployment.Text(Deployment.Named("Microsoft.KeyVault/vaults/secrets", vaultName + "/mastodon-webhook-secret"), "condition"));
    }
}
