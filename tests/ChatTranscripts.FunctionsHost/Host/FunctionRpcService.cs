using System.Collections.Concurrent;
using Grpc.Core;
using Microsoft.Azure.WebJobs.Script.Grpc.Messages;

namespace ChatTranscripts.FunctionsHost.Host;

/// <summary>The host's gRPC service: a worker opens the <c>EventStream</c> and names itself in <c>StartStream</c>.</summary>
internal sealed class FunctionRpcService(WorkerChannels channels) : FunctionRpc.FunctionRpcBase
{
    public override async Task EventStream(IAsyncStreamReader<StreamingMessage> requestStream, IServerStreamWriter<StreamingMessage> responseStream, ServerCallContext context)
    {
        if (!await requestStream.MoveNext(context.CancellationToken))
        {
            return;
        }
        var first = requestStream.Current;
        if (first.ContentCase != StreamingMessage.ContentOneofCase.StartStream)
        {
            throw new Grpc.Core.RpcException(new Status(StatusCode.FailedPrecondition, $"The stream must open with StartStream, not {first.ContentCase}."));
        }
        if (!channels.TryGet(first.StartStream.WorkerId, out var channel))
        {
            throw new Grpc.Core.RpcException(new Status(StatusCode.NotFound, $"No worker '{first.StartStream.WorkerId}' was started by this host."));
        }
        await channel.ServeAsync(requestStream, responseStream, context.CancellationToken);
    }
}

/// <summary>The channels of the workers this host started, by worker id.</summary>
internal sealed class WorkerChannels
{
    private readonly ConcurrentDictionary<string, WorkerChannel> _channels = new();

    public void Add(WorkerChannel channel) => _channels[channel.WorkerId] = channel;

    public bool TryGet(string workerId, out WorkerChannel channel) => _channels.TryGetValue(workerId, out channel!);
}
