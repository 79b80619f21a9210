using System.Globalization;
using Microsoft.Azure.WebJobs.Script.Grpc.Messages;

namespace ChatTranscripts.FunctionsHost.Host;

/// <summary>
/// One started worker, taken through the host's start-up sequence: <c>StartStream</c>, <c>WorkerInitRequest</c>,
/// <c>FunctionsMetadataRequest</c> (worker indexing) and a <c>FunctionLoadRequest</c> per function.
/// </summary>
internal sealed class WorkerSession : IAsyncDisposable
{
    /// <summary>The host gives a worker this long to connect and initialise (its default initialization timeout).</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private WorkerSession(WorkerProcess process, WorkerChannel channel, Uri httpUri, IReadOnlyList<HostedFunction> functions, IReadOnlyDictionary<string, string> capabilities)
    {
        Process = process;
        Channel = channel;
        HttpUri = httpUri;
        Functions = functions;
        Capabilities = capabilities;
    }

    public WorkerProcess Process { get; }

    public WorkerChannel Channel { get; }

    /// <summary>Where the worker's ASP.NET Core integration listens (its <c>HttpUri</c> capability).</summary>
    public Uri HttpUri { get; }

    public IReadOnlyList<HostedFunction> Functions { get; }

    public IReadOnlyDictionary<string, string> Capabilities { get; }

    public static async Task<WorkerSession> StartAsync(
        string appDirectory, Uri grpcUri, WorkerChannels channels, IReadOnlyDictionary<string, string> settings,
        Action<string> output, CancellationToken cancellationToken)
    {
        var workerId = Guid.NewGuid().ToString();
        var channel = new WorkerChannel(workerId, log => output(Describe(log)));
        channels.Add(channel);
        var process = WorkerProcess.Start(appDirectory, grpcUri, workerId, Guid.NewGuid().ToString(), settings, output);
        _ = process.Exited.ContinueWith(
            exit => channel.Close(new IOException($"The worker process exited with code {exit.Result}.")),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(StartTimeout);
            await channel.Connected.WaitAsync(timeout.Token);

            var init = await channel.RequestAsync(new StreamingMessage
            {
                RequestId = Guid.NewGuid().ToString(),
                WorkerInitRequest = new WorkerInitRequest
                {
                    HostVersion = HostVersion,
                    WorkerDirectory = appDirectory,
                    FunctionAppDirectory = appDirectory,
                },
            }, timeout.Token);
            Succeeded(init.WorkerInitResponse.Result, "WorkerInitRequest");
            var capabilities = init.WorkerInitResponse.Capabilities.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
            if (!capabilities.TryGetValue("HttpUri", out var httpUri) || !Uri.TryCreate(httpUri, UriKind.Absolute, out var workerHttp))
            {
                throw new InvalidOperationException("The worker did not announce an HttpUri capability: the ASP.NET Core integration is not running.");
            }

            var metadata = await channel.RequestAsync(new StreamingMessage
            {
                RequestId = Guid.NewGuid().ToString(),
                FunctionsMetadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = appDirectory },
            }, timeout.Token);
            Succeeded(metadata.FunctionMetadataResponse.Result, "FunctionsMetadataRequest");
            if (metadata.FunctionMetadataResponse.UseDefaultMetadataIndexing)
            {
                throw new InvalidOperationException("The worker asked for host indexing; this app is built for worker indexing.");
            }

            var functions = new List<HostedFunction>();
            foreach (var function in metadata.FunctionMetadataResponse.FunctionMetadataResults)
            {
                var (hosted, load) = FunctionIndex.Index(function, settings);
                var loaded = await channel.RequestAsync(new StreamingMessage { RequestId = Guid.NewGuid().ToString(), FunctionLoadRequest = load }, timeout.Token);
                Succeeded(loaded.FunctionLoadResponse.Result, $"FunctionLoadRequest for {hosted.Name}");
                functions.Add(hosted);
            }
            return new WorkerSession(process, channel, workerHttp, functions, capabilities);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            await process.DisposeAsync();
            var exit = process.Exited.IsCompleted ? $" (the worker exited with code {process.Exited.Result})" : "";
            throw new InvalidOperationException($"The Functions worker did not start{exit}: {e.Message}\n{process.RecentOutput}", e);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>Asks the worker to stop, then ends it, as the host does when it shuts down.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!Process.Exited.IsCompleted)
        {
            try
            {
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await Channel.SendAsync(new StreamingMessage { WorkerTerminate = new WorkerTerminate { GracePeriod = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(TimeSpan.FromSeconds(5)) } }, grace.Token);
                await Process.Exited.WaitAsync(grace.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or System.Threading.Channels.ChannelClosedException)
            {
                // Killed below.
            }
        }
        Channel.Close(new IOException("The host stopped the worker."));
        await Process.DisposeAsync();
    }

    /// <summary>The Functions host version this test host speaks for (4.x, the line the protocol file comes from).</summary>
    private const string HostVersion = "4.1040.0";

    private static void Succeeded(StatusResult result, string request)
    {
        if (result.Status != StatusResult.Types.Status.Success)
        {
            throw new InvalidOperationException($"{request} failed in the worker: {result.Exception?.Message}\n{result.Exception?.StackTrace}");
        }
    }

    private static string Describe(RpcLog log) =>
        string.Create(CultureInfo.InvariantCulture, $"worker [{log.Level}] {log.Category}: {log.Message}{(log.Exception is { } e ? $"\n  {e.Type}: {e.Message}\n{e.StackTrace}" : "")}");
}
