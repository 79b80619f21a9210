using System.Reflection;
using System.Text.RegularExpressions;
using Azure.Messaging.ServiceBus;
using ChatTranscripts.Pipeline.Adapters.Connections;
using ChatTranscripts.Pipeline.Application.Publishing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ChatTranscripts.Pipeline.Hosting;

/// <summary>
/// Checks the settings a deployment provides (connections, telemetry sign-in, Key Vault references, the site's URL)
/// at start-up, before anything connects, and names each one that is missing or wrong, spelled as an app setting
/// (<c>AzureWebJobsStorage__clientId</c>), since that is where an operator fixes it. Connection string values are
/// never repeated in a message: they may hold keys.
/// </summary>
public sealed partial class DeploymentSettingsValidator(IConfiguration configuration) : IValidateOptions<DeploymentOptions>
{
    private const string KeyVaultReferencePrefix = "@Microsoft.KeyVault(";
    private const string ManagedIdentity = IdentityCredential.ManagedIdentityCredentialName;

    public ValidateOptionsResult Validate(string? name, DeploymentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = Check(configuration, options.InAzure);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>Every problem found, in a stable order; empty when the settings can work.</summary>
    public static IReadOnlyList<string> Check(IConfiguration configuration, bool inAzure)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();
        UnresolvedKeyVaultReferences(configuration, problems);
        Storage(StorageConnectionOptions.Read(configuration), inAzure, problems);
        ServiceBus(ServiceBusConnectionOptions.Read(configuration), inAzure, problems);
        var telemetry = configuration[ApplicationInsightsAuthentication.SettingName];
        if (!string.IsNullOrWhiteSpace(telemetry) && !ApplicationInsightsAuthentication.TryParse(telemetry, out _))
        {
            problems.Add(ApplicationInsightsAuthentication.Problem);
        }
        SiteBaseUrl(configuration[$"{PublishingOptions.Section}:{nameof(PublishingOptions.SiteBaseUrl)}"], inAzure, problems);
        return problems;
    }

