using ArchUnitNET.Fluent.Syntax.Elements.Types;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnitV3;
using ChatTranscripts.Pipeline.Core;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace ChatTranscripts.Pipeline.Tests.Architecture;

/// <summary>
/// The Pipeline's layers, as docs/architecture.md ("Layers") draws them: each may use only the layers beneath it, and
/// only adapters, the HTTP API and the composition may touch the Azure SDK or ASP.NET Core.
/// </summary>
public sealed class LayerTests
{
    private const string Root = "ChatTranscripts.Pipeline";

    private static readonly ArchUnitNET.Domain.Architecture Pipeline =
        new ArchLoader().LoadAssemblies(typeof(PipelineJson).Assembly).Build();

    [Fact]
    public void The_core_depends_on_nothing_else_in_the_pipeline() =>
        InLayer("Core").Should().NotDependOnAny(InLayers("Logic", "Application", "Adapters", "Http", "Hosting")).Check(Pipeline);

    [Fact]
    public void Pure_logic_depends_only_on_the_core() =>
        InLayer("Logic").Should().NotDependOnAny(InLayers("Application", "Adapters", "Http", "Hosting")).Check(Pipeline);

    [Fact]
    public void The_application_knows_no_adapter_endpoint_or_composition() =>
        InLayer("Application").Should().NotDependOnAny(InLayers("Adapters", "Http", "Hosting")).Check(Pipeline);

    [Fact]
    public void Adapters_know_nothing_of_the_http_api_or_the_composition() =>
        InLayer("Adapters").Should().NotDependOnAny(InLayers("Http", "Hosting")).Check(Pipeline);

    [Fact]
    public void The_http_api_reaches_storage_only_through_ports() =>
        InLayer("Http").Should().NotDependOnAny(InLayers("Adapters", "Hosting")).Check(Pipeline);

    [Fact]
    public void Only_adapters_the_http_api_and_the_composition_use_the_azure_sdk() =>
        InLayers("Core", "Logic", "Application").Should().NotDependOnAny(Outside(@"Azure(\..+)?")).Check(Pipeline);

    [Fact]
    public void Only_the_http_api_and_the_composition_use_aspnet_core() =>
        InLayers("Core", "Logic", "Application", "Adapters").Should().NotDependOnAny(Outside(@"Microsoft\.AspNetCore(\..+)?")).Check(Pipeline);

    [Fact]
    public void Every_type_lives_in_a_layer() =>
        Types().That().ResideInNamespaceMatching($@"^{Root}(\..+)?$").And().DoNotHaveNameStartingWith("<")
            .Should().ResideInNamespaceMatching($@"^{Root}\.(Core|Logic|Application|Adapters|Http|Hosting)(\..+)?$")
            .Check(Pipeline);

    [Fact]
    public void The_layer_rules_see_outside_dependencies()
    {
        // Without this, a rule about the Azure SDK could pass only because the loader never saw an Azure type.
        Assert.Contains(Pipeline.ReferencedTypes, t => t.FullName.StartsWith("Azure.Data.Tables.", StringComparison.Ordinal));
        Assert.Contains(Pipeline.ReferencedTypes, t => t.FullName.StartsWith("Microsoft.AspNetCore.Http.", StringComparison.Ordinal));
    }

    private static GivenTypesConjunction InLayer(string layer) => InLayers(layer);

    private static GivenTypesConjunction InLayers(params string[] layers) =>
        Types().That().ResideInNamespaceMatching($@"^{Root}\.({string.Join('|', layers)})(\..+)?$");

    private static GivenTypesConjunction Outside(string namespacePattern) =>
        Types(includeReferenced: true).That().ResideInNamespaceMatching($"^{namespacePattern}$");
}
