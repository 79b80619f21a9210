using System.Net.Http.Headers;
using System.Text.Json;
using ChatTranscripts.LoadTool.Generation;

namespace ChatTranscripts.LoadTool.Sending;

/// <summary>The organiser's routes the run needs: register the session, read its status, publish it, fetch its page.</summary>
internal sealed class SessionsClient(HttpClient client, RetryPolicy retry)
{
    public async Task RegisterAsync(string sessionId, SessionBody session, CancellationToken cancellationToken)
    {
        var body = SignedPostSender.Serialize(session);
        var result = await retry.SendAsync(client, () => Json(HttpMethod.Put, $"/api/sessions/{sessionId}", body), null, cancellationToken);
        Ensure(result, $"PUT /api/sessions/{sessionId}");
    }

    public async Task<SessionStatus> GetAsync(string sessionId, CancellationToken cancellationToken)
    {
        var result = await retry.SendAsync(client, () => new HttpRequestMessage(HttpMethod.Get, $"/api/sessions/{sessionId}"), null, cancellationToken);
        Ensure(result, $"GET /api/sessions/{sessionId}");
        using var json = JsonDocument.Parse(result.Body!);
        var root = json.RootElement;
        return new SessionStatus(
            root.GetProperty("status").GetString()!,
            root.GetProperty("postCount").GetInt32(),
            root.TryGetProperty("transcriptUrl", out var url) && url.ValueKind == JsonValueKind.String ? url.GetString() : null);
    }

    /// <summary><c>POST /api/sessions/{id}/publish</c>: the host renders and uploads before it answers.</summary>
    public async Task PublishAsync(string sessionId, CancellationToken cancellationToken)
    {
        var result = await retry.SendAsync(client, () => new HttpRequestMessage(HttpMethod.Post, $"/api/sessions/{sessionId}/publish"), null, cancellationToken);
        Ensure(result, $"POST /api/sessions/{sessionId}/publish");
    }

    /// <summary>The published page's bytes; <paramref name="url"/> is relative to the host, or absolute when the site has its own address.</summary>
    public async Task<byte[]> DownloadAsync(string url, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(new Uri(client.BaseAddress!, url), cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    private static HttpRequestMessage Json(HttpMethod method, string path, byte[] body)
    {
        var request = new HttpRequestMessage(method, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return request;
    }

    private static void Ensure(SendResult result, string what)
    {
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"{what} failed: {result}");
        }
    }
}
