using ChatTranscripts.Pipeline.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ChatTranscripts.Functions;

/// <summary>
/// Takes every request below the API prefix that no other function's route does, so unknown routes and wrong methods
/// answer problem+json as every 4xx does, not with the host's empty 404. Anonymous: it only ever answers with an error.
/// </summary>
public sealed class UnmatchedRoutesFunction
{
    /// <summary>
    /// The Functions host tries routes in the order of the functions' names, not by ASP.NET Core's precedence
    /// (azure-functions-host#9876), so this catch-all's name must sort after every other function's.
    /// </summary>
    public const string Name = "ZzUnmatchedRoutes";

    [Function(Name)]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "post", "put", "patch", "delete", "options", Route = ApiRoutes.Unmatched)] HttpRequest request, string path) =>
        new HttpResultActionResult(UnmatchedRequests.Answer(request.Method, path, request.ContentType));
}
