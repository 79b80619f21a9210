using ChatTranscripts.Pipeline.Http;
using ChatTranscripts.Pipeline.Http.Ingest.Bluesky;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ChatTranscripts.Functions;

/// <summary>The Bluesky relay's route; behaviour lives in <see cref="BlueskyWebhookEndpoints"/>.</summary>
public sealed class BlueskyWebhookFunctions(BlueskyWebhookEndpoints endpoints)
{
    [Function("ReceiveBlueskyWebhook")]
    public async Task<IActionResult> ReceiveBlueskyWebhook(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.BlueskyWebhook)] HttpRequest request) =>
        new HttpResultActionResult(await endpoints.ReceiveAsync(request, request.HttpContext.RequestAborted));
}
