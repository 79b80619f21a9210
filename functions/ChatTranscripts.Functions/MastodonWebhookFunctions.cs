using ChatTranscripts.Pipeline.Http;
using ChatTranscripts.Pipeline.Http.Ingest.Mastodon;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ChatTranscripts.Functions;

/// <summary>Mastodon's admin webhook route; behaviour lives in <see cref="MastodonWebhookEndpoints"/>.</summary>
public sealed class MastodonWebhookFunctions(MastodonWebhookEndpoints endpoints)
{
    [Function("ReceiveMastodonWebhook")]
    public async Task<IActionResult> ReceiveMastodonWebhook(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.MastodonWebhook)] HttpRequest request) =>
        new HttpResultActionResult(await endpoints.ReceiveAsync(request, request.HttpContext.RequestAborted));
}
