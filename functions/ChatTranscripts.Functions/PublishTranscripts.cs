using System.Diagnostics.CodeAnalysis;
using ChatTranscripts.Pipeline.Application.Publishing;
using Microsoft.Azure.Functions.Worker;

namespace ChatTranscripts.Functions;

/// <summary>Publishes sessions that have ended (plus the delay), and republishes those whose posts changed since.</summary>
/// <remarks>
/// Publishing is idempotent (design decision 5): an unchanged transcript is not uploaded again, and every upload is
/// safe to repeat. So the schedule monitor stays on, and an occurrence missed while the app was stopped or scaled to
/// zero runs once when it comes back (past due); if the timer's lease is lost and an occurrence is replayed, the
/// second run finds nothing due. No run on start-up: every instance the plan scales out would publish at once.
/// </remarks>
public sealed class PublishTranscripts(TranscriptPublisher publisher)
{
    [Function("PublishTranscripts")]
    [SuppressMessage("Style", "IDE0060:Remove unused parameter", Justification = "The timer binding needs the parameter; the schedule is all this function uses of it.")]
    public Task Run(
        [TimerTrigger("%PublishSchedule%", UseMonitor = true, RunOnStartup = false)] TimerInfo timer, CancellationToken cancellationToken) =>
        publisher.PublishDueAsync(cancellationToken);
}
