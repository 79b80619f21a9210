using ChatTranscripts.Pipeline.Queueing;
using Microsoft.Azure.Functions.Worker;

namespace ChatTranscripts.Functions;

/// <summary>
/// Drains the posts queue on a short timer (design decision 2: the Service Bus trigger extension is not available
/// to us). Moving to <c>[ServiceBusTrigger(IsBatched = true)]</c> later changes only this class.
/// </summary>
public sealed class ProcessPosts(QueueDrainer drainer, IQueueBatchHandler handler)
{
    [Function("ProcessPosts")]
    public Task Run([TimerTrigger("%ProcessSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        drainer.DrainAsync(handler, cancellationToken);
}
