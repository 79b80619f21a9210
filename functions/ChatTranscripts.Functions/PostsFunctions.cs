using ChatTranscripts.Pipeline.Http;
using ChatTranscripts.Pipeline.Http.Ingest;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ChatTranscripts.Functions;

/// <summary>The webhook senders' posts route; behaviour lives in <see cref="PostsEndpoints"/>.</summary>
public sealed class PostsFunctions(PostsEndpoints endpoints)
{
    [Function("SubmitPosts")]
    public async Task<IActionResult> SubmitPosts(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Posts)] HttpRequest request) =>
        new HttpResultActionResult(await endpoints.SubmitAsync(request, request.HttpContext.RequestAborted));
}
