using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ChatTranscripts.Infrastructure.Tests;

/// <summary>infra/main.bicep compiles offline, clean, into a template that holds everything the pipeline runs on.</summary>
public sealed partial class CompiledTemplateTests(InfrastructureTemplate template)
{
    [Fact]
    public void Build_lint_and_expansion_report_no_errors_or_warnings()
    {
        Assert.Empty(template.Build.Diagnostics);
        Assert.Equal(0, template.Lint.ExitCode);
        Assert.Empty(template.Lint.Diagnostics);
        Assert.Empty(template.Deployment.Diagnostics);
    }

    [Fact]
    public void Every_module_is_a_local_file_so_the_build_needs_no_registry()
    {
        var sources = Directory.EnumerateFiles(BicepCli.InfraDirectory, "*.bicep", SearchOption.AllDirectories).ToList();

        Assert.NotEmpty(sources);
        foreach (var source in sources)
        {
            Assert.DoesNotMatch(RegistryModule(), File.ReadAllText(source));
        }
        Assert.All(Deployments(template.Compiled), deployment => Assert.Null(deployment["properties"]?["templateLink"]));
    }

    [Theory]
    [InlineData("webhookSecret")]
    [InlineData("xConsumerSecret")]
    [InlineData("mastodonWebhookSecret")]
    public void Webhook_secrets_are_secure_parameters(string name)
    {
        var parameter = PredictedDeployment.Node(template.Compiled, $"parameters.{name}");

        Assert.Equal("securestring", PredictedDeployment.Text(parameter, "type"));
    }

    [Fact]
    public void The_compiled_template_holds_every_resource_the_pipeline_runs_on()
    {
        var types = Resources(template.Compiled).Select(r => PredictedDeployment.Text(r, "type")).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.Superset(
            new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "Microsoft.Web/serverfarms",
                "Microsoft.Web/sites",
                "Microsoft.Web/sites/config",
                "Microsoft.ServiceBus/namespaces",
                "Microsoft.ServiceBus/namespaces/queues",
                "Microsoft.Storage/storageAccounts",
                "Microsoft.Storage/storageAccounts/blobServices/containers",
                "Microsoft.OperationalInsights/workspaces",
                "Microsoft.Insights/components",
                "Microsoft.ManagedIdentity/userAssignedIdentities",
                "Microsoft.Authorization/roleAssignments",
                "Microsoft.KeyVault/vaults",
                "Microsoft.KeyVault/vaults/secrets",
                "Microsoft.Resources/deploymentScripts",
            },
            types);
    }

    [Theory]
    [InlineData("listKeys(")]
    [InlineData("listConnectionStrings(")]
    [InlineData("listSecrets(")]
    [InlineData("AccountKey=")]
    [InlineData("SharedAccessKey")]
    [InlineData("DefaultEndpointsProtocol")]
    public void Nothing_reads_or_writes_a_key(string marker)
    {
        Assert.DoesNotContain(marker, template.Compiled.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Every resource declared anywhere: in the template and in the templates of its modules.</summary>
    private static IEnumerable<JsonObject> Resources(JsonObject compiled)
    {
        // Templates with symbolic names hold an object of resources, the others an array.
        var resources = compiled["resources"] switch
        {
            JsonArray array => array.Select(r => r!.AsObject()),
            JsonObject map => map.Select(entry => entry.Value!.AsObject()),
            _ => [],
        };
        foreach (var resource in resources)
        {
            yield return resource;
            if (resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in Resources(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    private static IEnumerable<JsonObject> Deployments(JsonObject compiled) =>
        Resources(compiled).Where(r => PredictedDeployment.Text(r, "type") == "Microsoft.Resources/deployments");

    [GeneratedRegex(@"^\s*module\s+\S+\s+'(br|ts)[:/]", RegexOptions.Multiline)]
    private static partial Regex RegistryModule();
}
