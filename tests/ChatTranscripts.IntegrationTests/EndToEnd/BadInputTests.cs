using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ChatTranscripts.IntegrationTests.Hosts;
using ChatTranscripts.Testing;
using static ChatTranscripts.IntegrationTests.EndToEnd.ChatApi;
namespace ChatTranscripts.IntegrationTests.EndToEnd;

/// <summary>Every class of bad input in the contract gets its 4xx as problem+json, and nothing is stored.</summary>
public abstract class BadInputTests(AzuriteFixture azurite, HostKind kind) : IAsyncLifetime
{
    private const string SessionId = "bad-input";
    private IChatHost _host = null!;
    private ChatApi _api = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await ChatHosts.StartAsync(kind, azurite);
        _api = new ChatApi(_host);
        await _api.PutSessionAsync(SessionId, Session());
    }

    public async ValueTask DisposeAsync()
    {
        _api.Dispose();
        await _host.DisposeAsync();
    }

    public static TheoryData<string, string, string> InvalidBatches => new()
    {
        { "missing text", Array(Post("1", "ok #bmcmed"), Without(Post("2", "x"), "text")), "posts[1].text" },
        { "bad time", Array(Post("1", "ok #bmcmed"), With(Post("2", "x"), "createdAt", "06/08/2012 13:00")), "posts[1].createdAt" },
        { "bad platform", With(Post("1", "ok #bmcmed"), "platform", "X Twitter").ToJsonString(), "platform" },
        { "numeric id", With(Post("1", "ok #bmcmed"), "id", 232468011478450176).ToJsonString(), "id" },
        { "relative url", With(Post("1", "ok #bmcmed"), "url", "/status/1").ToJsonString(), "url" },
        { "empty batch", "[]", "posts" },
        { "not an object", "\"hello\"", "posts" },
        { "invalid JSON", "{\"platform\": \"twitter\",", "$" },
    };

    [Theory]
    [MemberData(nameof(InvalidBatches))]
    public async Task Invalid_posts_get_400_naming_the_field_and_nothing_is_stored(string because, string body, string field)
    {
        using var response = await _api.Client.SendSignedAsync(HttpMethod.Post, "/api/posts", body);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"{because}: {problem}");
        Assert.NotEmpty(messages.EnumerateArray());
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Unsigned_and_wrongly_signed_posts_get_401()
    {
        var body = Post("1", "ok #bmcmed").ToJsonString();

        using var unsigned = await _api.Client.SendSignedAsync(HttpMethod.Post, "/api/posts", body, secret: null);
        using var wrong = await _api.Client.SendSignedAsync(HttpMethod.Post, "/api/posts", body, secret: "whsec_" + Convert.ToBase64String(new byte[32]));

        await ProblemAsync(unsigned, HttpStatusCode.Unauthorized);
        await ProblemAsync(wrong, HttpStatusCode.Unauthorized);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Bodies_over_one_mebibyte_get_413()
    {
        var big = new JsonArray(Enumerable.Range(0, 50).Select(i => (JsonNode)Post($"{i}", new string('a', 24_000))).ToArray()).ToJsonString();

        using var response = await _api.Client.SendSignedAsync(HttpMethod.Post, "/api/posts", big);

        await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        await AssertNothingStoredAsync();
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=latin1")]
    public async Task Bodies_that_are_not_json_get_415(string contentType)
    {
        using var response = await _api.Client.SendSignedAsync(HttpMethod.Post, "/api/posts", Post("1", "ok #bmcmed").ToJsonString(), contentType);

        await ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Invalid_utf8_is_a_400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/sessions/bad-bytes")
        {
            Content = new ByteArrayContent([0x7B, 0x22, 0x74, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D]),
        };
        request.Content.Headers.ContentType = new("application/json");

        using var response = await _api.Client.SendAsync(request);

        await ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("BAD_ID", "{}", "id")]
    [InlineData("valid-id", """{"title":"t","hashtags":["x"],"startsAt":"2012-08-06T13:00:00Z","endsAt":"2012-08-06T12:00:00Z"}""", "endsAt")]
    [InlineData("valid-id", """{"hashtags":["x"],"startsAt":"2012-08-06T13:00:00Z","endsAt":"2012-08-06T14:00:00Z"}""", "title")]
    public async Task Invalid_sessions_get_400_naming_the_field(string id, string body, string field)
    {
        using var response = await _api.Client.PutAsync(new Uri($"/api/sessions/{id}", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        using var missing = await _api.Client.GetAsync(new Uri("/api/sessions/valid-id", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Unknown_sessions_get_404()
    {
        using var get = await _api.Client.GetAsync(new Uri("/api/sessions/no-such-session", UriKind.Relative));
        using var publish = await _api.Client.PostAsync(new Uri("/api/sessions/no-such-session/publish", UriKind.Relative), null);

        await ProblemAsync(get, HttpStatusCode.NotFound);
        await ProblemAsync(publish, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Wrong_methods_and_unknown_api_routes_answer_problem_json()
    {
        using var wrongMethod = await _api.Client.PostAsync(new Uri("/api/sessions", UriKind.Relative), null);
        using var unknown = await _api.Client.GetAsync(new Uri("/api/nothing-here", UriKind.Relative));

        await ProblemAsync(wrongMethod, HttpStatusCode.MethodNotAllowed);
        await ProblemAsync(unknown, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Deletions_with_a_bad_item_are_a_400_naming_each_field_and_item()
    {
        var body = """[{"platform":"twitter","id":"1"},{"platform":"Not A Platform","id":"2"},{"platform":"twitter"},"twitter:4"]""";
        using var response = await _api.Client.SendSignedAsync(HttpMethod.Post, "/api/deletions", body);

        var errors = (await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(["deletions[1].platform", "deletions[2].id", "deletions[3]"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_deletion_with_half_a_surrogate_pair_is_a_400_naming_its_item()
    {
        var body = """[{"platform":"twitter","id":"1"},{"platform":"twitter","id":"2\ud800"}]""";
        using var response = await _api.Client.SendSignedAsync(HttpMethod.Post, "/api/deletions", body);

        var errors = (await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(["deletions[1].id"], errors.EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task Deletions_outside_one_to_a_hundred_unsigned_or_not_json_are_refused()
    {
        var tooMany = new JsonArray(Enumerable.Range(0, 101).Select(i => (JsonNode)new JsonObject { ["platform"] = "twitter", ["id"] = $"{i}" }).ToArray());
        using var empty = await _api.Client.SendSignedAsync(HttpMethod.Post, "/api/deletions", "[]");
        using var hundredAndOne = await _api.Client.SendSignedAsync(HttpMethod.Post, "/api/deletions", tooMany.ToJsonString());
        using var unsigned = await _api.Client.SendSignedAsync(HttpMethod.Post, "/api/deletions", """{"platform":"twitter","id":"1"}""", secret: null);
        using var text = await _api.Client.SendSignedAsync(HttpMethod.Post, "/api/deletions", "twitter:1", contentType: "text/plain");

        Assert.True((await ProblemAsync(empty, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("deletions", out _));
        Assert.True((await ProblemAsync(hundredAndOne, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("deletions", out _));
        await ProblemAsync(unsigned, HttpStatusCode.Unauthorized);
        await ProblemAsync(text, HttpStatusCode.UnsupportedMediaType);
    }

    private async Task AssertNothingStoredAsync()
    {
        await _api.ProcessedAsync();
        Assert.Equal(0, (await _api.SessionAsync(SessionId)).GetProperty("postCount").GetInt32());
    }

    private static string Array(params JsonObject[] posts) => new JsonArray(posts.Select(p => (JsonNode)p).ToArray()).ToJsonString();

    private static JsonObject Without(JsonObject post, string field)
    {
        post.Remove(field);
        return post;
    }

    private static JsonObject With(JsonObject post, string field, JsonNode value)
    {
        post[field] = value;
        return post;
    }
}

public sealed class BadInputTestsOnLocalHost(AzuriteFixture azurite) : BadInputTests(azurite, HostKind.Local);

public sealed class BadInputTestsOnFunctionsApp(AzuriteFixture azurite) : BadInputTests(azurite, HostKind.Functions);
