using System.Reflection;
using ChatTranscripts.Functions;
using ChatTranscripts.Pipeline.Http;
using Microsoft.Azure.Functions.Worker;

namespace ChatTranscripts.Infrastructure.Tests;

/// <summary>
/// Three roles, three credentials (design decision 10): the template gives every HTTP function of the app the key of
/// its role and no other, in the vault the Functions host keeps its keys in, so a webhook sender's key never opens a
/// sessions route. Readers need none: the static website is anonymous.
/// </summary>
public sealed class FunctionKeysTests(InfrastructureTemplate template)
{
    private PredictedDeployment Deployment => template.Deployment;

    /// <summary>Every HTTP-triggered function the app declares: its name, route and authorisation level.</summary>
    public static TheoryData<string, string, string> HttpFunctions()
    {
        var data = new TheoryData<string, string, string>();
        var methods = typeof(SessionsFunctions).Assembly.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly));
        foreach (var method in methods)
        {
            var trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).OfType<HttpTriggerAttribute>().SingleOrDefault();
            if (method.GetCustomAttribute<FunctionAttribute>() is { } function && trigger is not null)
            {
                data.Add(function.Name, trigger.Route ?? "", trigger.AuthLevel.ToString());
            }
        }
        return data;
    }

    [Fact]
    public void The_app_declares_its_http_functions()
    {
        var names = HttpFunctions().Select(row => row.Data.Item1).ToList();

        Assert.Contains("SubmitPosts", names);
        Assert.Contains("XWebhookCrc", names);
        Assert.Contains("PutSession", names);
    }

    [Theory]
    [MemberData(nameof(HttpFunctions))]
    public void Each_http_function_takes_the_key_of_its_role_and_no_other(string function, string route, string authorizationLevel)
    {
        var keys = Keys().Where(k => k.Function == function).ToList();
        if (function == UnmatchedRoutesFunction.Name)
        {
            // The catch-all only ever answers 404/405: anonymous, so a keyless probe learns nothing it could not guess.
            Assert.Equal(ApiRoutes.Unmatched, route);
            Assert.Equal(nameof(AuthorizationLevel.Anonymous), authorizationLevel);
            Assert.Empty(keys);
            return;
        }
        var declared = Assert.Single(ApiRoutes.All, r => r.FunctionName == function);
        var role = declared.Caller == ApiCaller.Organiser ? "organisers" : "senders";

        Assert.Equal(declared.Template, route);
        Assert.Equal(nameof(AuthorizationLevel.Function), authorizationLevel);
        var key = Assert.Single(keys);
        Assert.Equal(role, key.Role);
        Assert.Equal(role == "organisers" ? "[parameters('organisersFunctionKey')]" : "[parameters('sendersFunctionKey')]", key.Value);
    }

    [Fact]
    public void The_key_values_are_secure_parameters_of_at_least_32_characters_and_appear_nowhere()
    {
        foreach (var name in new[] { "sendersFunctionKey", "organisersFunctionKey" })
        {
            var parameter = PredictedDeployment.Node(template.Compiled, $"parameters.{name}");
            Assert.Equal("securestring", PredictedDeployment.Text(parameter, "type"));
            Assert.Equal(32, parameter["minLength"]!.GetValue<int>());
        }
        var everything = template.Compiled.ToJsonString() + string.Concat(Deployment.Resources.Select(r => r.ToJsonString()));
        Assert.DoesNotContain(InfrastructureTemplate.SendersFunctionKey, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(InfrastructureTemplate.OrganisersFunctionKey, everything, StringComparison.Ordinal);
    }

    [Fact]
    public void The_functions_host_keeps_its_keys_in_that_vault_signing_in_as_the_app()
    {
        var settings = Deployment.AppSettings();

        Assert.Equal("keyvault", settings.Setting("AzureWebJobsSecretStorageType"));
        Assert.True(PredictedDeployment.IsReference(
            settings.Setting("AzureWebJobsSecretStorageKeyVaultUri"), PredictedDeployment.Id(Deployment.FunctionKeysVault()), "vaultUri"));
        Assert.True(PredictedDeployment.IsReference(settings.Setting("AzureWebJobsSecretStorageKeyVaultClientId"), Deployment.AppIdentityId(), "clientId"));
        Assert.False(settings.ContainsKey("AzureWebJobsSecretStorageSas"));
    }

    [Fact]
    public void No_function_holds_both_keys_and_the_vault_holds_nothing_else()
    {
        var keys = Keys();

        Assert.Equal(keys.Count, keys.Select(k => k.Function).Distinct(StringComparer.Ordinal).Count());
        Assert.All(keys, key => Assert.Contains(key.Role, new[] { "senders", "organisers" }));
    }

    [Fact]
    public void Both_vaults_keep_deleted_secrets_recoverable_with_purge_protection()
    {
        foreach (var vault in new[] { Deployment.KeyVault(), Deployment.FunctionKeysVault() })
        {
            Assert.True(PredictedDeployment.Node(vault, "properties.enableSoftDelete").GetValue<bool>());
            Assert.True(PredictedDeployment.Node(vault, "properties.enablePurgeProtection").GetValue<bool>(), PredictedDeployment.Text(vault, "name"));
            Assert.True(PredictedDeployment.Node(vault, "properties.enableRbacAuthorization").GetValue<bool>());
        }
    }

    /// <summary>The secrets of the keys vault, read as the host reads them: function--{function}--{key name}.</summary>
    private List<(string Function, string Role, string Value)> Keys()
    {
        var vaultName = PredictedDeployment.Text(Deployment.FunctionKeysVault(), "name");
        return
        [
            .. Deployment.OfType("Microsoft.KeyVault/vaults/secrets")
                .Where(s => PredictedDeployment.Text(s, "name").StartsWith(vaultName + "/", StringComparison.Ordinal))
                .Select(s =>
                {
                    var parts = PredictedDeployment.Text(s, "name")[(vaultName.Length + 1)..].Split("--");
                    Assert.Equal(3, parts.Length);
                    Assert.Equal("function", parts[0]);
                    return (parts[1], parts[2], PredictedDeployment.Text(s, "properties.value"));
                }),
        ];
    }
}
