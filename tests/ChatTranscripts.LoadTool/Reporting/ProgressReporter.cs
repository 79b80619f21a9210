using System.Globalization;
using Azure.Storage.Queues;

namespace ChatTranscripts.LoadTool.Reporting;

/// <summary>
/// Prints a line a second while posts are sent and stored. The host's queue length (when the queue is a Storage
/// queue on the same account) shows which side is behind: a growing queue means processing is slower than ingest.
/// </summary>
internal sealed class ProgressReporter(Func<ProgressSample> sample, QueueClient? queue, TextWriter output)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly List<ProgressSample> _samples = [];

    public IReadOnlyList<ProgressSample> Samples => _samples;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                Record(await QueuedAsync(cancellationToken));
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped: the run moved on or was cancelled. Its last state is recorded too, so that a run shorter than
            // the interval still has a line.
            Record(queued: null);
        }
    }

    private void Record(int? queued)
    {
        var line = sample() with { Queued = queued };
        _samples.Add(line);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"[{line.ElapsedSeconds,6:0.0}s] sent {line.Sent,7}  accepted {line.Accepted,7}  stored {line.Stored,7}  retries {line.Retries,4}  queue {(queued?.ToString(CultureInfo.InvariantCulture) ?? "?"),6}"));
    }

    private async Task<int?> QueuedAsync(CancellationToken cancellationToken)
    {
        if (queue is null)
        {
            return null;
        }
        try
        {
            // A slow answer must not hold up the next line; the length is then shown as unknown.
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Interval);
            return (await queue.GetPropertiesAsync(timeout.Token)).Value.ApproximateMessagesCount;
        }
        catch (Exception e) when (e is Azure.RequestFailedException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return null;
        }
    }
}
