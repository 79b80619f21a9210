using ChatTranscripts.Pipeline.Publishing;
using Microsoft.Azure.Functions.Worker;

namespace ChatTranscripts.Functions;

/// <summary>Publishes sessions that have ended (plus the delay), and republishes those whose posts changed since.</summary>
public sealed class PublishTranscripts(TranscriptPublisher publisher)
{
    [Function("PublishTranscripts")]
    public Task Run([TimerTrigger("%PublishSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        publisher.PublishDueAsync(cancellationToken);
}
