using System.Net.Http.Headers;
using System.Text.Json;
using ChatTranscripts.Testing;

namespace ChatTranscripts.LoadTool.Sending;

/// <summary>
/// A webhook sender for <c>POST /api/posts</c> (or any route signed the same way): signs each request with Standard
/// Webhooks when a secret is given (unsigned otherwise, which the local host accepts when it has no secret) and retries
/// transient failures with <see cref="RetryPolicy"/>. Every attempt of one request keeps its <c>webhook-id</c>, as the
/// specification asks, and is signed with a fresh timestamp. Safe to share between concurrent callers.
/// </summary>
public sealed class SignedPostSender(HttpClient client, string? secret, RetryPolicy? retry = null, TimeProvider? time = null)
{
    public const string PostsPath = "/api/posts";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly RetryPolicy _retry = retry ?? new RetryPolicy();
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private long _retries;

    /// <summary>Retries made so far by every call, for progress reports.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>Serialises posts (one object or an array of up to 100) as api.md's camelCase JSON, then sends them.</summary>
    public Task<SendResult> SendJsonAsync<T>(T posts, CancellationToken cancellationToken, string path = PostsPath) =>
        SendAsync(Serialize(posts), cancellationToken, path);

    public async Task<SendResult> SendAsync(byte[] body, CancellationToken cancellationToken, string path = PostsPath)
    {
        ArgumentNullException.ThrowIfNull(body);
        var messageId = "msg_" + Guid.NewGuid().ToString("N");
        return await _retry.SendAsync(client, () => Request(path, body, messageId), () => Interlocked.Increment(ref _retries), cancellationToken);
    }

    public static byte[] Serialize<T>(T posts) => JsonSerializer.SerializeToUtf8Bytes(posts, Json);

    private HttpRequestMessage Request(string path, byte[] body, string messageId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        if (!string.IsNullOrEmpty(secret))
        {
            WebhookRequestSigner.SignStandardWebhook(request, secret, messageId, _time.GetUtcNow(), body);
        }
        return request;
    }
}
