using ChatTranscripts.Pipeline.Adapters.Blobs;
using ChatTranscripts.Pipeline.Adapters.Connections;
using ChatTranscripts.Pipeline.Adapters.Queues;
using ChatTranscripts.Pipeline.Adapters.Tables;
using ChatTranscripts.Pipeline.Application;
using ChatTranscripts.Pipeline.Application.Ingest;
using ChatTranscripts.Pipeline.Application.Ports;
using ChatTranscripts.Pipeline.Application.Processing;
using ChatTranscripts.Pipeline.Application.Publishing;
using ChatTranscripts.Pipeline.Application.Queueing;
using ChatTranscripts.Pipeline.Application.Sessions;
using ChatTranscripts.Pipeline.Application.Validation;
using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Pipeline.Http.Ingest;
using ChatTranscripts.Pipeline.Http.Moderation;
using ChatTranscripts.Pipeline.Http.Sessions;
using ChatTranscripts.Pipeline.Logic.Moderation;
using ChatTranscripts.Pipeline.Logic.Transcripts;
using ChatTranscripts.Pipeline.Logic.Transcripts.Series;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatTranscripts.Pipeline.Hosting;

public static class ChatTranscriptsServiceCollectionExtensions
{
    /// <summary>Registers the whole pipeline; the Functions app and the local host differ only in how they call it.</summary>
    public static IServiceCollection AddChatTranscripts(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => StorageAccount.FromConfiguration(configuration));

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
