using ChatTranscripts.Pipeline.Hosting;
using Microsoft.Extensions.Configuration;

namespace ChatTranscripts.Pipeline.Tests.Configuration;

public sealed class DeploymentSettingsValidatorTests
{
    private const string ClientId = "6c1f3bd6-6a5e-4c16-9e3b-2f0d0b8a4e11";

    /// <summary>What infra/ deploys: every connection identity-based, telemetry signed in with the same identity.</summary>
    private static Dictionary<string, string?> Deployed() => new()
    {
        ["AzureWebJobsStorage:blobServiceUri"] = "https://stexample.blob.core.windows.net/",
        ["AzureWebJobsStorage:queueServiceUri"] = "https://stexample.queue.core.windows.net/",
        ["AzureWebJobsStorage:tableServiceUri"] = "https://stexample.table.core.windows.net/",
        ["AzureWebJobsStorage:credential"] = "managedidentity",
        ["AzureWebJobsStorage:clientId"] = ClientId,
        ["ServiceBus:fullyQualifiedNamespace"] = "sb-example.servicebus.windows.net",
        ["ServiceBus:credential"] = "managedidentity",
        ["ServiceBus:clientId"] = ClientId,
        ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = $"ClientId={ClientId};Authorization=AAD",
    };

    [Fact]
    public void The_deployed_identity_based_settings_pass_in_azure()
    {
        Assert.Empty(Check(Deployed(), inAzure: true));
    }

    [Theory]
    [InlineData("UseDevelopmentStorage=true")]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;")]
    public void Azurite_connection_strings_pass_locally(string connectionString)
    {
        Assert.Empty(Check(new() { ["AzureWebJobsStorage"] = connectionString }, inAzure: false));
    }

