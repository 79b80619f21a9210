using System.Text.Json.Serialization;
using ChatTranscripts.Pipeline.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ChatTranscripts.LocalHost.OpenApi;

/// <summary>
/// The OpenAPI document of the HTTP API, generated from the local host's endpoints and served at <see cref="Path"/>;
/// docs/openapi.json is a copy that a test keeps equal to it. It describes both hosts: the routes are the same
/// (<see cref="ApiRoutes"/>), and only the credentials differ.
/// </summary>
public static class ApiDocument
{
    public const string Path = "/openapi.json";

    private const string FunctionKeyHeader = "functionKeyHeader";
    private const string FunctionKeyQuery = "functionKeyQuery";
    private const string OrganiserToken = "organiserToken";

    public static IServiceCollection AddApiDocument(this IServiceCollection services)
    {
        // The schemas follow these options. Reading numbers from strings (the web default) would show every integer the
        // API writes as "integer or string"; no endpoint binds JSON through them, since every handler reads its body itself.
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
        return services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                Describe(document);
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                operation.Security = SecurityOf(RouteOf(context), context.Document!);
                return Task.CompletedTask;
            });
        });
    }

    public static IEndpointRouteBuilder MapApiDocument(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(Path);
        return app;
    }

    private static void Describe(OpenApiDocument document)
    {
        document.Info = new OpenApiInfo
        {
            Title = "ChatTranscripts",
            Version = "1",
            Description =
                "Turns a live hashtag chat into a published transcript. Webhook senders post and delete posts; organisers register " +
                "sessions and publish them. The same routes are served by the Azure Functions app (with a function key per role) and " +
                "by the local host. docs/api.md in the repository is the contract in prose: validation rules, processing, the site.",
        };
        foreach (var tag in document.Tags ?? Enumerable.Empty<OpenApiTag>())
        {
            tag.Description = TagDescriptions.GetValueOrDefault(tag.Name ?? "");
        }
        // Relative to wherever the document is served: the local host's address, or the function app's.
        document.Servers = [];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [FunctionKeyHeader] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "x-functions-key",
                Description = "Azure: the function key of the caller's role, senders or organisers (docs/deploy.md). The local host takes none.",
            },
            [FunctionKeyQuery] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Query,
                Name = "code",
                Description = "Azure: the same function key in the query string, as webhook URLs carry it.",
            },
            [OrganiserToken] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description =
                    "Local host: LocalHost:OrganiserToken, required on the organiser routes when it is set (and it must be set to " +
                    "listen beyond loopback). Without it, those routes answer requests from this machine only.",
            },
        };
    }

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        [ApiTags.Sessions] = "Organisers: register, read and publish the chat sessions that become transcripts.",
        [ApiTags.Posts] = "Webhook senders: posts and deletions in the platform-neutral shape, signed with Standard Webhooks.",
        [ApiTags.PlatformWebhooks] = "Webhook senders: X, Mastodon and a Bluesky relay, each in its own format and with its own signature.",
    };

    private static ApiRoute RouteOf(OpenApiOperationTransformerContext context) =>
        context.Description.ActionDescriptor.EndpointMetadata.OfType<ApiRoute>().SingleOrDefault()
        ?? throw new InvalidOperationException(
            $"{context.Description.HttpMethod} /{context.Description.RelativePath} is not mapped with ForRoute: name it after its route in ApiRoutes.All.");

    /// <summary>
    /// Any one of the requirements opens the route. The empty one stands for the local host without credentials: senders
    /// there prove themselves by the signature headers alone, and organisers by calling from this machine.
    /// </summary>
    private static List<OpenApiSecurityRequirement> SecurityOf(ApiRoute route, OpenApiDocument document)
    {
        List<string> schemes = route.Caller == ApiCaller.Organiser
            ? [FunctionKeyHeader, FunctionKeyQuery, OrganiserToken]
            : [FunctionKeyHeader, FunctionKeyQuery];
        return
        [
            .. schemes.Select(scheme => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, document)] = [] }),
            new OpenApiSecurityRequirement(),
        ];
    }
}
