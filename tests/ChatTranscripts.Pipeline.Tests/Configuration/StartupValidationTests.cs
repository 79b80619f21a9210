using Microsoft.Extensions.Options;

namespace ChatTranscripts.Pipeline.Tests.Configuration;

/// <summary>A host built with the pipeline refuses to start on a wrong setting, and says which one. Nothing connects.</summary>
public sealed class StartupValidationTests
{
    private const string ClientId = "6c1f3bd6-6a5e-4c16-9e3b-2f0d0b8a4e11";

    private static Dictionary<string, string?> Deployed() => new()
    {
        ["Deployment:InAzure"] = "true",
        ["AzureWebJobsStorage:blobServiceUri"] = "https://stexample.blob.core.windows.net/",
        ["AzureWebJobsStorage:queueServiceUri"] = "https://stexample.queue.core.windows.net/",
        ["AzureWebJobsStorage:tableServiceUri"] = "https://stexample.table.core.windows.net/",
        ["AzureWebJobsStorage:credential"] = "managedidentity",
        ["AzureWebJobsStorage:clientId"] = ClientId,
        ["ServiceBus:fullyQualifiedNamespace"] = "sb-example.servicebus.windows.net",
        ["ServiceBus:credential"] = "managedidentity",
        ["ServiceBus:clientId"] = ClientId,
        ["Webhooks:Secret"] = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        ["Publishing:SiteBaseUrl"] = "https://stexample.z6.web.core.windows.net/",
    };

    [Fact]
    public async Task The_deployed_settings_start()
    {
        using var host = ComposedAsFunctionsApp.Build(Deployed());

        await host.StartAsync(TestContext.Current.CancellationToken);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("AzureWebJobsStorage:clientId", "id-chat-transcripts", "AzureWebJobsStorage__clientId")]
    [InlineData("ServiceBus:credential", "connectionstring", "ServiceBus__credential")]
    [InlineData("ServiceBus:fullyQualifiedNamespace", "https://sb-example.servicebus.windows.net", "ServiceBus__fullyQualifiedNamespace")]
    [InlineData("Webhooks:Secret", "whsec_not base64!", "Webhooks:Secret must be 'whsec_'")]
    [InlineData("Webhooks:Secret", "", "Webhooks:Secret is required here")]
    [InlineData("Webhooks:Secret", "whsec_c2hvcnQ=", "Webhooks:Secret must hold a key of 24 to 64 random bytes")]
    [InlineData("Deployment:InAzure", "yes", "Deployment__InAzure must be 'true' or 'false', not 'yes'.")]
    [InlineData("Publishing:SiteBaseUrl", "http://stexample.z6.web.core.windows.net/", "Publishing__SiteBaseUrl must be an https URL")]
    [InlineData("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "InstrumentationKey=abc", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING must be")]
    public async Task A_wrong_setting_stops_start_up_with_its_name(string key, string value, string expected)
    {
        var settings = Deployed();
        settings[key] = value;
        using var host = ComposedAsFunctionsApp.Build(settings);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_string_stops_start_up_where_identity_is_required()
    {
        var settings = Deployed();
        settings.Remove("AzureWebJobsStorage:blobServiceUri");
        settings["AzureWebJobsStorage"] = "UseDevelopmentStorage=true";
        using var host = ComposedAsFunctionsApp.Build(settings);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("AzureWebJobsStorage is a connection string", error.Message, StringComparison.Ordinal);
    }
}
