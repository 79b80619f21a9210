using ChatTranscripts.Pipeline.Application.Validation;
using ChatTranscripts.Pipeline.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ChatTranscripts.Pipeline.Http;

/// <summary>RFC 9457 problem responses: every 4xx the API returns is built here.</summary>
public static class ApiProblems
{
    private const string TypeBase = "https://chattranscripts.dev/problems/";

    public static IResult Validation(ValidationErrors errors, string detail = "The request has invalid fields; see errors.") =>
        new ProblemResult(new HttpValidationProblemDetails(errors.ToDictionary())
        {
            Type = TypeBase + "validation",
            Title = "The request is not valid.",
            Status = StatusCodes.Status400BadRequest,
            Detail = detail,
        });

    public static IResult BadRequest(string field, string message) =>
        Validation(Single(field, message), message);

    public static IResult Unauthorized(string detail) =>
        Problem(StatusCodes.Status401Unauthorized, "signature", "The request is not signed correctly.", detail);

    /// <summary>A 401 for a missing or wrong bearer token, with the <c>WWW-Authenticate</c> challenge RFC 9110 asks for.</summary>
    public static IResult BearerTokenRequired(string realm, string detail) =>
        new ProblemResult(
            new ProblemDetails { Type = TypeBase + "token", Title = "The request needs a bearer token.", Status = StatusCodes.Status401Unauthorized, Detail = detail },
            $"Bearer realm=\"{realm}\"");

    public static IResult Forbidden(string type, string title, string detail) =>
        Problem(StatusCodes.Status403Forbidden, type, title, detail);

    public static IResult NotFound(string detail) =>
        Problem(StatusCodes.Status404NotFound, "not-found", "Not found.", detail);

    public static IResult MethodNotAllowed(string method, string path, IReadOnlyCollection<string> allowed) =>
        new AllowHeaderResult(
            Problem(StatusCodes.Status405MethodNotAllowed, "method", "The method is not allowed on this route.",
                $"{method} {path} is not a route of this API; it takes {string.Join(", ", allowed)}."),
            allowed);

    public static IResult PayloadTooLarge(long limit) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "too-large", "The request body is too large.",
            $"The body must be at most {limit} bytes.");

    public static IResult UnsupportedMediaType(string? contentType) =>
        Problem(StatusCodes.Status415UnsupportedMediaType, "media-type", "The request body must be JSON.",
            $"Send Content-Type: application/json (got '{contentType ?? "none"}').");

    public static IResult Unavailable(string detail) =>
        Problem(StatusCodes.Status503ServiceUnavailable, "unavailable", "The service is temporarily unavailable.", detail);

    private static ValidationErrors Single(string field, string message)
    {
        var errors = new ValidationErrors();
        errors.Add(field, message);
        return errors;
    }

    private static IResult Problem(int status, string type, string title, string detail) =>
        new ProblemResult(new ProblemDetails { Type = TypeBase + type, Title = title, Status = status, Detail = detail });

    /// <summary>Writes problem+json without depending on the host's IProblemDetailsService, so Functions and LocalHost answer alike.</summary>
    private sealed class ProblemResult(ProblemDetails problem, string? challenge = null) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => problem.Status;

        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
            if (challenge is not null)
            {
                httpContext.Response.Headers.WWWAuthenticate = challenge;
            }
            return httpContext.Response.WriteAsJsonAsync(problem, problem.GetType(), PipelineJson.Options, "application/problem+json");
        }
    }

    /// <summary>A 405 names the methods the route does take, as RFC 9110 asks.</summary>
    private sealed class AllowHeaderResult(IResult inner, IReadOnlyCollection<string> allowed) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Allow = string.Join(", ", allowed);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
