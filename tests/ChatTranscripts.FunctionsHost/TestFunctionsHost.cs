using System.Collections.Concurrent;
#if WORKER_PROTOCOL
using System.Net;
using System.Text.Json;
using ChatTranscripts.FunctionsHost.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Azure.WebJobs.Script.Grpc.Messages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
#endif

namespace ChatTranscripts.FunctionsHost;

/// <summary>
/// A small Functions host for tests. It starts the built Functions app as a separate process the way the Azure
/// Functions host does, serves the worker's gRPC <c>EventStream</c>, serves HTTP itself (each request that matches an
/// HTTP trigger becomes an invocation while the request is forwarded to the worker's own HTTP endpoint, whose answer
/// is returned unchanged), and invokes timers on demand. A failed invocation or an unexpected worker exit is recorded
/// and fails <see cref="ThrowIfFailed"/>. Not emulated: keys and Easy Auth, the scale controller, timer schedules
/// firing by themselves, retries and the host's own storage use.
/// </summary>
public sealed class TestFunctionsHost : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _failures = new();
#if WORKER_PROTOCOL
    private readonly string _appDirectory;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly Action<string> _output;
    private readonly WorkerChannels _channels = new();
    private readonly HttpClient _forwarder = new(new SocketsHttpHandler
    {
        UseProxy = false,
        UseCookies = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
    })
    { Timeout = Timeout.InfiniteTimeSpan };
    private readonly SemaphoreSlim _restarting = new(1, 1);
    private WebApplication? _grpc;
    private WebApplication? _http;
    private Uri? _grpcUri;
    private volatile WorkerSession? _worker;
    private volatile bool _stopping;
    private int _httpInFlight;

    private TestFunctionsHost(string appDirectory, IReadOnlyDictionary<string, string> settings, Action<string> output)
    {
        _appDirectory = appDirectory;
        _settings = settings;
        _output = output;
    }
