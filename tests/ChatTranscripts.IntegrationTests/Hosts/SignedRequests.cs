using System.Net.Http.Headers;
using System.Text;
using ChatTranscripts.Testing;

namespace ChatTranscripts.IntegrationTests.Hosts;

public static class SignedRequests
{
    /// <summary>Sends a request as a signed webhook delivery (Standard Webhooks); unsigned when <paramref name="secret"/> is null.</summary>
    public static async Task<HttpResponseMessage> SendSignedAsync(
        this HttpClient client, HttpMethod method, string path, string? json, string contentType = "application/json", string? secret = ChatHostSettings.Secret)
    {
        var body = json is null ? [] : Encoding.UTF8.GetBytes(json);
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        if (secret is not null)
        {
            WebhookRequestSigner.SignStandardWebhook(request, secret, DateTimeOffset.UtcNow, body);
        }
        return await client.SendAsync(request);
    }
}
