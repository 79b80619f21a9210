using Azure.Core;
using Azure.Core.Pipeline;

namespace ChatTranscripts.IntegrationTests.Resilience;

/// <summary>The process dying at a chosen storage request: the exception no retry policy catches.</summary>
public sealed class SimulatedCrashException(int request) : Exception($"Simulated crash at storage request {request}.");

/// <summary>
/// The transport of every storage client, so it sees each attempt Azurite would see, after the clients' retry
/// policy (which then classifies its answers exactly as it would the service's). Armed, it can kill the caller at the
/// n-th request (a crash between any two writes) or answer attempts with 503/429 as throttled storage does.
/// </summary>
public sealed class StorageFaults : HttpPipelineTransport
{
    private readonly HttpPipelineTransport _inner = HttpClientTransport.Shared;
    private int _requests;
    private int _crashAt = int.MaxValue;
    private Func<HttpMessage, int?>? _throttle;
    private int _throttled;

    /// <summary>Requests seen since the last <see cref="Reset"/>.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Attempts answered with a throttling status since the last <see cref="Reset"/>.</summary>
    public int Throttled => Volatile.Read(ref _throttled);

    /// <summary>Requests as the client saw them, in order: "PUT /container/blob".</summary>
    public List<string> Log { get; } = [];

    public void Reset()
    {
        Volatile.Write(ref _requests, 0);
        Volatile.Write(ref _throttled, 0);
        Volatile.Write(ref _crashAt, int.MaxValue);
        _throttle = null;
        lock (Log)
        {
            Log.Clear();
        }
    }

    /// <summary>The <paramref name="request"/>-th request from now (1-based) throws instead of reaching storage.</summary>
    public void CrashAt(int request)
    {
        Reset();
        Volatile.Write(ref _crashAt, request);
    }

    /// <summary>Answers attempts with the status <paramref name="decide"/> returns (null lets the attempt through).</summary>
    public void Throttle(Func<HttpMessage, int?> decide)
    {
        Reset();
        _throttle = decide;
    }

    public void AddTo(ClientOptions options) => options.Transport = this;

    public override Request CreateRequest() => _inner.CreateRequest();

    public override void Process(HttpMessage message)
    {
        if (!Intercept(message))
        {
            _inner.Process(message);
        }
    }

    public override ValueTask ProcessAsync(HttpMessage message) =>
        Intercept(message) ? ValueTask.CompletedTask : _inner.ProcessAsync(message);

    private bool Intercept(HttpMessage message)
    {
        var request = Interlocked.Increment(ref _requests);
        lock (Log)
        {
            Log.Add($"{message.Request.Method} {message.Request.Uri.Path}");
        }
        if (request >= Volatile.Read(ref _crashAt))
        {
            throw new SimulatedCrashException(request);
        }
        if (_throttle?.Invoke(message) is { } status)
        {
            Interlocked.Increment(ref _throttled);
            message.Response = new ThrottledResponse(status, message.Request.ClientRequestId);
            return true;
        }
        return false;
    }
}