#endif

    /// <summary>Where the host serves HTTP (the routes under host.json's route prefix).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The functions indexed from the worker's metadata.</summary>
    public IReadOnlyList<HostedFunction> Functions { get; private set; } = [];

    /// <summary>The capabilities the worker announced in its <c>WorkerInitResponse</c>.</summary>
    public IReadOnlyDictionary<string, string> WorkerCapabilities { get; private set; } = new Dictionary<string, string>();

    /// <summary>The route prefix read from the app's host.json, as the host reads it.</summary>
    public string RoutePrefix { get; private set; } = "api";

    /// <summary>Failed invocations and unexpected worker exits, in order.</summary>
    public IReadOnlyCollection<string> Failures => _failures;

    /// <summary>Starts the host and the worker with these app settings; returns once every function is loaded.</summary>
    public static async Task<TestFunctionsHost> StartAsync(
        IReadOnlyDictionary<string, string> settings, Action<string> output, CancellationToken cancellationToken, string? appDirectory = null)
    {
#if WORKER_PROTOCOL
        var host = new TestFunctionsHost(Path.GetFullPath(appDirectory ?? FunctionsApp.Directory), settings, output);
        try
        {
            await host.StartCoreAsync(cancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
#else
        await Task.CompletedTask;
        throw new InvalidOperationException("The host-worker protocol was not compiled in: ../shared/conformance was missing at build time.");
#endif
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    /// <summary>Invokes a timer function now, as its schedule would, and waits for it to finish.</summary>
    public async Task InvokeTimerAsync(string functionName, CancellationToken cancellationToken, bool isPastDue = false)
    {
#if WORKER_PROTOCOL
        var worker = await CurrentWorkerAsync(cancellationToken);
        var function = worker.Functions.SingleOrDefault(f => f.Name == functionName && f.IsTimer)
            ?? throw new InvalidOperationException($"No timer function named {functionName}.");
        var invocationId = Guid.NewGuid().ToString();
        var answer = await worker.Channel.RequestAsync(
            new StreamingMessage { RequestId = Guid.NewGuid().ToString(), InvocationRequest = Invocations.Timer(function, invocationId, isPastDue) },
            cancellationToken);
        if (answer.InvocationResponse.Result.Status != StatusResult.Types.Status.Success)
        {
            var failure = $"{functionName} ({invocationId}) failed: {Invocations.Describe(answer.InvocationResponse)}";
            _failures.Enqueue(failure);
            throw new InvalidOperationException(failure);
        }
#else
        await Task.CompletedTask;
        throw new InvalidOperationException($"Cannot invoke {functionName}: the host-worker protocol was not compiled in.");
#endif
    }

    /// <summary>
    /// Kills the worker with SIGKILL while it is answering an HTTP request, and starts a new one, as the host does when its
    /// worker dies; requests in flight fail with a 500 and are not counted as failures. Returns once the new worker
    /// has loaded every function.
    /// </summary>
    public async Task RestartWorkerAfterKillAsync(CancellationToken cancellationToken)
    {
#if WORKER_PROTOCOL
        await FreezeWhileAnsweringAsync(_worker!.Process, cancellationToken);
        await _restarting.WaitAsync(cancellationToken);
        try
        {
            var killed = _worker!;
            _worker = null;
            await killed.Process.KillAsync();
            await killed.DisposeAsync();
            _worker = await StartWorkerAsync(cancellationToken);
        }
        finally
        {
            _restarting.Release();
        }
#else
        await Task.CompletedTask;
        throw new InvalidOperationException("The host-worker protocol was not compiled in.");
#endif
    }

    /// <summary>
    /// Stops the worker (SIGSTOP) at a moment when it owes an HTTP answer: a request answered in the instant before a
    /// kill would otherwise slip through, and a kill between requests interrupts nothing.
    /// </summary>
    private async Task FreezeWhileAnsweringAsync(WorkerProcess worker, CancellationToken cancellationToken)
    {
        while (true)
        {
            while (Volatile.Read(ref _httpInFlight) == 0)
            {
                await Task.Delay(1, cancellationToken);
            }
            worker.Suspend();
            // Answers already on their way are copied out meanwhile; what is still counted waits on the frozen worker.
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            if (Volatile.Read(ref _httpInFlight) > 0)
            {
                return;
            }
            worker.Resume();
        }
    }

    /// <summary>Throws with every failure recorded so far; a test calls it to fail on what the host saw.</summary>
    public void ThrowIfFailed()
    {
        if (!_failures.IsEmpty)
        {
            throw new InvalidOperationException("The Functions host saw failures:\n" + string.Join("\n", _failures));
        }
    }

    public async ValueTask DisposeAsync()
    {
#if WORKER_PROTOCOL
        _stopping = true;
        if (_worker is { } worker)
        {
            await worker.DisposeAsync();
        }
        if (_http is not null)
        {
            await _http.DisposeAsync();
        }
        if (_grpc is not null)
        {
            await _grpc.DisposeAsync();
        }
        _forwarder.Dispose();
        _restarting.Dispose();
#else
        await Task.CompletedTask;
#endif
    }

#if WORKER_PROTOCOL
    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        var grpc = WebApplication.CreateSlimBuilder();
        grpc.Logging.ClearProviders();
        // The worker speaks gRPC over cleartext HTTP/2 (prior knowledge), as it does to the real host on loopback.
        grpc.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        grpc.Services.AddGrpc(options =>
        {
            options.MaxReceiveMessageSize = null;
            options.MaxSendMessageSize = null;
        });
        grpc.Services.AddSingleton(_channels);
        _grpc = grpc.Build();
        _grpc.MapGrpcService<FunctionRpcService>();
        await _grpc.StartAsync(cancellationToken);
        _grpcUri = ListeningAddress(_grpc);

        var worker = await StartWorkerAsync(cancellationToken);
        _worker = worker;
        Functions = worker.Functions;
        WorkerCapabilities = worker.Capabilities;
        RoutePrefix = RoutePrefixFromHostJson(_appDirectory);

        var http = WebApplication.CreateSlimBuilder();
        http.Logging.ClearProviders();
        http.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            // The Functions host takes requests up to 100 MB; the app sets its own, smaller limits.
            kestrel.Limits.MaxRequestBodySize = 100 * 1024 * 1024;
        });
        _http = http.Build();
        var routes = HttpRoutes.Build(Functions, RoutePrefix);
        _http.Run(context => routes.Match(context) is { } function
            ? ServeHttpAsync(context, function)
            : NotFound(context));
        await _http.StartAsync(cancellationToken);
        BaseAddress = ListeningAddress(_http);
    }

    private async Task<WorkerSession> StartWorkerAsync(CancellationToken cancellationToken)
    {
        var worker = await WorkerSession.StartAsync(_appDirectory, _grpcUri!, _channels, _settings, _output, cancellationToken);
        _ = worker.Process.Exited.ContinueWith(
            exit =>
            {
                if (!_stopping && ReferenceEquals(_worker, worker))
                {
                    _failures.Enqueue($"The worker exited unexpectedly with code {exit.Result}.");
                }
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return worker;
    }

    /// <summary>The running worker; during a restart, the one that replaces it.</summary>
    private async Task<WorkerSession> CurrentWorkerAsync(CancellationToken cancellationToken)
    {
        if (_worker is { } worker)
        {
            return worker;
        }
        await _restarting.WaitAsync(cancellationToken);
        _restarting.Release();
        return _worker ?? throw new InvalidOperationException("The worker is not running.");
    }

    /// <summary>No function's route takes the request: the host's bare 404.</summary>
    private static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    private async Task ServeHttpAsync(HttpContext context, string functionName)
    {
        var cancellationToken = context.RequestAborted;
        var worker = await CurrentWorkerAsync(cancellationToken);
        var function = worker.Functions.Single(f => f.Name == functionName);
        var invocationId = Guid.NewGuid().ToString();
        var invocation = worker.Channel.RequestAsync(
            new StreamingMessage { RequestId = Guid.NewGuid().ToString(), InvocationRequest = Invocations.Http(function, invocationId, context) },
            cancellationToken);

        try
        {
            // Counted while the worker's answer is not yet all with the client: a kill then interrupts a delivery.
            Interlocked.Increment(ref _httpInFlight);
            try
            {
                using var response = await ForwardAsync(context, worker.HttpUri, invocationId, cancellationToken);
                await CopyResponseAsync(response, context.Response, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _httpInFlight);
            }
            var answer = await invocation;
            if (answer.InvocationResponse.Result.Status != StatusResult.Types.Status.Success)
            {
                _failures.Enqueue($"{functionName} ({context.Request.Method} {context.Request.Path}) failed: {Invocations.Describe(answer.InvocationResponse)}");
            }
        }
        catch (Exception e) when (e is HttpRequestException or IOException && !ReferenceEquals(_worker, worker))
        {
            // The worker was killed on purpose while this request was in flight: the host answers 500, as Azure's does.

            _ = invocation.ContinueWith(static _ => { }, TaskScheduler.Default);
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            }
        }
    }

    /// <summary>
    /// Forwards the request to the worker. The worker announces its HttpUri before its web server is listening, so
    /// the host retries a refused connection a few times, as the Functions host's forwarding does; nothing was sent then.
    /// </summary>
    private async Task<HttpResponseMessage> ForwardAsync(HttpContext context, Uri workerUri, string invocationId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var forwarded = Forwarded(context, workerUri, invocationId);
            try
            {
                return await _forwarder.SendAsync(forwarded, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            }
            catch (HttpRequestException e) when (attempt < 20 && e.InnerException is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionRefused })
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), cancellationToken);
            }
        }
    }

    /// <summary>The request as the worker's ASP.NET Core integration expects it: unchanged, plus the invocation id.</summary>
    private static HttpRequestMessage Forwarded(HttpContext context, Uri workerUri, string invocationId)
    {
        var request = context.Request;
        // The raw target keeps the path's escaping exactly as the client sent it (a Bluesky id's %2F, say).
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw ? raw : request.Path + request.QueryString;
        var forwarded = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(workerUri, target));
        if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            forwarded.Content = new StreamContent(request.Body);
        }
        foreach (var header in request.Headers)
        {
            if (HopByHop.Contains(header.Key) || header.Key.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            if (!forwarded.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray()))
            {
                forwarded.Content?.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
            }
        }
        forwarded.Headers.TryAddWithoutValidation("x-ms-invocation-id", invocationId);
        return forwarded;
    }

    private static async Task CopyResponseAsync(HttpResponseMessage from, HttpResponse to, CancellationToken cancellationToken)
    {
        to.StatusCode = (int)from.StatusCode;
        foreach (var header in from.Headers.Concat(from.Content.Headers))
        {
            if (!HopByHop.Contains(header.Key))
            {
                to.Headers[header.Key] = header.Value.ToArray();
            }
        }
        await from.Content.CopyToAsync(to.Body, cancellationToken);
    }

    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "Transfer-Encoding", "TE", "Trailer", "Upgrade",
    };

    private static Uri ListeningAddress(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    /// <summary>host.json's <c>extensions.http.routePrefix</c>; "api" when it is not set.</summary>
    private static string RoutePrefixFromHostJson(string appDirectory)
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(appDirectory, "host.json")));
        return hostJson.RootElement.TryGetProperty("extensions", out var extensions)
            && extensions.TryGetProperty("http", out var http)
            && http.TryGetProperty("routePrefix", out var prefix)
            ? prefix.GetString() ?? "api"
            : "api";
    }
#endif
}
