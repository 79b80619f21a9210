using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace ChatTranscripts.FunctionsHost.Host;

/// <summary>
/// The host's HTTP routing: every HTTP trigger's template under the route prefix, tried in the order of the functions'
/// names, the first whose template and methods match taking the request. This is how the Functions host orders
/// routes today, unlike ASP.NET Core's precedence (azure-functions-host#9876): a catch-all route in a function whose
/// name sorts first would take every request.
/// </summary>
internal sealed class HttpRoutes(IReadOnlyList<(HostedFunction Function, TemplateMatcher Matcher)> routes)
{
    public static HttpRoutes Build(IEnumerable<HostedFunction> functions, string prefix) => new(functions
        .Where(f => f.IsHttp)
        .OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase)
        .Select(f =>
        {
            var template = string.IsNullOrEmpty(prefix) ? f.Route ?? f.Name : $"{prefix}/{f.Route ?? f.Name}";
            return (f, new TemplateMatcher(TemplateParser.Parse(template), new RouteValueDictionary()));
        })
        .ToArray());

    /// <summary>The name of the function that takes the request, with its route values set on the request; null when none does.</summary>
    public string? Match(HttpContext context)
    {
        foreach (var (function, matcher) in routes)
        {
            var values = new RouteValueDictionary();
            if (matcher.TryMatch(context.Request.Path, values)
                && (function.Methods.Count == 0 || function.Methods.Contains(context.Request.Method, StringComparer.OrdinalIgnoreCase)))
            {
                context.Request.RouteValues = values;
                return function.Name;
            }
        }
        return null;
    }
}
