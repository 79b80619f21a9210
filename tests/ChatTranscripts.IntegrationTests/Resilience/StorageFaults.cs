using Azure.Core;
using Azure.Core.Pipeline;

namespace ChatTranscripts.IntegrationTests.Resilience;

/// <summary>The process dying at a chosen storage request: the exception no retry policy catches.</summary>
public sealed class SimulatedCrashException(int request) : Exception($"Simulated crash at storage request {request}.");

/// <summary>A storage request that fails in a way no retry policy retries (a bug, a corrupted response).</summary>
public sealed class SimulatedFailureException(string request) : Exception($"Simulated failure of {request}.");

/// <summary>A request storage answered: "GET", "/devstoreaccount1/Table(…)", its status and the length of its answer.</summary>
public sealed record StorageOperation(string Method, string Path, int Status, long ResponseBytes);

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
    private Func<HttpMessage, bool>? _fail;
    private (Func<HttpMessage, bool> Matches, Func<Task> Meanwhile)? _before;
    private int _throttled;

    /// <summary>Requests seen since the last <see cref="Reset"/>.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Attempts answered with a throttling status since the last <see cref="Reset"/>.</summary>
    public int Throttled => Volatile.Read(ref _throttled);

    /// <summary>Requests as the client saw them, in order: "PUT /container/blob".</summary>
    public List<string> Log { get; } = [];

    /// <summary>Requests storage answered for good (not throttled, not to be retried), with the size of each answer.</summary>
    public List<StorageOperation> Completed { get; } = [];

    public void Reset()
    {
        Volatile.Write(ref _requests, 0);
        Volatile.Write(ref _throttled, 0);
        Volatile.Write(ref _crashAt, int.MaxValue);
        _throttle = null;
        _fail = null;
        _before = null;
        lock (Log)
        {
            Log.Clear();
            Completed.Clear();
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

    /// <summary>Requests <paramref name="matches"/> picks throw, as a failure no retry policy retries does.</summary>
    public void Fail(Func<HttpMessage, bool> matches)
    {
        Reset();
        _fail = matches;
    }

    /// <summary>
    /// The first request <paramref name="matches"/> picks waits, before it reaches storage, until <paramref name="meanwhile"/>
    /// has run: someone else's work at exactly that point of the caller's (asynchronous requests only).
    /// </summary>
    public void Before(Func<HttpMessage, bool> matches, Func<Task> meanwhile)
    {
        Reset();
        _before = (matches, meanwhile);
    }

    public void AddTo(ClientOptions options) => options.Transport = this;

    public override Request CreateRequest() => _inner.CreateRequest();

    public override void Process(HttpMessage message)
    {
        if (!Intercept(message))
        {
            _inner.Process(message);
            RecordCompleted(message);
        }
    }

    public override async ValueTask ProcessAsync(HttpMessage message)
    {
        if (TakeBefore(message) is { } meanwhile)
        {
            await meanwhile();
        }
        if (!Intercept(message))
        {
            await _inner.ProcessAsync(message);
            RecordCompleted(message);
        }
    }

    private Func<Task>? TakeBefore(HttpMessage message)
    {
        lock (Log)
        {
            if (_before is { } before && before.Matches(message))
            {
                _before = null;
                return before.Meanwhile;
            }
            return null;
        }
    }

    private void RecordCompleted(HttpMessage message)
    {
        if (message.ResponseClassifier.IsRetriableResponse(message))
        {
            return;
        }
        var bytes = message.Response.Headers.ContentLength ?? 0;
        lock (Log)
        {
            Completed.Add(new StorageOperation(message.Request.Method.ToString(), message.Request.Uri.Path, message.Response.Status, bytes));
        }
    }

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
        if (_fail?.Invoke(message) == true)
        {
            throw new SimulatedFailureException($"{message.Request.Method} {message.Request.Uri.Path}");
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
