using ChatTranscripts.Pipeline.Http;
using ChatTranscripts.Pipeline.Http.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ChatTranscripts.Functions;

/// <summary>The organisers' routes; behaviour lives in <see cref="SessionsEndpoints"/>.</summary>
public sealed class SessionsFunctions(SessionsEndpoints endpoints)
{
    [Function("PutSession")]
    public async Task<IActionResult> PutSession(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = ApiRoutes.Session)] HttpRequest request, string id) =>
        new HttpResultActionResult(await endpoints.PutAsync(request, id, request.HttpContext.RequestAborted));

    [Function("GetSession")]
    public async Task<IActionResult> GetSession(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Session)] HttpRequest request, string id) =>
        new HttpResultActionResult(await endpoints.GetAsync(id, request.HttpContext.RequestAborted));

    [Function("ListSessions")]
    public async Task<IActionResult> ListSessions(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Sessions)] HttpRequest request) =>
        new HttpResultActionResult(await endpoints.ListAsync(request.HttpContext.RequestAborted));

    [Function("PublishSession")]
    public async Task<IActionResult> PublishSession(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.SessionPublish)] HttpRequest request, string id) =>
        new HttpResultActionResult(await endpoints.PublishAsync(id, request.HttpContext.RequestAborted));
}
