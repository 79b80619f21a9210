using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace ChatTranscripts.Infrastructure.Tests;

/// <summary>azure.yaml, infra/main.parameters.json and host.json agree with the template and with the app.</summary>
public sealed class AzdTests(InfrastructureTemplate template)
{
    [Fact]
    public void Azure_yaml_deploys_the_functions_project_to_the_app_tagged_with_its_service_name()
    {
        var services = (YamlMappingNode)AzureYaml().Children[new YamlScalarNode("services")];
        var (name, node) = Assert.Single(services.Children);
        var service = (YamlMappingNode)node;

        Assert.Equal("function", Scalar(service, "host"));
        Assert.Equal("dotnet", Scalar(service, "language"));
        var project = Path.GetFullPath(Path.Combine(BicepCli.RepositoryRoot, Scalar(service, "project")));
        Assert.True(File.Exists(Path.Combine(project, "ChatTranscripts.Functions.csproj")), $"{project} is not the Functions project.");
        Assert.Equal(((YamlScalarNode)name).Value, PredictedDeployment.Text(template.Deployment.FunctionApp(), "tags.azd-service-name"));
    }

    [Fact]
    public void Azure_yaml_provisions_infra_main_and_generates_the_webhook_secret_before_it()
    {
        var root = AzureYaml();
        var infra = (YamlMappingNode)root.Children[new YamlScalarNode("infra")];
        var preprovision = (YamlMappingNode)((YamlMappingNode)root.Children[new YamlScalarNode("hooks")]).Children[new YamlScalarNode("preprovision")];

        Assert.Equal(("bicep", "infra", "main"), (Scalar(infra, "provider"), Scalar(infra, "path"), Scalar(infra, "module")));
        foreach (var platform in new[] { "posix", "windows" })
        {
            var hook = Path.Combine(BicepCli.RepositoryRoot, Scalar((YamlMappingNode)preprovision.Children[new YamlScalarNode(platform)], "run"));
            Assert.Contains("WEBHOOK_SECRET", File.ReadAllText(hook), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_parameters_file_supplies_every_required_parameter_and_only_real_ones()
    {
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(BicepCli.InfraDirectory, "main.parameters.json")))!;
        var supplied = PredictedDeployment.Node(file, "parameters").AsObject().Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var declared = PredictedDeployment.Node(template.Compiled, "parameters").AsObject();

        Assert.Subset(declared.Select(p => p.Key).ToHashSet(StringComparer.Ordinal), supplied);
        Assert.All(
            declared.Where(p => p.Value?["defaultValue"] is null).Select(p => p.Key),
            required => Assert.Contains(required, supplied));
    }

    [Fact]
    public void Every_output_the_runbook_reads_is_declared()
    {
        var outputs = PredictedDeployment.Node(template.Compiled, "outputs").AsObject().Select(o => o.Key).ToList();

        Assert.Superset(
            new HashSet<string>(StringComparer.Ordinal)
            {
                "AZURE_RESOURCE_GROUP", "SERVICE_API_NAME", "SERVICE_API_URI", "STATIC_WEBSITE_URL", "STORAGE_ACCOUNT_NAME",
                "SERVICEBUS_NAMESPACE", "SERVICEBUS_QUEUE_NAME", "KEY_VAULT_NAME", "APPLICATIONINSIGHTS_NAME",
            },
            outputs.ToHashSet(StringComparer.Ordinal));
    }

    [Fact]
    public void Host_json_records_every_request_and_bounds_a_run()
    {
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(BicepCli.RepositoryRoot, "host.json")))!;

        Assert.Equal("false", PredictedDeployment.Text(host, "logging.applicationInsights.samplingSettings.isEnabled"));
        var timeout = TimeSpan.Parse(PredictedDeployment.Text(host, "functionTimeout"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(timeout, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30));
    }

    private static YamlMappingNode AzureYaml()
    {
        var stream = new YamlStream();
        using var reader = new StringReader(File.ReadAllText(Path.Combine(BicepCli.RepositoryRoot, "azure.yaml")));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string Scalar(YamlMappingNode node, string key) =>
        ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value ?? throw new InvalidOperationException($"{key} is empty.");
}
