using ChatTranscripts.Pipeline.Hosting;
using ChatTranscripts.Pipeline.Http.Ingest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatTranscripts.Pipeline.Tests.Configuration;

/// <summary>
/// Azure is recognised by the <c>Deployment__InAzure</c> app setting the deployment writes, and by nothing else: not by
/// the platform variables some plans set and Flex Consumption does not. Nothing connects.
/// </summary>
public sealed class DeploymentEnvironmentTests
{
    /// <summary>What a developer runs with: Azurite, no webhook secret.</summary>
    private static Dictionary<string, string?> Local() => new()
    {
        ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
    };

    /// <summary>What the deployment writes (infra/modules/function-app.bicep), without the webhook secret.</summary>
    private static Dictionary<string, string?> DeployedWithoutSecret() => new()
    {
        ["Deployment:InAzure"] = "true",
        ["AzureWebJobsStorage:blobServiceUri"] = "https://stexample.blob.core.windows.net/",
        ["AzureWebJobsStorage:queueServiceUri"] = "https://stexample.queue.core.windows.net/",
        ["AzureWebJobsStorage:tableServiceUri"] = "https://stexample.table.core.windows.net/",
        ["AzureWebJobsStorage:credential"] = "managedidentity",
    };

    [Fact]
    public void The_setting_switches_on_the_secret_and_the_deployment_checks()
    {
        var settings = DeployedWithoutSecret();
        settings["Webhooks:Secret"] = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        using var host = ComposedAsFunctionsApp.Build(settings);

        Assert.True(host.Services.GetRequiredService<IOptions<DeploymentOptions>>().Value.InAzure);
        Assert.True(host.Services.GetRequiredService<IOptions<WebhookOptions>>().Value.RequireSecret);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("false")]
    public async Task Without_the_setting_both_stay_off_and_a_local_run_starts(string? value)
    {
        var settings = Local();
        settings["Deployment:InAzure"] = value;
        // A Functions host sets these on some plans; they must not switch anything on.
        settings["WEBSITE_INSTANCE_ID"] = "0123456789abcdef";
        settings["CONTAINER_NAME"] = "func-example";
        using var host = ComposedAsFunctionsApp.Build(settings);

        await host.StartAsync(TestContext.Current.CancellationToken);
        await host.StopAsync(TestContext.Current.CancellationToken);

        Assert.False(host.Services.GetRequiredService<IOptions<DeploymentOptions>>().Value.InAzure);
        Assert.False(host.Services.GetRequiredService<IOptions<WebhookOptions>>().Value.RequireSecret);
    }

    [Fact]
    public async Task With_the_setting_the_same_local_settings_stop_start_up_naming_each_one()
    {
        var settings = Local();
        settings["Deployment:InAzure"] = "True";
        using var host = ComposedAsFunctionsApp.Build(settings);

        var error = await Assert.ThrowsAsync<AggregateException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Collection(
            error.InnerExceptions.Select(e => Assert.IsType<OptionsValidationException>(e).Message).Order(StringComparer.Ordinal),
            message => Assert.StartsWith("AzureWebJobsStorage is a connection string", message, StringComparison.Ordinal),
            message => Assert.StartsWith("Webhooks:Secret is required here", message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_the_setting_a_missing_webhook_secret_stops_start_up()
    {
        using var host = ComposedAsFunctionsApp.Build(DeployedWithoutSecret());

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Webhooks:Secret is required here", error.Message, StringComparison.Ordinal);
    }
}
