using System.Text;
using System.Text.Json;
using ChatTranscripts.IntegrationTests.Hosts;
using ChatTranscripts.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace ChatTranscripts.IntegrationTests.Functions;

/// <summary>Calls a function method directly, with a request built as the ASP.NET Core integration hands it over, signed with the hosts' test secret when asked.</summary>
internal static class FunctionInvocation
{
    public static async Task<(int Status, JsonElement Json)> InvokeAsync(
        IServiceProvider services, string method, string? body, Func<HttpRequest, Task<IActionResult>> function, bool signed = false)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = method;
        var bytes = Encoding.UTF8.GetBytes(body ?? "");
        if (body is not null)
        {
            context.Request.ContentType = "application/json";
            context.Request.Body = new MemoryStream(bytes);
            context.Request.ContentLength = bytes.Length;
        }
        if (signed)
        {
            foreach (var header in WebhookRequestSigner.StandardWebhookHeaders(ChatHostSettings.Secret, "msg_" + Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow, bytes))
            {
                context.Request.Headers[header.Key] = header.Value;
            }
        }
        var response = new MemoryStream();
        context.Response.Body = response;

        var result = await function(context.Request);
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));

        var text = Encoding.UTF8.GetString(response.ToArray());
        return (context.Response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement);
    }
}
