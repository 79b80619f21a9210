using Microsoft.Extensions.Configuration;

namespace ChatTranscripts.Pipeline.Adapters.Connections;

/// <summary>
/// The optional <c>ServiceBus</c> connection, spelled as a Functions binding would: a connection string, or
/// <c>ServiceBus__fullyQualifiedNamespace</c> with an identity.
/// </summary>
public sealed class ServiceBusConnectionOptions : IdentityConnectionOptions
{
    public const string ConnectionName = "ServiceBus";

    /// <summary>The section's own value; not bound from a child key, since a Functions binding reads none by that name.</summary>
    public string? ConnectionString { get; private set; }

    public string? FullyQualifiedNamespace { get; set; }

    public bool HasConnectionString => !string.IsNullOrWhiteSpace(ConnectionString);

    public bool HasNamespace => !string.IsNullOrWhiteSpace(FullyQualifiedNamespace);

    /// <summary>False when neither is set: the queue is then a Storage queue on <c>AzureWebJobsStorage</c>.</summary>
    public bool IsConfigured => HasConnectionString || HasNamespace;

    public static ServiceBusConnectionOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(ConnectionName);
        var options = new ServiceBusConnectionOptions { ConnectionString = section.Value };
        section.Bind(options);
        return options;
    }
}
