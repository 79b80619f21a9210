using System.Collections.Concurrent;
using ChatTranscripts.Functions;
using ChatTranscripts.Functions.Telemetry;
using ChatTranscripts.IntegrationTests.Hosts;
using ChatTranscripts.Pipeline.Application.Ports;
using ChatTranscripts.Pipeline.Application.Publishing;
using ChatTranscripts.Pipeline.Application.Queueing;
using ChatTranscripts.Pipeline.Http.Ingest;
using ChatTranscripts.Pipeline.Http.Sessions;
using ChatTranscripts.Testing;
using Microsoft.ApplicationInsights.Channel;
using Microsoft.ApplicationInsights.DataContracts;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ChatTranscripts.IntegrationTests.Functions;

/// <summary>
/// The worker's telemetry as the Functions app registers it, captured in memory instead of sent: a post's journey
/// from ingest to publish leaves the log lines and storage dependencies an operator searches for.
/// </summary>
public sealed class TelemetryTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_posts_journey_from_ingest_to_publish_is_in_the_telemetry_at_information_level()
    {
        var channel = new CapturingChannel();
        await using var services = PipelineServices.Create(azurite, new Dictionary<string, string?>
        {
            ["Webhooks:Secret"] = ChatHostSettings.Secret,
            // Telemetry goes nowhere but the capturing channel; a connection string switches it on.
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint=http://127.0.0.1:9/",
        }, (collection, configuration) =>
        {
            collection.AddSingleton<ITelemetryChannel>(channel);
            collection.AddChatTranscriptsTelemetry(configuration);
        });
        var sessions = new SessionsFunctions(services.GetRequiredService<SessionsEndpoints>());
        var posts = new PostsFunctions(services.GetRequiredService<PostsEndpoints>());

        var put = await FunctionInvocation.InvokeAsync(services, "PUT", """
            {"title":"Telemetry chat","hashtags":["#bmcmed"],"startsAt":"2012-08-06T13:00:00+01:00","endsAt":"2012-08-06T14:00:00+01:00"}
            """, request => sessions.PutSession(request, "telemetry-chat"));
        var submitted = await FunctionInvocation.InvokeAsync(services, "POST", """
            [{"platform":"twitter","id":"4242","author":{"handle":"a"},"text":"A1: yes #bmcmed","createdAt":"2012-08-06T12:10:00Z"}]
            """, posts.SubmitPosts, signed: true);
        Assert.Equal((StatusCodes.Status201Created, StatusCodes.Status202Accepted), (put.Status, submitted.Status));
        await new ProcessPosts(services.GetRequiredService<QueueDrainer>(), services.GetRequiredService<IQueueBatchHandler>()).Run(null!, CancellationToken.None);
        await new PublishTranscripts(services.GetRequiredService<TranscriptPublisher>()).Run(null!, CancellationToken.None);
        services.GetRequiredService<TelemetryConfiguration>().TelemetryChannel.Flush();

        var traces = channel.Items.OfType<TraceTelemetry>().ToList();
        Assert.Contains(traces, t => t.SeverityLevel == SeverityLevel.Information && t.Message.StartsWith("Queued delivery posts:", StringComparison.Ordinal)
            && t.Message.EndsWith(": 1 posts, 0 deletions: twitter:4242", StringComparison.Ordinal));
        Assert.Contains(traces, t => t.SeverityLevel == SeverityLevel.Information && t.Message.StartsWith("Processed ", StringComparison.Ordinal) && t.Message.Contains(": 1 post versions stored", StringComparison.Ordinal));
        Assert.Contains(traces, t => t.Message == "Session telemetry-chat now holds 1 posts");
        var published = Assert.Single(traces, t => t.Message.StartsWith("Published session telemetry-chat", StringComparison.Ordinal));
        Assert.Equal("telemetry-chat", published.Properties["SessionId"]);
        var dependencies = channel.Items.OfType<DependencyTelemetry>().ToList();
        Assert.Contains(dependencies, d => d.Type.EndsWith("Microsoft.Tables", StringComparison.Ordinal) && d.Name == "TableClient.SubmitTransaction" && d.Success == true);
        Assert.Contains(dependencies, d => d.Type == "Http" && d.Name.EndsWith("/telemetry-chat/transcript.json", StringComparison.Ordinal));
    }

    /// <summary>An in-memory channel: the SDK hands it every item it would have sent.</summary>
    private sealed class CapturingChannel : ITelemetryChannel
    {
        private readonly ConcurrentQueue<ITelemetry> _items = new();

        public IReadOnlyCollection<ITelemetry> Items => _items;

        public bool? DeveloperMode { get; set; }

        public string EndpointAddress { get; set; } = "";

        public void Send(ITelemetry item) => _items.Enqueue(item);

        public void Flush()
        {
        }

        public void Dispose()
        {
        }
    }
}
