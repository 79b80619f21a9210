using System.Collections.Concurrent;
using System.Threading.Channels;
using Grpc.Core;
using Microsoft.Azure.WebJobs.Script.Grpc.Messages;

namespace ChatTranscripts.FunctionsHost.Host;

/// <summary>
/// One worker's end of the <c>EventStream</c>: messages to the worker go through one writer (gRPC allows one write at
/// a time), and each answer completes the request that asked for it.
/// </summary>
internal sealed class WorkerChannel(string workerId, Action<RpcLog> log)
{
    private readonly Channel<StreamingMessage> _outbound = Channel.CreateUnbounded<StreamingMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, TaskCompletionSource<StreamingMessage>> _pending = new();
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Exception? _closed;

    public string WorkerId => workerId;

    /// <summary>Completes when the worker has opened its stream with <c>StartStream</c>.</summary>
    public Task Connected => _connected.Task;

    /// <summary>Serves the stream after its <c>StartStream</c> until the worker closes it.</summary>
    public async Task ServeAsync(IAsyncStreamReader<StreamingMessage> fromWorker, IServerStreamWriter<StreamingMessage> toWorker, CancellationToken cancellationToken)
    {
        _connected.TrySetResult();
        var writing = WriteAsync(toWorker, cancellationToken);
        try
        {
            while (await fromWorker.MoveNext(cancellationToken))
            {
                Dispatch(fromWorker.Current);
            }
            Close(new IOException($"Worker {workerId} closed its stream."));
        }
        catch (Exception e)
        {
            Close(new IOException($"Worker {workerId}'s stream broke: {e.Message}", e));
        }
        _outbound.Writer.TryComplete();
        await writing;
    }

    /// <summary>Sends a request and waits for the message that answers it.</summary>
    public async Task<StreamingMessage> RequestAsync(StreamingMessage request, CancellationToken cancellationToken)
    {
        var answer = new TaskCompletionSource<StreamingMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        var key = AnswerKey(request);
        _pending[key] = answer;
        if (Volatile.Read(ref _closed) is { } closed)
        {
            _pending.TryRemove(key, out _);
            throw closed;
        }
        await _outbound.Writer.WriteAsync(request, cancellationToken);
        try
        {
            return await answer.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            _pending.TryRemove(key, out _);
        }
    }

    /// <summary>Sends a message that has no answer, such as <c>WorkerTerminate</c>.</summary>
    public ValueTask SendAsync(StreamingMessage message, CancellationToken cancellationToken) =>
        _outbound.Writer.WriteAsync(message, cancellationToken);

    /// <summary>Fails every request still waiting, as the host does when a worker dies.</summary>
    public void Close(Exception reason)
    {
        Interlocked.CompareExchange(ref _closed, reason, null);
        _connected.TrySetException(reason);
        foreach (var key in _pending.Keys)
        {
            if (_pending.TryRemove(key, out var pending))
            {
                pending.TrySetException(reason);
            }
        }
    }

    private async Task WriteAsync(IServerStreamWriter<StreamingMessage> toWorker, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in _outbound.Reader.ReadAllAsync(cancellationToken))
            {
                await toWorker.WriteAsync(message, cancellationToken);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException or IOException)
        {
            Close(new IOException($"Could not write to worker {workerId}: {e.Message}", e));
        }
    }

    private void Dispatch(StreamingMessage message)
    {
        if (message.ContentCase == StreamingMessage.ContentOneofCase.RpcLog)
        {
            log(message.RpcLog);
            return;
        }
        if (_pending.TryGetValue(AnswerKey(message), out var waiting))
        {
            waiting.TrySetResult(message);
        }
    }

    /// <summary>
    /// Invocations are answered by invocation id and loads by function id, as the host matches them; everything else
    /// by the request id the worker copies into its answer.
    /// </summary>
    private static string AnswerKey(StreamingMessage message) => message.ContentCase switch
    {
        StreamingMessage.ContentOneofCase.InvocationRequest => "invocation:" + message.InvocationRequest.InvocationId,
        StreamingMessage.ContentOneofCase.InvocationResponse => "invocation:" + message.InvocationResponse.InvocationId,
        StreamingMessage.ContentOneofCase.FunctionLoadRequest => "load:" + message.FunctionLoadRequest.FunctionId,
        StreamingMessage.ContentOneofCase.FunctionLoadResponse => "load:" + message.FunctionLoadResponse.FunctionId,
        _ => "request:" + message.RequestId,
    };
}
