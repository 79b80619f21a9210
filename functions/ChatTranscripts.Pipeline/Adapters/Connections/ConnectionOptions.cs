using Microsoft.Extensions.Configuration;

namespace ChatTranscripts.Pipeline.Adapters.Connections;

/// <summary>
/// A Functions-style connection section: a connection string as the section's own value, or child settings for an
/// identity-based connection, with <c>{Connection}__credential</c> and <c>{Connection}__clientId</c> saying how to sign in.
/// </summary>
public abstract class ConnectionOptions
{
    /// <summary>The section's own value; not bound from a child key, since the Functions host reads none by that name.</summary>
    public string? ConnectionString { get; private set; }

    public bool HasConnectionString => !string.IsNullOrWhiteSpace(ConnectionString);

    /// <summary><c>managedidentity</c>, or unset to sign in as the developer (Azure CLI, azd, Visual Studio).</summary>
    public string? Credential { get; set; }

    /// <summary>The client id of the user-assigned managed identity; unset for the system-assigned one.</summary>
    public string? ClientId { get; set; }

    protected static T Read<T>(IConfiguration configuration, string connectionName)
        where T : ConnectionOptions, new()
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(connectionName);
        var options = new T { ConnectionString = section.Value };
        section.Bind(options);
        return options;
    }
}
