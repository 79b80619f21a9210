using ChatTranscripts.Pipeline.Http;

namespace ChatTranscripts.LocalHost.Access;

/// <summary>
/// Refuses a state-changing request that a web page on another site made the visitor's browser send: a page could
/// otherwise publish or redefine a session on a host that trusts loopback, or post into a transcript while no secret is
/// set. Browsers say where a request comes from (<c>Sec-Fetch-Site</c>, or <c>Origin</c> in older ones); webhook senders
/// and scripts send neither and are not affected. JSON bodies must also be sent as <c>application/json</c>
/// (<see cref="JsonRequestBody"/>), which a plain HTML form cannot do.
/// </summary>
public sealed class CrossSiteRequestFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        if (ChangesState(request.Method) && CrossSite(request) is { } from)
        {
            return ApiProblems.Forbidden(
                "cross-site", "Cross-site requests are refused.",
                $"{request.Method} {request.Path} was sent by a page of another site ({from}); call the API from a script or a server instead.");
        }
        return await next(context);
    }

    private static bool ChangesState(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));

    /// <summary>Where the request came from when that is another site; null for this site, a typed URL, or no browser.</summary>
    private static string? CrossSite(HttpRequest request)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0)
        {
            return fetchSite is "same-origin" or "none" ? null : $"Sec-Fetch-Site: {fetchSite}";
        }
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return null;
        }
        var own = $"{request.Scheme}://{request.Host.Value}";
        return origin.Equals(own, StringComparison.OrdinalIgnoreCase) ? null : $"Origin: {origin}";
    }
}
