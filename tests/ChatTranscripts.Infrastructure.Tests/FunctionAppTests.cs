using System.Globalization;

namespace ChatTranscripts.Infrastructure.Tests;

/// <summary>The Flex Consumption app: runtime, package, scale, and settings that connect with its identity only.</summary>
public sealed class FunctionAppTests(InfrastructureTemplate template)
{
    private PredictedDeployment Deployment => template.Deployment;

    [Fact]
    public void The_plan_is_flex_consumption_on_linux()
    {
        var plan = Deployment.Plan();

        Assert.Equal("FC1", PredictedDeployment.Text(plan, "sku.name"));
        Assert.Equal("FlexConsumption", PredictedDeployment.Text(plan, "sku.tier"));
        Assert.True(PredictedDeployment.Node(plan, "properties.reserved").GetValue<bool>());
    }

    [Fact]
    public void The_app_runs_dotnet_isolated_10_on_that_plan_over_https_only()
    {
        var app = Deployment.FunctionApp();

        Assert.Equal("functionapp,linux", PredictedDeployment.Text(app, "kind"));
        Assert.Equal(PredictedDeployment.Id(Deployment.Plan()), PredictedDeployment.Text(app, "properties.serverFarmId"));
        Assert.Equal("dotnet-isolated", PredictedDeployment.Text(app, "properties.functionAppConfig.runtime.name"));
        Assert.Equal("10.0", PredictedDeployment.Text(app, "properties.functionAppConfig.runtime.version"));
        Assert.True(PredictedDeployment.Node(app, "properties.httpsOnly").GetValue<bool>());
    }

    [Fact]
    public void The_app_package_comes_from_a_blob_container_written_and_read_with_an_identity_of_its_own()
    {
        var app = Deployment.FunctionApp();
        var storage = PredictedDeployment.Node(app, "properties.functionAppConfig.deployment.storage");
        var container = Deployment.Container("app-package");

        Assert.Equal("blobContainer", PredictedDeployment.Text(storage, "type"));
        Assert.True(
            PredictedDeployment.ContainsReference(PredictedDeployment.Text(storage, "value"), PredictedDeployment.Id(Deployment.StorageAccount()), "primaryEndpoints.blob"),
            "The package container must be in the pipeline's storage account.");
        Assert.EndsWith($", '{PredictedDeployment.Text(container, "name").Split('/')[^1]}')]", PredictedDeployment.Text(storage, "value"), StringComparison.Ordinal);
        Assert.Equal("UserAssignedIdentity", PredictedDeployment.Text(storage, "authentication.type"));
        Assert.NotEqual(Deployment.AppIdentityId(), Deployment.DeploymentIdentityId());
        Assert.Contains(Deployment.DeploymentIdentityId(), PredictedDeployment.Node(app, "identity.userAssignedIdentities").AsObject().Select(i => i.Key));
    }

    [Fact]
    public void Instance_memory_and_the_instance_limit_are_set()
    {
        var scale = PredictedDeployment.Node(Deployment.FunctionApp(), "properties.functionAppConfig.scaleAndConcurrency");

        Assert.Contains(scale["instanceMemoryMB"]!.GetValue<int>(), new[] { 512, 2048, 4096 });
        Assert.InRange(scale["maximumInstanceCount"]!.GetValue<int>(), 1, 1000);
    }

    [Fact]
    public async Task Always_ready_http_instances_are_off_by_default_and_a_parameter_keeps_them_warm()
    {
        const string path = "properties.functionAppConfig.scaleAndConcurrency.alwaysReady";

        Assert.Equal(0, PredictedDeployment.Node(template.Compiled, "parameters.alwaysReadyHttpInstances.defaultValue").GetValue<int>());
        Assert.Empty(PredictedDeployment.Node(Deployment.FunctionApp(), path).AsArray());
        var warm = await template.SnapshotWithAsync("alwaysReadyHttpInstances = 2");
        var ready = Assert.Single(PredictedDeployment.Node(warm.FunctionApp(), path).AsArray());
        // 'http' is the scale group of every HTTP-triggered function, X's CRC route included.
        Assert.Equal("http", PredictedDeployment.Text(ready, "name"));
        Assert.Equal(2, ready!["instanceCount"]!.GetValue<int>());
    }

    [Fact]
    public void Storage_connects_with_the_identity_through_service_uris()
    {
        var settings = Deployment.AppSettings();
        var storage = PredictedDeployment.Id(Deployment.StorageAccount());
        var identity = Deployment.AppIdentityId();

        Assert.False(settings.ContainsKey("AzureWebJobsStorage"), "AzureWebJobsStorage must not be a connection string in Azure.");
        Assert.Equal("managedidentity", settings.Setting("AzureWebJobsStorage__credential"));
        Assert.True(PredictedDeployment.IsReference(settings.Setting("AzureWebJobsStorage__clientId"), identity, "clientId"));
        Assert.True(PredictedDeployment.IsReference(settings.Setting("AzureWebJobsStorage__blobServiceUri"), storage, "primaryEndpoints.blob"));
        Assert.True(PredictedDeployment.IsReference(settings.Setting("AzureWebJobsStorage__queueServiceUri"), storage, "primaryEndpoints.queue"));
        Assert.True(PredictedDeployment.IsReference(settings.Setting("AzureWebJobsStorage__tableServiceUri"), storage, "primaryEndpoints.table"));
    }

