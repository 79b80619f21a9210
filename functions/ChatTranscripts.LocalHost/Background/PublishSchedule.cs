using ChatTranscripts.Pipeline.Application.Publishing;

namespace ChatTranscripts.LocalHost.Background;

/// <summary>Runs the publisher every few seconds, where Azure runs <c>PublishTranscripts</c> every minute.</summary>
public sealed class PublishSchedule(TranscriptPublisher publisher, IConfiguration configuration, ILogger<PublishSchedule> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("LocalHost:PublishInterval", TimeSpan.FromSeconds(5));
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await publisher.PublishDueAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Publishing failed; retrying at the next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
