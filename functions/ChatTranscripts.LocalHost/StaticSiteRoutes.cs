using ChatTranscripts.Pipeline.Adapters.Blobs;
using ChatTranscripts.Pipeline.Http;

namespace ChatTranscripts.LocalHost;

/// <summary>
/// Serves the site container at '/', as Azure's static website does (Azurite has no static-website endpoint):
/// a folder path serves its index.html, and the blob's Content-Type and Cache-Control pass through.
/// </summary>
public static class StaticSiteRoutes
{
    public static IEndpointRouteBuilder MapStaticSite(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/{**path}", ["GET", "HEAD"], async (HttpContext context, string? path, StaticSite site, CancellationToken ct) =>
        {
            var blobPath = string.IsNullOrEmpty(path) || path.EndsWith('/') ? (path ?? "") + "index.html" : path;
            var file = await site.ReadAsync(blobPath, ct);
            if (file is null && !Path.HasExtension(blobPath))
            {
                file = await site.ReadAsync(blobPath + "/index.html", ct);
            }
            var status = StatusCodes.Status200OK;
            // A missing API route is an API client's mistake: it gets problem+json, never the readers' 404 page.
            if (file is null && !IsApiPath(path))
            {
                file = await site.ReadAsync("404.html", ct);
                status = StatusCodes.Status404NotFound;
            }
            if (file is null)
            {
                return ApiProblems.NotFound($"Nothing is published at /{path}.");
            }
            context.Response.StatusCode = status;
            context.Response.ContentType = file.ContentType;
            context.Response.ContentLength = file.Content.ToMemory().Length;
            if (file.CacheControl is { } cacheControl)
            {
                context.Response.Headers.CacheControl = cacheControl;
            }
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await context.Response.Body.WriteAsync(file.Content.ToMemory(), ct);
            }
            return Results.Empty;
        }).ShortCircuit().ExcludeFromDescription();
        return app;
    }

    private static bool IsApiPath(string? path) =>
        path is not null && (path.Equals("api", StringComparison.OrdinalIgnoreCase) || path.StartsWith("api/", StringComparison.OrdinalIgnoreCase));
}
