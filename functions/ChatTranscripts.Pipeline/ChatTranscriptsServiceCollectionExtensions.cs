using ChatTranscripts.Pipeline.Configuration;
using ChatTranscripts.Pipeline.Ingest;
using ChatTranscripts.Pipeline.Moderation;
using ChatTranscripts.Pipeline.Processing;
using ChatTranscripts.Pipeline.Publishing;
using ChatTranscripts.Pipeline.Queueing;
using ChatTranscripts.Pipeline.Sessions;
using ChatTranscripts.Pipeline.Storage;
using ChatTranscripts.Pipeline.Transcripts;
using ChatTranscripts.Pipeline.Transcripts.Series;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatTranscripts.Pipeline;

public static class ChatTranscriptsServiceCollectionExtensions
{
    /// <summary>Registers the whole pipeline; the Functions app and the local host differ only in how they call it.</summary>
    public static IServiceCollection AddChatTranscripts(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddStorageAccount(configuration);

        // The settings a deployment provides are checked at start-up, before anything connects (design decision 7).
        services.AddOptions<DeploymentOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<DeploymentOptions>>(new DeploymentSettingsValidator(configuration));
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PublishingOptions>().Bind(configuration.GetSection(PublishingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();

        services.AddSingleton<PipelineTables>();
        services.AddSingleton<SessionDayIndex>();
        services.AddSingleton<SessionStore>();
        services.AddSingleton<SessionPostStore>();
        services.AddSingleton<ReceivedPostStore>();
        services.AddSingleton<TombstoneFilterSegments>();
        services.AddSingleton<DeletionStore>();
        services.AddSingleton<ReceivedPostHours>();
        services.AddSingleton<SetAsidePostStore>();
        services.AddPostQueue(configuration);

        services.AddSingleton<StandardWebhookSignature>();
        services.AddSingleton<IngestQueue>();
        services.AddSingleton<DeliveryReceiver>();
        services.AddSingleton<PostsEndpoints>();
        services.AddSingleton<DeletionsEndpoints>();
        services.AddMastodonAndBlueskyWebhooks(configuration);
        services.AddXWebhooks(configuration);
        services.AddSingleton<SessionsEndpoints>();
        services.AddSingleton<ModerationStore>();
        services.AddSingleton<ModerationEndpoints>();

        services.AddSingleton<ReceivedPostWriter>();
        services.AddSingleton<SessionReconciler>();
        services.AddSingleton<SessionSnapshots>();
        services.AddSingleton<PostProcessor>();
        services.AddSingleton<IQueueBatchHandler>(sp => sp.GetRequiredService<PostProcessor>());

        services.AddSingleton<TranscriptPageRenderer>();
        services.AddSingleton<PersonPageRenderer>();
        services.AddSingleton<PersonPagePublisher>();
        services.AddSingleton<SiteIndexRenderer>();
        services.AddSingleton<StaticSite>();
        services.AddSingleton<SeriesStore>();
        services.AddSingleton<SeriesPageRenderer>();
        services.AddSingleton<SeriesPublisher>();
        services.AddSingleton<TranscriptPublisher>();
        return services;
    }
}
