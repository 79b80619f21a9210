using System.Net;
using System.Text.Json;
using ChatTranscripts.IntegrationTests.EndToEnd;
using ChatTranscripts.IntegrationTests.Hosts;
using ChatTranscripts.Testing;

namespace ChatTranscripts.IntegrationTests.Functions;

/// <summary>The built Functions app started as Azure starts it, under the test Functions host, on Azurite.</summary>
public sealed class FunctionsAppTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_worker_starts_and_indexes_every_function_with_its_trigger()
    {
        await using var host = await FunctionsAppHost.StartAsync(azurite, null, TestContext.Current.CancellationToken);

        var functions = host.Functions.Functions.ToDictionary(f => f.Name);
        Assert.Equal("*/10 * * * * *", functions["ProcessPosts"].Schedule);
        Assert.Equal("0 * * * * *", functions["PublishTranscripts"].Schedule);
        Assert.Equal("posts", functions["SubmitPosts"].Route);
        Assert.Equal(["POST"], functions["SubmitPosts"].Methods);
        Assert.Equal("api", host.Functions.RoutePrefix);
        Assert.True(Uri.IsWellFormedUriString(host.Functions.WorkerCapabilities["HttpUri"], UriKind.Absolute));
    }

    [Fact]
    public async Task A_timer_schedule_that_names_a_missing_setting_stops_the_app_from_starting()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            FunctionsAppHost.StartAsync(azurite, new Dictionary<string, string?> { ["ProcessSchedule"] = null }, TestContext.Current.CancellationToken));

        Assert.Contains("%ProcessSchedule%", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deployed_as_in_azure_with_a_storage_connection_string_the_worker_refuses_to_start_naming_the_setting()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            FunctionsAppHost.StartAsync(azurite, new Dictionary<string, string?> { ["Deployment:InAzure"] = "true" }, TestContext.Current.CancellationToken));

        Assert.Contains("AzureWebJobsStorage is a connection string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chat_goes_through_the_functions_own_routes_and_timers_to_a_published_transcript()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var host = await FunctionsAppHost.StartAsync(azurite, null, cancellationToken);
        using var api = new ChatApi(host);

        await api.PutSessionAsync("functions-chat", ChatApi.Session());
        await api.PostAsync(
            ChatApi.Post("1", "Q1: How have you seen social media used? #bmcmed", handle: "BMCMedicine"),
            ChatApi.Post("2", "A1: for patient education #bmcmed", minute: 12),
            ChatApi.Post("3", "@someone agreed", minute: 13, handle: "other", replyTo: "2"));
        await api.ProcessedAsync();
        await host.InvokeTimerAsync("PublishTranscripts", cancellationToken);

        var session = await api.SessionAsync("functions-chat");
        Assert.Equal("published", session.GetProperty("status").GetString());
        using var transcript = JsonDocument.Parse(await api.Client.GetStringAsync(new Uri("/functions-chat/transcript.json", UriKind.Relative), cancellationToken));
        Assert.Equal(["twitter:1", "twitter:2", "twitter:3"], ChatApi.PostIds(transcript));
        using var unsigned = await api.Client.SendSignedAsync(HttpMethod.Post, "/api/posts", ChatApi.Post("4", "x #bmcmed").ToJsonString(), secret: null);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
    }
}
