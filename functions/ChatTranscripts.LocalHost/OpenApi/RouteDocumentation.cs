using ChatTranscripts.Pipeline.Http;
using ChatTranscripts.Pipeline.Http.Ingest;
using Microsoft.OpenApi;

namespace ChatTranscripts.LocalHost.OpenApi;

/// <summary>
/// What the OpenAPI document cannot see in an endpoint whose handler reads the request by hand: which declared route it
/// is, its body (one item or a batch), and the headers and query parameters the handler reads.
/// </summary>
public static class RouteDocumentation
{
    /// <summary>Names the endpoint after its route in <see cref="ApiRoutes.All"/> (the Azure function's name), whose caller decides its security.</summary>
    public static RouteHandlerBuilder ForRoute(this RouteHandlerBuilder builder, string functionName)
    {
        var route = ApiRoutes.All.SingleOrDefault(route => route.FunctionName == functionName)
            ?? throw new InvalidOperationException($"'{functionName}' is not a route in ApiRoutes.All.");
        return builder.WithName(route.FunctionName).WithMetadata(route);
    }

    /// <summary>A JSON body of one <typeparamref name="TItem"/>, or an array of 1 to <paramref name="maxItems"/> of them.</summary>
    public static RouteHandlerBuilder AcceptsOneOrBatch<TItem>(this RouteHandlerBuilder builder, int maxItems)
        where TItem : notnull =>
        builder.Accepts<TItem>("application/json").AddOpenApiOperationTransformer((operation, _, _) =>
        {
            foreach (var content in operation.RequestBody!.Content!.Values)
            {
                var item = content.Schema!;
                content.Schema = new OpenApiSchema
                {
                    OneOf = [item, new OpenApiSchema { Type = JsonSchemaType.Array, Items = item, MinItems = 1, MaxItems = maxItems }],
                };
            }
            return Task.CompletedTask;
        });

    /// <summary>The Standard Webhooks headers <see cref="StandardWebhookSignature"/> checks when <c>Webhooks:Secret</c> is set.</summary>
    public static RouteHandlerBuilder WithStandardWebhookSignature(this RouteHandlerBuilder builder)
    {
        const string WhenSigned = "Required when Webhooks:Secret is set (always in Azure).";
        return builder
            .WithHeader(StandardWebhookSignature.IdHeader, false, $"The delivery's unique id. {WhenSigned}")
            .WithHeader(StandardWebhookSignature.TimestampHeader, false, $"Unix seconds, within Webhooks:Tolerance (5 minutes) of the server's clock. {WhenSigned}")
            .WithHeader(
                StandardWebhookSignature.SignatureHeader, false,
                $"'v1,' and the base64 HMAC-SHA256 of '{{webhook-id}}.{{webhook-timestamp}}.{{body}}' with the secret's key; several may be sent, space-separated. {WhenSigned}");
    }

    /// <summary>problem+json answers (RFC 9457) with these status codes; a 400 is a validation problem naming each field.</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statusCodes)
    {
        foreach (var statusCode in statusCodes)
        {
            builder = statusCode == StatusCodes.Status400BadRequest ? builder.ProducesValidationProblem() : builder.ProducesProblem(statusCode);
        }
        return builder;
    }

    public static RouteHandlerBuilder WithHeader(this RouteHandlerBuilder builder, string name, bool required, string description) =>
        builder.WithParameter(name, ParameterLocation.Header, required, description);

    public static RouteHandlerBuilder WithQueryParameter(this RouteHandlerBuilder builder, string name, string description) =>
        builder.WithParameter(name, ParameterLocation.Query, required: true, description);

    private static RouteHandlerBuilder WithParameter(this RouteHandlerBuilder builder, string name, ParameterLocation location, bool required, string description) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = location,
                Required = required,
                Description = description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
            return Task.CompletedTask;
        });
}