    [Fact]
    public void Missing_storage_is_named_with_both_ways_to_set_it()
    {
        var problem = Assert.Single(Check([], inAzure: false));

        Assert.StartsWith("AzureWebJobsStorage is not set", problem, StringComparison.Ordinal);
        Assert.Contains("UseDevelopmentStorage=true", problem, StringComparison.Ordinal);
        Assert.Contains("AzureWebJobsStorage__accountName", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_storage_connection_string_is_named_without_repeating_it()
    {
        var problem = Assert.Single(Check(new() { ["AzureWebJobsStorage"] = "AccountKey=c2VjcmV0;not a connection string" }, inAzure: false));

        Assert.StartsWith("AzureWebJobsStorage is not a storage connection string", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void In_azure_a_storage_connection_string_is_refused_with_the_identity_settings_to_use()
    {
        var problem = Assert.Single(Check(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" }, inAzure: true));

        Assert.StartsWith("AzureWebJobsStorage is a connection string", problem, StringComparison.Ordinal);
        Assert.Contains("AzureWebJobsStorage__blobServiceUri", problem, StringComparison.Ordinal);
        Assert.Contains("AzureWebJobsStorage__clientId", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_service_uris_are_named_one_by_one()
    {
        var settings = Deployed();
        settings.Remove("AzureWebJobsStorage:queueServiceUri");
        settings.Remove("AzureWebJobsStorage:tableServiceUri");

        var problems = Check(settings, inAzure: true);

        Assert.Equal(2, problems.Count);
        Assert.StartsWith("AzureWebJobsStorage__queueServiceUri is not set", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("AzureWebJobsStorage__tableServiceUri is not set", problems[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AzureWebJobsStorage:blobServiceUri", "http://stexample.blob.core.windows.net/", "AzureWebJobsStorage__blobServiceUri must be an absolute https URL")]
    [InlineData("AzureWebJobsStorage:tableServiceUri", "stexample.table.core.windows.net", "AzureWebJobsStorage__tableServiceUri must be an absolute https URL")]
    [InlineData("AzureWebJobsStorage:credential", "clientsecret", "AzureWebJobsStorage__credential must be 'managedidentity'")]
    [InlineData("AzureWebJobsStorage:clientId", "id-chat-transcripts", "AzureWebJobsStorage__clientId must be the client id (a GUID)")]
    [InlineData("ServiceBus:fullyQualifiedNamespace", "sb://sb-example.servicebus.windows.net/", "ServiceBus__fullyQualifiedNamespace must be the namespace's host name")]
    [InlineData("ServiceBus:credential", "workloadidentity", "ServiceBus__credential must be 'managedidentity'")]
    [InlineData("ServiceBus:clientId", "not-a-guid", "ServiceBus__clientId must be the client id (a GUID)")]
    [InlineData("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "Authorization=AAD;ClientId=nope", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING must be")]
    public void A_wrong_setting_is_named_with_what_it_must_be(string key, string value, string expected)
    {
        var settings = Deployed();
        settings[key] = value;

        var problem = Assert.Single(Check(settings, inAzure: true));

        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_storage_account_name_is_named()
    {
        var problem = Assert.Single(Check(
            new() { ["AzureWebJobsStorage:accountName"] = "Chat_Transcripts", ["AzureWebJobsStorage:credential"] = "managedidentity" },
            inAzure: true));

        Assert.StartsWith("AzureWebJobsStorage__accountName must be a storage account name", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void In_azure_a_service_bus_connection_string_is_refused_with_the_namespace_setting_to_use()
    {
        var settings = Deployed();
        settings.Remove("ServiceBus:fullyQualifiedNamespace");
        settings["ServiceBus"] = "Endpoint=sb://sb-example.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=c2VjcmV0";

        var problem = Assert.Single(Check(settings, inAzure: true));

        Assert.StartsWith("ServiceBus is a connection string", problem, StringComparison.Ordinal);
        Assert.Contains("ServiceBus__fullyQualifiedNamespace", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_service_bus_connection_string_and_a_namespace_together_are_ambiguous()
    {
        var settings = Deployed();
        settings["ServiceBus"] = "Endpoint=sb://sb-example.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=c2VjcmV0";

        var problem = Assert.Single(Check(settings, inAzure: false));

        Assert.StartsWith("ServiceBus and ServiceBus__fullyQualifiedNamespace are both set", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Locally_a_service_bus_connection_string_must_at_least_parse()
    {
        var settings = new Dictionary<string, string?> { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true", ["ServiceBus"] = "sb-example" };

        var problem = Assert.Single(Check(settings, inAzure: false));

        Assert.StartsWith("ServiceBus is not a Service Bus connection string", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_service_bus_settings_the_storage_queue_needs_nothing_more()
    {
        var settings = Deployed();
        settings.Remove("ServiceBus:fullyQualifiedNamespace");
        settings.Remove("ServiceBus:credential");
        settings.Remove("ServiceBus:clientId");

        Assert.Empty(Check(settings, inAzure: true));
    }

    [Fact]
    public void A_key_vault_reference_the_platform_could_not_resolve_is_named_as_an_app_setting()
    {
        var settings = Deployed();
        settings["Webhooks:Secret"] = "@Microsoft.KeyVault(SecretUri=https://kv-example.vault.azure.net/secrets/webhook-secret/0123456789abcdef)";

        var problem = Assert.Single(Check(settings, inAzure: true));

        Assert.StartsWith("Webhooks__Secret is a Key Vault reference that was not resolved", problem, StringComparison.Ordinal);
        Assert.Contains("Key Vault Secrets User", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://stexample.z6.web.core.windows.net/")]
    [InlineData("https://transcripts.example.org")]
    public void The_static_website_or_a_custom_domain_is_a_site_base_url_azure_accepts(string url)
    {
        var settings = Deployed();
        settings["Publishing:SiteBaseUrl"] = url;

        Assert.Empty(Check(settings, inAzure: true));
    }

    [Fact]
    public void An_http_site_base_url_passes_locally_and_is_refused_in_azure()
    {
        var settings = Deployed();
        settings["Publishing:SiteBaseUrl"] = "http://127.0.0.1:7071";

        Assert.Empty(Check(settings, inAzure: false));
        Assert.StartsWith("Publishing__SiteBaseUrl must be an https URL here", Assert.Single(Check(settings, inAzure: true)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://example.org/")]
    [InlineData("https://example.org/?sig=abc")]
    [InlineData("https://example.org/#top")]
    public void A_site_base_url_a_browser_cannot_prefix_is_refused(string url)
    {
        var settings = Deployed();
        settings["Publishing:SiteBaseUrl"] = url;

        Assert.StartsWith("Publishing__SiteBaseUrl must be the site's http or https URL", Assert.Single(Check(settings, inAzure: false)), StringComparison.Ordinal);
    }

    private static IReadOnlyList<string> Check(Dictionary<string, string?> settings, bool inAzure) =>
        DeploymentSettingsValidator.Check(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), inAzure);
}
