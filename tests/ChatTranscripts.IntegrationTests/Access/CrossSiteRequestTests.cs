using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using ChatTranscripts.IntegrationTests.EndToEnd;
using ChatTranscripts.IntegrationTests.Hosts;
using ChatTranscripts.Testing;
using static ChatTranscripts.IntegrationTests.EndToEnd.ChatApi;

namespace ChatTranscripts.IntegrationTests.Access;

/// <summary>
/// A page on another site cannot make a visitor's browser change anything on the local host, even an unconfigured one
/// on loopback that trusts this machine: cross-site state-changing requests get 403, and a plain HTML form cannot send
/// a JSON body at all. Readers, scripts and webhook senders are not affected.
/// </summary>
public sealed class CrossSiteRequestTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string SessionId = "cross-site";
    private LocalHostFactory _host = null!;
    private ChatApi _api = null!;

    public async ValueTask InitializeAsync()
    {
        // No organiser token: the open local run these requests would otherwise reach. The session is still to come,
        // so the schedule never publishes it: a publish would only be the forged one.
        _host = new LocalHostFactory(azurite, new Dictionary<string, string?> { ["Webhooks:Secret"] = null });
        _api = new ChatApi(_host);
        await _api.PutSessionAsync(SessionId, With(With(Session(), "startsAt", "2099-08-06T13:00:00+01:00"), "endsAt", "2099-08-06T14:00:00+01:00"));
    }

    public async ValueTask DisposeAsync()
    {
        _api.Dispose();
        await _host.DisposeAsync();
    }

    public static TheoryData<string, string, string> CrossSiteHeaders => new()
    {
        { "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Site: cross-site" },
        // Another port of the same host name is the same site, but not the same origin: still another application.
        { "Sec-Fetch-Site", "same-site", "Sec-Fetch-Site: same-site" },
        { "Origin", "https://attacker.example", "Origin: https://attacker.example" },
        { "Origin", "null", "Origin: null" },
        { "Origin", "http://localhost:8080", "Origin: http://localhost:8080" },
    };

    [Theory]
    [MemberData(nameof(CrossSiteHeaders))]
    public async Task Cross_site_requests_to_every_state_changing_route_get_403_and_change_nothing(string header, string value, string named)
    {
        HttpRequestMessage[] requests =
        [
            new(HttpMethod.Put, $"/api/sessions/{SessionId}") { Content = JsonContent.Create(With(Session(), "title", "Forged")) },
            new(HttpMethod.Post, $"/api/sessions/{SessionId}/publish"),
            new(HttpMethod.Post, "/api/posts") { Content = JsonContent.Create(Post("1", "A1: forged #bmcmed")) },
            new(HttpMethod.Delete, "/api/posts/twitter/1"),
            new(HttpMethod.Post, "/api/webhooks/bluesky") { Content = new StringContent("[]", Encoding.UTF8, "application/json") },
            new(HttpMethod.Post, "/api/webhooks/mastodon") { Content = new StringContent("{}", Encoding.UTF8, "application/json") },
            new(HttpMethod.Post, "/api/webhooks/x") { Content = new StringContent("{}", Encoding.UTF8, "application/json") },
        ];
        foreach (var request in requests)
        {
            using (request)
            {
                request.Headers.TryAddWithoutValidation(header, value);
                using var response = await _api.Client.SendAsync(request);

                var problem = await ProblemAsync(response, HttpStatusCode.Forbidden);
                Assert.Contains(named, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            }
        }
        await _api.ProcessedAsync();
        var session = await _api.SessionAsync(SessionId);
        Assert.Equal("Social media in healthcare", session.GetProperty("title").GetString());
        Assert.Equal(0, session.GetProperty("postCount").GetInt32());
        Assert.Equal("scheduled", session.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "same-origin")]
    [InlineData("Sec-Fetch-Site", "none")]
    [InlineData("Origin", "http://localhost")]
    public async Task The_hosts_own_pages_and_typed_urls_are_served(string header, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/sessions/{SessionId}/publish");
        request.Headers.TryAddWithoutValidation(header, value);

        using var response = await _api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task Reading_is_not_state_changing_and_stays_open_to_any_page()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/sessions/{SessionId}");
        request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "cross-site");

        using var response = await _api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded", "title=Forged")]
    [InlineData("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nForged\r\n--x--\r\n")]
    [InlineData("text/plain", """{"title":"Forged","hashtags":["#bmcmed"],"startsAt":"2012-08-06T13:00:00+01:00","endsAt":"2012-08-06T14:00:00+01:00"}""")]
    public async Task What_an_html_form_can_send_is_refused_with_415(string contentType, string body)
    {
        foreach (var path in new[] { $"/api/sessions/{SessionId}", "/api/posts" })
        {
            using var request = new HttpRequestMessage(path.StartsWith("/api/sessions", StringComparison.Ordinal) ? HttpMethod.Put : HttpMethod.Post, path)
            {
                Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)),
            };
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

            using var response = await _api.Client.SendAsync(request);

            await ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        }
        Assert.Equal("Social media in healthcare", (await _api.SessionAsync(SessionId)).GetProperty("title").GetString());
    }

    private static System.Text.Json.Nodes.JsonObject With(System.Text.Json.Nodes.JsonObject session, string field, string value)
    {
        session[field] = value;
        return session;
    }
}
