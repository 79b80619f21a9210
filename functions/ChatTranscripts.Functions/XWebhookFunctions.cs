using ChatTranscripts.Pipeline.Http;
using ChatTranscripts.Pipeline.Http.Ingest.X;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ChatTranscripts.Functions;

/// <summary>X's webhook routes; behaviour lives in <see cref="XWebhookEndpoints"/>. X calls the CRC route with the function key in the registered URL.</summary>
public sealed class XWebhookFunctions(XWebhookEndpoints endpoints)
{
    [Function("XWebhookCrc")]
    public async Task<IActionResult> Crc(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.XWebhook)] HttpRequest request) =>
        new HttpResultActionResult(await endpoints.CrcAsync(request, request.HttpContext.RequestAborted));

    [Function("XWebhookReceive")]
    public async Task<IActionResult> Receive(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.XWebhook)] HttpRequest request) =>
        new HttpResultActionResult(await endpoints.ReceiveAsync(request, request.HttpContext.RequestAborted));
}
