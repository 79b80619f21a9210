using ChatTranscripts.Pipeline.Adapters.Blobs;
using ChatTranscripts.Pipeline.Adapters.Connections;
using ChatTranscripts.Pipeline.Adapters.Tables;
using ChatTranscripts.Pipeline.Application.Moderation;
using ChatTranscripts.Pipeline.Application.Ports;
using ChatTranscripts.Pipeline.Application.Processing;
using ChatTranscripts.Pipeline.Application.Publishing;
using ChatTranscripts.Pipeline.Application.Sessions;
using ChatTranscripts.Pipeline.Http.Ingest;
using ChatTranscripts.Pipeline.Http.Moderation;
using ChatTranscripts.Pipeline.Http.Sessions;
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
        services.AddStorageAccount(configuration);

        // The settings a deployment provides are checked at start-up, before anything connects (design decision 7).
        services.AddOptions<DeploymentOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<DeploymentOptions>>(new DeploymentSettingsValidator(configuration));
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PublishingOptions>().Bind(configuration.GetSection(PublishingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();

        services.AddAdapter<IStorageProvisioning, PipelineTables>();
        services.AddSingleton<SessionDayIndex>();
        services.AddAdapter<ISessionStore, SessionStore>();
        services.AddAdapter<ISessionPostStore, SessionPostStore>();
        services.AddAdapter<IReceivedPostStore, ReceivedPostStore>();
        services.AddSingleton<TombstoneFilterSegments>();
        services.AddAdapter<IDeletionStore, DeletionStore>();
        services.AddAdapter<IReceivedPostHours, ReceivedPostHours>();
        services.AddAdapter<ISetAsidePostStore, SetAsidePostStore>();
        services.AddPostQueue(configuration);

        services.AddSingleton<StandardWebhookSignature>();
        services.AddSingleton<IngestQueue>();
        services.AddSingleton<DeliveryReceiver>();
        services.AddSingleton<PostsEndpoints>();
        services.AddSingleton<DeletionsEndpoints>();
        services.AddMastodonAndBlueskyWebhooks(configuration);
        services.AddXWebhooks(configuration);
        services.AddSingleton<SessionRegistration>();
        services.AddSingleton<SessionsEndpoints>();
        services.AddAdapter<IModerationStore, ModerationStore>();
        services.AddSingleton<SessionModerator>();
        services.AddSingleton<ModerationEndpoints>();

        services.AddAdapter<IReceivedPostWriter, ReceivedPostWriter>();
        services.AddSingleton<SessionReconciler>();
        services.AddSingleton<SessionSnapshots>();
        services.AddSingleton<PostProcessor>();
        services.AddSingleton<IQueueBatchHandler>(sp => sp.GetRequiredService<PostProcessor>());

        services.AddSingleton<TranscriptPageRenderer>();
        services.AddSingleton<PersonPageRenderer>();
        services.AddSingleton<PersonPagePublisher>();
        services.AddSingleton<SiteIndexRenderer>();
        services.AddAdapter<IStaticSite, StaticSite>();
        services.AddAdapter<ISeriesStore, SeriesStore>();
        services.AddSingleton<SeriesPageRenderer>();
        services.AddSingleton<SeriesPublisher>();
        services.AddSingleton<TranscriptPublisher>();
        return services;
    }

    /// <summary>
    /// Registers an adapter once and its port as the same instance: the application asks for the port, while tests and
    /// operator tools that need the adapter itself get the one the pipeline uses.
    /// </summary>
    private static IServiceCollection AddAdapter<TPort, TAdapter>(this IServiceCollection services)
        where TPort : class
        where TAdapter : class, TPort
    {
        services.AddSingleton<TAdapter>();
        services.AddSingleton<TPort>(sp => sp.GetRequiredService<TAdapter>());
        return services;
    }
}
