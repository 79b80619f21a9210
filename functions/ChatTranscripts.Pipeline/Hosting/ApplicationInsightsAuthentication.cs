using Azure.Core;
using ChatTranscripts.Pipeline.Adapters.Connections;
using Microsoft.Extensions.Configuration;

namespace ChatTranscripts.Pipeline.Hosting;

/// <summary>
/// Reads <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> (<c>Authorization=AAD</c>, optionally with
/// <c>ClientId=&lt;client id&gt;</c>), the setting the Functions host uses to send telemetry with Entra ID when the
/// Application Insights resource refuses instrumentation keys. The isolated worker sends its own telemetry, so it
/// needs the same identity as a credential.
/// </summary>
public static class ApplicationInsightsAuthentication
{
    public const string SettingName = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>The credential the setting asks for; null when it is not set (telemetry then uses the connection string alone).</summary>
    public static TokenCredential? CredentialFrom(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var setting = configuration[SettingName];
        if (string.IsNullOrWhiteSpace(setting))
        {
            return null;
        }
        if (!TryParse(setting, out var clientId))
        {
            throw new InvalidOperationException(Problem);
        }
        return IdentityCredential.ManagedIdentity(clientId);
    }

    /// <summary>What is wrong with a setting <see cref="TryParse"/> refuses, for a start-up message.</summary>
    public const string Problem =
        SettingName + " must be 'Authorization=AAD', or 'ClientId=<client id of the user-assigned identity>;Authorization=AAD'.";

    /// <summary>
    /// True for <c>Authorization=AAD</c> with an optional <c>ClientId</c> that is a GUID, keys in any case and order;
    /// <paramref name="clientId"/> is that client id, or null for the system-assigned identity.
    /// </summary>
    public static bool TryParse(string setting, out string? clientId)
    {
        ArgumentNullException.ThrowIfNull(setting);
        clientId = null;
        var authorization = false;
        foreach (var part in setting.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return false;
            }
            var key = part[..equals].Trim();
            var value = part[(equals + 1)..].Trim();
            if (key.Equals("Authorization", StringComparison.OrdinalIgnoreCase) && value.Equals("AAD", StringComparison.OrdinalIgnoreCase))
            {
                authorization = true;
            }
            else if (key.Equals("ClientId", StringComparison.OrdinalIgnoreCase) && Guid.TryParse(value, out _))
            {
                clientId = value;
            }
            else
            {
                return false;
            }
        }
        return authorization;
    }
}
