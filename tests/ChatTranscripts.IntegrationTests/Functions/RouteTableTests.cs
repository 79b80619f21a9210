using System.Text.RegularExpressions;
using ChatTranscripts.Functions;
using ChatTranscripts.IntegrationTests.Hosts;
using ChatTranscripts.Pipeline.Http;
using ChatTranscripts.Pipeline.Tests;
using ChatTranscripts.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatTranscripts.IntegrationTests.Functions;

/// <summary>
/// The routes are declared once (<see cref="ApiRoutes"/>): the Functions app's triggers as the host indexes them, the
/// local host's endpoints and the contract in docs/api.md must all say the same.
/// </summary>
public sealed partial class RouteTableTests(AzuriteFixture azurite)
{
    private static readonly (string Method, string Template)[] Declared =
        [.. ApiRoutes.All.Select(route => (route.Method, Normalise(route.Template))).Order()];

    [Fact]
    public async Task Every_http_trigger_of_the_functions_app_is_a_declared_route_with_a_function_key()
    {
        await using var host = await FunctionsAppHost.StartAsync(azurite, null, TestContext.Current.CancellationToken);
        var http = host.Functions.Functions.Where(f => f.IsHttp).ToList();
        var routes = http.Where(f => f.Name != UnmatchedRoutesFunction.Name).ToList();

        Assert.Equal(
            ApiRoutes.All.Select(route => (route.FunctionName, route.Method, route.Template)).Order(),
            routes.Select(f => (f.Name, Assert.Single(f.Methods), f.Route!)).Order());
        Assert.All(routes, f => Assert.Equal("Function", f.AuthLevel));
    }

    [Fact]
    public async Task The_catch_all_for_unknown_routes_is_anonymous_takes_every_method_and_sorts_after_every_other_function()
    {
        await using var host = await FunctionsAppHost.StartAsync(azurite, null, TestContext.Current.CancellationToken);
        var http = host.Functions.Functions.Where(f => f.IsHttp).ToList();
        var unmatched = Assert.Single(http, f => f.Name == UnmatchedRoutesFunction.Name);

        Assert.Equal("Anonymous", unmatched.AuthLevel);
        Assert.Equal(ApiRoutes.Unmatched, unmatched.Route);
        Assert.Superset(ApiRoutes.All.Select(route => route.Method).ToHashSet(), unmatched.Methods.ToHashSet());
        Assert.Equal(unmatched.Name, http.Select(f => f.Name).Order(StringComparer.OrdinalIgnoreCase).Last());
    }

    [Fact]
    public async Task The_local_host_maps_exactly_the_declared_routes()
    {
        await using var host = new LocalHostFactory(azurite);
        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/" + ApiRoutes.Prefix + "/", StringComparison.Ordinal))
            // The catch-all that answers unknown routes, as the Functions app's does.
            .Where(e => e.RoutePattern.RawText != $"/{ApiRoutes.Prefix}/{{**path}}")
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods
                .Select(method => (method, Normalise(e.RoutePattern.RawText!["/api/".Length..]))))
            .Order();

        Assert.Equal(Declared, endpoints);
    }

    [Fact]
    public void The_contract_documents_every_declared_route()
    {
        var contract = File.ReadAllText(Repository.PathOf("docs", "api.md"));
        var documented = DocumentedRoute().Matches(contract).Select(m => (m.Groups[1].Value, Normalise(m.Groups[2].Value))).ToHashSet();

        Assert.All(Declared, route => Assert.Contains(route, documented));
    }

    /// <summary>Parameter names and catch-all markers aside, a template is its literal segments and parameter positions.</summary>
    private static string Normalise(string template) => ParameterSegment().Replace(template.TrimStart('/'), "{}");

    [GeneratedRegex(@"\{\**[^}]*\}")]
    private static partial Regex ParameterSegment();

    [GeneratedRegex(@"`(GET|PUT|POST|DELETE|PATCH) /api/([^`?\s]+)")]
    private static partial Regex DocumentedRoute();
}
