using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ChatTranscripts.IntegrationTests.Hosts;
using ChatTranscripts.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using static ChatTranscripts.IntegrationTests.EndToEnd.ChatApi;

namespace ChatTranscripts.IntegrationTests.Access;

/// <summary>
/// Organisers, and only organisers, change sessions on the local host: with a token set, every organiser route needs
/// it, and a webhook sender's signature never stands in for it; without one, only this machine is served, and a host
/// that would listen beyond loopback refuses to start.
/// </summary>
public sealed class OrganiserAccessTests(AzuriteFixture azurite)
{
    private const string Token = "organisers-token-for-tests-0123456789";
    private const string SessionId = "organised";

    public static TheoryData<string, string> OrganiserRoutes => new()
    {
        { "PUT", $"/api/sessions/{SessionId}" },
        { "GET", $"/api/sessions/{SessionId}" },
        { "GET", "/api/sessions" },
        { "POST", $"/api/sessions/{SessionId}/publish" },
        { "GET", $"/api/sessions/{SessionId}/moderation" },
        { "PUT", $"/api/sessions/{SessionId}/moderation/rules" },
        { "PUT", $"/api/sessions/{SessionId}/moderation/posts/twitter/1" },
        { "DELETE", $"/api/sessions/{SessionId}/moderation/posts/twitter/1" },
        { "PUT", $"/api/sessions/{SessionId}/moderation/accounts/twitter/spammer" },
        { "DELETE", $"/api/sessions/{SessionId}/moderation/accounts/twitter/spammer" },
    };

    [Theory]
    [MemberData(nameof(OrganiserRoutes))]
    public async Task With_a_token_set_each_organiser_route_refuses_requests_without_it(string method, string path)
    {
        await using var host = new LocalHostFactory(azurite, new Dictionary<string, string?> { ["LocalHost:OrganiserToken"] = Token });
        using var client = host.CreateClient();

        using var missing = await client.SendAsync(Request(method, path, bearer: null));
        using var wrong = await client.SendAsync(Request(method, path, bearer: Token + "x"));
        using var otherScheme = await client.SendAsync(Request(method, path, bearer: null, authorization: new AuthenticationHeaderValue("Basic", Token)));

        foreach (var response in new[] { missing, wrong, otherScheme })
        {
            await ProblemAsync(response, HttpStatusCode.Unauthorized);
            Assert.Equal("Bearer realm=\"organisers\"", response.Headers.WwwAuthenticate.ToString());
        }
        using var stored = await client.SendAsync(Request("GET", $"/api/sessions/{SessionId}", Token));
        Assert.Equal(HttpStatusCode.NotFound, stored.StatusCode);
    }

    [Fact]
    public async Task With_the_token_an_organiser_registers_reads_lists_and_publishes()
    {
        await using var host = new LocalHostFactory(azurite, new Dictionary<string, string?> { ["LocalHost:OrganiserToken"] = Token });
        using var client = host.CreateClient();

        using var put = await client.SendAsync(Request("PUT", $"/api/sessions/{SessionId}", Token));
        using var get = await client.SendAsync(Request("GET", $"/api/sessions/{SessionId}", Token));
        using var list = await client.SendAsync(Request("GET", "/api/sessions", Token));
        using var publish = await client.SendAsync(Request("POST", $"/api/sessions/{SessionId}/publish", Token));

        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Contains(SessionId, await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, publish.StatusCode);
    }

    [Fact]
    public async Task A_senders_signature_never_changes_a_session_and_the_organisers_token_never_signs_a_post()
    {
        await using var host = new LocalHostFactory(azurite, new Dictionary<string, string?> { ["LocalHost:OrganiserToken"] = Token });
        using var client = host.CreateClient();

        using var signedPut = await client.SendSignedAsync(HttpMethod.Put, $"/api/sessions/{SessionId}", Session().ToJsonString());
        using var signedPublish = await client.SendSignedAsync(HttpMethod.Post, $"/api/sessions/{SessionId}/publish", null);
        var post = new HttpRequestMessage(HttpMethod.Post, "/api/posts") { Content = JsonContent.Create(Post("1", "A1: yes #bmcmed")) };
        post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var tokenPost = await client.SendAsync(post);

        await ProblemAsync(signedPut, HttpStatusCode.Unauthorized);
        await ProblemAsync(signedPublish, HttpStatusCode.Unauthorized);
        await ProblemAsync(tokenPost, HttpStatusCode.Unauthorized);
        using var stored = await client.SendAsync(Request("GET", $"/api/sessions/{SessionId}", Token));
        Assert.Equal(HttpStatusCode.NotFound, stored.StatusCode);
    }

