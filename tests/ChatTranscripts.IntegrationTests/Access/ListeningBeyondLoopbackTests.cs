using System.Net;
using System.Net.Http.Headers;
using ChatTranscripts.IntegrationTests.Hosts;
using ChatTranscripts.Testing;

namespace ChatTranscripts.IntegrationTests.Access;

/// <summary>
/// The local host as its own process, bound to every interface (0.0.0.0) as someone sharing it on a network would
/// bind it: without an organiser token it refuses to start, naming the setting; with one it warns what is open and
/// serves organisers only with the token, even on loopback.
/// </summary>
public sealed class ListeningBeyondLoopbackTests(AzuriteFixture azurite)
{
    private const string Token = "organisers-token-for-tests-0123456789";

    [Fact]
    public async Task Without_an_organiser_token_the_host_refuses_to_start_and_says_which_setting_to_set()
    {
        var settings = Settings();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => LocalHostProcess.StartAsync(FreePorts.Take(1)[0], settings, TestContext.Current.CancellationToken, listenAddress: "0.0.0.0"));

        Assert.Contains("exited with code", error.Message, StringComparison.Ordinal);
        Assert.Contains("set LocalHost__OrganiserToken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_token_it_warns_what_is_open_and_organiser_routes_need_the_token()
    {
        var settings = Settings();
        settings["LocalHost:OrganiserToken"] = Token;
        var port = FreePorts.Take(1)[0];
        await using var host = await LocalHostProcess.StartAsync(port, settings, TestContext.Current.CancellationToken, listenAddress: "0.0.0.0");
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        using var without = await client.GetAsync(new Uri("/api/sessions", UriKind.Relative), TestContext.Current.CancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/sessions");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var with = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
        Assert.Contains($"Listening beyond loopback on http://0.0.0.0:{port}", host.Output, StringComparison.Ordinal);
        Assert.Contains("the published site at / (read only)", host.Output, StringComparison.Ordinal);
    }

    private Dictionary<string, string> Settings()
    {
        var prefix = azurite.UniquePrefix();
        return new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = prefix,
            ["Queue:Name"] = "posts" + prefix.ToLowerInvariant(),
            ["Publishing:Container"] = "web" + prefix.ToLowerInvariant(),
            ["Webhooks:Secret"] = ChatHostSettings.Secret,
            ["Logging:LogLevel:Default"] = "Warning",
        };
    }
}
