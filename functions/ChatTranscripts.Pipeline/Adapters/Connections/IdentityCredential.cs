using Azure.Core;
using Azure.Identity;

namespace ChatTranscripts.Pipeline.Adapters.Connections;

/// <summary>
/// The one place credentials are built: for an identity-based connection (storage, Service Bus), following the
/// Functions conventions (<c>{Connection}__credential=managedidentity</c>, <c>{Connection}__clientId</c>), and for
/// telemetry (<c>ApplicationInsightsAuthentication</c> in the composition), which always signs in as a managed identity.
/// </summary>
public static class IdentityCredential
{
    /// <summary>The <c>credential</c> value that asks for the managed identity, as the Functions host spells it.</summary>
    public const string ManagedIdentityCredentialName = "managedidentity";

    public static TokenCredential For(ConnectionOptions connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var clientId = string.IsNullOrEmpty(connection.ClientId) ? null : connection.ClientId;
        if (string.Equals(connection.Credential, ManagedIdentityCredentialName, StringComparison.OrdinalIgnoreCase))
        {
            return ManagedIdentity(clientId);
        }
        return new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
    }

    /// <param name="clientId">The user-assigned identity's client id; null for the system-assigned identity.</param>
    public static TokenCredential ManagedIdentity(string? clientId) =>
        clientId is null
            ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
}
