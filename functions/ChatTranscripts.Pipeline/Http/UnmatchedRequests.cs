using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace ChatTranscripts.Pipeline.Http;

/// <summary>
/// The answer to a request below the API prefix that no route takes: a 405 naming the methods when the path is a
/// route's, else a 404, both problem+json. The Functions host would otherwise answer with an empty 404. (Where
/// routing also matches on the declared request content type, as the local host's does, a route's own path and method
/// land here only for a body that is not JSON: a 415.)
/// </summary>
public static class UnmatchedRequests
{
    private static readonly IReadOnlyList<(TemplateMatcher Matcher, string Method)> Routes = ApiRoutes.All
        .Select(route => (new TemplateMatcher(TemplateParser.Parse(route.Template), new RouteValueDictionary()), route.Method))
        .ToArray();

    /// <param name="path">The path below the prefix, without its leading slash.</param>
    public static IResult Answer(string method, string path, string? contentType)
    {
        var allowed = Routes
            .Where(route => route.Matcher.TryMatch("/" + path, new RouteValueDictionary()))
            .Select(route => route.Method)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var shown = $"/{ApiRoutes.Prefix}/{path}";
        if (allowed.Contains(method, StringComparer.OrdinalIgnoreCase))
        {
            return ApiProblems.UnsupportedMediaType(contentType);
        }
        return allowed.Length > 0
            ? ApiProblems.MethodNotAllowed(method, shown, allowed)
            : ApiProblems.NotFound($"{method} {shown} is not a route of this API.");
    }
}
