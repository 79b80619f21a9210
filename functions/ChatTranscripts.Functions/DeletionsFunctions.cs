using ChatTranscripts.Pipeline.Http;
using ChatTranscripts.Pipeline.Http.Ingest;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ChatTranscripts.Functions;

/// <summary>The webhook senders' deletion routes; behaviour lives in <see cref="DeletionsEndpoints"/>.</summary>
public sealed class DeletionsFunctions(DeletionsEndpoints endpoints)
{
    [Function("SubmitDeletions")]
    public async Task<IActionResult> SubmitDeletions(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Deletions)] HttpRequest request) =>
        new HttpResultActionResult(await endpoints.SubmitAsync(request, request.HttpContext.RequestAborted));

    [Function("DeletePost")]
    public async Task<IActionResult> DeletePost(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = ApiRoutes.Post)] HttpRequest request, string platform, string id) =>
        new HttpResultActionResult(await endpoints.DeleteOneAsync(platform, id, request.HttpContext.RequestAborted));
}
