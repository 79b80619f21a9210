using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace ChatTranscripts.Pipeline.Adapters.Connections;

/// <summary>Retry policy shared by every storage client: throttling (503/429) is retried with exponential backoff.</summary>
internal static class StorageClientOptions
{
    public static TableClientOptions Tables() => Configure(new TableClientOptions());

    public static BlobClientOptions Blobs() => Configure(new BlobClientOptions());

    public static QueueClientOptions Queues() => Configure(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    private static T Configure<T>(T options)
        where T : ClientOptions
    {
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 6;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(10);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(60);
        return options;
    }
}
