using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatTranscripts.IntegrationTests.Hosts;

namespace ChatTranscripts.IntegrationTests.EndToEnd;

/// <summary>Speaks the public contract to a host, as organisers, senders and readers do.</summary>
public sealed class ChatApi(IChatHost host) : IDisposable
{
    public static readonly DateTimeOffset Start = new(2012, 8, 6, 12, 0, 0, TimeSpan.Zero);

    public HttpClient Client { get; } = host.CreateClient();

    public IChatHost Host => host;

    public static JsonObject Session(string hashtag = "#bmcmed") => new()
    {
        ["title"] = "Social media in healthcare",
        ["hashtags"] = new JsonArray(hashtag),
        ["startsAt"] = "2012-08-06T13:00:00+01:00",
        ["endsAt"] = "2012-08-06T14:00:00+01:00",
        ["timeZone"] = "Europe/London",
        ["moderators"] = new JsonArray("BMCMedicine"),
        ["questions"] = new JsonArray("How have you seen social media used?"),
    };

    public static JsonObject Post(string id, string text, int minute = 10, string handle = "someone", string? replyTo = null) => new()
    {
        ["platform"] = "twitter",
        ["id"] = id,
        ["author"] = new JsonObject { ["handle"] = handle },
        ["text"] = text,
        ["createdAt"] = Start.AddMinutes(minute).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
        ["inReplyToId"] = replyTo,
    };

    public async Task PutSessionAsync(string id, JsonObject session)
    {
        using var response = await Client.PutAsJsonAsync($"/api/sessions/{id}", session);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task PostAsync(params JsonObject[] posts)
    {
        var json = posts.Length == 1 ? posts[0].ToJsonString() : new JsonArray(posts.Select(p => (JsonNode)p.DeepClone()).ToArray()).ToJsonString();
        using var response = await Client.SendSignedAsync(HttpMethod.Post, "/api/posts", json);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Deletes posts as a sender does: one signed request to <c>/api/deletions</c> naming them.</summary>
    public async Task DeleteAsync(params (string Platform, string Id)[] posts)
    {
        var deletions = posts.Select(p => (JsonNode)new JsonObject { ["platform"] = p.Platform, ["id"] = p.Id }).ToArray();
        using var response = await Client.SendSignedAsync(HttpMethod.Post, "/api/deletions", new JsonArray(deletions).ToJsonString());
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        Assert.Equal(posts.Length, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("accepted").GetInt32());
    }

    public Task DeleteAsync(string platform, string id) => DeleteAsync((platform, id));

    public Task ProcessedAsync() => host.WaitUntilProcessedAsync(TestContext.Current.CancellationToken);

    public async Task<JsonDocument> PublishAsync(string sessionId)
    {
        await ProcessedAsync();
        using var response = await Client.PostAsync(new Uri($"/api/sessions/{sessionId}/publish", UriKind.Relative), null);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return JsonDocument.Parse(await Client.GetStringAsync(new Uri($"/{sessionId}/transcript.json", UriKind.Relative)));
    }

    public async Task<JsonElement> SessionAsync(string sessionId) =>
        JsonDocument.Parse(await Client.GetStringAsync(new Uri($"/api/sessions/{sessionId}", UriKind.Relative))).RootElement;

    public static string[] PostIds(JsonDocument transcript) =>
        transcript.RootElement.GetProperty("posts").EnumerateArray().Select(p => p.GetProperty("id").GetString()!).ToArray();

    /// <summary>Checks that the response is a problem+json of that status with a title and a detail, and returns it.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, System.Net.HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {status}, got {response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        return problem;
    }

    public void Dispose() => Client.Dispose();
}
