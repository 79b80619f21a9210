using System.Net;
using System.Text.Json;
using ChatTranscripts.IntegrationTests.Hosts;
using ChatTranscripts.LocalHost.OpenApi;
using ChatTranscripts.Pipeline.Http;
using ChatTranscripts.Pipeline.Tests;
using ChatTranscripts.Pipeline.Tests.Rendering;
using ChatTranscripts.Testing;

namespace ChatTranscripts.IntegrationTests.Documentation;

/// <summary>
/// docs/openapi.json is the document the local host generates from its endpoints, so the committed contract cannot
/// drift from the code: a change to a route, a schema or an annotation fails here until the file is regenerated.
/// </summary>
public sealed class OpenApiDocumentTests(AzuriteFixture azurite)
{
    public const string UpdateVariable = "UPDATE_OPENAPI";

    private static readonly string CommittedPath = Repository.PathOf("docs", "openapi.json");

    [Fact]
    public async Task The_committed_document_is_the_one_the_local_host_serves()
    {
        var served = await ServedAsync();

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(CommittedPath, served);
            return;
        }
        var committed = File.Exists(CommittedPath) ? AsLfText(File.ReadAllText(CommittedPath)) : "";
        if (committed != served)
        {
            Assert.Fail(
                $"docs/openapi.json differs from the document the local host generates at {ApiDocument.Path}. If the API change is intended, " +
                $"regenerate it with {UpdateVariable}=1 dotnet test --project tests/ChatTranscripts.IntegrationTests -- --filter-class \"*{nameof(OpenApiDocumentTests)}\" " +
                "and review the diff.\n" +
                (LineDiff.Describe(committed, served, "docs/openapi.json", ApiDocument.Path) ?? ""));
        }
    }

    [Fact]
    public async Task It_describes_every_declared_route_by_its_function_name_and_nothing_else()
    {
        using var document = JsonDocument.Parse(await ServedAsync());

        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation =>
                (Name: operation.Value.GetProperty("operationId").GetString()!, Method: operation.Name.ToUpperInvariant(), Path: path.Name)));

        Assert.Equal(
            ApiRoutes.All.Select(route => (route.FunctionName, route.Method, $"/{ApiRoutes.Prefix}/{route.Template.Replace("{*", "{", StringComparison.Ordinal)}")).Order(),
            operations.Order());
    }

    [Fact]
    public async Task Organiser_routes_take_the_organisers_token_and_sender_routes_do_not()
    {
        using var document = JsonDocument.Parse(await ServedAsync());
        var paths = document.RootElement.GetProperty("paths");

        foreach (var route in ApiRoutes.All)
        {
            var operation = paths.GetProperty($"/{ApiRoutes.Prefix}/{route.Template.Replace("{*", "{", StringComparison.Ordinal)}").GetProperty(route.Method.ToLowerInvariant());
            var schemes = operation.GetProperty("security").EnumerateArray().SelectMany(requirement => requirement.EnumerateObject().Select(scheme => scheme.Name)).ToHashSet();
            Assert.Superset(new HashSet<string> { "functionKeyHeader", "functionKeyQuery" }, schemes);
            Assert.Equal(route.Caller == ApiCaller.Organiser, schemes.Contains("organiserToken"));
        }
    }

    /// <summary>The document as LF text ending in one newline, as it is committed.</summary>
    private async Task<string> ServedAsync()
    {
        await using var host = new LocalHostFactory(azurite);
        using var client = host.CreateClient();
        using var response = await client.GetAsync(new Uri(ApiDocument.Path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return AsLfText(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static string AsLfText(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n') + "\n";
}