    [Fact]
    public async Task Without_a_token_this_machine_is_served_and_another_one_is_not()
    {
        await using var host = new LocalHostFactory(azurite);
        using var client = host.CreateClient();

        using var local = await client.SendAsync(Request("GET", "/api/sessions", bearer: null));
        var remote = await host.Server.SendAsync(context => FromAnotherMachine(context, "GET", "/api/sessions"), TestContext.Current.CancellationToken);
        var remoteLoopback = await host.Server.SendAsync(context => FromAnotherMachine(context, "GET", "/api/sessions", IPAddress.IPv6Loopback), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, local.StatusCode);
        Assert.Equal(StatusCodes.Status401Unauthorized, remote.Response.StatusCode);
        Assert.Equal("application/problem+json", remote.Response.ContentType);
        Assert.Equal(StatusCodes.Status200OK, remoteLoopback.Response.StatusCode);
    }

    [Fact]
    public async Task Configured_to_listen_beyond_loopback_without_a_token_the_host_refuses_to_start_naming_the_setting()
    {
        await using var host = new LocalHostFactory(azurite, new Dictionary<string, string?> { ["urls"] = "http://0.0.0.0:7071" });

        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        var failure = Assert.IsType<OptionsValidationException>(Innermost(error, e => e is OptionsValidationException));
        Assert.Contains("would listen beyond loopback (http://0.0.0.0:7071)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("set LocalHost__OrganiserToken", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Beyond_loopback_webhook_deliveries_must_be_signed_too()
    {
        await using var host = new LocalHostFactory(azurite, new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:7071;http://[::]:7071",
            ["LocalHost:OrganiserToken"] = Token,
            ["Webhooks:Secret"] = null,
        });

        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        Assert.Contains("Webhooks:Secret is required here", Innermost(error, e => e is OptionsValidationException).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_token_stops_start_up()
    {
        await using var host = new LocalHostFactory(azurite, new Dictionary<string, string?> { ["LocalHost:OrganiserToken"] = "letmein" });

        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        Assert.Contains("LocalHost__OrganiserToken must be at least 32 characters", Innermost(error, e => e is OptionsValidationException).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://localhost:7071")]
    [InlineData("http://127.0.0.2:7071;http://[::1]:7072")]
    public async Task Loopback_addresses_need_no_token(string urls)
    {
        await using var host = new LocalHostFactory(azurite, new Dictionary<string, string?> { ["urls"] = urls });
        using var client = host.CreateClient();

        using var list = await client.SendAsync(Request("GET", "/api/sessions", bearer: null));

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }

    private static HttpRequestMessage Request(string method, string path, string? bearer, AuthenticationHeaderValue? authorization = null)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "PUT")
        {
            request.Content = JsonContent.Create(Session());
        }
        request.Headers.Authorization = bearer is null ? authorization : new AuthenticationHeaderValue("Bearer", bearer);
        return request;
    }

    private static void FromAnotherMachine(HttpContext context, string method, string path, IPAddress? address = null)
    {
        context.Request.Method = method;
        context.Request.Path = path;
        context.Connection.RemoteIpAddress = address ?? IPAddress.Parse("192.0.2.10");
    }

    private static Exception Innermost(Exception error, Func<Exception, bool> match)
    {
        var all = new List<Exception>();
        void Collect(Exception e)
        {
            all.Add(e);
            if (e is AggregateException aggregate)
            {
                aggregate.InnerExceptions.ToList().ForEach(Collect);
            }
            else if (e.InnerException is { } inner)
            {
                Collect(inner);
            }
        }
        Collect(error);
        return all.FirstOrDefault(match) ?? throw new Xunit.Sdk.XunitException($"No matching exception in {error}");
    }
}
