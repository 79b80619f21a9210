using System.Net;
using ChatTranscripts.IntegrationTests.Hosts;
using ChatTranscripts.LocalHost;
using ChatTranscripts.Testing;

namespace ChatTranscripts.IntegrationTests.EndToEnd;

/// <summary>
/// What a newcomer's terminal shows after <c>dotnet run</c>: one banner with the URLs to open, and no line per request
/// unless asked for. The host runs as its own process, with the logging it has by default.
/// </summary>
public sealed class FirstRunTests(AzuriteFixture azurite)
{
    private const string Ready = "ChatTranscripts is running.";

    [Fact]
    public async Task The_host_prints_one_banner_with_the_api_site_and_openapi_urls_and_no_request_logs()
    {
        var port = FreePorts.Take(1)[0];
        await using var host = await LocalHostProcess.StartAsync(port, Settings(), TestContext.Current.CancellationToken);
        await host.WaitForOutputAsync(Ready, TestContext.Current.CancellationToken);
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        using var document = await client.GetAsync(new Uri("/openapi.json", UriKind.Relative), TestContext.Current.CancellationToken);
        using var sessions = await client.GetAsync(new Uri("/api/sessions", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Equal(HttpStatusCode.OK, sessions.StatusCode);
        var output = host.Output;
        Assert.Single(output.Split('\n'), line => line.StartsWith(Ready, StringComparison.Ordinal));
        Assert.Contains($"  API       http://127.0.0.1:{port}/api\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains($"  Site      http://127.0.0.1:{port}/\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains($"  OpenAPI   http://127.0.0.1:{port}/openapi.json\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains($"--Logging:LogLevel:{StartupBanner.RequestLogCategory}=Information", output, StringComparison.Ordinal);
        Assert.DoesNotContain("  Demo", output, StringComparison.Ordinal);
        Assert.DoesNotContain("info: Microsoft.AspNetCore", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Request starting", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening on", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_logging_setting_brings_request_logs_back()
    {
        var settings = Settings();
        settings[$"Logging:LogLevel:{StartupBanner.RequestLogCategory}"] = "Information";
        await using var host = await LocalHostProcess.StartAsync(FreePorts.Take(1)[0], settings, TestContext.Current.CancellationToken);
        await host.WaitForOutputAsync(Ready, TestContext.Current.CancellationToken);
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        using var response = await client.GetAsync(new Uri("/api/sessions?first-run", UriKind.Relative), TestContext.Current.CancellationToken);

        await host.WaitForOutputAsync("Request finished HTTP/1.1 GET http://127.0.0.1", TestContext.Current.CancellationToken);
        Assert.Contains("/api/sessions?first-run", host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Requests are not logged", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_demo_the_banner_comes_after_the_sample_chat_is_published_and_names_its_transcript()
    {
        var port = FreePorts.Take(1)[0];
        await using var host = await LocalHostProcess.StartAsync(port, Settings(), TestContext.Current.CancellationToken, arguments: ["--demo"]);
        await host.WaitForOutputAsync(Ready, TestContext.Current.CancellationToken);
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        var transcript = $"http://127.0.0.1:{port}/bmcmed-2012-08-06/index.html";
        Assert.Contains($"  Demo      {transcript}", host.Output, StringComparison.Ordinal);
        using var page = await client.GetAsync(new Uri(transcript), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    /// <summary>The test's own storage names and no webhook secret, as a first run has none; logging left at its defaults.</summary>
    private Dictionary<string, string> Settings() =>
        ChatHostSettings.Create(azurite, azurite.UniquePrefix(), new Dictionary<string, string?> { ["Webhooks:Secret"] = null });
}