    /// <summary>App Service leaves a Key Vault reference it cannot resolve in place, as the setting's value.</summary>
    private static void UnresolvedKeyVaultReferences(IConfiguration configuration, List<string> problems)
    {
        foreach (var (key, value) in configuration.AsEnumerable().OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (value is not null && value.TrimStart().StartsWith(KeyVaultReferencePrefix, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(
                    $"{AppSettingName(key)} is a Key Vault reference that was not resolved: check that the secret exists and that the app's " +
                    "identity (its keyVaultReferenceIdentity) holds Key Vault Secrets User on the vault.");
            }
        }
    }

    private static void Storage(StorageConnectionOptions storage, bool inAzure, List<string> problems)
    {
        const string name = StorageConnectionOptions.ConnectionName;
        if (storage.HasConnectionString)
        {
            if (inAzure)
            {
                problems.Add(
                    $"{name} is a connection string, but here storage is reached with the app's identity (shared keys are off): remove it and set " +
                    $"{name}__blobServiceUri, {name}__queueServiceUri and {name}__tableServiceUri (or {name}__accountName), " +
                    $"{name}__credential=managedidentity and {name}__clientId.");
                return;
            }
            if (!IsStorageConnectionString(storage.ConnectionString!))
            {
                problems.Add($"{name} is not a storage connection string (for Azurite: UseDevelopmentStorage=true).");
            }
            return;
        }

        var accountName = storage.AccountName;
        (string Key, string? Value)[] uris =
        [
            ("blobServiceUri", storage.BlobServiceUri),
            ("queueServiceUri", storage.QueueServiceUri),
            ("tableServiceUri", storage.TableServiceUri),
        ];
        if (string.IsNullOrWhiteSpace(accountName) && uris.All(uri => string.IsNullOrWhiteSpace(uri.Value)))
        {
            problems.Add(
                $"{name} is not set: set it to a connection string (for Azurite: UseDevelopmentStorage=true), or set {name}__accountName " +
                $"(or {name}__blobServiceUri, {name}__queueServiceUri and {name}__tableServiceUri) for an identity-based connection.");
            return;
        }
        if (!string.IsNullOrWhiteSpace(accountName) && !StorageAccountName().IsMatch(accountName))
        {
            problems.Add($"{name}__accountName must be a storage account name: 3 to 24 lowercase letters and digits, not '{accountName}'.");
        }
        foreach (var (key, value) in uris)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                if (string.IsNullOrWhiteSpace(accountName))
                {
                    problems.Add($"{name}__{key} is not set: set all three service URIs, or {name}__accountName instead.");
                }
            }
            else if (!IsHttpsUri(value))
            {
                problems.Add($"{name}__{key} must be an absolute https URL such as https://account.{key[..^"ServiceUri".Length]}.core.windows.net, not '{value}'.");
            }
        }
        Identity(name, storage, problems);
    }

    private static void ServiceBus(ServiceBusConnectionOptions serviceBus, bool inAzure, List<string> problems)
    {
        const string name = ServiceBusConnectionOptions.ConnectionName;
        var fullyQualifiedNamespace = serviceBus.FullyQualifiedNamespace;
        if (serviceBus.HasConnectionString && serviceBus.HasNamespace)
        {
            problems.Add($"{name} and {name}__fullyQualifiedNamespace are both set: set only one (the namespace, in Azure).");
            return;
        }
        if (serviceBus.HasConnectionString)
        {
            if (inAzure)
            {
                problems.Add(
                    $"{name} is a connection string, but here Service Bus is reached with the app's identity (SAS keys are off): remove it and set " +
                    $"{name}__fullyQualifiedNamespace, {name}__credential=managedidentity and {name}__clientId.");
            }
            else if (!IsServiceBusConnectionString(serviceBus.ConnectionString!))
            {
                problems.Add($"{name} is not a Service Bus connection string (Endpoint=sb://…;SharedAccessKeyName=…;SharedAccessKey=…).");
            }
            return;
        }
        if (!serviceBus.HasNamespace)
        {
            // No Service Bus: the queue is a Storage queue on AzureWebJobsStorage.
            return;
        }
        if (Uri.CheckHostName(fullyQualifiedNamespace) != UriHostNameType.Dns)
        {
            problems.Add(
                $"{name}__fullyQualifiedNamespace must be the namespace's host name, such as name.servicebus.windows.net, " +
                $"without sb:// or a path, not '{fullyQualifiedNamespace}'.");
        }
        Identity(name, serviceBus, problems);
    }

    /// <summary>
    /// The base of every <c>transcriptUrl</c> the API returns, so a base a reader's browser can open. A value that is
    /// not an absolute URL at all is left to <see cref="PublishingOptions"/>' own validation, which names it.
    /// </summary>
    private static void SiteBaseUrl(string? value, bool inAzure, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value) || !Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            return;
        }
        if ((uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            problems.Add(
                $"Publishing__SiteBaseUrl must be the site's http or https URL without a query, such as https://account.z33.web.core.windows.net, not '{value}'.");
        }
        else if (inAzure && uri.Scheme != Uri.UriSchemeHttps)
        {
            problems.Add($"Publishing__SiteBaseUrl must be an https URL here (the static website and a CDN in front of it serve https), not '{value}'.");
        }
    }

    /// <summary>The Functions conventions for an identity-based connection, as <see cref="IdentityCredential"/> reads them.</summary>
    private static void Identity(string name, ConnectionOptions connection, List<string> problems)
    {
        var credential = connection.Credential;
        if (!string.IsNullOrWhiteSpace(credential) && !credential.Equals(ManagedIdentity, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(
                $"{name}__credential must be '{ManagedIdentity}', or unset to sign in as the developer " +
                $"(Azure CLI, azd, Visual Studio), not '{credential}'.");
        }
        var clientId = connection.ClientId;
        if (!string.IsNullOrWhiteSpace(clientId) && !Guid.TryParse(clientId, out _))
        {
            problems.Add($"{name}__clientId must be the client id (a GUID) of the user-assigned managed identity, not '{clientId}'.");
        }
    }

    private static bool IsStorageConnectionString(string connectionString)
    {
        try
        {
            StorageAccount.FromConnectionString(connectionString);
            return true;
        }
        // The client factory builds clients by reflection, so what a client's constructor refuses arrives wrapped.
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException or TargetInvocationException)
        {
            return false;
        }
    }

    private static bool IsServiceBusConnectionString(string connectionString)
    {
        try
        {
            return ServiceBusConnectionStringProperties.Parse(connectionString).Endpoint is not null;
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return false;
        }
    }

    private static bool IsHttpsUri(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && string.IsNullOrEmpty(uri.Query);

    /// <summary>Configuration keys use ':'; app settings and environment variables spell it '__'.</summary>
    private static string AppSettingName(string key) => key.Replace(":", "__", StringComparison.Ordinal);

    [GeneratedRegex(@"\A[a-z0-9]{3,24}\z")]
    private static partial Regex StorageAccountName();
}
