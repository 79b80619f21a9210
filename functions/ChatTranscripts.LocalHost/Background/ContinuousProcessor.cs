using ChatTranscripts.Pipeline.Application.Ports;
using ChatTranscripts.Pipeline.Application.Queueing;

namespace ChatTranscripts.LocalHost.Background;

/// <summary>
/// Drains the queue continuously, where Azure runs <c>ProcessPosts</c> on a timer. Others can wait until
/// everything queued before their call has been processed.
/// </summary>
public sealed class ContinuousProcessor(QueueDrainer drainer, IQueueBatchHandler handler, ILogger<ContinuousProcessor> logger) : BackgroundService
{
    private static readonly TimeSpan IdlePause = TimeSpan.FromMilliseconds(500);
    private readonly Lock _gate = new();
    private long _cyclesStarted;
    private long _cyclesDrained;
    private TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once a drain that started after this call has found the queue empty.</summary>
    public async Task WaitUntilDrainedAsync(CancellationToken cancellationToken)
    {
        long target;
        Task next;
        lock (_gate)
        {
            target = _cyclesStarted + 1;
            next = _drained.Task;
        }
        while (true)
        {
            await next.WaitAsync(cancellationToken);
            lock (_gate)
            {
                if (_cyclesDrained >= target)
                {
                    return;
                }
                next = _drained.Task;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            lock (_gate)
            {
                _cyclesStarted++;
            }
            var drainedCleanly = false;
            try
            {
                var result = await drainer.DrainAsync(handler, stoppingToken);
                drainedCleanly = result.Abandoned == 0;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Processing failed; retrying shortly");
            }
            if (drainedCleanly)
            {
                lock (_gate)
                {
                    _cyclesDrained = _cyclesStarted;
                    var completed = _drained;
                    _drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    completed.SetResult();
                }
            }
            await Task.Delay(IdlePause, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
