using ChatTranscripts.FunctionsHost;
using ChatTranscripts.LocalHost;
using ChatTranscripts.Pipeline.Adapters.Connections;
using ChatTranscripts.Pipeline.Hosting;
using ChatTranscripts.Pipeline.Tests;
using ChatTranscripts.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatTranscripts.IntegrationTests.Hosts;

/// <summary>
/// The deployed app: the built ChatTranscripts.Functions run as a worker under <see cref="TestFunctionsHost"/>, on
/// the shared Azurite. Its routes are the Functions host's; its timers run when a test asks (processing when it waits
/// for it). The site container is served at <c>/</c> as Azure's static website serves <c>$web</c>.
/// </summary>
public sealed class FunctionsAppHost : IChatHost
{
    /// <summary>The app settings Azure gives the timers (infra/modules/function-app.bicep writes the same).</summary>
    public static readonly IReadOnlyDictionary<string, string?> TimerSettings = new Dictionary<string, string?>
    {
        ["ProcessSchedule"] = "*/10 * * * * *",
        ["PublishSchedule"] = "0 * * * * *",
    };

    private readonly TestFunctionsHost _functions;
    private readonly WebApplication _site;

    private FunctionsAppHost(string prefix, TestFunctionsHost functions, WebApplication site)
    {
        Prefix = prefix;
        _functions = functions;
        _site = site;
    }

    public HostKind Kind => HostKind.Functions;

    public string Prefix { get; }

    public string Container => "web" + Prefix.ToLowerInvariant();

    public IServiceProvider Services => _site.Services;

    public TestFunctionsHost Functions => _functions;

    public static async Task<FunctionsAppHost> StartAsync(AzuriteFixture azurite, IReadOnlyDictionary<string, string?>? settings, CancellationToken cancellationToken)
    {
        RequireHostProtocol();
        var prefix = azurite.UniquePrefix();
        var overrides = new Dictionary<string, string?>(TimerSettings);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }
        var values = ChatHostSettings.Create(azurite, prefix, overrides);
        // Captured here: the worker's logs arrive on the host's own threads, outside the test's context.
        var output = TestContext.Current.TestOutputHelper;
        var functions = await TestFunctionsHost.StartAsync(values, line => WriteOutput(output, line), cancellationToken);
        try
        {
            return new FunctionsAppHost(prefix, functions, await StartSiteAsync(values, cancellationToken));
        }
        catch
        {
            await functions.DisposeAsync();
            throw;
        }
    }

    public HttpClient CreateClient() => new(new ApiOrSite(_functions.BaseAddress, SiteAddress)) { BaseAddress = new Uri("http://chat.test/") };

    /// <summary>Runs <c>ProcessPosts</c> as its timer would, until the queue is empty.</summary>
    public async Task WaitUntilProcessedAsync(CancellationToken cancellationToken)
    {
        var posts = Services.GetRequiredService<StorageAccount>().Queues.GetQueueClient(Services.GetRequiredService<IConfiguration>()["Queue:Name"]);
        for (var run = 0; run < 100; run++)
        {
            await _functions.InvokeTimerAsync("ProcessPosts", cancellationToken);
            var left = await posts.PeekMessagesAsync(1, cancellationToken);
            if (left.Value.Length == 0)
            {
                return;
            }
            // A message left for a later attempt is visible again at once; the next tick retries it.
            await Task.Delay(200, cancellationToken);
        }
        throw new InvalidOperationException("The queue was still not empty after 100 runs of ProcessPosts.");
    }

    public Task InvokeTimerAsync(string function, CancellationToken cancellationToken) => _functions.InvokeTimerAsync(function, cancellationToken);

    /// <summary>Stops both; a failed invocation or a worker exit the host saw fails the test here.</summary>
    public async ValueTask DisposeAsync()
    {
        await _functions.DisposeAsync();
        await _site.DisposeAsync();
        _functions.ThrowIfFailed();
    }

    private Uri SiteAddress => new(_site.Urls.First());

    /// <summary>The host protocol is compiled from ../shared/conformance; without it these tests skip (fail on CI).</summary>
    private static void RequireHostProtocol()
    {
        if (!FunctionsApp.HostProtocolCompiled)
        {
            SharedConformance.Require("functions-worker-protocol", "src", "proto", "FunctionRpc.proto");
            Assert.Fail("../shared/conformance is present now but was not when the tests were built: build again.");
        }
    }

    /// <summary>The static website: the local host's site routes over the same container, on a port of its own.</summary>
    private static async Task<WebApplication> StartSiteAsync(IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings.Select(pair => KeyValuePair.Create(pair.Key, (string?)pair.Value)));
        builder.Services.AddChatTranscripts(builder.Configuration);
        var site = builder.Build();
        site.MapStaticSite();
        await site.StartAsync(cancellationToken);
        return site;
    }

    private static void WriteOutput(ITestOutputHelper? output, string line)
    {
        try
        {
            output?.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The worker can still log after the test that started it has finished.
        }
    }

    /// <summary>Sends <c>/api/…</c> to the Functions host and everything else to the static website, as a reader's browser would reach them.</summary>
    private sealed class ApiOrSite(Uri api, Uri site) : DelegatingHandler(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            var target = path.Equals("/api", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) ? api : site;
            request.RequestUri = new Uri(target, request.RequestUri.PathAndQuery);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
