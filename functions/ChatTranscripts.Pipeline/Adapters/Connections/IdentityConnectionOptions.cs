namespace ChatTranscripts.Pipeline.Adapters.Connections;

/// <summary>
/// The identity settings of a Functions-style connection section (<c>{Connection}__credential</c>,
/// <c>{Connection}__clientId</c>), bound by the connections that can sign in with them.
/// </summary>
public class IdentityConnectionOptions
{
    /// <summary><c>managedidentity</c>, or unset to sign in as the developer (Azure CLI, azd, Visual Studio).</summary>
    public string? Credential { get; set; }

    /// <summary>The client id of the user-assigned managed identity; unset for the system-assigned one.</summary>
    public string? ClientId { get; set; }
}
