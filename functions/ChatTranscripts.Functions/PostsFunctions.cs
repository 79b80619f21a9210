using ChatTranscripts.Pipeline.Http;
using ChatTranscripts.Pipeline.Ingest;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ChatTranscripts.Functions;

/// <summary>The webhook senders' routes; behaviour lives in <see cref="PostsEndpoints"/>.</summary>
public sealed class PostsFunctions(PostsEndpoints endpoints)
{
    [Function("SubmitPosts")]
    public async Task<IActionResult> SubmitPosts(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Posts)] HttpRequest request) =>
        new HttpResultActionResult(await endpoints.SubmitAsync(request, request.HttpContext.RequestAborted));

    /// <summary>The id is a catch-all: Bluesky ids contain '/'.</summary>
    [Function("DeletePost")]
    public async Task<IActionResult> DeletePost(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = ApiRoutes.Post)] HttpRequest request, string platform, string id) =>
        new HttpResultActionResult(await endpoints.DeleteAsync(request, platform, id, request.HttpContext.RequestAborted));
}
