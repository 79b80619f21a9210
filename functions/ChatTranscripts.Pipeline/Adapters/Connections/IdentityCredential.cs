using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace ChatTranscripts.Pipeline.Adapters.Connections;

/// <summary>
/// Builds the credential for an identity-based connection section, following the Functions conventions
/// (<c>{Connection}__credential=managedidentity</c>, <c>{Connection}__clientId</c>).
/// </summary>
public static class IdentityCredential
{
    public static TokenCredential For(IConfigurationSection connection)
    {
        var clientId = connection["clientId"];
        if (string.Equals(connection["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase))
        {
            return string.IsNullOrEmpty(clientId)
                ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
        }
        return new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
    }
}
