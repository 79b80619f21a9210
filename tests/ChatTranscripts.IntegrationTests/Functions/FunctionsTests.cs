using System.Text.Json;
using ChatTranscripts.Functions;
using ChatTranscripts.IntegrationTests.Hosts;
using ChatTranscripts.Pipeline.Adapters.Blobs;
using ChatTranscripts.Pipeline.Application.Ports;
using ChatTranscripts.Pipeline.Application.Publishing;
using ChatTranscripts.Pipeline.Application.Queueing;
using ChatTranscripts.Pipeline.Http.Ingest;
using ChatTranscripts.Pipeline.Http.Sessions;
using ChatTranscripts.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ChatTranscripts.IntegrationTests.Functions;

/// <summary>The function classes invoked directly, as the Functions host would, on Azurite.</summary>
public sealed class FunctionsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_session_registered_and_posts_submitted_through_the_functions_are_processed_and_published()
    {
        await using var services = PipelineServices.Create(azurite, new Dictionary<string, string?> { ["Webhooks:Secret"] = ChatHostSettings.Secret });
        var sessions = new SessionsFunctions(services.GetRequiredService<SessionsEndpoints>());
        var posts = new PostsFunctions(services.GetRequiredService<PostsEndpoints>());

        var put = await FunctionInvocation.InvokeAsync(services, "PUT", """
            {"title":"Functions chat","hashtags":["#bmcmed"],"startsAt":"2012-08-06T13:00:00+01:00","endsAt":"2012-08-06T14:00:00+01:00"}
            """, request => sessions.PutSession(request, "functions-chat"));
        Assert.Equal(StatusCodes.Status201Created, put.Status);

        var body = """[{"platform":"twitter","id":"1","author":{"handle":"a"},"text":"A1: yes #bmcmed","createdAt":"2012-08-06T12:10:00Z"}]""";
        var accepted = await FunctionInvocation.InvokeAsync(services, "POST", body, posts.SubmitPosts, signed: true);
        Assert.Equal(StatusCodes.Status202Accepted, accepted.Status);
        Assert.Equal(1, accepted.Json.GetProperty("accepted").GetInt32());

        var unsigned = await FunctionInvocation.InvokeAsync(services, "POST", body, posts.SubmitPosts);
        Assert.Equal(StatusCodes.Status401Unauthorized, unsigned.Status);

        var deletions = new DeletionsFunctions(services.GetRequiredService<DeletionsEndpoints>());
        var deleted = await FunctionInvocation.InvokeAsync(services, "POST", """[{"platform":"twitter","id":"2"}]""", deletions.SubmitDeletions, signed: true);
        Assert.Equal(StatusCodes.Status202Accepted, deleted.Status);
        Assert.Equal(1, deleted.Json.GetProperty("accepted").GetInt32());
        var deleteRoute = await FunctionInvocation.InvokeAsync(services, "DELETE", null, request => deletions.DeletePost(request, "twitter", "1"));
        Assert.Equal(StatusCodes.Status401Unauthorized, deleteRoute.Status);

        await new ProcessPosts(services.GetRequiredService<QueueDrainer>(), services.GetRequiredService<IQueueBatchHandler>()).Run(null!, CancellationToken.None);
        await new PublishTranscripts(services.GetRequiredService<TranscriptPublisher>()).Run(null!, CancellationToken.None);

        var got = await FunctionInvocation.InvokeAsync(services, "GET", null, request => sessions.GetSession(request, "functions-chat"));
        Assert.Equal("published", got.Json.GetProperty("status").GetString());
        Assert.Equal(1, got.Json.GetProperty("postCount").GetInt32());
        Assert.Equal("/functions-chat/index.html", got.Json.GetProperty("transcriptUrl").GetString());
        var transcript = await services.GetRequiredService<StaticSite>().ReadAsync("functions-chat/transcript.json", CancellationToken.None);
        Assert.Equal("application/json; charset=utf-8", transcript!.ContentType);
        Assert.Equal("twitter:1", JsonDocument.Parse(transcript.Content.ToString()).RootElement.GetProperty("posts")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Listing_and_publishing_unknown_sessions_answer_as_the_contract_says()
    {
        await using var services = PipelineServices.Create(azurite);
        var sessions = new SessionsFunctions(services.GetRequiredService<SessionsEndpoints>());

        var list = await FunctionInvocation.InvokeAsync(services, "GET", null, sessions.ListSessions);
        var publish = await FunctionInvocation.InvokeAsync(services, "POST", null, request => sessions.PublishSession(request, "nobody-here"));

        Assert.Equal(0, list.Json.GetProperty("sessions").GetArrayLength());
        Assert.Equal(StatusCodes.Status404NotFound, publish.Status);
    }
}
