using ChatTranscripts.Pipeline.Http;
using ChatTranscripts.Pipeline.Http.Moderation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ChatTranscripts.Functions;

/// <summary>The organisers' moderation routes; behaviour lives in <see cref="ModerationEndpoints"/>.</summary>
public sealed class ModerationFunctions(ModerationEndpoints endpoints)
{
    /// <summary>
    /// Only the organisers' function key opens these functions (infra/main.bicep), and the host does not tell the worker
    /// which key a request carried, so that is the credential recorded.
    /// </summary>
    public const string Credential = "organisers function key";

    [Function("GetModeration")]
    public async Task<IActionResult> GetModeration(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.SessionModeration)] HttpRequest request, string id) =>
        new HttpResultActionResult(await endpoints.GetAsync(id, request.HttpContext.RequestAborted));

    [Function("PutModerationRules")]
    public async Task<IActionResult> PutModerationRules(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = ApiRoutes.SessionModerationRules)] HttpRequest request, string id) =>
        new HttpResultActionResult(await endpoints.PutRulesAsync(request, id, Credential, request.HttpContext.RequestAborted));

    [Function("HidePost")]
    public async Task<IActionResult> HidePost(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = ApiRoutes.SessionModerationPost)] HttpRequest request, string id, string platform, string postId) =>
        new HttpResultActionResult(await endpoints.HidePostAsync(request, id, platform, postId, Credential, request.HttpContext.RequestAborted));

    [Function("UnhidePost")]
    public async Task<IActionResult> UnhidePost(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = ApiRoutes.SessionModerationPost)] HttpRequest request, string id, string platform, string postId) =>
        new HttpResultActionResult(await endpoints.UnhidePostAsync(id, platform, postId, request.HttpContext.RequestAborted));

    [Function("BlockAccount")]
    public async Task<IActionResult> BlockAccount(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = ApiRoutes.SessionModerationAccount)] HttpRequest request, string id, string platform, string handle) =>
        new HttpResultActionResult(await endpoints.BlockAccountAsync(request, id, platform, handle, Credential, request.HttpContext.RequestAborted));

    [Function("UnblockAccount")]
    public async Task<IActionResult> UnblockAccount(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = ApiRoutes.SessionModerationAccount)] HttpRequest request, string id, string platform, string handle) =>
        new HttpResultActionResult(await endpoints.UnblockAccountAsync(id, platform, handle, request.Query["scope"], request.HttpContext.RequestAborted));
}
