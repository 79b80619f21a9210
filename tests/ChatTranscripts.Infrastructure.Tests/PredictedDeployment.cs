using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ChatTranscripts.Infrastructure.Tests;

/// <summary>The resources and outputs of a <c>bicep snapshot</c>, with lookups the tests share.</summary>
public sealed class PredictedDeployment
{
    private const string RoleAssignmentSegment = "/providers/Microsoft.Authorization/roleAssignments/";

    private PredictedDeployment(IReadOnlyList<JsonObject> resources, JsonObject outputs, JsonArray diagnostics)
    {
        Resources = resources;
        Outputs = outputs;
        Diagnostics = diagnostics;
    }

    public IReadOnlyList<JsonObject> Resources { get; }

    public JsonObject Outputs { get; }

    public JsonArray Diagnostics { get; }

    public static PredictedDeployment Parse(string json)
    {
        var snapshot = JsonNode.Parse(json)?.AsObject() ?? throw new InvalidOperationException("The snapshot is empty.");
        var resources = snapshot["predictedResources"]?.AsArray().Select(r => r!.AsObject()).ToList() ?? [];
        return new PredictedDeployment(resources, snapshot["outputs"]?.AsObject() ?? [], snapshot["diagnostics"]?.AsArray() ?? []);
    }

    public IEnumerable<JsonObject> OfType(string type) =>
        Resources.Where(r => string.Equals(Text(r, "type"), type, StringComparison.OrdinalIgnoreCase));

    public JsonObject Single(string type)
    {
        var matches = OfType(type).ToList();
        Assert.True(matches.Count == 1, $"Expected one {type}, found {matches.Count}.");
        return matches[0];
    }

    /// <summary>The resource of that type whose name starts with the prefix (names end with a per-environment hash).</summary>
    public JsonObject Named(string type, string namePrefix)
    {
        var matches = OfType(type).Where(r => Text(r, "name").StartsWith(namePrefix, StringComparison.Ordinal)).ToList();
        Assert.True(matches.Count == 1, $"Expected one {type} named {namePrefix}…, found {matches.Count}.");
        return matches[0];
    }

    public IReadOnlyList<RoleAssignment> RoleAssignments =>
        [.. OfType("Microsoft.Authorization/roleAssignments").Select(RoleAssignment.From)];

    public static string Id(JsonObject resource) => Text(resource, "id");

    /// <summary>The node at a dotted path, failing the test when it is absent.</summary>
    public static JsonNode Node(JsonNode? node, string path)
    {
        var current = node;
        foreach (var segment in path.Split('.'))
        {
            current = current?[segment];
        }
        Assert.True(current is not null, $"{path} is missing from {node?.ToJsonString()}");
        return current;
    }

    /// <summary>A string at a dotted path; other values as their JSON text.</summary>
    public static string Text(JsonNode? node, string path) =>
        Node(node, path) is JsonValue value && value.TryGetValue<string>(out var text) ? text : Node(node, path).ToJsonString();

    /// <summary>
    /// True when the value is the expression that reads <paramref name="property"/> of the resource with that id once
    /// it is deployed: <c>[reference('&lt;id&gt;', '&lt;api version&gt;').&lt;property&gt;]</c>.
    /// </summary>
    public static bool IsReference(string? value, string resourceId, string property) =>
        value is not null && Regex.IsMatch(value, $@"^\[{ReferencePattern(resourceId, property)}\]$");

    /// <summary>True when the expression reads that property of that resource somewhere inside it.</summary>
    public static bool ContainsReference(string? value, string resourceId, string property) =>
        value is not null && Regex.IsMatch(value, ReferencePattern(resourceId, property));

    private static string ReferencePattern(string resourceId, string property) =>
        $@"reference\('{Regex.Escape(resourceId)}', '[0-9a-z-]+'\)\.{Regex.Escape(property)}(?![A-Za-z0-9])";

    /// <summary>One role assignment: where, which role (the definition's GUID), to whom.</summary>
    public sealed record RoleAssignment(string Scope, string RoleDefinition, string PrincipalId, string? PrincipalType)
    {
        public static RoleAssignment From(JsonObject resource)
        {
            var id = Id(resource);
            // A name computed from a runtime value (a new identity's principal id) leaves the id as an expression.
            var scope = id.StartsWith("[extensionResourceId('", StringComparison.Ordinal)
                ? id["[extensionResourceId('".Length..id.IndexOf('\'', "[extensionResourceId('".Length)]
                : id[..id.IndexOf(RoleAssignmentSegment, StringComparison.Ordinal)];
            var definition = Text(resource, "properties.roleDefinitionId");
            return new RoleAssignment(
                scope,
                definition[(definition.LastIndexOf('/') + 1)..],
                Text(resource, "properties.principalId"),
                resource["properties"]?["principalType"]?.GetValue<string>());
        }
    }
}
