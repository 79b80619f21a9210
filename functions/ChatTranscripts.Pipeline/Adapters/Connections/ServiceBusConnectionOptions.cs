using Microsoft.Extensions.Configuration;

namespace ChatTranscripts.Pipeline.Adapters.Connections;

/// <summary>
/// The optional <c>ServiceBus</c> connection, spelled as a Functions binding would: a connection string, or
/// <c>ServiceBus__fullyQualifiedNamespace</c> with an identity.
/// </summary>
public sealed class ServiceBusConnectionOptions : ConnectionOptions
{
    public const string ConnectionName = "ServiceBus";

    public string? FullyQualifiedNamespace { get; set; }

    public bool HasNamespace => !string.IsNullOrWhiteSpace(FullyQualifiedNamespace);

    /// <summary>False when neither is set: the queue is then a Storage queue on <c>AzureWebJobsStorage</c>.</summary>
    public bool IsConfigured => HasConnectionString || HasNamespace;

    public static ServiceBusConnectionOptions Read(IConfiguration configuration) => Read<ServiceBusConnectionOptions>(configuration, ConnectionName);
}
