using System.Diagnostics.CodeAnalysis;
using ChatTranscripts.Pipeline.Application.Ports;
using ChatTranscripts.Pipeline.Application.Queueing;
using Microsoft.Azure.Functions.Worker;

namespace ChatTranscripts.Functions;

/// <summary>
/// Drains the posts queue on a short timer (design decision 2: the Service Bus trigger extension is not available
/// to us). Moving to <c>[ServiceBusTrigger(IsBatched = true)]</c> later changes only this class.
/// </summary>
/// <remarks>
/// A replayed or overlapping occurrence is harmless: processing is idempotent and a message is settled only after
/// its write, so a second drain finds nothing or redoes the same writes. Hence no schedule monitor (it would write a
/// status blob every 10 seconds to catch up on occurrences that the next tick covers anyway) and no run on start-up
/// (every instance the plan scales out would drain at once).
/// </remarks>
public sealed class ProcessPosts(QueueDrainer drainer, IQueueBatchHandler handler)
{
    /// <summary>
    /// No new batch starts after this, well inside host.json's functionTimeout (10 minutes): a run ends by choice,
    /// with every batch settled, rather than by the host cancelling it; the next tick carries on with the backlog.
    /// </summary>
    public static readonly TimeSpan DrainBudget = TimeSpan.FromMinutes(4);

    [Function("ProcessPosts")]
    [SuppressMessage("Style", "IDE0060:Remove unused parameter", Justification = "The timer binding needs the parameter; the schedule is all this function uses of it.")]
    public Task Run(
        [TimerTrigger("%ProcessSchedule%", UseMonitor = false, RunOnStartup = false)] TimerInfo timer, CancellationToken cancellationToken) =>
        drainer.DrainAsync(handler, DrainBudget, cancellationToken);
}