    [Fact]
    public void Service_bus_connects_with_the_identity_through_its_namespace()
    {
        var settings = Deployment.AppSettings();

        Assert.False(settings.ContainsKey("ServiceBus"), "ServiceBus must not be a connection string in Azure.");
        Assert.True(PredictedDeployment.ContainsReference(
            settings.Setting("ServiceBus__fullyQualifiedNamespace"), PredictedDeployment.Id(Deployment.Namespace()), "serviceBusEndpoint"));
        Assert.Equal("managedidentity", settings.Setting("ServiceBus__credential"));
        Assert.True(PredictedDeployment.IsReference(settings.Setting("ServiceBus__clientId"), Deployment.AppIdentityId(), "clientId"));
        Assert.Equal(PredictedDeployment.Text(Deployment.PostsQueue(), "name").Split('/')[^1], settings.Setting("Queue__Name"));
    }

    [Fact]
    public void Telemetry_is_sent_with_the_identity()
    {
        var settings = Deployment.AppSettings();

        Assert.True(PredictedDeployment.IsReference(
            settings.Setting("APPLICATIONINSIGHTS_CONNECTION_STRING"), PredictedDeployment.Id(Deployment.ApplicationInsights()), "ConnectionString"));
        var authentication = settings.Setting("APPLICATIONINSIGHTS_AUTHENTICATION_STRING");
        Assert.StartsWith("[format('ClientId={0};Authorization=AAD', ", authentication, StringComparison.Ordinal);
        Assert.True(PredictedDeployment.ContainsReference(authentication, Deployment.AppIdentityId(), "clientId"));
    }

    [Theory]
    [InlineData("Webhooks__Secret", "webhook-secret")]
    [InlineData("Webhooks__X__ConsumerSecret", "x-consumer-secret")]
    [InlineData("Webhooks__Mastodon__Secret", "mastodon-webhook-secret")]
    public void Webhook_secrets_arrive_as_key_vault_references_resolved_with_the_identity(string setting, string secretName)
    {
        var value = Deployment.AppSettings().Setting(setting);
        var vault = Deployment.KeyVault();
        var secret = Deployment.Named("Microsoft.KeyVault/vaults/secrets", PredictedDeployment.Text(vault, "name") + "/" + secretName);

        Assert.Contains("format('@Microsoft.KeyVault(SecretUri={0})', ", value, StringComparison.Ordinal);
        // An optional secret's reference depends on a secure parameter, which the expansion leaves unevaluated.
        Assert.True(
            PredictedDeployment.ContainsReference(value, PredictedDeployment.Id(secret), "secretUriWithVersion")
            || value.Contains($"reference(resourceId('Microsoft.KeyVault/vaults/secrets', parameters('name'), '{secretName}'), ", StringComparison.Ordinal),
            $"{setting} must reference the vault's {secretName}: {value}");
        Assert.Equal(Deployment.AppIdentityId(), PredictedDeployment.Text(Deployment.FunctionApp(), "properties.keyVaultReferenceIdentity"));
    }

    [Fact]
    public void No_setting_holds_a_key_a_connection_secret_or_a_webhook_secret()
    {
        foreach (var (name, value) in Deployment.AppSettings())
        {
            var text = value!.ToJsonString();
            Assert.DoesNotContain("AccountKey", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("SharedAccessKey", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("SharedAccessSignature", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("listKeys", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(InfrastructureTemplate.WebhookSecret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(InfrastructureTemplate.XConsumerSecret, text, StringComparison.Ordinal);
            Assert.False(name.EndsWith("ConnectionString", StringComparison.OrdinalIgnoreCase) && !name.StartsWith("APPLICATIONINSIGHTS_", StringComparison.Ordinal), name);
        }
    }

    [Theory]
    [InlineData("FUNCTIONS_WORKER_RUNTIME")]
    [InlineData("FUNCTIONS_EXTENSION_VERSION")]
    [InlineData("WEBSITE_RUN_FROM_PACKAGE")]
    [InlineData("WEBSITE_CONTENTAZUREFILECONNECTIONSTRING")]
    [InlineData("AzureWebJobsDashboard")]
    public void Settings_a_flex_consumption_app_refuses_are_absent(string name)
    {
        Assert.False(Deployment.AppSettings().ContainsKey(name));
    }

    [Fact]
    public void The_app_dead_letters_a_failing_message_before_the_broker_does()
    {
        var appLimit = int.Parse(Deployment.AppSettings().Setting("Queue__MaxDeliveryCount"), CultureInfo.InvariantCulture);
        var brokerLimit = PredictedDeployment.Node(Deployment.PostsQueue(), "properties.maxDeliveryCount").GetValue<int>();

        Assert.InRange(appLimit, 1, brokerLimit - 1);
    }

    [Fact]
    public void Timers_run_on_their_documented_schedules()
    {
        var settings = Deployment.AppSettings();

        Assert.Equal("*/10 * * * * *", settings.Setting("ProcessSchedule"));
        Assert.Equal("0 * * * * *", settings.Setting("PublishSchedule"));
    }
}
